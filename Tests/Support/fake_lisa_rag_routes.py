"""The fake RAG API's handlers, one per LISA route (docs/lisa/rag-api.md#routes). Errors LISA answers on
purpose are ApiError(status, "message"); a ValueError or KeyError, as in LISA, becomes the generic 500.
"""

import json

from fake_lisa_http import ApiError
from fake_lisa_rag_listing import all_collections
from fake_lisa_rag_rules import (COLLECTION_UPDATABLE, Invalid, check_chunking, collection_config,
                                 immutable_pipeline_problem, pydantic_text, update_request, vector_store_config)
from fake_lisa_rag_store import ACTIVE, floats

GATEWAY_404 = {"message": "Missing Authentication Token"}


def parse(body):
    return json.loads(body) if body else json.loads("null")


def allowed(who, groups):
    return who["admin"] or not groups or any(g in (groups or []) for g in who["groups"])


def repository(store, repo_id, who):
    config = store.find(repo_id)
    if not allowed(who, config.get("allowedGroups")):
        raise ApiError(403, "User does not have permission to access this repository")
    return config


def admin_only(who):
    if not who["admin"]:
        raise ApiError(403, "User does not have permission to access this repository")


def page_size(query, default=10, most=100):
    return max(1, min(int(query.get("pageSize", str(default))), most))


def create(store, body, who):
    admin_only(who)
    request = parse(body)
    try:
        config = vector_store_config(dict(request, createdBy=who["username"]))
    except Invalid as invalid:
        raise ApiError(400, "Invalid VectorStoreConfig: " + pydantic_text("VectorStoreConfig", invalid.findings))
    config["createdBy"] = who["username"]
    store.put_repo(config, "CREATE_IN_PROGRESS")
    return {"status": "success", "executionArn": f"arn:aws:states:us-east-1:123456789012:execution:create:{config['repositoryId']}"}


def update(store, repo_id, body, who):
    try:
        updates = update_request(parse(body) or {})
    except Invalid as invalid:
        raise ApiError(400, "Invalid request: " + pydantic_text("UpdateVectorStoreRequest", invalid.findings))
    current = store.repos[repo_id]["config"] if repo_id in store.repos else store.find(repo_id)
    old = current.get("pipelines") or []
    new = updates.get("pipelines")
    if new is not None and old:
        problem = immutable_pipeline_problem(old, floats(new))
        if problem:
            raise ApiError(400, problem)
    changed = new is not None and floats(new) != old
    current.update(floats(updates))
    store.set_status(repo_id, "UPDATE_IN_PROGRESS" if changed else "UPDATE_COMPLETE")
    result = dict(current)
    if changed:
        result["executionArn"] = f"arn:aws:states:us-east-1:123456789012:execution:create:{repo_id}-update"
    return result


def delete(store, repo_id, who):
    admin_only(who)
    store.find(repo_id)
    for collection in store.repo_collections(repo_id):
        collection["status"] = "DELETE_IN_PROGRESS"
    store.set_status(repo_id, "DELETE_IN_PROGRESS")
    return {"status": "success", "executionArn": f"arn:aws:states:us-east-1:123456789012:execution:delete:{repo_id}"}


def list_docs(store, repo_id, query, who):
    repository(store, repo_id, who)
    collection = query.get("collectionId")
    if collection:
        docs = [d for d in store.docs if d["pk"] == f"{repo_id}#{collection}"]
        fields = ("pk", "document_id")
    else:
        docs = [d for d in store.docs if d["repository_id"] == repo_id]
        fields = ("pk", "document_id", "repository_id")
    docs.sort(key=lambda d: (d["pk"], d["document_id"]))
    if "lastEvaluatedKeyPk" in query:
        start = (query["lastEvaluatedKeyPk"], query.get("lastEvaluatedKeyDocumentId", ""))
        docs = [d for d in docs if (d["pk"], d["document_id"]) > start]
    total = len(docs)
    limit = page_size(query)
    page = docs[:limit]
    last = {f: page[-1][f] for f in fields} if len(page) == limit else None
    return {"documents": [{k: v for k, v in d.items() if k != "text"} for d in page], "lastEvaluated": last,
            "totalDocuments": total, "hasNextPage": last is not None, "hasPreviousPage": "lastEvaluated" in query}


def delete_docs(store, repo_id, body, who):
    ids = (parse(body) or {}).get("documentIds")
    if not ids:
        raise ApiError(400, "No 'documentIds' parameter supplied")
    repository(store, repo_id, who)
    docs = [d for d in store.docs if d["document_id"] in ids]
    if not docs:
        raise ValueError(f"No documents found in repository collection {repo_id}")
    jobs = []
    for doc in docs:
        store.drop_document(doc)
        key = doc["source"].split("/", 3)[3]
        job = store.new_job(repo_id, doc["collection_id"], key, None, who["username"], "DELETE_PENDING",
                            doc["document_id"])
        jobs.append({"jobId": job["id"], "documentId": job["document_id"], "status": job["status"],
                     "s3Path": job["s3_path"]})
    return {"jobs": jobs}


def ingest(store, repo_id, body, query, who):
    request = parse(body)
    if not isinstance(request.get("keys"), list):
        raise ApiError(400, pydantic_text("IngestDocumentRequest", [(["keys"], "Field required", "missing")]))
    config = repository(store, repo_id, who)
    collection_id = request.get("collectionId") or config.get("embeddingModelId")
    collection = None
    if request.get("collectionId") and request["collectionId"] != config.get("embeddingModelId"):
        collection = store.collections.get((repo_id, request["collectionId"]))
        if collection is None:
            raise ApiError(400, f"Collection {request['collectionId']} not found")
    strategy = None
    if collection and request.get("chunkingStrategy") and collection["allowChunkingOverride"]:
        strategy = request["chunkingStrategy"]
    elif collection:
        strategy = collection["chunkingStrategy"]
    if not strategy:
        strategy = {"type": "fixed", "size": int(query.get("chunkSize", 1000)), "overlap": int(query.get("chunkOverlap", 200))}
    found = []
    check_chunking(strategy, ["chunk_strategy"], found)
    if found:
        raise ApiError(400, pydantic_text("IngestionJob", found))
    jobs = [store.new_job(repo_id, collection_id, key, strategy, who["username"]) for key in request["keys"]]
    name = (collection or {}).get("name") or collection_id
    return {"jobs": [{"jobId": j["id"], "documentId": j["document_id"], "status": j["status"], "s3Path": j["s3_path"]}
                     for j in jobs], "collectionId": collection_id, "collectionName": name}


def list_jobs(store, repo_id, query, who):
    repository(store, repo_id, who)
    jobs = [j for j in store.jobs if j["repository_id"] == repo_id]
    if "lastEvaluatedKey" in query:
        try:
            start = json.loads(query["lastEvaluatedKey"])
        except json.JSONDecodeError as error:
            raise ApiError(400, f"Invalid JSON in lastEvaluatedKey: {error}")
        ids = [j["id"] for j in jobs]
        jobs = jobs[ids.index(start["id"]) + 1:] if start.get("id") in ids else []
    limit = page_size(query)
    page = jobs[:limit]
    last = {"id": page[-1]["id"], "repository_id": repo_id, "created_date": page[-1]["created_date"]} \
        if len(page) == limit else None
    return {"lastEvaluatedKey": last, "hasNextPage": last is not None, "hasPreviousPage": "lastEvaluatedKey" in query,
            "jobs": [{k: v for k, v in j.items() if k != "since"} for j in page]}


def search(store, repo_id, query, who):
    config = repository(store, repo_id, who)
    text = query.get("query")
    top_k = int(query.get("topK", 3))
    collection_id = query.get("collectionId")
    model = None
    if collection_id:
        collection = store.collections.get((repo_id, collection_id))
        model = (collection or {}).get("embeddingModel") or config.get("embeddingModelId")
    else:
        model = query.get("modelName")
        if not model:
            raise ApiError(400, "modelName is required when collectionId is not provided")
    words = text.lower().split()  # no query: LISA fails in the vector store call, a 500
    target = collection_id or model
    scored = []
    for doc in store.docs:
        if doc["repository_id"] != repo_id or doc["collection_id"] != target:
            continue
        content = set(doc.get("text", "").lower().split())
        score = sum(1 for w in words if w in content) / max(1, len(words))
        scored.append((score, doc))
    scored.sort(key=lambda pair: -pair[0])
    docs = []
    for score, doc in scored[:top_k]:
        metadata = {"source": doc["source"], "document_id": doc["document_id"]}
        if query.get("score", "false").lower() == "true":
            metadata["similarity_score"] = round(score, 4)
        docs.append({"Document": {"page_content": doc.get("text", "")[:500], "metadata": metadata}})
    return {"docs": docs}


def collections(store, method, repo_id, rest, body, query, who):
    config = repository(store, repo_id, who)
    if not rest and method == "GET":
        after = query.get("lastEvaluatedKeyCollectionId")
        page, last = store.collection_page(repo_id, after, page_size(query, default=20))
        default = store.virtual_default(repo_id) if after is None else None
        if default and not any(c["default"] for c in page):
            page.append(default)
        return {"collections": page, "pagination": {"totalCount": len(store.repo_collections(repo_id))},
                "lastEvaluatedKey": last, "hasNextPage": last is not None, "hasPreviousPage": False}
    if not rest and method == "POST":
        if not who["admin"]:
            raise ApiError(403, "User does not have permission to access this resource")
        if config.get("type") == "bedrock_knowledge_base":
            raise ApiError(400, "Bedrock Knowledge Base repositories do not support user created collections. "
                           "Update the repository to add a new datasource collection.")
        request = parse(body)
        try:
            request = collection_config(dict(request, repositoryId=repo_id, createdBy=who["username"]))
        except Invalid as invalid:
            raise ApiError(400, "Invalid request: " + pydantic_text("RagCollectionConfig", invalid.findings))
        if not request.get("embeddingModel") and not config.get("embeddingModelId"):
            raise ApiError(400, "Either the collection must specify an embeddingModel or the repository must have a "
                           "default embeddingModelId")
        if store.find_collection_by_name(repo_id, request.get("name")):
            raise ApiError(400, f"Collection with name '{request.get('name')}' already exists in repository '{repo_id}'")
        return store.new_collection(repo_id, request)
    if len(rest) != 1:
        raise ApiError(403, GATEWAY_404)
    collection = store.collections.get((repo_id, rest[0]))
    if method == "GET":
        if collection is None:
            raise ApiError(404, f"Collection '{rest[0]}' not found in repository '{repo_id}'")
        return collection
    if not who["admin"]:
        raise ApiError(403, "User does not have permission to access this resource")
    if collection is None:
        raise ApiError(400, f"Collection {rest[0]} not found")
    if method == "PUT":
        updates = {k: v for k, v in (parse(body) or {}).items() if k in COLLECTION_UPDATABLE and v is not None}
        if "name" in updates and updates["name"] != collection["name"]:
            other = store.find_collection_by_name(repo_id, updates["name"])
            if other and other["collectionId"] != rest[0]:
                raise ApiError(400, f"Collection with name '{updates['name']}' already exists in repository '{repo_id}'")
        collection.update(updates)
        return collection
    if method == "DELETE":
        import time

        collection["status"], collection["since"] = "DELETE_IN_PROGRESS", time.time()
        return {"jobId": f"job-delete-{rest[0]}", "deletionType": "full", "status": "DELETE_PENDING"}
    raise ApiError(403, GATEWAY_404)


def route(store, method, parts, body, query, who):
    if not parts or parts[0] != "repository":
        raise ApiError(403, GATEWAY_404)
    rest = parts[1:]
    if not rest:
        if method == "GET":
            return [store.view(k) for k in store.repos if allowed(who, store.repos[k]["config"].get("allowedGroups"))]
        if method == "POST":
            return create(store, body, who)
    elif rest == ["status"] and method == "GET":
        admin_only(who)
        return {k: row["status"] for k, row in store.repos.items()}
    elif rest == ["collections"] and method == "GET":
        return all_collections(store, query, who, lambda config: allowed(who, config.get("allowedGroups")))
    elif rest == ["presigned-url"] and method == "POST":
        return presigned(store, body, who)
    elif len(rest) == 1:
        if method == "GET":
            return repository(store, rest[0], who)
        if method == "PUT":
            if not who["admin"]:
                raise ApiError(403, "User does not have permission to access this resource")
            return update(store, rest[0], body, who)
        if method == "DELETE":
            return delete(store, rest[0], who)
    elif rest[1:] == ["bulk"] and method == "POST":
        return ingest(store, rest[0], body, query, who)
    elif rest[1:] == ["document"] and method in ("GET", "DELETE"):
        return list_docs(store, rest[0], query, who) if method == "GET" else delete_docs(store, rest[0], body, who)
    elif rest[1:] == ["jobs"] and method == "GET":
        return list_jobs(store, rest[0], query, who)
    elif rest[1:] == ["similaritySearch"] and method == "GET":
        return search(store, rest[0], query, who)
    elif len(rest) >= 2 and rest[1] == "collection":
        return collections(store, method, rest[0], rest[2:], body, query, who)
    elif len(rest) == 2 and method == "GET":
        repository(store, rest[0], who)
        doc = next((d for d in store.docs if d["document_id"] == rest[1]), None)
        return {k: v for k, v in doc.items() if k != "text"}  # a missing one: AttributeError in LISA too, a 500
    raise ApiError(403, GATEWAY_404)


def presigned(store, body, who):
    if store.s3 is None:
        raise ApiError(500, "An unexpected error occurred while processing your request")
    return {"response": store.s3.generate_presigned_post(
        Bucket=store.bucket, Key=body, Fields={"x-amz-meta-user": who["username"]},
        Conditions=[{"x-amz-meta-user": who["username"]}, ["content-length-range", 0, 52428800]], ExpiresIn=3600)}
