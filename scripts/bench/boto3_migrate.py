"""The baseline for scripts/bench-keys-migrate.sh: what an operator would write by hand with boto3.

Scans the old token table and writes each token to the new table in LISA v6.1 form (SHA-256 key,
name-based tokenUUID, expiry kept or now+90d, expired tokens skipped) with batch_writer. No backup,
no resume, no verification.
"""
import hashlib, sys, time, uuid

import boto3

NAMESPACE = uuid.UUID(bytes=bytes([0x6c, 0x69, 0x73, 0x61, 0x2d, 0x74, 0x6f, 0x6b, 0x9e, 0x7a, 0x41, 0x0b, 0x8f, 0x33, 0x51, 0xd2]))

def main(endpoint, source, target):
    db = boto3.resource("dynamodb", endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id="AKIDMOTOTEST", aws_secret_access_key="moto-secret-key")
    now = int(time.time())
    written = 0
    with db.Table(target).batch_writer() as writer:
        kwargs = {"Limit": 500}
        while True:
            page = db.Table(source).scan(**kwargs)
            for item in page["Items"]:
                expiration = int(item["tokenExpiration"]) if "tokenExpiration" in item else now + 90 * 86400
                if expiration <= now:
                    continue
                digest = hashlib.sha256(item["token"].encode("utf-8")).hexdigest()
                writer.put_item(Item={
                    "token": digest, "tokenUUID": str(uuid.uuid5(NAMESPACE, digest)), "tokenExpiration": expiration,
                    "createdDate": now, "createdBy": "boto3", "username": "api-token", "groups": [],
                    "name": "migrated-" + digest[:8], "isSystemToken": True})
                written += 1
            if "LastEvaluatedKey" not in page:
                break
            kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]
    print(written)

if __name__ == "__main__":
    main(*sys.argv[1:4])
