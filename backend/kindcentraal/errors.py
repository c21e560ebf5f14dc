"""AppError and the problem+json (RFC 9457) handlers, installed on every app."""

import logging
import traceback
from collections.abc import Awaitable, Callable, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_BASE = "https://kindcentraal.nl/problems/"

log = logging.getLogger("kindcentraal.errors")


class AppError(Exception):
    """A domain error with a stable code; rendered as problem+json by one handler."""

    status: int = 400
    code: str = "bad_request"
    title: str = "Bad request"

    def __init__(self, detail: str | None = None, *, headers: dict[str, str] | None = None):
        super().__init__(detail or self.title)
        self.detail = detail or self.title
        self.headers = headers or {}
        # Work that must survive the rollback of the failed request (e.g. a denied-access
        # audit event); the unit of work runs it in a fresh transaction and commits it.
        self.after_rollback: Callable[[AsyncSession], Awaitable[None]] | None = None
        # Extension members of the problem (RFC 9457 §3.2), e.g. a booking's `conflicts`.
        self.extensions: dict[str, Any] = {}


class NotFound(AppError):
    status = 404
    code = "not_found"
    title = "Not found"

    def __init__(self, resource: str = "resource") -> None:
        super().__init__(f"The {resource} does not exist or is not visible to you.")


class Forbidden(AppError):
    status = 403
    code = "forbidden"
    title = "Forbidden"


class Unauthorized(AppError):
    status = 401
    code = "unauthorized"
    title = "Unauthorized"

    def __init__(self, detail: str = "Authentication is required.") -> None:
        super().__init__(detail, headers={"WWW-Authenticate": "Bearer"})


class TwoFactorEnrolmentRequired(AppError):
    status = 403
    code = "two_factor_enrolment_required"
    title = "Two-factor enrolment required"

    def __init__(self) -> None:
        super().__init__("Set up two-factor login first (see /me/two-factor).")


class InsufficientScope(AppError):
    """A machine client's token lacks the scope the route needs (RFC 6750 §3.1)."""

    status = 403
    code = "insufficient_scope"
    title = "Insufficient scope"

    def __init__(self, scope: str) -> None:
        super().__init__(
            f"This call needs the scope {scope}.",
            headers={"WWW-Authenticate": f'Bearer error="insufficient_scope", scope="{scope}"'},
        )


class ClientNotAllowed(AppError):
    status = 403
    code = "not_for_api_clients"
    title = "Forbidden"

    def __init__(self) -> None:
        super().__init__("This route is for people, not for API clients.")


class TooManyRequests(AppError):
    status = 429
    code = "rate_limited"
    title = "Too many requests"

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            "This client made too many requests; wait and try again.",
            headers={"Retry-After": str(max(1, retry_after))},
        )


class PreconditionFailed(AppError):
    status = 412
    code = "precondition_failed"
    title = "Precondition failed"


class Conflict(AppError):
    status = 409
    code = "conflict"
    title = "Conflict"


class InvalidInput(AppError):
    """400 with a field-level `errors` list, for rules a schema cannot express."""

    status = 400
    code = "invalid_input"
    title = "Invalid input"

    def __init__(self, errors: Sequence[dict[str, str]], detail: str | None = None) -> None:
        super().__init__(detail or "The request has invalid input.")
        self.errors = list(errors)

    @classmethod
    def field(cls, location: str, code: str, detail: str, where: str = "body") -> "InvalidInput":
        pointer = location if where != "body" else "#/" + location.strip("/")
        return cls([{"in": where, "location": pointer, "code": code, "detail": detail}], detail)


def problem(
    status: int,
    *,
    code: str,
    title: str | None = None,
    detail: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
    extensions: dict[str, Any] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": PROBLEM_BASE + code.replace("_", "-"),
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail or HTTPStatus(status).description or HTTPStatus(status).phrase,
    }
    if errors is not None:
        body["errors"] = errors
    body.update(extensions or {})
    return JSONResponse(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def _location(where: str, rest: tuple[Any, ...]) -> str:
    if where == "body":
        return "#/" + "/".join(str(part) for part in rest) if rest else "#"
    return ".".join(str(part) for part in rest)


def validation_errors(exc: RequestValidationError) -> list[dict[str, str]]:
    errors = []
    for err in exc.errors():
        loc = tuple(err.get("loc", ()))
        where = str(loc[0]) if loc else "body"
        rest = loc[1:]
        if err.get("type") == "json_invalid":
            rest = ()  # the number is a character offset, not a field
        errors.append(
            {
                "in": where if where in {"body", "query", "path", "header"} else "body",
                "location": _location(where, rest),
                "code": str(err.get("type", "invalid")),
                # pydantic messages can quote the input; never echo personal data back
                "detail": str(err.get("msg", "Invalid value.")),
            }
        )
    return errors


async def _app_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AppError)
    return problem(
        exc.status,
        code=exc.code,
        title=exc.title,
        detail=exc.detail,
        errors=getattr(exc, "errors", None),
        headers=exc.headers,
        extensions=exc.extensions,
    )


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return problem(
        400,
        code="invalid_input",
        title="Invalid input",
        detail="The request has invalid input; see errors.",
        errors=validation_errors(exc),
    )


async def _http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    codes = {404: "not_found", 405: "method_not_allowed", 401: "unauthorized"}
    return problem(
        exc.status_code,
        code=codes.get(exc.status_code, "http_error"),
        detail=str(exc.detail) if exc.detail else None,
        headers=dict(exc.headers or {}),
    )


async def _unexpected_error(_: Request, exc: Exception) -> JSONResponse:
    # Frames only: exception messages (SQL parameters, input values) can hold personal data.
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("unhandled %s.%s\n%s", type(exc).__module__, type(exc).__name__, frames)
    return problem(500, code="internal_error", detail="An unexpected error occurred.")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AppError, _app_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)
