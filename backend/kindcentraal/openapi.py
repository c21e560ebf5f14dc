"""Shapes the generated OpenAPI document to the NL API Design Rules, and writes openapi.yaml."""

from collections.abc import Sequence
from copy import deepcopy
from typing import Any, cast

import yaml
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from kindcentraal.policy.registry import Policy

PROBLEM_MEDIA_TYPE = "application/problem+json"
ERROR_DESCRIPTIONS = {
    "400": "Invalid input; `errors` names each invalid field.",
    "401": "Not authenticated, or the token is invalid.",
    "403": "The resource is visible, but this action is not allowed.",
    "404": "Not found, or not visible to you.",
    "409": "Conflict with the current state, or a request with the same Idempotency-Key is "
    "still in progress (`reason` idempotencyKeyInUse; see Retry-After).",
    "410": "Gone: the cursor expired; resync in full.",
    "412": "Precondition failed: the resource changed since you read it (If-Match).",
    "413": "The upload is too large; `errors` names the field.",
    "429": "Too many requests; see Retry-After.",
    "500": "Unexpected error.",
}

PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "An RFC 9457 problem detail.",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "errors": {
            "type": "array",
            "description": "Per invalid input: where it is and what is wrong.",
            "items": {"$ref": "#/components/schemas/InvalidParam"},
        },
        "conflicts": {
            "type": "array",
            "description": "A booking's 409: per asked time, the bookings in the way (another "
            "organisation's only as busy).",
            "items": {"$ref": "#/components/schemas/BookingConflict"},
        },
        "reason": {
            "type": "string",
            "description": "A 409's machine-readable reason where a route has several, e.g. "
            "`enrolmentClosed` or `alreadyEnrolled` for an enrolment; `idempotencyKeyInUse` "
            "(409) and `idempotencyKeyReused` (422) for an Idempotency-Key.",
        },
    },
}
BOOKING_CONFLICT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["startsAt", "endsAt", "takenBy"],
    "properties": {
        "startsAt": {"type": "string", "format": "date-time"},
        "endsAt": {"type": "string", "format": "date-time"},
        "takenBy": {"type": "array", "items": {"$ref": "#/components/schemas/BookingRead"}},
    },
}
INVALID_PARAM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["in", "location", "code", "detail"],
    "properties": {
        "in": {"type": "string", "enum": ["body", "query", "path", "header"]},
        "location": {
            "type": "string",
            "description": "A JSON pointer into the body, or the parameter name.",
        },
        "code": {"type": "string"},
        "detail": {"type": "string"},
    },
}
API_VERSION_HEADER: dict[str, Any] = {
    "description": "The full semantic version of the API that answered.",
    "schema": {"type": "string", "example": "1.0.0"},
}
IDEMPOTENCY_KEY_PARAMETER: dict[str, Any] = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": "Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The first "
    "request with a key runs; its response is kept for 24 hours, and a retry with the same key "
    "and the same request (method, path, query and body) gets that response again, marked "
    "`Idempotent-Replayed: true`, without running twice. While the first request still runs: "
    "409 (`reason` idempotencyKeyInUse, Retry-After). The key with a different request: 422 "
    "(`reason` idempotencyKeyReused). Answers 401, 403, 408, 409, 412, 425, 428, 429 and 5xx "
    "are not kept: retry them with the same key. Keys are per caller (the access token's "
    "subject); a request without a valid token, and a response that hands out credentials, is "
    "never kept. 1-255 printable ASCII characters, or an RFC 8941 string (quoted).",
    "schema": {"type": "string", "minLength": 1, "maxLength": 255},
}
IDEMPOTENT_REPLAYED_HEADER: dict[str, Any] = {
    "description": "`true` when this is the kept response of an earlier request with the same "
    "Idempotency-Key.",
    "schema": {"type": "string", "enum": ["true"]},
}
IDEMPOTENT_METHODS = {"post", "patch"}
HTTP_METHODS = {"get", "put", "post", "delete", "patch", "options", "head", "trace"}


def _shape(document: dict[str, Any]) -> dict[str, Any]:
    doc = deepcopy(document)
    components = doc.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    schemas["Problem"] = PROBLEM_SCHEMA
    schemas["InvalidParam"] = INVALID_PARAM_SCHEMA
    schemas["BookingConflict"] = BOOKING_CONFLICT_SCHEMA
    components.setdefault("headers", {})["API-Version"] = API_VERSION_HEADER
    components["headers"]["Idempotent-Replayed"] = IDEMPOTENT_REPLAYED_HEADER
    components.setdefault("parameters", {})["Idempotency-Key"] = IDEMPOTENCY_KEY_PARAMETER
    components["responses"] = {
        status: {
            "description": description,
            "headers": {"API-Version": {"$ref": "#/components/headers/API-Version"}},
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for status, description in ERROR_DESCRIPTIONS.items()
    }
    components["responses"]["429"]["headers"]["Retry-After"] = {
        "description": "Seconds to wait before trying again.",
        "schema": {"type": "integer", "minimum": 1},
    }
    components["responses"]["409"]["headers"]["Retry-After"] = {
        "description": "With an Idempotency-Key still in progress: seconds to wait before "
        "trying again.",
        "schema": {"type": "integer", "minimum": 1},
    }
    for path_item in doc.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in HTTP_METHODS:
                continue
            responses = operation.setdefault("responses", {})
            responses.pop("422", None)
            idempotent = method in IDEMPOTENT_METHODS
            if idempotent:
                operation.setdefault("parameters", []).append(
                    {"$ref": "#/components/parameters/Idempotency-Key"}
                )
                # The 422 of a reused key is described with the parameter: the design rules
                # keep 422 out of the responses (kc-no-422; invalid input is 400).
                responses.setdefault("409", {})
            has_input = bool(operation.get("parameters")) or "requestBody" in operation
            if has_input:
                responses.setdefault("400", {})
            if operation.get("security"):
                responses.setdefault("401", {})
            responses.setdefault("500", {})
            for status in list(responses):
                if status.startswith(("4", "5")):
                    responses[status] = {"$ref": f"#/components/responses/{status}"}
                elif status.startswith(("2", "3")):
                    headers = responses[status].setdefault("headers", {})
                    headers["API-Version"] = {"$ref": "#/components/headers/API-Version"}
                    if idempotent:
                        headers["Idempotent-Replayed"] = {
                            "$ref": "#/components/headers/Idempotent-Replayed"
                        }
    return doc


def install_openapi(api: FastAPI, *, path_order: Sequence[str] = ()) -> None:
    """Replace `api.openapi` with a cached, shaped version of FastAPI's document, its paths in
    `path_order` (the routes are included in matching order, hot reads first)."""
    original = api.openapi

    def shaped_openapi() -> dict[str, Any]:
        if api.openapi_schema is None:
            shaped = _with_client_scopes(_shape(original()))
            api.openapi_schema = _in_order(shaped, path_order)
        return api.openapi_schema

    api.openapi = shaped_openapi  # type: ignore[method-assign]


def _route_policy(dependant: Dependant) -> Policy | None:
    for dependency in dependant.dependencies:
        policy = getattr(dependency.call, "__policy__", None) or _route_policy(dependency)
        if policy is not None:
            return cast(Policy, policy)
    return None


def _with_client_scopes(doc: dict[str, Any]) -> dict[str, Any]:
    """Which operations API clients may call, and with which scope: the OAuth2 requirement
    names the scope (people call them with their login, whatever its scopes); an operation
    for people only says so, and the changes feed is for API clients only."""
    from kindcentraal.api import ROUTERS  # the routers import what imports this module

    routes = [route for router in ROUTERS for route in router.routes]
    for route in routes:
        if not isinstance(route, APIRoute) or not route.include_in_schema:
            continue
        policy = _route_policy(route.dependant)
        path_item = doc.get("paths", {}).get(route.path_format, {})
        for method in route.methods or ():
            operation = path_item.get(method.lower())
            if operation is None or policy is None or policy.public:
                continue
            if policy.client_scope is not None or policy.clients_only:
                # A client's call may be refused for its scope (403) or its rate (429).
                responses = operation.setdefault("responses", {})
                for status in ("403", "429"):
                    responses.setdefault(status, {"$ref": f"#/components/responses/{status}"})
                operation["responses"] = dict(sorted(responses.items()))
            if policy.client_scope is not None:
                operation["security"] = [{"OAuth2": [str(policy.client_scope)]}]
                operation["x-api-client-scope"] = str(policy.client_scope)
            elif policy.clients_only:
                operation["x-api-clients-only"] = True
            else:
                operation["x-api-clients"] = False
    return doc


def _in_order(doc: dict[str, Any], path_order: Sequence[str]) -> dict[str, Any]:
    position = {path: index for index, path in enumerate(path_order)}
    paths = doc.get("paths", {})
    doc["paths"] = dict(
        sorted(paths.items(), key=lambda item: position.get(item[0], len(position)))
    )
    return doc


def openapi_yaml(api: FastAPI) -> str:
    return yaml.safe_dump(api.openapi(), sort_keys=False, allow_unicode=True, width=100)
