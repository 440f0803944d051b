"""The fake models server's table and LISA's views of it (docs/lisa/models-api.md#table).

Items have the shape LISA's handlers write: model_id, model_status, model_config (the create request
as pydantic's model_dump leaves it: every field, None where not given, defaults filled), and
auto_scaling_group, model_url, litellm_id, context_window, failure_reason once the state machines
would have set them. The table is a moto DynamoDB table when the server is given an endpoint (so the
test and lisa can read it, as an operator with AWS access can), else a dict with the same behaviour.
`to_lisa_model` is LISA's: the item through a `LISAModel`, which drops apiKey and failure_reason and
refuses the whole answer, with pydantic's text, when a stored field is invalid.
"""

import copy
import json
from decimal import Decimal

from fake_lisa_http import ApiError
from fake_lisa_model_rules import DAYS, HOSTING, INSTANCES, MODEL_TYPES

STATUSES = ["Creating", "InService", "Starting", "Stopping", "Stopped", "Updating", "Deleting", "Failed"]
MAX_ITEM = 400 * 1024
LISA_MODEL_FIELDS = [
    ("autoScalingConfig", None), ("containerConfig", None), ("inferenceContainer", None), ("instanceType", None),
    ("loadBalancerConfig", None), ("modelId", None), ("modelName", None), ("modelDescription", None),
    ("modelType", None), ("modelUrl", None), ("status", None), ("streaming", None), ("features", None),
    ("allowedGroups", None), ("guardrailsConfig", None), ("contextWindow", None), ("hostingType", "third_party"),
]
CREATE_FIELDS = [
    ("autoScalingConfig", None), ("containerConfig", None), ("inferenceContainer", None), ("instanceType", None),
    ("loadBalancerConfig", None), ("modelId", None), ("modelName", None), ("modelDescription", None),
    ("modelType", None), ("modelUrl", None), ("streaming", False), ("features", None), ("allowedGroups", None),
    ("apiKey", None), ("guardrailsConfig", None), ("hostingType", "third_party"),
]


class MemoryTable:
    def __init__(self):
        self.items = {}

    def get(self, model_id):
        return copy.deepcopy(self.items.get(model_id))

    def put(self, item):
        if len(json.dumps(item, default=str)) > MAX_ITEM:
            raise RuntimeError("Item size has exceeded the maximum allowed size")
        self.items[item["model_id"]] = copy.deepcopy(item)

    def delete(self, model_id):
        self.items.pop(model_id, None)

    def scan(self):
        return [copy.deepcopy(item) for item in self.items.values()]

    def clear(self):
        self.items.clear()


class DynamoTable:
    """The same on a moto_server table (created when missing); numbers come back as int or float."""

    def __init__(self, endpoint, name, region):
        import boto3

        resource = boto3.resource("dynamodb", endpoint_url=endpoint, region_name=region, aws_access_key_id="fake",
                                  aws_secret_access_key="fake")
        existing = [t.name for t in resource.tables.all()]
        if name not in existing:
            resource.create_table(TableName=name, KeySchema=[{"AttributeName": "model_id", "KeyType": "HASH"}],
                                  AttributeDefinitions=[{"AttributeName": "model_id", "AttributeType": "S"}],
                                  BillingMode="PAY_PER_REQUEST")
        self.table = resource.Table(name)

    @staticmethod
    def inward(value):
        if isinstance(value, float):
            return Decimal(str(value))
        if isinstance(value, dict):
            return {k: DynamoTable.inward(v) for k, v in value.items()}
        if isinstance(value, list):
            return [DynamoTable.inward(v) for v in value]
        return value

    @staticmethod
    def outward(value):
        if isinstance(value, Decimal):
            return int(value) if value == value.to_integral_value() else float(value)
        if isinstance(value, dict):
            return {k: DynamoTable.outward(v) for k, v in value.items()}
        if isinstance(value, list):
            return [DynamoTable.outward(v) for v in value]
        return value

    def get(self, model_id):
        item = self.table.get_item(Key={"model_id": model_id}, ConsistentRead=True).get("Item")
        return self.outward(item) if item else None

    def put(self, item):
        self.table.put_item(Item=self.inward(item))

    def delete(self, model_id):
        self.table.delete_item(Key={"model_id": model_id})

    def scan(self):
        items, page = [], self.table.scan()
        items.extend(page.get("Items", []))
        while page.get("LastEvaluatedKey"):
            page = self.table.scan(ExclusiveStartKey=page["LastEvaluatedKey"])
            items.extend(page.get("Items", []))
        return [self.outward(item) for item in items]

    def clear(self):
        for item in self.scan():
            self.delete(item["model_id"])


def dumped(fields, value):
    return {key: value.get(key, default) for key, default in fields}


def dump_schedule(schedule):
    if schedule is None:
        return None
    out = {"timezone": schedule.get("timezone") or "UTC", "scheduleEnabled": False, "lastScheduleUpdate": None,
           "scheduledActionArns": None, "scheduleConfigured": False, "lastScheduleFailed": False,
           "nextScheduledAction": None, "lastScheduleFailure": None, "scheduleType": schedule.get("scheduleType")}
    if schedule.get("scheduleType") == "DAILY":
        daily = schedule.get("dailySchedule") or {}
        out["dailySchedule"] = {day: daily.get(day) for day in DAYS}
    else:
        out["recurringSchedule"] = schedule.get("recurringSchedule")
    return out


def dump_create(body):
    """CreateModelRequest.model_dump(): what LISA stores as model_config."""
    config = dumped(CREATE_FIELDS, copy.deepcopy(body))
    scaling = config["autoScalingConfig"]
    if scaling is not None:
        metric = scaling.get("metricConfig") or {}
        config["autoScalingConfig"] = {
            "blockDeviceVolumeSize": scaling.get("blockDeviceVolumeSize", 50), "minCapacity": scaling.get("minCapacity"),
            "maxCapacity": scaling.get("maxCapacity"), "desiredCapacity": scaling.get("desiredCapacity"),
            "cooldown": scaling.get("cooldown"), "defaultInstanceWarmup": scaling.get("defaultInstanceWarmup"),
            "metricConfig": {"albMetricName": metric.get("albMetricName", "RequestCountPerTarget"),
                             "targetValue": metric.get("targetValue", 30), "duration": metric.get("duration"),
                             "estimatedInstanceWarmup": metric.get("estimatedInstanceWarmup")},
            "scheduling": dump_schedule(scaling.get("scheduling"))}
    container = config["containerConfig"]
    if container is not None:
        container.setdefault("environment", {})
        container.setdefault("memoryReservation", None)
    return config


def hosted(config):
    return all(config.get(f) is not None for f in ("autoScalingConfig", "containerConfig", "loadBalancerConfig"))


def pydantic_text(model, problems):
    lines = [f"{len(problems)} validation error{'s' if len(problems) > 1 else ''} for {model}"]
    for loc, kind, message, value in problems:
        lines.append(loc)
        lines.append(f"  {message} [type={kind}, input_value={value!r}, input_type={type(value).__name__}]")
        lines.append(f"    For further information visit https://errors.pydantic.dev/2.11/v/{kind}")
    return "\n".join(lines)


def lisa_model_problems(config):
    problems = []
    for key in ("modelId", "modelName"):
        if not isinstance(config.get(key), str):
            problems.append((key, "missing" if config.get(key) is None else "string_type",
                             "Field required" if config.get(key) is None else "Input should be a valid string",
                             config.get(key)))
    for key, values in (("modelType", MODEL_TYPES), ("status", STATUSES)):
        if config.get(key) not in values:
            problems.append((key, "enum", "Input should be " + ", ".join(f"'{v}'" for v in values), config.get(key)))
    if not isinstance(config.get("streaming"), bool):
        problems.append(("streaming", "bool_type", "Input should be a valid boolean", config.get("streaming")))
    if config.get("hostingType") is not None and config["hostingType"] not in HOSTING:
        problems.append(("hostingType", "enum", "Input should be " + ", ".join(f"'{v}'" for v in HOSTING),
                         config["hostingType"]))
    if config.get("instanceType") is not None and config["instanceType"] not in INSTANCES:
        problems.append(("instanceType", "value_error", f"Value error, Invalid EC2 instance type: {config['instanceType']}",
                         config["instanceType"]))
    return problems


def to_lisa_model(item, guardrails=None):
    config = copy.deepcopy(item.get("model_config") or {})
    config["status"] = item.get("model_status", "Unknown")
    if "model_url" in item:
        config["modelUrl"] = item["model_url"]
    if "context_window" in item:
        config["contextWindow"] = item["context_window"]
    problems = lisa_model_problems(config)
    if problems:  # pydantic's ValidationError is a ValueError, which LISA answers with 400
        raise ApiError(400, {"detail": pydantic_text("LISAModel", problems)})
    model = dumped(LISA_MODEL_FIELDS, config)
    if guardrails:
        model["guardrailsConfig"] = copy.deepcopy(guardrails)
    return model
