"""Request checks of the fake RAG API, written from LISA's pydantic models (docs/lisa/rag-api.md#repository).

Each check returns pydantic's kind of findings, (location, message, type); `pydantic_text` renders them
the way str(ValidationError) does, which LISA's handlers put into their 400 answers. What pydantic does
not check (the id's shape, the type-specific config, s3Prefix rules, trigger `daily` aside) is left to the
deploy step, which the fake plays out as CREATE_FAILED.
"""

import re

TAG = re.compile(r"^[a-zA-Z0-9_-]+$")
TRIGGERS = ("event", "schedule")
TYPES = ("opensearch", "pgvector", "bedrock_knowledge_base")
REPO_ID = re.compile(r"^[a-z0-9-]{3,20}")
S3_PREFIX_CHARS = re.compile(r"^([a-zA-Z0-9!_.*'()/=-]+/)*[a-zA-Z0-9!_.*'()/=-]*$")
UPDATE_FIELDS = ("repositoryName", "description", "embeddingModelId", "allowedGroups", "metadata", "pipelines",
                 "bedrockKnowledgeBaseConfig")
COLLECTION_UPDATABLE = ("name", "description", "chunkingStrategy", "allowedGroups", "metadata",
                        "allowChunkingOverride", "pipelines")


class Invalid(Exception):
    def __init__(self, findings):
        super().__init__(findings)
        self.findings = findings


def pydantic_text(model, findings):
    count = len(findings)
    lines = [f"{count} validation error{'s' if count != 1 else ''} for {model}"]
    for loc, message, kind in findings:
        lines.append(".".join(str(p) for p in loc) or model)
        lines.append(f"  {message} [type={kind}]")
    return "\n".join(lines)


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool) or isinstance(value, float) and value.is_integer()


def is_str(value):
    return isinstance(value, str)


def check_int(value, loc, out, ge=None, le=None):
    if not is_int(value):
        out.append((loc, "Input should be a valid integer", "int_type"))
        return
    if ge is not None and value < ge:
        out.append((loc, f"Input should be greater than or equal to {ge}", "greater_than_equal"))
    if le is not None and value > le:
        out.append((loc, f"Input should be less than or equal to {le}", "less_than_equal"))


def check_chunking(value, loc, out):
    """FixedChunkingStrategy | NoneChunkingStrategy (a union: a dict of either shape)."""
    if not isinstance(value, dict):
        out.append((loc, "Input should be a valid dictionary or instance of FixedChunkingStrategy", "model_type"))
        return
    kind = value.get("type", "fixed")
    if kind == "none":
        return
    if kind != "fixed":
        out.append((loc + ["type"], "Input should be 'fixed' or 'none'", "enum"))
        return
    found = []
    if "size" not in value:
        found.append((loc + ["size"], "Field required", "missing"))
    else:
        check_int(value["size"], loc + ["size"], found, ge=100, le=10000)
    if "overlap" not in value:
        found.append((loc + ["overlap"], "Field required", "missing"))
    else:
        check_int(value["overlap"], loc + ["overlap"], found, ge=0)
    if not found and value["overlap"] > value["size"] / 2:
        found.append((loc, f"Value error, chunk overlap ({value['overlap']}) must be less than or equal to half of "
                      f"chunk size ({value['size'] / 2})", "value_error"))
    out.extend(found)


def check_tags(metadata, loc, out, limit=None):
    if metadata is None:
        return
    if not isinstance(metadata, dict):
        out.append((loc, "Input should be a valid dictionary", "model_type"))
        return
    tags = metadata.get("tags", [])
    if not isinstance(tags, list):
        out.append((loc + ["tags"], "Input should be a valid list", "list_type"))
        return
    if limit is not None and len(tags) > limit:
        out.append((loc + ["tags"], f"List should have at most {limit} items after validation, not {len(tags)}",
                    "too_long"))
        return
    if limit is None:
        return
    for tag in tags:
        if not is_str(tag) or len(tag) > 50:
            out.append((loc + ["tags"], "Value error, Each tag must be 50 characters or less", "value_error"))
            return
        if not TAG.match(tag):
            out.append((loc + ["tags"], f"Value error, Tag '{tag}' contains invalid characters. Tags must contain "
                        "only alphanumeric characters, hyphens, and underscores", "value_error"))
            return


def check_pipeline(pipeline, loc, out):
    """PipelineConfig; returns it with the deprecated chunk fields turned into a chunkingStrategy."""
    if not isinstance(pipeline, dict):
        out.append((loc, "Input should be a valid dictionary or instance of PipelineConfig", "model_type"))
        return pipeline
    found = []
    bucket = pipeline.get("s3Bucket")
    if bucket is None:
        found.append((loc + ["s3Bucket"], "Field required", "missing"))
    elif not is_str(bucket) or not bucket:
        found.append((loc + ["s3Bucket"], "String should have at least 1 character", "string_too_short"))
    if "s3Prefix" not in pipeline:
        found.append((loc + ["s3Prefix"], "Field required", "missing"))
    elif not is_str(pipeline["s3Prefix"]):
        found.append((loc + ["s3Prefix"], "Input should be a valid string", "string_type"))
    if "trigger" not in pipeline:
        found.append((loc + ["trigger"], "Field required", "missing"))
    elif pipeline["trigger"] not in TRIGGERS:
        found.append((loc + ["trigger"], "Input should be 'event' or 'schedule'", "enum"))
    if "autoRemove" in pipeline and not isinstance(pipeline["autoRemove"], bool):
        found.append((loc + ["autoRemove"], "Input should be a valid boolean", "bool_type"))
    for field in ("chunkSize", "chunkOverlap"):
        if pipeline.get(field) is not None:
            check_int(pipeline[field], loc + [field], found, ge=0)
    if pipeline.get("chunkingStrategy") is not None:
        check_chunking(pipeline["chunkingStrategy"], loc + ["chunkingStrategy"], found)
    check_tags(pipeline.get("metadata"), loc + ["metadata"], found, limit=50)
    if not found:
        size, overlap = pipeline.get("chunkSize"), pipeline.get("chunkOverlap")
        legacy = size is not None and overlap is not None
        if not legacy and pipeline.get("chunkingStrategy") is None:
            found.append((loc, "Value error, Chunking configuration required: provide either 'chunkingStrategy' or "
                          "both 'chunkSize' and 'chunkOverlap'", "value_error"))
        elif (size is not None or overlap is not None) and not legacy:
            found.append((loc, "Value error, When using legacy chunking fields, both 'chunkSize' and 'chunkOverlap' "
                          "must be provided", "value_error"))
        elif legacy and pipeline.get("chunkingStrategy") is None:
            strategy = {"type": "fixed", "size": size, "overlap": overlap}
            check_chunking(strategy, loc, found)
            pipeline = dict(pipeline, chunkingStrategy=strategy)
    out.extend(found)
    if not found:
        pipeline = dict({"autoRemove": True, "metadata": {"tags": [], "customFields": {}}}, **pipeline)
        pipeline["s3Bucket"] = pipeline["s3Bucket"].strip()
    return pipeline


def check_kb(config, loc, out):
    if config is None:
        return
    if not isinstance(config, dict):
        out.append((loc, "Input should be a valid dictionary", "model_type"))
        return
    if not config.get("knowledgeBaseId"):
        out.append((loc + ["knowledgeBaseId"], "Field required", "missing"))
    sources = config.get("dataSources")
    if not isinstance(sources, list) or not sources:
        out.append((loc + ["dataSources"], "List should have at least 1 item after validation, not 0", "too_short"))
        return
    for index, source in enumerate(sources):
        for field in ("id", "name", "s3Uri"):
            if not isinstance(source, dict) or not source.get(field):
                out.append((loc + ["dataSources", index, field], "Field required", "missing"))
        if isinstance(source, dict) and is_str(source.get("s3Uri")) and not source["s3Uri"].startswith("s3://"):
            out.append((loc + ["dataSources", index, "s3Uri"], "Value error, S3 URI must start with s3://",
                        "value_error"))


def check_common(body, out):
    """The fields VectorStoreConfig and UpdateVectorStoreRequest share; returns normalised pipelines."""
    for field in ("repositoryName", "description", "embeddingModelId"):
        if body.get(field) is not None and not is_str(body[field]):
            out.append(([field], "Input should be a valid string", "string_type"))
    groups = body.get("allowedGroups")
    if groups is not None and (not isinstance(groups, list) or not all(is_str(g) for g in groups)):
        out.append((["allowedGroups"], "Input should be a valid list", "list_type"))
    check_tags(body.get("metadata"), ["metadata"], out)
    check_kb(body.get("bedrockKnowledgeBaseConfig"), ["bedrockKnowledgeBaseConfig"], out)
    pipelines = body.get("pipelines")
    if pipelines is None:
        return None
    if not isinstance(pipelines, list):
        out.append((["pipelines"], "Input should be a valid list", "list_type"))
        return None
    return [check_pipeline(p, ["pipelines", i], out) for i, p in enumerate(pipelines)]


def vector_store_config(body):
    """VectorStoreConfig(**body): the stored config, or Invalid."""
    out = []
    if not is_str(body.get("repositoryId")):
        out.append((["repositoryId"], "Field required", "missing"))
    if not is_str(body.get("type")):
        out.append((["type"], "Field required", "missing"))
    pipelines = check_common(body, out)
    search = body.get("opensearchConfig")
    if search is not None:
        if not isinstance(search, dict):
            out.append((["opensearchConfig"], "Input should be a valid dictionary", "model_type"))
        elif "endpoint" not in search:
            check_int(search.get("dataNodes", 2), ["opensearchConfig", "dataNodes"], out, ge=1)
            check_int(search.get("masterNodes", 0), ["opensearchConfig", "masterNodes"], out, ge=0)
            check_int(search.get("volumeSize", 20), ["opensearchConfig", "volumeSize"], out, ge=20)
    rds = body.get("rdsConfig")
    if rds is not None and (not isinstance(rds, dict) or not is_int(rds.get("dbPort", 5432))):
        out.append((["rdsConfig", "dbPort"], "Input should be a valid integer", "int_type"))
    if out:
        raise Invalid(out)
    known = ("repositoryId", "type", "opensearchConfig", "rdsConfig") + UPDATE_FIELDS
    config = {key: body[key] for key in known if body.get(key) is not None}
    config.setdefault("allowedGroups", [])
    if pipelines is not None:
        config["pipelines"] = pipelines
    return config


def update_request(body):
    """UpdateVectorStoreRequest(**body).model_dump(exclude_none=True), or Invalid."""
    out = []
    pipelines = check_common(body, out)
    if out:
        raise Invalid(out)
    updates = {key: body[key] for key in UPDATE_FIELDS if body.get(key) is not None}
    if pipelines is not None:
        updates["pipelines"] = pipelines
    return updates


def deploy_problem(config):
    """What the deploy-time schema refuses, which the API let through: the reason the create fails."""
    repository_id = config.get("repositoryId", "")
    if not REPO_ID.match(repository_id) or repository_id.startswith("-") or repository_id.endswith("-"):
        return "repositoryId: Only lowercase alphanumeric characters and '-' are supported."
    if config.get("type") not in TYPES:
        return f"type: Invalid option: expected one of {'|'.join(TYPES)}"
    needed = {"opensearch": "opensearchConfig", "pgvector": "rdsConfig",
              "bedrock_knowledge_base": "bedrockKnowledgeBaseConfig"}[config["type"]]
    if config.get(needed) is None:
        return f"Invalid input: {needed} is required for type {config['type']}"
    for pipeline in config.get("pipelines") or []:
        prefix = pipeline.get("s3Prefix", "")
        if prefix.startswith("/") or not S3_PREFIX_CHARS.match(prefix) or re.search(r"(^|/)\.\.?(/|$)", prefix):
            return f"pipelines.s3Prefix: Prefix must be a valid S3 prefix ({prefix!r})"
    return None


def collection_config(body):
    """RagCollectionConfig(**body) for create; raises Invalid."""
    out = []
    name = body.get("name")
    if name is not None:
        if not is_str(name) or len(name) > 100:
            out.append((["name"], "String should have at most 100 characters", "string_too_long"))
        elif not all(c.isalnum() or c in " -_" for c in name):
            out.append((["name"], "Value error, Collection name must contain only alphanumeric characters, spaces, "
                        "hyphens, and underscores", "value_error"))
    if body.get("chunkingStrategy") is not None:
        check_chunking(body["chunkingStrategy"], ["chunkingStrategy"], out)
    check_tags(body.get("metadata"), ["metadata"], out, limit=50)
    if "allowChunkingOverride" in body and not isinstance(body["allowChunkingOverride"], bool):
        out.append((["allowChunkingOverride"], "Input should be a valid boolean", "bool_type"))
    pipelines = body.get("pipelines")
    if isinstance(pipelines, list):
        body = dict(body, pipelines=[check_pipeline(p, ["pipelines", i], out) for i, p in enumerate(pipelines)])
    if out:
        raise Invalid(out)
    return body


def immutable_pipeline_problem(current, new):
    """LISA's _validate_immutable_pipeline_fields: by position when the counts match, then by key."""
    fields = ("autoRemove", "collectionId", "s3Bucket", "s3Prefix", "trigger")

    def key(p):
        return f"{p.get('collectionId', '')}:{p.get('s3Bucket', '')}:{p.get('s3Prefix', '')}"

    pairs = list(zip(current, new)) if len(current) == len(new) else []
    by_key = {key(p): p for p in new}
    pairs += [(p, by_key[key(p)]) for p in current if key(p) in by_key]
    for old, changed in pairs:
        for field in fields:
            if old.get(field) != changed.get(field):
                return (f"Pipeline field '{field}' cannot be modified for existing pipelines. Current value: "
                        f"'{old.get(field)}', attempted value: '{changed.get(field)}'. This field requires "
                        "infrastructure redeployment. Please create a new pipeline instead.")
    return None
