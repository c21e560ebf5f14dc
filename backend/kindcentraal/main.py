"""create_app(): the outer app, the /api/v1 app, middleware and error handlers."""

import asyncio
import contextlib
import gc
import logging
import re
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.routing import APIRoute
from starlette._utils import get_route_path
from starlette.datastructures import MutableHeaders
from starlette.responses import JSONResponse
from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import kindcentraal.models  # noqa: F401 - every mapper registered before the first query
from kindcentraal.api import documented_paths, include_routers
from kindcentraal.audit.writer import GroupCommit, run_sealer
from kindcentraal.common import security_headers
from kindcentraal.config import Settings, get_settings
from kindcentraal.db import Database
from kindcentraal.errors import install_error_handlers, problem
from kindcentraal.idempotency.middleware import IdempotencyMiddleware
from kindcentraal.integration.usage import (
    ClientLimits,
    UsageMiddleware,
    UsageRecorder,
    run_flusher,
)
from kindcentraal.openapi import HTTP_METHODS, install_openapi
from kindcentraal.rooms.service import run_release

API_VERSION = "1.0.0"
TOKEN_RATE_LIMIT = "30/minute"  # noqa: S105 - a rate, not a secret
API_PREFIX = "/api/v1"
DOCS_PREFIX = f"{API_PREFIX}/docs"  # the Swagger UI page and its OAuth2 redirect page
log = logging.getLogger("kindcentraal")


class ApiHeadersMiddleware:
    """API-Version and security headers on every response, errors and docs included."""

    def __init__(self, app: ASGIApp, *, production: bool) -> None:
        self.app = app
        self.production = production

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["API-Version"] = API_VERSION
                security_headers.add_headers(headers.raw)
                if self.production:
                    headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
                if path == f"{API_PREFIX}/openapi.json":
                    headers["Access-Control-Allow-Origin"] = "*"
                elif "cache-control" not in headers:
                    # Responses may carry personal data: never stored by browsers or proxies.
                    headers["Cache-Control"] = "no-store"
            await send(message)

        if path.startswith(DOCS_PREFIX):
            await self.app(scope, receive, security_headers.with_docs_policy(send_with_headers))
            return
        await self.app(scope, receive, send_with_headers)


class RequestLogMiddleware:
    """One line per request: method, route template, status, duration. Never the concrete
    path or query string: they can carry names (?q=) and ids of children."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.log = logging.getLogger("kindcentraal.requests")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 0

        async def capture_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, capture_status)
        except Exception:
            # Starlette re-raises a crash after our handler answered 500, and the server would
            # log it with its message (SQL parameters, input): the handler logged the frames.
            if status != 500:
                raise
        finally:
            route = scope.get("route")
            template = getattr(route, "path_format", None) or "(unmatched)"
            self.log.info(
                "%s %s %s %.1fms",
                scope.get("method"),
                template,
                status,
                (time.perf_counter() - started) * 1000,
            )


def _operation_id(route: APIRoute) -> str:
    return f"{route.tags[0]}:{route.name}" if route.tags else route.name


def _method_not_allowed_handler(api: FastAPI) -> Any:
    """Starlette's Allow lists only the first matching route's methods; list them all."""
    patterns: list[tuple[re.Pattern[str], set[str]]] = []

    async def handler(request: Request, exc: Exception) -> JSONResponse:
        if not patterns:
            for path, item in api.openapi()["paths"].items():
                regex, _, _ = compile_path(path)
                patterns.append((regex, {m.upper() for m in item if m in HTTP_METHODS}))
        path = get_route_path(request.scope)
        allowed = set().union(*(methods for regex, methods in patterns if regex.match(path)))
        return problem(
            405,
            code="method_not_allowed",
            detail="This method is not allowed on this resource.",
            headers={"Allow": ", ".join(sorted(allowed))},
        )

    return handler


def create_api(settings: Settings, database: Database) -> FastAPI:
    api = FastAPI(
        title="KindCentraal API",
        version=API_VERSION,
        description=(
            "One team around every child: children, guardians, placements, groups, "
            "organisations and the centre's partners. Follows the Dutch government's "
            "REST API Design Rules. Errors are application/problem+json (RFC 9457)."
        ),
        contact={
            "name": "KindCentraal",
            "email": "api@kindcentraal.nl",
            "url": "https://kindcentraal.nl",
        },
        servers=[{"url": settings.public_api_url}],
        root_path_in_servers=False,
        openapi_url="/openapi.json",
        docs_url="/docs",
        redoc_url=None,
        redirect_slashes=False,
        generate_unique_id_function=_operation_id,
    )
    api.state.settings = settings
    api.state.database = database
    api.state.group_commit = GroupCommit(database.sessionmaker, database.log_engine)
    api.state.client_limits = ClientLimits(settings.api_client_rate_limit)
    api.state.client_usage = UsageRecorder()
    # Token requests per client id, right or wrong: guessing a secret gets nowhere fast.
    api.state.token_limits = ClientLimits(TOKEN_RATE_LIMIT)
    install_error_handlers(api)
    api.add_exception_handler(405, _method_not_allowed_handler(api))
    include_routers(api)
    install_openapi(api, path_order=documented_paths())
    api.add_middleware(IdempotencyMiddleware)
    api.add_middleware(UsageMiddleware, recorder=api.state.client_usage)
    return api


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    database = Database(settings.async_database_url)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # What start-up built (mappers, routes, schemas) lives as long as the process: out of
        # the collector's sight, a full collection under load no longer walks it.
        gc.collect()
        gc.freeze()
        sealer = None
        if settings.audit_seal_interval_seconds > 0:
            sealer = asyncio.create_task(
                run_sealer(database.sessionmaker, settings.audit_seal_interval_seconds)
            )
        release = None
        if settings.rooms_release_interval_seconds > 0:
            release = asyncio.create_task(
                run_release(database.sessionmaker, settings.rooms_release_interval_seconds)
            )
        usage = asyncio.create_task(
            run_flusher(
                api.state.client_usage, database.sessionmaker, settings.api_usage_flush_seconds
            )
        )
        yield
        for task in (sealer, release, usage):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        await database.dispose()

    app = FastAPI(
        openapi_url=None, docs_url=None, redoc_url=None, redirect_slashes=False, lifespan=lifespan
    )
    app.state.settings = settings
    app.state.database = database
    install_error_handlers(app)
    api = create_api(settings, database)
    app.state.api = api
    app.mount(API_PREFIX, api)
    # JSON compresses well on a phone's slow connection. Safe here: the API authenticates by
    # bearer token; the one cookie (the refresh token, SameSite=Strict, Path=/api/v1/auth) is
    # never sent with a request another site makes, so no page of another site can make a
    # browser send an authenticated request whose compressed size it could observe (BREACH).
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        # The SPA's login, refresh and logout carry the refresh cookie (credentials: include);
        # only the configured origins, never "*" (config refuses it), get this answer.
        allow_credentials=True,
        allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
        allow_headers=["Authorization", "Content-Type", "Accept-Language", "Idempotency-Key"],
        expose_headers=["API-Version", "Retry-After", "Idempotent-Replayed"],
    )
    app.add_middleware(ApiHeadersMiddleware, production=settings.env == "production")
    app.add_middleware(RequestLogMiddleware)
    return app


def __getattr__(name: str) -> Any:
    # `uvicorn kindcentraal.main:app` builds the app on first access, not at import time.
    if name == "app":
        return create_app()
    raise AttributeError(name)
