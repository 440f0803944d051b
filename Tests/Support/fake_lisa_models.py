"""A fake of LISA's Model Management API (contracts §2) for lisa's tests, on 127.0.0.1 only.

Behaves like API Gateway + the models Lambda where the CLI can tell: authorizer answers
(401 {"message"}, 403 {"Message"}), unknown routes (403 "Missing Authentication Token"),
pydantic-style 422 {"detail": [{loc, msg, type}]}, handler errors 400 {"message"},
404/409 {"detail"}, status gating, and state transitions that the test drives through
/_control/... (no auth) or lets happen after a delay.

Run: python fake_lisa_models.py --port N [--token T] [--read-token R] [--stage /prod]
"""

import copy
import sys
import threading
import time

from fake_lisa_http import ApiError, bearer, due_fault, run
from fake_lisa_model_rules import HOSTING_FIELDS, INSTANCES, check_schedule, problems, validate_create, validate_update

SETTLE = {"Creating": "InService", "Starting": "InService", "Stopping": "Stopped"}

INVALID_JSON = (400, {"message": "body is not JSON"})
ARGS = None
lock = threading.Lock()
state = {}


def reset():
    state.clear()
    state.update(models={}, repositories={}, faults=[], requests=[], delay=None, fail_creates={})


def lisa_model(model):
    out = copy.deepcopy(model["config"])
    out["status"] = model["status"]
    if model.get("url"):
        out["modelUrl"] = model["url"]
    if model.get("reason"):
        out["failureReason"] = model["reason"]
    return out


def apply_update(model, body):
    config = model["config"]
    for key in ("modelType", "modelDescription", "streaming", "allowedGroups", "features", "guardrailsConfig"):
        if body.get(key) is not None:
            config[key] = body[key]
    scaling = body.get("autoScalingInstanceConfig") or {}
    for key, value in scaling.items():
        if value is not None:
            config.setdefault("autoScalingConfig", {})[key] = value
    container = body.get("containerConfig") or {}
    flat = {"healthCheckCommand": "command", "healthCheckInterval": "interval", "healthCheckTimeout": "timeout",
            "healthCheckStartPeriod": "startPeriod", "healthCheckRetries": "retries"}
    for key, value in container.items():
        if value is None:
            continue
        if key == "environment":
            env = config["containerConfig"].setdefault("environment", {})
            for name, text in value.items():
                if text == "LISA_MARKED_FOR_DELETION":
                    env.pop(name, None)
                else:
                    env[name] = text
        elif key in flat:
            config["containerConfig"].setdefault("healthCheckConfig", {})[flat[key]] = value
        else:
            config["containerConfig"][key] = value


def set_status(model_id, status, reason=None):
    models = state["models"]
    if status == "deleted":
        models.pop(model_id, None)
        return
    model = models[model_id]
    model["status"], model["reason"], model["since"] = status, reason, time.time()
    if status == "InService" and model["hosted"] and not model.get("url"):
        model["url"] = f"http://internal-lisa-{model_id}-123456.us-east-1.elb.amazonaws.com/v1"


def settle_due():
    delay = state["delay"]
    if delay is None:
        return
    now = time.time()
    for model_id, model in list(state["models"].items()):
        if now - model["since"] < delay:
            continue
        if model["status"] == "Deleting":
            set_status(model_id, "deleted")
        elif model["status"] == "Creating" and model_id in state["fail_creates"]:
            set_status(model_id, "Failed", state["fail_creates"][model_id])
        elif model["status"] in SETTLE:
            set_status(model_id, SETTLE[model["status"]])
        elif model["status"] == "Updating":
            set_status(model_id, model.pop("return_to", "InService"))


def find(model_id):
    if model_id not in state["models"]:
        raise ApiError(404, {"detail": f"Model '{model_id}' was not found."})
    return state["models"][model_id]


def route(method, parts, body):
    if parts == ["models"] and method == "GET":
        return 200, {"models": [lisa_model(m) for m in state["models"].values()]}
    if parts == ["models"] and method == "POST":
        validate_create(body)
        if body["modelId"] in state["models"]:
            raise ApiError(409, {"detail": f"Model '{body['modelId']}' already exists."})
        hosted = all(body.get(f) is not None for f in HOSTING_FIELDS)
        state["models"][body["modelId"]] = {"config": copy.deepcopy(body), "hosted": hosted, "url": body.get("modelUrl")}
        set_status(body["modelId"], "Creating")
        return 200, {"model": lisa_model(state["models"][body["modelId"]])}
    if parts == ["models", "metadata", "instances"] and method == "GET":
        return 200, INSTANCES
    if len(parts) == 2 and parts[0] == "models":
        model = find(parts[1])
        if method == "GET":
            return 200, {"model": lisa_model(model)}
        if method == "PUT":
            validate_update(body, model)
            before = lisa_model(model)
            apply_update(model, body)
            status = {True: "Starting", False: "Stopping"}.get(body.get("enabled"), "Updating")
            model["return_to"] = model["status"]
            set_status(parts[1], status)
            return 200, {"model": before}
        if method == "DELETE":
            users = sorted(r for r, ids in state["repositories"].items() if parts[1] in ids)
            if users:
                raise ApiError(409, {"detail": f"Model '{parts[1]}' is in use by repositories: {', '.join(users)}"})
            before = lisa_model(model)
            set_status(parts[1], "Deleting")
            return 200, {"model": before}
    if len(parts) == 3 and parts[0] == "models" and parts[2] == "schedule":
        model = find(parts[1])
        if method == "GET":
            return 200, {"modelId": parts[1], "scheduling": model["config"].get("autoScalingConfig", {}).get("scheduling"),
                         "nextScheduledAction": None}
        if method in ("PUT", "POST"):
            errors = []
            check_schedule(errors, body, [])
            if errors:
                raise problems(errors)
            model["config"].setdefault("autoScalingConfig", {})["scheduling"] = body
            return 200, {"message": "Schedule updated successfully", "modelId": parts[1], "scheduleEnabled": True}
        if method == "DELETE":
            model["config"].get("autoScalingConfig", {}).pop("scheduling", None)
            return 200, {"message": "Schedule deleted successfully", "modelId": parts[1], "scheduleEnabled": False}
    raise ApiError(403, {"message": "Missing Authentication Token"})


def control(parts, body):
    if parts == ["reset"]:
        reset()
    elif parts == ["settings"]:
        state["delay"] = body.get("transitionDelay", state["delay"])
        state["fail_creates"].update(body.get("failCreates", {}))
    elif parts == ["models"]:
        config, status = body["model"], body.get("status", "InService")
        hosted = all(config.get(f) is not None for f in HOSTING_FIELDS)
        state["models"][config["modelId"]] = {"config": config, "hosted": hosted, "url": config.get("modelUrl")}
        set_status(config["modelId"], status, body.get("failureReason"))
    elif len(parts) == 3 and parts[0] == "models" and parts[2] == "status":
        set_status(parts[1], body["status"], body.get("failureReason"))
    elif parts == ["faults"]:
        state["faults"].append(dict(body))
    elif parts == ["repositories"]:
        state["repositories"][body["repositoryId"]] = body["models"]
    elif parts == ["requests"]:
        return {"requests": state["requests"]}
    elif parts == ["state"]:
        return {"models": {k: lisa_model(v) for k, v in state["models"].items()}}
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
    run(sys.modules[__name__])
