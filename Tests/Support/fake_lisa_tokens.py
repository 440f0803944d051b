"""A fake of LISA's token management API (/api-tokens, docs/lisa/tokens.md#routes) for lisa's tests, on 127.0.0.1 only.

Behaves like API Gateway + LISA's authorizer + the api_tokens Lambda where the CLI can tell:
- the caller is the management key (--token: user lisa-management-token, admin), an API token this
  fake holds (looked up by SHA-256, rejected when legacy, without expiry or expired, as the authorizer
  does), or an identity the test registered through /_control/identities (standing in for an OIDC user);
  anything else is 401 {"message": "Unauthorized"};
- admin means ADMIN_GROUP in the caller's groups. POST /api-tokens/{username} is admin-only, POST
  /api-tokens needs admin or API_GROUP and copies the caller's groups, legacy tokens are deleted by
  admins only; LISA raises its own UnauthorizedError/ForbiddenError for these, which no handler maps,
  so the caller gets the generic 500 (docs/lisa/models-api.md#tokens); a non-system token is refused
  with 400 when its user has any token;
- 404 {"message"}, 400 {"message"}, pydantic 422 {"detail": [{type, loc, msg, input}]};
- the table keeps insertion order, which is its scan order here. GET/DELETE /api-tokens/{uuid} scan
  with Limit=1 before the filter, as LISA's handler does, so they see only the first item, then fall
  back to GetItem(token=<path value>): only the first token, and legacy items named by their
  plaintext, are found by them. Lists are complete (one page).
Test control (no auth): /_control/reset, settings {now, adminGroup, apiGroup}, identities
{credential, username, groups}, items {item} (stored as given), state, faults, requests.

Run: python fake_lisa_tokens.py --port N [--token MANAGEMENT_KEY] [--read-token T] [--stage /prod]
"""

import hashlib
import secrets
import sys
import threading
import time
import uuid

from fake_lisa_http import GENERIC_500, ApiError, bearer, due_fault, run

MANAGEMENT_USER = "lisa-management-token"
NINETY_DAYS = 90 * 86400

INVALID_JSON = (422, {"detail": [{"type": "json_invalid", "loc": ["body"], "msg": "JSON decode error"}]})
ARGS = None
lock = threading.Lock()
state = {}


def reset():
    state.clear()
    state.update(items={}, identities={}, faults=[], requests=[], now=None, admin_group="lisa-admins",
                 api_group="lisa-api-users")
    if ARGS.read_token:
        state["identities"][ARGS.read_token] = {"username": "reader", "groups": []}


def now():
    return int(state["now"] if state["now"] is not None else time.time())


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


def caller(credential):
    """The authorizer (docs/lisa/tokens.md#authorizer): management key, then API token by hash, then a registered identity."""
    if ARGS.token and credential == ARGS.token:
        return {"username": MANAGEMENT_USER, "groups": [state["admin_group"]]}
    item = state["items"].get(hash_token(credential)) if credential else None
    if item is not None:
        if not item.get("tokenUUID") or item.get("tokenExpiration") is None or now() >= int(item["tokenExpiration"]):
            return None
        return {"username": item.get("username"), "groups": list(item.get("groups", []))}
    return state["identities"].get(credential)


def problems(errors, body):
    detail = [{"type": kind, "loc": ["body"] + loc, "msg": msg, "input": body} for loc, kind, msg in errors]
    return ApiError(422, {"detail": detail, "type": "RequestValidationError"})


def parse_request(body, admin):
    """CreateTokenAdminRequest / CreateTokenUserRequest as pydantic reads them (extra fields ignored)."""
    if not isinstance(body, dict):
        raise problems([([], "model_attributes_type", "Input should be a valid dictionary or object")], body)
    errors = []
    if "name" not in body:
        errors.append((["name"], "missing", "Field required"))
    elif not isinstance(body["name"], str):
        errors.append((["name"], "string_type", "Input should be a valid string"))
    expiration = body.get("tokenExpiration", now() + NINETY_DAYS)
    if isinstance(expiration, float) and expiration.is_integer():
        expiration = int(expiration)
    if isinstance(expiration, bool) or not isinstance(expiration, int):
        errors.append((["tokenExpiration"], "int_type", "Input should be a valid integer"))
    elif expiration <= now():
        errors.append((["tokenExpiration"], "value_error", "Value error, tokenExpiration must be in the future"))
    groups = body.get("groups", []) if admin else []
    if not isinstance(groups, list) or not all(isinstance(g, str) for g in groups):
        errors.append((["groups"], "list_type", "Input should be a valid list of strings"))
    system = body.get("isSystemToken", False) if admin else False
    if not isinstance(system, bool):
        errors.append((["isSystemToken"], "bool_type", "Input should be a valid boolean"))
    if errors:
        raise problems(errors, body)
    return body["name"], expiration, groups, system


def has_token(username):
    return any(item.get("username") == username for item in state["items"].values())


def issue(username, created_by, name, expiration, groups, system):
    token = secrets.token_hex(64)
    item = {"token": hash_token(token), "tokenUUID": str(uuid.uuid4()), "tokenExpiration": expiration,
            "createdDate": now(), "createdBy": created_by, "username": username, "groups": groups, "name": name,
            "isSystemToken": system}
    state["items"][item["token"]] = item
    answer = {k: item[k] for k in ("tokenUUID", "tokenExpiration", "createdDate", "username", "name", "groups",
                                   "isSystemToken")}
    return dict(token=token, **answer)


def token_info(item):
    legacy = not item.get("tokenUUID")
    expiration = int(item.get("tokenExpiration", now() + NINETY_DAYS))
    return {"tokenUUID": item.get("tokenUUID", "—"), "tokenExpiration": expiration,
            "createdDate": int(item.get("createdDate", 0)), "username": item.get("username", "—"),
            "createdBy": item.get("createdBy", "—"), "name": item["token"] if legacy else item.get("name", "Unnamed Token"),
            "groups": item.get("groups", []), "isSystemToken": item.get("isSystemToken", False),
            "isExpired": expiration < now(), "isLegacy": legacy}


def lookup(token_uuid):
    """Scan(FilterExpression=tokenUUID=:u, Limit=1): DynamoDB reads one item, then filters it."""
    first = next(iter(state["items"].values()), None)
    if first is not None and first.get("tokenUUID") == token_uuid:
        return first
    return state["items"].get(token_uuid)


def route(method, parts, body, who):
    admin = state["admin_group"] in who["groups"]
    username = who["username"]
    if len(parts) == 1 and method == "GET":
        items = state["items"].values() if admin else [i for i in state["items"].values() if i.get("username") == username]
        return 200, {"tokens": [token_info(i) for i in items]}
    if len(parts) == 1 and method == "POST":
        name, expiration, _, _ = parse_request(body, admin=False)
        if not admin and state["api_group"] not in who["groups"]:
            raise ApiError(500, GENERIC_500)  # ForbiddenError("User must be in the API group to create tokens")
        if has_token(username):
            raise ApiError(400, {"message": "Token for user already exists. Delete it first to create a new one."})
        return 200, issue(username, username, name, expiration, list(who["groups"]), False)
    if len(parts) == 2 and method == "POST":
        name, expiration, groups, system = parse_request(body, admin=True)
        if not admin:
            raise ApiError(500, GENERIC_500)  # UnauthorizedError("Only admins can create tokens for other users")
        if not system and has_token(parts[1]):
            raise ApiError(400, {"message": f"User {parts[1]} already has a token"})
        return 200, issue(parts[1], username, name, expiration, groups, system)
    if len(parts) == 2 and method in ("GET", "DELETE"):
        item = lookup(parts[1])
        if item is None:
            raise ApiError(404, {"message": "Token not found"})
        legacy, owner = not item.get("tokenUUID"), item.get("username") == username
        if method == "GET" and not admin and not owner:
            raise ApiError(404, {"message": "Token not found"})
        if method == "GET":
            return 200, token_info(item)
        if legacy and not admin:
            raise ApiError(500, GENERIC_500)  # ForbiddenError("Only administrators can delete legacy tokens.")
        if not admin and not owner:
            raise ApiError(404, {"message": "Token not found"})
        del state["items"][item["token"]]
        return 200, {"message": "Token deleted successfully", "tokenUUID": item.get("tokenUUID") or item["token"][:16]}
    if len(parts) <= 2:
        raise ApiError(405, {"detail": "Method Not Allowed"})
    raise ApiError(404, {"detail": "Not Found"})


def control(parts, body):
    if parts == ["reset"]:
        reset()
    elif parts == ["settings"]:
        state["now"] = body.get("now", state["now"])
        state["admin_group"] = body.get("adminGroup", state["admin_group"])
        state["api_group"] = body.get("apiGroup", state["api_group"])
    elif parts == ["identities"]:
        state["identities"][body["credential"]] = {"username": body["username"], "groups": body.get("groups", [])}
    elif parts == ["items"]:
        state["items"][body["item"]["token"]] = body["item"]
    elif parts == ["state"]:
        return {"items": list(state["items"].values())}
    elif parts == ["faults"]:
        state["faults"].append(dict(body))
    elif parts == ["requests"]:
        return {"requests": state["requests"]}
    else:
        raise ApiError(404, {"detail": "unknown control route"})
    return {"ok": True}


def handle(method, parts, headers, body):
    if not parts or parts[0] != "api-tokens":
        return 403, {"message": "Missing Authentication Token"}
    who = caller(bearer(headers))
    shown = "/" + "/".join(parts)
    state["requests"].append({"method": method, "path": shown, "body": body,
                              "caller": who["username"] if who else None})
    fault = due_fault(state["faults"], method, shown)
    if fault is not None:
        if fault.get("apply") and who is not None:
            try:
                route(method, parts, body, who)
            except ApiError:
                pass
        return fault["status"], fault.get("body", {"message": "Internal server error"})
    if who is None:
        return 401, {"message": "Unauthorized"}
    return route(method, parts, body, who)


if __name__ == "__main__":
    run(sys.modules[__name__])
