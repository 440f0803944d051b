"""Seeds and inspects LISA API token tables in a moto server with boto3, independently of lisa.

    token_tables.py seed   --endpoint URL --table OLD --target NEW --count N --now SECONDS --secrets FILE
    token_tables.py dump   --endpoint URL --table NAME            # every item, sorted, one JSON per line
    token_tables.py check  --endpoint URL --table NEW --secrets FILE --now SECONDS
    token_tables.py create --endpoint URL --table NAME [--v61]

`seed` creates the old table as LISA v5 did (PK `token`, on-demand), the new one as LISA v6.1 does
(PK `token` + GSI `username-index`), and writes N legacy items: most with a future expiration, every
10th without one, every 15th already expired, every 7th with unusual characters. The plaintexts go to
the secrets file (JSON lines: token, expiration or null), never to stdout.
"""
import uuid
import argparse, hashlib, json, os, random, sys

import boto3

def client(endpoint):
    return boto3.client("dynamodb", endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id="AKIDMOTOTEST", aws_secret_access_key="moto-secret-key")

def create(db, name, v61):
    spec = dict(TableName=name, BillingMode="PAY_PER_REQUEST",
                KeySchema=[{"AttributeName": "token", "KeyType": "HASH"}],
                AttributeDefinitions=[{"AttributeName": "token", "AttributeType": "S"}])
    if v61:
        spec["AttributeDefinitions"].append({"AttributeName": "username", "AttributeType": "S"})
        spec["GlobalSecondaryIndexes"] = [{"IndexName": "username-index",
                                           "KeySchema": [{"AttributeName": "username", "KeyType": "HASH"}],
                                           "Projection": {"ProjectionType": "ALL"}}]
    db.create_table(**spec)

ODD = ["tøken-ümlaut-", "with space ", "quote\"s-", "slash/and\\back-", "emoji-🔑-", "colon:semi;-", "#hash&amp-"]

def seed(args):
    db = client(args.endpoint)
    create(db, args.table, False)
    if args.target:
        create(db, args.target, True)
    rng = random.Random(args.seed)
    now = int(args.now)
    with open(args.secrets, "w", opener=lambda p, f: os.open(p, f, 0o600)) as out:
        batch = []
        for i in range(args.count):
            token = "%032x" % rng.getrandbits(128)
            if i % 7 == 3:
                token = ODD[i % len(ODD)] + token
            item = {"token": {"S": token}}
            expiration = None
            if i % 10 == 5:
                expiration = None
            elif i % 15 == 4:
                expiration = now - 86400 * (1 + i % 30)
            else:
                expiration = now + 86400 * (30 + i % 300)
            if expiration is not None:
                item["tokenExpiration"] = {"N": str(expiration)}
            out.write(json.dumps({"token": token, "expiration": expiration}) + "\n")
            batch.append({"PutRequest": {"Item": item}})
            if len(batch) == 25:
                write(db, args.table, batch)
                batch = []
        if batch:
            write(db, args.table, batch)

def write(db, table, batch):
    pending = {table: batch}
    while pending:
        pending = db.batch_write_item(RequestItems=pending).get("UnprocessedItems") or {}

def scan(db, table):
    kwargs = {"TableName": table}
    while True:
        page = db.scan(**kwargs)
        yield from page["Items"]
        if "LastEvaluatedKey" not in page:
            return
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]

def dump(args):
    items = sorted(scan(client(args.endpoint), args.table), key=lambda item: item["token"]["S"])
    for item in items:
        print(json.dumps(item, sort_keys=True, ensure_ascii=False))

def check(args):
    db = client(args.endpoint)
    now = int(args.now)
    result = {"accepted": 0, "expiredAbsent": 0, "missing": 0, "bad": 0, "problems": []}
    for line in open(args.secrets):
        entry = json.loads(line)
        key = hashlib.sha256(entry["token"].encode("utf-8")).hexdigest()
        item = db.get_item(TableName=args.table, Key={"token": {"S": key}}, ConsistentRead=True).get("Item")
        expiration = entry["expiration"]
        if expiration is not None and expiration <= now:
            if item is None:
                result["expiredAbsent"] += 1
            else:
                result["bad"] += 1
                result["problems"].append("expired token was written: " + key[:12])
            continue
        if item is None:
            result["missing"] += 1
            result["problems"].append("missing: " + key[:12])
            continue
        ok = (item.get("tokenUUID", {}).get("S") and "tokenExpiration" in item and int(item["tokenExpiration"]["N"]) > now
              and item.get("isSystemToken", {}).get("BOOL") is True and "username" in item and "groups" in item
              and "createdDate" in item and "createdBy" in item and "name" in item
              and (expiration is None or int(item["tokenExpiration"]["N"]) == expiration)
              and entry["token"] not in json.dumps(item, ensure_ascii=False))
        if ok:
            result["accepted"] += 1
        else:
            result["bad"] += 1
            result["problems"].append("not accepted: " + key[:12])
    result["problems"] = result["problems"][:20]
    print(json.dumps(result))

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["seed", "dump", "check", "create", "drop", "retag"])
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--table", required=True)
    parser.add_argument("--target")
    parser.add_argument("--count", type=int, default=0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--now", type=float, default=0)
    parser.add_argument("--secrets")
    parser.add_argument("--v61", action="store_true")
    args = parser.parse_args()
    if args.command == "create":
        create(client(args.endpoint), args.table, args.v61)
    elif args.command == "retag":
        # Gives the first COUNT items (by key) a random tokenUUID: items a migration sees as different.
        db = client(args.endpoint)
        for item in sorted(scan(db, args.table), key=lambda item: item["token"]["S"])[: args.count]:
            item["tokenUUID"] = {"S": str(uuid.uuid4())}
            db.put_item(TableName=args.table, Item=item)
    elif args.command == "drop":
        client(args.endpoint).delete_table(TableName=args.table)
    else:
        {"seed": seed, "dump": dump, "check": check}[args.command](args)

if __name__ == "__main__":
    main()
