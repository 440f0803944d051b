"""A fake of LISA's RAG repository API for lisa's tests, on 127.0.0.1 only (docs/lisa/rag-api.md).

Behaves like API Gateway + the repository Lambda handlers + their state machines where the CLI can
tell: the authorizer's 401, admin-only 403s, pydantic's 400 texts, a bare JSON string as every error
body, the generic 500 for LISA's ValueErrors (a missing repository among them), stored numbers as
floats, pages cut by DynamoDB's Limit (a full page carries a key even when nothing follows), presigned
POSTs into a moto S3 bucket, and documents deleted with their S3 objects. State changes happen after a
delay set through /_control/settings, or never when none is set.

Run: python fake_lisa_rag.py --port N [--token T] [--read-token R] --s3-endpoint URL [--bucket B]
"""

import json
import sys
import threading
import time
import traceback

from fake_lisa_http import ApiError, bearer, due_fault, run
from fake_lisa_rag_rules import Invalid, pydantic_text, vector_store_config
from fake_lisa_rag_routes import route

GENERIC_500 = "An unexpected error occurred while processing your request"
INVALID_JSON = (400, "Invalid JSON in request body.")
RAW_REQUESTS = True  # fake_lisa_http hands over the body as text and the query string
ARGS = None
lock = threading.Lock()
state = {}


def add_arguments(parser):
    parser.add_argument("--s3-endpoint", default="")
    parser.add_argument("--bucket", default="lisa-rag-docs")
    parser.add_argument("--region", default="us-east-1")


def s3_client():
    if not ARGS.s3_endpoint:
        return None
    import boto3  # only with moto, so the fake starts without it otherwise

    return boto3.client("s3", endpoint_url=ARGS.s3_endpoint, region_name=ARGS.region,
                        aws_access_key_id="AKIDMOTOTEST", aws_secret_access_key="moto-secret-key")


def reset():
    from fake_lisa_rag_store import Store

    store = state.get("store") or Store(s3_client(), ARGS.bucket)
    store.clear()
    state.clear()
    state.update(store=store, faults=[], requests=[])


def caller(credential):
    if credential == ARGS.token or not ARGS.token:
        return {"username": "admin", "groups": ["admins"], "admin": True}
    if credential == ARGS.read_token:
        return {"username": "reader", "groups": [], "admin": False}
    return None


def seed(body):
    """A repository as LISA would hold it, in any status, with no checks but pydantic's."""
    store = state["store"]
    config = vector_store_config(dict(body["repository"], createdBy="seed"))
    store.put_repo(dict(config, createdBy="seed"), body.get("status", "CREATE_COMPLETE"))
    if body.get("status", "CREATE_COMPLETE") == "CREATE_COMPLETE" and body.get("defaultCollection", True):
        store.repos[config["repositoryId"]]["status"] = "CREATE_IN_PROGRESS"
        store.finish_create(config["repositoryId"])
    return {"ok": True}


def control(parts, body):
    store = state["store"]
    if parts == ["reset"]:
        reset()
    elif parts == ["settings"]:
        store.delay = body.get("transitionDelay", store.delay)
    elif parts == ["repositories"]:
        return seed(body)
    elif len(parts) == 3 and parts[0] == "repositories" and parts[2] == "status":
        store.set_status(parts[1], body["status"])
    elif len(parts) == 3 and parts[0] == "repositories" and parts[2] == "fail":
        store.fail_creates[parts[1]] = body.get("reason", "the deployment failed")
    elif parts == ["collections"]:
        model = store.repos[body["repositoryId"]]["config"].get("embeddingModelId") or "seed-embed"
        for index in range(body.get("count", 1)):
            store.new_collection(body["repositoryId"], {"name": f"{body.get('prefix', 'seeded')}-{index:04d}",
                                                        "embeddingModel": model, "createdBy": "seed"})
    elif parts == ["documents"]:
        for _ in range(body.get("count", 1)):
            job = store.new_job(body["repositoryId"], body["collectionId"], body.get("key", "seeded.txt"), None, "seed")
            store.finish_ingestion(job) if store.s3 is not None and body.get("key") else seed_document(store, job)
    elif parts == ["faults"]:
        state["faults"].append(body)
    elif parts == ["requests"]:
        return {"requests": state["requests"]}
    elif parts == ["state"]:
        store.settle()
        return {"repositories": {k: store.view(k) for k in store.repos}, "collections": list(store.collections.values()),
                "documents": [{k: v for k, v in d.items() if k != "text"} for d in store.docs], "jobs": store.jobs}
    else:
        raise ApiError(404, {"message": "unknown control route"})
    return {"ok": True}


def seed_document(store, job):
    job["status"] = "INGESTION_COMPLETED"
    store.docs.append({
        "pk": f"{job['repository_id']}#{job['collection_id']}", "document_id": job["document_id"],
        "repository_id": job["repository_id"], "collection_id": job["collection_id"],
        "document_name": f"doc-{len(store.docs):04d}.txt", "source": job["s3_path"], "username": "seed",
        "chunk_strategy": None, "ingestion_type": "manual", "upload_date": int(time.time() * 1000), "chunks": 1,
        "text": f"seeded document {len(store.docs)}"})


def handle(method, parts, headers, body, query):
    store = state["store"]
    store.settle()
    credential = bearer(headers)
    shown = "/" + "/".join(parts)
    state["requests"].append({"method": method, "path": shown, "query": query, "body": body or None,
                              "authorized": caller(credential) is not None})
    fault = due_fault(state["faults"], method, shown)
    if fault is not None:
        if fault.get("apply"):
            try:
                route(store, method, parts, body, query, caller(credential) or {})
            except Exception:
                pass
        return fault["status"], fault.get("body", GENERIC_500)
    who = caller(credential)
    if who is None:
        return 401, {"message": "Unauthorized"}
    try:
        return 200, route(store, method, parts, body, query, who)
    except Invalid as invalid:
        return 400, pydantic_text("VectorStoreConfig", invalid.findings)
    except json.JSONDecodeError as error:
        return 400, f"Invalid JSON in request body: {error}"
    except ApiError:
        raise
    except Exception:  # LISA's ValueErrors and KeyErrors: the response builder's generic 500
        traceback.print_exc(file=sys.stderr)
        return 500, GENERIC_500


if __name__ == "__main__":
    run(sys.modules[__name__], add_arguments)
