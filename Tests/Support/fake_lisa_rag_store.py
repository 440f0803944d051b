"""The fake RAG API's state: repositories, collections, documents and ingestion jobs as LISA keeps them
(docs/lisa/rag-api.md), the state machines' steps played out after a delay, and the documents' bytes
in a moto S3 bucket. Numbers in stored configs come back as floats, as LISA's DynamoDB decimals do.
"""

import time
import uuid
from datetime import datetime, timezone

from fake_lisa_rag_rules import deploy_problem

ACTIVE = ("CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", "UPDATE_IN_PROGRESS")


def iso(t=None):
    return datetime.fromtimestamp(t or time.time(), timezone.utc).isoformat()


def floats(value):
    """What a config looks like after a trip through DynamoDB and LISA's convert_decimal."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return float(value)
    if isinstance(value, dict):
        return {k: floats(v) for k, v in value.items()}
    if isinstance(value, list):
        return [floats(v) for v in value]
    return value


class Store:
    def __init__(self, s3, bucket):
        self.s3, self.bucket = s3, bucket
        self.clear()

    def clear(self):
        self.repos, self.collections, self.docs, self.jobs = {}, {}, [], []
        self.delay, self.fail_creates = None, {}
        if self.s3 is not None:
            try:
                self.s3.create_bucket(Bucket=self.bucket)
            except Exception:  # already there
                pass

    # Repositories ---------------------------------------------------------------------------------
    def view(self, repo_id):
        row = self.repos[repo_id]
        config = dict(row["config"], status=row["status"])
        metadata = config.get("metadata")
        if metadata is None:
            config["metadata"] = {"tags": []}
        elif "tags" not in metadata:
            config["metadata"] = dict(metadata, tags=[])
        return config

    def find(self, repo_id):
        if repo_id not in self.repos:
            raise ValueError(f"Repository with ID '{repo_id}' not found")  # LISA's ValueError: a 500
        return self.view(repo_id)

    def put_repo(self, config, status):
        config = floats(config)
        now = iso()
        config.setdefault("createdAt", now)
        config["updatedAt"] = now
        self.repos[config["repositoryId"]] = {"config": config, "status": status, "since": time.time()}

    def set_status(self, repo_id, status):
        row = self.repos[repo_id]
        row["status"], row["since"] = status, time.time()

    def finish_create(self, repo_id):
        row = self.repos[repo_id]
        problem = self.fail_creates.pop(repo_id, None) or deploy_problem(row["config"])
        if problem:
            row["config"]["statusReason"] = problem
            return self.set_status(repo_id, "CREATE_FAILED")
        self.set_status(repo_id, "CREATE_COMPLETE")
        model = row["config"].get("embeddingModelId")
        if model and not any(c["default"] for c in self.repo_collections(repo_id)):
            collection = self.new_collection(repo_id, {
                "name": f"{repo_id}-{model}".replace(".", "-"), "embeddingModel": model, "default": True,
                "description": "Default collection using repository's embedding model",
                "metadata": {"tags": ["default"], "customFields": {}}, "createdBy": row["config"].get("createdBy")})
            pipelines = row["config"].get("pipelines") or []
            for pipeline in pipelines:
                if pipeline.get("collectionId") == "default":
                    pipeline["collectionId"] = collection["collectionId"]

    def remove_repo(self, repo_id):
        for doc in [d for d in self.docs if d["repository_id"] == repo_id]:
            self.drop_document(doc)
        for key in [k for k in self.collections if k[0] == repo_id]:
            del self.collections[key]
        del self.repos[repo_id]

    # Collections ----------------------------------------------------------------------------------
    def repo_collections(self, repo_id):
        return [c for (r, _), c in self.collections.items() if r == repo_id]

    def new_collection(self, repo_id, body):
        now = iso()
        collection = {
            "collectionId": str(uuid.uuid4()), "repositoryId": repo_id, "name": None, "description": None,
            "chunkingStrategy": None, "allowChunkingOverride": True, "metadata": None, "allowedGroups": None,
            "embeddingModel": None, "createdBy": "system", "createdAt": now, "updatedAt": now, "status": "ACTIVE",
            "default": False, "dataSourceId": None, "pipelines": None}
        collection.update({k: v for k, v in body.items() if k in collection and k not in ("collectionId",)})
        if collection["allowedGroups"] == []:
            collection["allowedGroups"] = None
        self.collections[(repo_id, collection["collectionId"])] = collection
        return collection

    def collection_page(self, repo_id, after, limit):
        """One DynamoDB query page of a repository's collections, oldest first, and its LastEvaluatedKey (a full
        page always carries one)."""
        items = sorted(self.repo_collections(repo_id), key=lambda c: (c["createdAt"], c["collectionId"]))
        if after is not None:
            ids = [c["collectionId"] for c in items]
            items = items[ids.index(after) + 1:] if after in ids else []
        page = items[:limit]
        last = {"collectionId": page[-1]["collectionId"], "repositoryId": repo_id} if len(page) == limit else None
        return page, last

    def virtual_default(self, repo_id):
        """The default collection LISA makes up for a vector store whose stored collections have none."""
        config = self.view(repo_id)
        active = ("CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", "UPDATE_IN_PROGRESS",
                  "CREATE_IN_PROGRESS")
        model = config.get("embeddingModelId")
        if config.get("type") == "bedrock_knowledge_base" or config["status"] not in active or not model:
            return None
        now = iso()
        return {"collectionId": str(uuid.uuid4()), "repositoryId": repo_id, "name": f"{repo_id}-{model}".replace(".", "-"),
                "description": "Default collection using repository's embedding model", "chunkingStrategy": None,
                "allowChunkingOverride": True, "metadata": {"tags": ["default"], "customFields": {}},
                "allowedGroups": config.get("allowedGroups") or [], "embeddingModel": model,
                "createdBy": config.get("createdBy", "system"), "createdAt": now, "updatedAt": now, "status": "ACTIVE",
                "default": True, "dataSourceId": None, "pipelines": config.get("pipelines") or []}

    def find_collection_by_name(self, repo_id, name):
        return next((c for c in self.repo_collections(repo_id) if c["name"] == name), None)

    # Documents and jobs ---------------------------------------------------------------------------
    def object_text(self, key):
        """The first KiB of an uploaded object, or None when there is none."""
        try:
            body = self.s3.get_object(Bucket=self.bucket, Key=key, Range="bytes=0-1023")["Body"].read()
        except Exception:
            return None
        return body.decode("utf-8", "replace")

    def new_job(self, repo_id, collection_id, key, strategy, username, status="INGESTION_PENDING", document=None):
        job = {
            "id": str(uuid.uuid4()), "s3_path": f"s3://{self.bucket}/{key}", "collection_id": collection_id,
            "document_id": document or str(uuid.uuid4()), "repository_id": repo_id, "chunk_strategy": strategy,
            "embedding_model": collection_id, "username": username, "ingestion_type": "manual", "status": status,
            "created_date": iso(), "error_message": None, "document_name": key.split("/")[-1], "auto": False,
            "metadata": None, "job_type": None, "collection_deletion": False, "s3_paths": None, "document_ids": None,
            "since": time.time()}
        self.jobs.insert(0, job)
        return job

    def finish_ingestion(self, job):
        key = job["s3_path"].split("/", 3)[3]
        text = self.object_text(key)
        if text is None:
            job["status"], job["error_message"] = "INGESTION_FAILED", f"NoSuchKey: {key} is not in {self.bucket}"
            return
        job["status"] = "INGESTION_COMPLETED"
        pk = f"{job['repository_id']}#{job['collection_id']}"
        self.docs = [d for d in self.docs if not (d["pk"] == pk and d["source"] == job["s3_path"])]
        self.docs.append({
            "pk": pk, "document_id": job["document_id"], "repository_id": job["repository_id"],
            "collection_id": job["collection_id"], "document_name": job["document_name"], "source": job["s3_path"],
            "username": job["username"], "chunk_strategy": job["chunk_strategy"], "ingestion_type": "manual",
            "upload_date": int(time.time() * 1000), "chunks": max(1, len(text) // 512), "text": text})

    def drop_document(self, doc):
        """LISA deletes the S3 object with the document, whoever else ingested it."""
        if self.s3 is not None:
            try:
                self.s3.delete_object(Bucket=self.bucket, Key=doc["source"].split("/", 3)[3])
            except Exception:
                pass
        self.docs = [d for d in self.docs if d is not doc]

    def settle(self):
        if self.delay is None:
            return
        now = time.time()
        for repo_id, row in list(self.repos.items()):
            if now - row["since"] < self.delay:
                continue
            if row["status"] == "CREATE_IN_PROGRESS":
                self.finish_create(repo_id)
            elif row["status"] == "UPDATE_IN_PROGRESS":
                self.set_status(repo_id, "UPDATE_COMPLETE")
            elif row["status"] == "DELETE_IN_PROGRESS":
                self.remove_repo(repo_id)
        for job in self.jobs:
            if now - job["since"] < self.delay:
                continue
            if job["status"] == "INGESTION_PENDING":
                self.finish_ingestion(job)
            elif job["status"] == "DELETE_PENDING":
                job["status"] = "DELETE_COMPLETED"
                for doc in [d for d in self.docs if d["document_id"] == job["document_id"]]:
                    self.docs = [d for d in self.docs if d is not doc]
        for key, collection in list(self.collections.items()):
            if collection["status"] == "DELETE_IN_PROGRESS" and now - collection.get("since", now) >= self.delay:
                for doc in [d for d in self.docs if d["collection_id"] == key[1]]:
                    self.drop_document(doc)
                del self.collections[key]
