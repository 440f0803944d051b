"""LISA's model request rules as the fake models server applies them: pydantic-style 422 problems for
CreateModelRequest, UpdateModelRequest and SchedulingConfig (lambda/models/domain_objects.py in LISA
v6.6.0). The handlers' own 400 gates are in fake_lisa_models.py. Faithful to LISA, not to lisa.
"""

import re
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from fake_lisa_http import ApiError

MODEL_TYPES = ["textgen", "imagegen", "videogen", "embedding"]
HOSTING = ["third_party", "lisa_hosted", "internal_hosted"]
CONTAINERS = ["tgi", "tei", "vllm"]
HOSTING_FIELDS = ["autoScalingConfig", "containerConfig", "inferenceContainer", "instanceType", "loadBalancerConfig"]
INSTANCES = ["g5.xlarge", "g5.2xlarge", "g5.12xlarge", "g6.xlarge", "p4d.24xlarge", "m5.large", "inf2.xlarge"]
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


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
    elif value < minimum:
        errors.append((loc + [key], f"Input should be greater than {minimum - 1}"))
    elif maximum is not None and value > maximum:
        errors.append((loc + [key], f"Input should be less than or equal to {maximum}"))


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


TIME = r"^([01]?[0-9]|2[0-3]):[0-5][0-9]$"


def check_schedule(errors, config, loc):
    if not isinstance(config, dict) or config.get("scheduleType") not in ("DAILY", "RECURRING"):
        errors.append((loc + ["scheduleType"], "Input tag does not match any of the expected tags: 'DAILY', 'RECURRING'"))
        return
    zone = config.get("timezone", "UTC")
    try:
        ZoneInfo(zone)
    except Exception:
        errors.append((loc + ["timezone"],
                       f"Value error, Invalid timezone: {zone}, timezone must be a valid IANA timezone identifier"))
    windows = []
    if config["scheduleType"] == "DAILY":
        daily = config.get("dailySchedule") or {}
        windows = [(loc + ["dailySchedule", d], daily[d]) for d in DAYS if daily.get(d)]
        if not windows:
            errors.append((loc + ["dailySchedule"], "Value error, At least one day must have a schedule configured"))
    else:
        windows = [(loc + ["recurringSchedule"], config.get("recurringSchedule") or {})]
    for where, window in windows:
        times = [window.get("startTime") or "", window.get("stopTime") or ""]
        bad = [key for key, text in zip(("startTime", "stopTime"), times) if not re.match(TIME, text)]
        for key in bad:
            errors.append((where + [key], f"String should match pattern '{TIME}'"))
        if bad:
            continue
        start, stop = (int(t.split(":")[0]) * 60 + int(t.split(":")[1]) for t in times)
        if (stop - start) % 1440 < 120:
            errors.append((where, "Value error, Stop time must be at least 2 hours after start time"))


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


def validate_update(body):
    """UpdateModelRequest's own validation (422); the handler's gates come after it."""
    errors = []
    fields = ["autoScalingInstanceConfig", "enabled", "modelType", "modelDescription", "streaming", "allowedGroups",
              "features", "guardrailsConfig", "containerConfig"]
    if not any(body.get(f) is not None for f in fields):
        errors.append(([], "Value error, At least one field out of autoScalingInstanceConfig, containerConfig, enabled, "
                           "modelType, modelDescription, streaming, allowedGroups, features, or guardrailsConfig must be "
                           "defined in request payload."))
    check_enum(errors, body, "modelType", MODEL_TYPES, [])
    scaling = body.get("autoScalingInstanceConfig")
    if scaling is not None:
        for key in ("minCapacity", "maxCapacity", "desiredCapacity", "cooldown"):
            check_int(errors, scaling, key, ["autoScalingInstanceConfig"])
        check_int(errors, scaling, "defaultInstanceWarmup", ["autoScalingInstanceConfig"], maximum=3600)
        given = [scaling.get(k) for k in ("minCapacity", "maxCapacity", "desiredCapacity", "cooldown",
                                          "defaultInstanceWarmup")]
        low, high, want = scaling.get("minCapacity"), scaling.get("maxCapacity"), scaling.get("desiredCapacity")
        if all(v is None for v in given):
            errors.append((["autoScalingInstanceConfig"],
                           "Value error, At least one option of autoScalingInstanceConfig must be defined."))
        elif all(isinstance(v, int) for v in (want, high)) and want > high:
            errors.append((["autoScalingInstanceConfig"],
                           "Value error, Desired capacity must be less than or equal to max capacity."))
        elif all(isinstance(v, int) for v in (want, low)) and want < low:
            errors.append((["autoScalingInstanceConfig"],
                           "Value error, Desired capacity must be greater than or equal to minimum capacity."))
    container = body.get("containerConfig")
    if container is not None:
        if any(not key for key in (container.get("environment") or {})):
            errors.append((["containerConfig", "environment"],
                           "Value error, Empty strings are not allowed for environment variable key names."))
        for key in ("sharedMemorySize", "healthCheckInterval", "healthCheckTimeout", "healthCheckStartPeriod",
                    "healthCheckRetries"):
            check_int(errors, container, key, ["containerConfig"])
    if body.get("modelType") == "embedding" and body.get("streaming"):
        errors.append(([], "Value error, Embedding model cannot be set with streaming enabled."))
    if errors:
        raise problems(errors)
