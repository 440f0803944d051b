"""A fake of LISA's Model Management API for lisa's tests, on 127.0.0.1 only (docs/lisa/models-api.md).

Behaves like API Gateway + the models Lambda + its state machines where the CLI can tell: authorizer
answers (401 {"message"}, 403 {"Message"}), FastAPI's routing (404/405 {"detail"} for paths no route
takes, after Mangum decoded them), pydantic 422 {"detail": [{loc, msg, type}]}, handler errors 400/404/409
{"detail"}, the generic 500, status gating, and the update state machine's writes: the environment map
replaced by the one sent, capacities checked against and applied to a live autoscaling group whose
desired capacity is never stored, start/stop of a model LISA does not host ending Failed. The models
live in a table (fake_lisa_model_store.py) as LISA stores them; state transitions happen after a delay
or through /_control/... (no auth).

Run: python fake_lisa_models.py --port N [--token T] [--read-token R] [--stage /prod]
     [--dynamodb-endpoint URL --model-table NAME --region R]
"""

import copy
import sys
import threading
import time

from fake_lisa_http import ApiError, bearer, due_fault, run
from fake_lisa_model_rules import INSTANCES, check_schedule, problems, validate_create, validate_update
from fake_lisa_model_update import gate_update, run_update
from fake_lisa_model_store import DynamoTable, MemoryTable, dump_create, dump_schedule, hosted, to_lisa_model

SETTLE = {"Creating": "InService", "Starting": "InService", "Stopping": "Stopped"}
NO_SCHEDULE = "Failed to get schedule: Failed to get schedule: 'NoneType' object has no attribute 'get'"

INVALID_JSON = (422, {"detail": [{"type": "json_invalid", "loc": ["body", 0], "msg": "JSON decode error"}]})
ARGS = None
lock = threading.Lock()
state = {}


def add_arguments(parser):
    parser.add_argument("--dynamodb-endpoint", default="")
    parser.add_argument("--model-table", default="lisa-models")
    parser.add_argument("--region", default="us-east-1")


def reset():
    table = state.get("table")
    if table is None:
        table = DynamoTable(ARGS.dynamodb_endpoint, ARGS.model_table, ARGS.region) if ARGS.dynamodb_endpoint else MemoryTable()
    table.clear()
    state.clear()
    state.update(table=table, asgs={}, guardrails={}, since={}, return_to={}, repositories={}, faults=[], requests=[],
                 delay=None, fail_creates={})


def load(model_id):
    item = state["table"].get(model_id)
    if item is None:
        raise ApiError(404, {"detail": f"Model '{model_id}' was not found."})
    return item


def view(item):
    return to_lisa_model(item, state["guardrails"].get((item.get("model_config") or {}).get("modelId")))


def set_status(model_id, status, reason=None):
    """What the state machines write when a step ends."""
    table = state["table"]
    if status == "deleted":
        table.delete(model_id)
        state["guardrails"].pop(model_id, None)
        return
    item = table.get(model_id)
    item["model_status"] = status
    item["last_modified_date"] = int(time.time())
    if reason is not None:
        item["failure_reason"] = reason[:1000]
    config = item.get("model_config") or {}
    if status == "InService":
        item.setdefault("litellm_id", f"litellm-{model_id}")
        if hosted(config):
            item.setdefault("auto_scaling_group", f"{model_id}-asg")
            item.setdefault("model_url", f"http://internal-lisa-{model_id}-123456.us-east-1.elb.amazonaws.com/v1")
            scaling = config["autoScalingConfig"]
            asg = state["asgs"].setdefault(item["auto_scaling_group"], {})
            if not asg.get("max"):
                asg.update(min=scaling["minCapacity"], max=scaling["maxCapacity"],
                           desired=scaling.get("desiredCapacity") or scaling["minCapacity"])
    if status == "Stopped" and item.get("auto_scaling_group"):
        state["asgs"][item["auto_scaling_group"]] = {"min": 0, "max": 0, "desired": 0}
    table.put(item)
    state["since"][model_id] = time.time()


def settle_due():
    delay = state["delay"]
    if delay is None:
        return
    now = time.time()
    for item in state["table"].scan():
        model_id, status = item["model_id"], item.get("model_status")
        if now - state["since"].get(model_id, now) < delay:
            continue
        if status == "Deleting":
            set_status(model_id, "deleted")
        elif status == "Creating" and model_id in state["fail_creates"]:
            set_status(model_id, "Failed", state["fail_creates"][model_id])
        elif status in SETTLE:
            set_status(model_id, SETTLE[status])
        elif status == "Updating":
            set_status(model_id, state["return_to"].pop(model_id, "InService"))


def route_model(method, model_id, body):
    if method == "GET":
        return 200, {"model": view(load(model_id))}
    if method == "PUT":
        validate_update(body)
        item = load(model_id)
        gate_update(state, item, body)
        run_update(state, copy.deepcopy(item), body, set_status)
        return 200, {"model": view(item)}  # the model as it was; an unreadable one answers 400 after the work began
    if method == "DELETE":
        item = load(model_id)
        users = sorted(r for r, ids in state["repositories"].items() if model_id in ids)
        if users:
            raise ApiError(409, {"detail": f"Model '{model_id}' is currently in use by: "
                                           + ", ".join(f"repository '{r}' (model)" for r in users)
                                           + ". Please remove the model from all resources before deleting."})
        set_status(model_id, "Deleting")
        return 200, {"model": view(item)}
    raise ApiError(405, {"detail": "Method Not Allowed"})


def route_schedule(method, model_id, body):
    item = state["table"].get(model_id)
    if item is None:
        raise ApiError(404, {"detail": f"Model {model_id} not found"})
    config = item["model_config"]
    if method == "GET":
        scaling = config.get("autoScalingConfig", {})
        scheduling = scaling.get("scheduling", {}) if scaling is not None else None
        if scheduling is None:
            raise ApiError(400, {"detail": NO_SCHEDULE})
        return 200, {"modelId": model_id, "scheduling": scheduling,
                     "nextScheduledAction": scheduling.get("nextScheduledAction")}
    if method in ("PUT", "POST", "DELETE"):
        if method != "DELETE":
            errors = []
            check_schedule(errors, body, [])
            if errors:
                raise problems(errors)
        if item.get("model_status") not in ("InService", "Stopped"):
            raise ApiError(400, {"detail": f"Cannot perform operation when model is in '{item.get('model_status')}' state, "
                                           "model must be in one of: 'InService', 'Stopped'."})
        if method != "DELETE" and not item.get("auto_scaling_group"):
            raise ApiError(400, {"detail": "Model does not have an Auto Scaling Group configured"})
        schedule = None
        if method != "DELETE":
            schedule = dump_schedule(body)
            schedule.update(scheduledActionArns=[f"arn:aws:autoscaling:{model_id}:start"], scheduleEnabled=True,
                            lastScheduleUpdate=time.strftime("%Y-%m-%dT%H:%M:%SZ"), scheduleConfigured=True)
        if config.get("autoScalingConfig") is None:
            config["autoScalingConfig"] = {}
        config["autoScalingConfig"]["scheduling"] = schedule
        state["table"].put(item)
        word = "deleted" if method == "DELETE" else "updated"
        return 200, {"message": f"Schedule {word} successfully", "modelId": model_id, "scheduleEnabled": schedule is not None}
    raise ApiError(405, {"detail": "Method Not Allowed"})


def route(method, parts, body):
    if parts == ["models"] and method == "GET":
        return 200, {"models": [view(item) for item in state["table"].scan()]}
    if parts == ["models"] and method == "POST":
        validate_create(body)
        if state["table"].get(body["modelId"]) is not None:
            raise ApiError(409, {"detail": f"Model '{body['modelId']}' already exists. Please select another name."})
        config = dump_create(body)
        guardrails = config.pop("guardrailsConfig", None)
        item = {"model_id": body["modelId"], "model_status": "Creating", "model_config": config,
                "model_description": body.get("modelDescription"), "last_modified_date": int(time.time())}
        state["table"].put(item)
        if guardrails:
            state["guardrails"][body["modelId"]] = guardrails
        state["since"][body["modelId"]] = time.time()
        return 200, {"model": view({"model_config": config, "model_status": "Creating"})}
    if parts == ["models", "metadata", "instances"] and method == "GET":
        return 200, INSTANCES
    if len(parts) == 2 and parts[0] == "models":
        return route_model(method, parts[1], body)
    if len(parts) == 3 and parts[0] == "models" and parts[2] == "schedule":
        return route_schedule(method, parts[1], body)
    if parts and parts[0] == "models":
        raise ApiError(404, {"detail": "Not Found"})
    raise ApiError(403, {"message": "Missing Authentication Token"})


def seed(body):
    """A model as LISA would hold it: the config dumped as create stores it, then the given status's writes."""
    config = body["model"] if body.get("raw") else dump_create(body["model"])
    model_id = config["modelId"]
    guardrails = config.pop("guardrailsConfig", None)
    state["table"].put({"model_id": model_id, "model_status": "Creating", "model_config": config,
                        "model_description": config.get("modelDescription"), "last_modified_date": int(time.time())})
    if guardrails:
        state["guardrails"][model_id] = guardrails
    status = body.get("status", "InService")
    if status not in ("Creating", "Failed"):
        set_status(model_id, "InService")
    set_status(model_id, status, body.get("failureReason"))


def control(parts, body):
    if parts == ["reset"]:
        reset()
    elif parts == ["settings"]:
        state["delay"] = body.get("transitionDelay", state["delay"])
        state["fail_creates"].update(body.get("failCreates", {}))
    elif parts == ["models"]:
        seed(body)
    elif parts == ["items"]:
        state["table"].put(body["item"])
    elif len(parts) == 3 and parts[0] == "models" and parts[2] == "status":
        set_status(parts[1], body["status"], body.get("failureReason"))
    elif parts == ["asgs"]:
        return {"asgs": state["asgs"]}
    elif parts == ["faults"]:
        state["faults"].append(dict(body))
    elif parts == ["repositories"]:
        state["repositories"][body["repositoryId"]] = body["models"]
    elif parts == ["requests"]:
        return {"requests": state["requests"]}
    elif parts == ["state"]:
        items = state["table"].scan()
        return {"models": {i["model_id"]: dict(i.get("model_config") or {}, status=i.get("model_status")) for i in items},
                "items": items}
    else:
        raise ApiError(404, {"detail": "unknown control route"})
    return {"ok": True}


def handle(method, parts, headers, body):
    body = {} if body is None else body
    settle_due()
    credential = bearer(headers)
    shown = "/" + "/".join(parts)
    state["requests"].append({"method": method, "path": shown, "body": body or None,
                              "authorized": credential in (ARGS.token, ARGS.read_token)})
    fault = due_fault(state["faults"], method, shown)
    if fault is not None:
        if fault.get("apply"):
            try:
                route(method, parts, body)
            except ApiError:
                pass
        return fault["status"], fault.get("body", {"message": "Internal server error"})
    if ARGS.token and credential not in (ARGS.token, ARGS.read_token):
        return 401, {"message": "Unauthorized"}
    if ARGS.read_token and credential == ARGS.read_token and method != "GET":
        return 403, {"Message": "User is not authorized to access this resource with an explicit deny"}
    return route(method, parts, body)


if __name__ == "__main__":
    run(sys.modules[__name__], add_arguments)
