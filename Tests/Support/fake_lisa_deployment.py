"""A whole LISA REST API for lisa's tests: the Model Management API (fake_lisa_models.py) and the RAG repository
API (fake_lisa_rag.py) behind one API Gateway stage, as one deployment serves them (docs/lisa/models-api.md,
docs/lisa/rag-api.md). `/repository...` goes to the RAG fake, everything else to the models fake, each with its
own quirks; /_control/... reaches both: reset and settings apply to both, state and requests are merged.

Run: python fake_lisa_deployment.py --port N [--token T] [--read-token R] --dynamodb-endpoint URL
     [--model-table T] --s3-endpoint URL [--bucket B]
"""

import json
import sys
import threading

import fake_lisa_models as models
import fake_lisa_rag as rag
from fake_lisa_http import ApiError, run

RAW_REQUESTS = True  # the RAG handlers parse their own bodies; models bodies are parsed here
ARGS = None
lock = threading.Lock()
state = {"requests": []}

MODELS_ONLY = {"models", "items", "asgs"}
RAG_ONLY = {"repositories", "documents"}


def add_arguments(parser):
    models.add_arguments(parser)
    parser.add_argument("--s3-endpoint", default="")
    parser.add_argument("--bucket", default="lisa-rag-docs")


def reset():
    models.ARGS = rag.ARGS = ARGS
    models.reset()
    rag.reset()
    state["requests"] = []


def handle(method, parts, headers, body, query):
    state["requests"].append(None)  # only counted, for the fakes' request ids
    if parts[:1] == ["repository"]:
        return rag.handle(method, parts, headers, body, query)
    try:
        parsed = json.loads(body) if body else None
    except ValueError:
        return models.INVALID_JSON
    return models.handle(method, parts, headers, parsed)


def control(parts, body):
    if parts in (["reset"], ["settings"]):
        rag.control(parts, body)
        models.control(parts, body)
        if parts == ["reset"]:
            state["requests"] = []
        return {"ok": True}
    if parts == ["state"]:
        return dict(models.control(parts, body), **rag.control(parts, body))
    if parts == ["requests"]:
        return {"requests": models.state["requests"] + rag.state["requests"]}
    if parts == ["faults"]:
        owner = rag if str(body.get("path", "")).startswith("/repository") else models
        return owner.control(parts, body)
    if parts[:1] and parts[0] in RAG_ONLY:
        return rag.control(parts, body)
    if parts[:1] and parts[0] in MODELS_ONLY:
        return models.control(parts, body)
    raise ApiError(404, {"message": "unknown control route"})


if __name__ == "__main__":
    run(sys.modules[__name__], add_arguments)
