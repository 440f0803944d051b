"""A fake of LISA's Model Management API (contracts §2) for lisa's tests, on 127.0.0.1 only.

Behaves like API Gateway + the models Lambda where the CLI can tell: authorizer answers
(401 {"message"}, 403 {"Message"}), unknown routes (403 "Missing Authentication Token"),
pydantic-style 422 {"detail": [{loc, msg, type}]}, handler errors 400 {"message"},
404/409 {"detail"}, status gating, and state transitions that the test drives through
/_control/... (no auth) or lets happen after a delay.

Run: python fake_lisa_models.py --port N [--token T] [--read-token R] [--stage /prod]
"""

import copy
import re
import sys
import threading
import time

from fake_lisa_http import ApiError, bearer, due_fault, run

MODEL_TYPES = ["textgen", "imagegen", "videogen", "embedding"]
HOSTING = ["third_party", "lisa_hosted", "internal_hosted"]
CONTAINERS = ["tgi", "tei", "vllm"]
HOSTING_FIELDS = ["autoScalingConfig", "containerConfig", "inferenceContainer", "instanceType", "loadBalancerConfig"]
INSTANCES = ["g5.xlarge", "g5.2xlarge", "g5.12xlarge", "g6.xlarge", "p4d.24xlarge", "m5.large", "inf2.xlarge"]
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
SETTLE = {"Creating": "InService", "Starting": "InService", "Stopping": "Stopped"}

INVALID_JSON = (400, {"message": "body is not JSON"})
ARGS = None
lock = threading.Lock()
state = {}


def reset():
    state.clear()
    state.update(models={}, repositories={}, faults=[], requests=[], delay=None, fail_creates={})


def problems(errors):
    detail = [{"type": "value_error", "loc": ["body"] + loc, "msg": msg, "input": None} for loc, msg in errors]
    return ApiError(422, {"detail": detail, "type": "RequestValidationError"})


def check_int(errors, obj, key, loc, required=False, minimum=1, maximum=None):
    if obj.get(key) is None:
        if required:
            errors.append((loc + [key], "Field required"))
        return
    value = obj[key]
    if isinstance(value, bool) or not isinstance(value, int):
        errors.append((loc + [key], "Input should be a valid integer"))
    elif value < minimum or (maximum is not None and value > maximum):
        errors.append((loc + [key], f"Input should be between {minimum} and {maximum}" if maximum else
                       f"Input should be greater than or equal to {minimum}"))


def check_enum(errors, obj, key, values, loc, required=False):
    if obj.get(key) is None:
        if required:
            errors.append((loc + [key], "Field required"))
    elif obj[key] not in values:
        errors.append((loc + [key], "Input should be " + ", ".join(f"'{v}'" for v in values)))


def check_health_command(errors, command, loc):
    if isinstance(command, str):
        if not command.strip():
            errors.append((loc, "Value error, Healthcheck command cannot be an empty string"))
    elif isinstance(command, list):
        if not command or command[0] not in ("CMD", "CMD-SHELL") or len(command) < 2:
            errors.append((loc, "Value error, Healthcheck array must start with 'CMD' or 'CMD-SHELL' and hold a command"))
    else:
        errors.append((loc, "Input should be a valid string or list"))


def check_schedule(errors, config, loc):
    if config.get("scheduleType") not in ("DAILY", "RECURRING"):
        errors.append((loc + ["scheduleType"], "Input should be 'DAILY' or 'RECURRING'"))
        return
    windows = []
    if config["scheduleType"] == "DAILY":
        daily = config.get("dailySchedule") or {}
        windows = [(loc + ["dailySchedule", d], daily[d]) for d in DAYS if daily.get(d)]
        if not windows:
            errors.append((loc + ["dailySchedule"], "Value error, at least one day must be scheduled"))
    else:
        windows = [(loc + ["recurringSchedule"], config.get("recurringSchedule") or {})]
    for where, window in windows:
        times = [window.get("startTime", ""), window.get("stopTime", "")]
        if not all(re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", t or "") for t in times):
            errors.append((where, "Value error, times must be HH:MM"))
            continue
        start, stop = (int(t[:2]) * 60 + int(t[3:]) for t in times)
        if (stop - start) % 1440 < 120:
            errors.append((where + ["stopTime"], "Value error, stop time must be at least 2 hours after start time"))


def validate_create(body):
    errors = []
    for key in ("modelId", "modelName"):
        if not isinstance(body.get(key), str) or not body[key]:
            errors.append(([key], "Field required" if key not in body else "String should have at least 1 character"))
    check_enum(errors, body, "modelType", MODEL_TYPES, [], required=True)
    check_enum(errors, body, "hostingType", HOSTING, [])
    check_enum(errors, body, "inferenceContainer", CONTAINERS, [])
    if body.get("instanceType") is not None and body["instanceType"] not in INSTANCES:
        errors.append((["instanceType"], f"Value error, Invalid EC2 instance type: {body['instanceType']}"))
    scaling = body.get("autoScalingConfig")
    if scaling is not None:
        for key in ("minCapacity", "maxCapacity", "cooldown"):
            check_int(errors, scaling, key, ["autoScalingConfig"], required=True)
        check_int(errors, scaling, "desiredCapacity", ["autoScalingConfig"])
        check_int(errors, scaling, "defaultInstanceWarmup", ["autoScalingConfig"], required=True, maximum=3600)
        check_int(errors, scaling, "blockDeviceVolumeSize", ["autoScalingConfig"], minimum=30)
        low, high, want = scaling.get("minCapacity"), scaling.get("maxCapacity"), scaling.get("desiredCapacity")
        if isinstance(low, int) and isinstance(high, int) and (low > high or (isinstance(want, int) and not low <= want <= high)):
            errors.append((["autoScalingConfig"], "Value error, capacities must satisfy min <= desired <= max"))
        if scaling.get("scheduling") is not None:
            check_schedule(errors, scaling["scheduling"], ["autoScalingConfig", "scheduling"])
    container = body.get("containerConfig")
    if container is not None:
        check_int(errors, container, "sharedMemorySize", ["containerConfig"], required=True)
        health = container.get("healthCheckConfig") or {}
        check_health_command(errors, health.get("command"), ["containerConfig", "healthCheckConfig", "command"])
        if any(not key for key in (container.get("environment") or {})):
            errors.append((["containerConfig", "environment"], "Value error, Empty strings are not allowed for keys"))
    if body.get("modelType") == "embedding" and body.get("streaming"):
        errors.append(([], "Value error, Embedding model cannot be set with streaming enabled."))
    present = [f for f in HOSTING_FIELDS if body.get(f) is not None]
    if present and len(present) < len(HOSTING_FIELDS):
        errors.append(([], "Value error, All of the following fields must be defined if creating a LISA-hosted model: "
                           + ", ".join(HOSTING_FIELDS)))
    if body.get("hostingType") == "internal_hosted":
        host = urlparse(body.get("modelUrl") or "").hostname or ""
        if not host.endswith(".elb.amazonaws.com"):
            errors.append((["modelUrl"], "Value error, modelUrl must be an .elb.amazonaws.com URL for internal_hosted models"))
    if errors:
        raise problems(errors)


def validate_update(body, model):
    errors = []
    fields = ["autoScalingInstanceConfig", "enabled", "modelType", "modelDescription", "streaming", "allowedGroups",
              "features", "guardrailsConfig", "containerConfig"]
    if not any(body.get(f) is not None for f in fields):
        errors.append(([], "Value error, At least one field must be defined in request payload."))
    check_enum(errors, body, "modelType", MODEL_TYPES, [])
    scaling = body.get("autoScalingInstanceConfig")
    if scaling is not None:
        for key in ("minCapacity", "maxCapacity", "desiredCapacity", "cooldown"):
            check_int(errors, scaling, key, ["autoScalingInstanceConfig"])
        check_int(errors, scaling, "defaultInstanceWarmup", ["autoScalingInstanceConfig"], maximum=3600)
    if (body.get("modelType") or model["config"].get("modelType")) == "embedding" and body.get("streaming"):
        errors.append(([], "Value error, Embedding model cannot be set with streaming enabled."))
    if errors:
        raise problems(errors)
    status, hosted = model["status"], model["hosted"]
    if status not in ("InService", "Stopped"):
        raise ApiError(400, {"message": "Model cannot be updated when it is not in the 'InService' or 'Stopped' states"})
    if body.get("enabled") is not None:
        if scaling is not None:
            raise ApiError(400, {"message": "Start or Stop operations and AutoScaling changes must happen in separate requests."})
        if body["enabled"] and status != "Stopped":
            raise ApiError(400, {"message": "Model cannot be enabled when it is not in the 'Stopped' state."})
        if not body["enabled"] and status != "InService":
            raise ApiError(400, {"message": "Model cannot be stopped when it is not in the 'InService' state."})
    if scaling is not None and not hosted:
        raise ApiError(400, {"message": "Cannot update AutoScaling Config for model not hosted in LISA infrastructure."})
    if body.get("containerConfig") is not None and not hosted:
        raise ApiError(400, {"message": "Cannot update Container Config for model not hosted in LISA infrastructure."})


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
