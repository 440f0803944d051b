"""The handler gates and the update state machine of LISA's PUT /models/{id}, for fake_lisa_models.py
(docs/lisa/models-api.md#update): checks against the live autoscaling group, the environment map replaced
by the one sent (keys marked for deletion dropped), capacities stored with `if value` (0 skipped) except
desiredCapacity, which reaches the group only, and start/stop of a model without a group ending Failed.
`state` is the server's (table, asgs, guardrails, return_to); `set_status` its status writer.
"""

from fake_lisa_http import ApiError

DELETION = "LISA_MARKED_FOR_DELETION"
NOT_HOSTED = "Cannot request AutoScaling updates to models that are not hosted by LISA."


def check_live_capacity(scaling, asg):
    """UpdateModelHandler: requested values against the running group, unless the request sets the bound."""
    low, high, want = scaling.get("minCapacity"), scaling.get("maxCapacity"), scaling.get("desiredCapacity")
    if want is not None and high is None and want > asg["max"]:
        raise ApiError(400, {"detail": f"Desired capacity cannot exceed ASG max of {asg['max']}."})
    if want is not None and low is None and want < asg["min"]:
        raise ApiError(400, {"detail": f"Desired capacity cannot be less than ASG min of {asg['min']}."})
    if low is not None and high is None and low > asg["max"]:
        raise ApiError(400, {"detail": f"Min capacity cannot exceed ASG max of {asg['max']}."})
    if high is not None and low is None and high < asg["min"]:
        raise ApiError(400, {"detail": f"Max capacity cannot be less than ASG min of {asg['min']}."})


def gate_update(state, item, body):
    status, asg = item.get("model_status"), item.get("auto_scaling_group")
    if status not in ("InService", "Stopped"):
        raise ApiError(400, {"detail": "Model cannot be updated when it is not in the 'InService' or 'Stopped' states"})
    if body.get("enabled") is not None:
        if body.get("autoScalingInstanceConfig") is not None:
            raise ApiError(400, {"detail": "Start or Stop operations and AutoScaling changes must happen in separate "
                                           "requests."})
        if body["enabled"] and status != "Stopped":
            raise ApiError(400, {"detail": "Model cannot be enabled when it is not in the 'Stopped' state."})
        if not body["enabled"] and status != "InService":
            raise ApiError(400, {"detail": "Model cannot be stopped when it is not in the 'InService' state."})
    if body.get("autoScalingInstanceConfig") is not None:
        if not asg:
            raise ApiError(400, {"detail": "Cannot update AutoScaling Config for model not hosted in LISA infrastructure."})
        check_live_capacity(body["autoScalingInstanceConfig"], state["asgs"].get(asg, {"min": 0, "max": 0}))
    if body.get("containerConfig") is not None:
        if not asg:
            raise ApiError(400, {"detail": "Cannot update Container Config for model not hosted in LISA infrastructure."})
        if not (item.get("model_config") or {}).get("containerConfig"):
            raise ApiError(400, {"detail": "Cannot update Container Config for model that was not originally configured "
                                           "with a container."})


def update_container(item, container):
    config = item["model_config"]["containerConfig"]
    if container.get("environment") is not None:
        env = {k: v for k, v in container["environment"].items() if v != DELETION}
        removed = [k for k, v in container["environment"].items() if v == DELETION]
        config["environment"] = env
        window = env.get("VLLM_MAX_MODEL_LEN") or env.get("MAX_TOTAL_TOKENS")
        if window is not None and str(window).isdigit():
            item["context_window"] = int(window)
        elif any(k in removed for k in ("VLLM_MAX_MODEL_LEN", "MAX_TOTAL_TOKENS")):
            item.pop("context_window", None)
    if container.get("sharedMemorySize") is not None:
        config["sharedMemorySize"] = container["sharedMemorySize"]
    flat = {"healthCheckCommand": "command", "healthCheckInterval": "interval", "healthCheckTimeout": "timeout",
            "healthCheckStartPeriod": "startPeriod", "healthCheckRetries": "retries"}
    for key, field in flat.items():
        if container.get(key) is not None:
            config.setdefault("healthCheckConfig", {})[field] = container[key]


def run_update(state, item, body, set_status):
    """The update state machine's intake: its writes to the item and the autoscaling group."""
    model_id, status, asg_name = item["model_id"], item["model_status"], item.get("auto_scaling_group")
    config = item["model_config"]
    enabled, scaling = body.get("enabled"), body.get("autoScalingInstanceConfig")
    if not asg_name and (enabled is not None or scaling is not None):
        return set_status(model_id, "Failed", NOT_HOSTED)
    asg = state["asgs"].setdefault(asg_name, {"min": 0, "max": 0, "desired": 0}) if asg_name else None
    next_status = "Updating"
    if enabled is True:
        next_status = "Starting"
        asg.update(min=int(config["autoScalingConfig"]["minCapacity"]), max=int(config["autoScalingConfig"]["maxCapacity"]))
        asg["desired"] = max(asg["min"], asg.get("desired") or 0)
    elif enabled is False:
        next_status = "Stopping"
        item["litellm_id"] = None
        asg.update(min=0, max=0, desired=0)
    if scaling is not None:
        stored = config["autoScalingConfig"]
        for key in ("minCapacity", "maxCapacity", "cooldown", "defaultInstanceWarmup"):
            if scaling.get(key):  # `if x := cfg.get(...)`: a 0 is skipped
                stored[key] = int(scaling[key])
        if status == "InService":
            asg.update({k: int(scaling[f]) for k, f in (("min", "minCapacity"), ("max", "maxCapacity"),
                                                          ("desired", "desiredCapacity")) if scaling.get(f)})
    for key in ("modelType", "streaming", "modelDescription", "allowedGroups", "features"):
        if body.get(key) is not None:
            config[key] = body[key]
    if body.get("containerConfig") is not None:
        update_container(item, body["containerConfig"])
    if body.get("guardrailsConfig") is not None:
        state["guardrails"][model_id] = body["guardrailsConfig"]
    state["table"].put(item)
    state["return_to"][model_id] = status
    set_status(model_id, next_status)
