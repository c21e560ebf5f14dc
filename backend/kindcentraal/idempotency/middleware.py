"""Idempotency-Key on every POST and PATCH of the API (draft-ietf-httpapi-idempotency-key-header).

A client that sends a key can retry a request whose answer it never got: the first request
with the key runs, its response is kept for 24 hours, and a retry with the same key and the
same request gets that response again (`Idempotent-Replayed: true`) without running twice.
Keys belong to one caller: the tenant and the subject of the bearer token (a person, or a
machine client's service account). Without a valid token the key has no effect and the route
answers 401 itself. docs/idempotency.md gives the rules for clients.

Stored is the response (status, Content-Type, Location, ETag, body) and a SHA-256 fingerprint
of the request, never the request body. The response may hold personal data, but only what
the caller already received, replayed to that caller only. Nothing of a key, a path or a body
is logged. Responses that hand out credentials (tokens, two-factor secrets, recovery codes, an
API client's secret: the auth paths, and any response its route marks `Cache-Control:
no-store`) are never stored: the key is accepted there and has no effect.

A pure ASGI middleware: a GET passes after one comparison of its method.
"""

import asyncio
import contextlib
import inspect
import logging
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession
from starlette._utils import get_route_path
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kindcentraal.auth.dependencies import get_session
from kindcentraal.auth.tokens import InvalidToken, decode_access_token
from kindcentraal.errors import problem
from kindcentraal.idempotency import service as idempotency_service
from kindcentraal.idempotency.service import Claim, ClaimState, StoredResponse

HEADER = b"idempotency-key"
REPLAYED_HEADER = "Idempotent-Replayed"
METHODS = frozenset({"POST", "PATCH"})
MAX_KEY_LENGTH = 255
# Bodies up to this size are read to fingerprint them (a multipart upload fits); a larger
# request runs without idempotency.
MAX_REQUEST_BODY = 12 * 1024 * 1024
# Larger responses are sent but not kept: the key is released.
MAX_STORED_RESPONSE = 2 * 1024 * 1024
# Answers that say "try again" or that depend on the moment: never replayed. 412 and 428 too:
# the fingerprint leaves out headers, and a retry with another If-Match must run again.
NOT_KEPT = frozenset({401, 403, 408, 409, 412, 425, 428, 429})
# Responses that hand out credentials are never stored: those of these paths, and any a route
# marks `Cache-Control: no-store` itself (tokens, an API client's secret).
CREDENTIAL_PATHS = ("/auth/", "/me/two-factor/")
# The headers of a kept response that a replay repeats.
KEPT_HEADERS = {"content-type": 255, "location": 2048, "etag": 255}

log = logging.getLogger("kindcentraal.idempotency")

# A short transaction of its own, committed on a clean exit.
Units = Callable[[], AbstractAsyncContextManager[AsyncSession]]


@dataclass(frozen=True)
class Caller:
    tenant_id: uuid.UUID
    caller_id: uuid.UUID


class IdempotencyMiddleware:
    """Claims the key before the route runs, keeps or releases it when the response is done."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in METHODS:
            await self.app(scope, receive, send)
            return
        values = [value for name, value in scope["headers"] if name == HEADER]
        if not values:
            await self.app(scope, receive, send)
            return
        key = parse_key(values[0]) if len(values) == 1 else None
        if key is None:
            await _invalid_key(len(values))(scope, receive, send)
            return
        path = get_route_path(scope)
        caller = _caller(scope)
        if caller is None or path.startswith(CREDENTIAL_PATHS) or _declared_too_large(scope):
            await self.app(scope, receive, send)
            return
        messages, body = await _read_body(receive)
        if body is None:
            await self.app(scope, _replaying(messages, receive), send)
            return
        fingerprint = idempotency_service.fingerprint_request(
            method=scope["method"], path=path, query=scope.get("query_string", b""), body=body
        )
        units = _units(scope)
        async with units() as session:
            claim = await idempotency_service.claim_key(
                session,
                tenant_id=caller.tenant_id,
                caller_id=caller.caller_id,
                key=key,
                fingerprint=fingerprint,
            )
        await self._answer(claim, units, scope, _replaying(messages, receive), send)

    async def _answer(
        self, claim: Claim, units: Units, scope: Scope, receive: Receive, send: Send
    ) -> None:
        if claim.state == ClaimState.REPLAY:
            assert claim.response is not None
            await _replay(claim.response)(scope, receive, send)
        elif claim.state == ClaimState.IN_PROGRESS:
            await problem(
                409,
                code="idempotency_key_in_use",
                title="Idempotency key in use",
                detail="A request with this Idempotency-Key is still being processed.",
                headers={"Retry-After": "1"},
                extensions={"reason": "idempotencyKeyInUse"},
            )(scope, receive, send)
        elif claim.state == ClaimState.REUSED:
            await problem(
                422,
                code="idempotency_key_reused",
                title="Idempotency key reused",
                detail="This Idempotency-Key was used for another request (a different method, "
                "path, query or body); use a new key for a new request.",
                extensions={"reason": "idempotencyKeyReused"},
            )(scope, receive, send)
        elif claim.state == ClaimState.NEW:
            assert claim.record_id is not None
            await _run_claimed(self.app, units, claim.record_id, scope, receive, send)
        else:
            await self.app(scope, receive, send)


def _units(scope: Scope) -> Units:
    """Keys are claimed and kept in short transactions on the app's database, next to the
    request's own unit of work. Where the app's session dependency is overridden (the tests
    serve every request on the test's connection), through that override, so that the keys
    live where the requests' data does."""
    api = scope["app"]
    override = api.dependency_overrides.get(get_session)
    if override is None:
        sessions = api.state.database.sessionmaker

        @asynccontextmanager
        async def transaction() -> AsyncIterator[AsyncSession]:
            async with sessions() as session, session.begin():
                yield session

        return transaction
    unit = asynccontextmanager(override)
    if inspect.signature(override).parameters:
        return lambda: unit(Request(scope))
    return unit


def parse_key(raw: bytes) -> str | None:
    """The key: 1-255 printable ASCII characters, or an RFC 8941 string ("...") as the draft
    writes it, whose content is the key. None if invalid."""
    try:
        value = raw.decode("ascii")
    except UnicodeDecodeError:
        return None
    if not 1 <= len(value) <= MAX_KEY_LENGTH or not all(" " <= c <= "~" for c in value):
        return None
    if not value.startswith('"'):
        return value
    if len(value) < 3 or not value.endswith('"'):
        return None
    chars: list[str] = []
    escaped = False
    for char in value[1:-1]:
        if escaped:
            if char not in '"\\':
                return None
            chars.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == '"':
            return None
        else:
            chars.append(char)
    return "".join(chars) if chars and not escaped else None


def _invalid_key(count: int) -> Response:
    detail = (
        "Send one Idempotency-Key header."
        if count > 1
        else f"The Idempotency-Key is 1 to {MAX_KEY_LENGTH} printable ASCII characters."
    )
    return problem(
        400,
        code="invalid_input",
        title="Invalid input",
        detail="The request has invalid input; see errors.",
        errors=[
            {"in": "header", "location": "Idempotency-Key", "code": "invalid", "detail": detail}
        ],
    )


def _caller(scope: Scope) -> Caller | None:
    for name, value in scope["headers"]:
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            if scheme.lower() != "bearer" or not token:
                return None
            secret = scope["app"].state.settings.resolved_secret_key()
            try:
                claims = decode_access_token(token.strip(), secret=secret)
            except InvalidToken:
                return None
            return Caller(tenant_id=claims.tenant_id, caller_id=claims.user_id)
    return None


def _declared_too_large(scope: Scope) -> bool:
    for name, value in scope["headers"]:
        if name == b"content-length":
            return not value.isdigit() or int(value) > MAX_REQUEST_BODY
    return False


async def _read_body(receive: Receive) -> tuple[list[Message], bytes | None]:
    """The messages read, and the whole body; no body if it is larger than we buffer or the
    client went away (the app then reads the same messages and the rest as they come)."""
    messages: list[Message] = []
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            return messages, None
        chunk: bytes = message.get("body", b"")
        chunks.append(chunk)
        size += len(chunk)
        if size > MAX_REQUEST_BODY:
            return messages, None
        if not message.get("more_body", False):
            body = b"".join(chunks)
            return [{"type": "http.request", "body": body, "more_body": False}], body


def _replaying(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replay() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replay


def _replay(stored: StoredResponse) -> Response:
    headers = {
        name: value
        for name, value in (
            ("content-type", stored.content_type),
            ("location", stored.location),
            ("etag", stored.etag),
        )
        if value is not None
    }
    headers[REPLAYED_HEADER] = "true"
    return Response(content=stored.body, status_code=stored.status_code, headers=headers)


async def _run_claimed(
    app: ASGIApp,
    units: Units,
    record_id: uuid.UUID,
    scope: Scope,
    receive: Receive,
    send: Send,
) -> None:
    """Run the request that holds the key. Its response is held until complete, kept (or the
    key released), and only then sent: a client that got the answer can replay it at once."""
    recorder = _Recorder(send, settle=_settler(units, record_id))
    try:
        await app(scope, receive, recorder.send)
    except BaseException:
        if not recorder.settled:
            # A crash (the server answers 500) or a cancelled request: the client may retry.
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.shield(recorder.settle_once(None))
        raise
    if not recorder.settled:
        await recorder.settle_once(None)


Settle = Callable[[StoredResponse | None], Awaitable[None]]


def _settler(units: Units, record_id: uuid.UUID) -> Settle:
    async def settle(response: StoredResponse | None) -> None:
        try:
            async with units() as session:
                if response is not None:
                    await idempotency_service.keep_response(
                        session, record_id=record_id, response=response
                    )
                else:
                    await idempotency_service.release_key(session, record_id=record_id)
        except Exception as exc:
            # The response still goes out; the key stays in progress until it is abandoned.
            log.warning(
                "idempotency key not %s: %s",
                "kept" if response is not None else "released",
                type(exc).__name__,
            )

    return settle


class _Recorder:
    """Holds the response start and body until the body is complete (or too large to keep)."""

    def __init__(self, send: Send, *, settle: Settle) -> None:
        self._send = send
        self._settle = settle
        self.settled = False
        self._passing = False
        self._start: Message | None = None
        self._chunks: list[bytes] = []
        self._size = 0

    async def settle_once(self, response: StoredResponse | None) -> None:
        if not self.settled:
            self.settled = True
            await self._settle(response)

    async def send(self, message: Message) -> None:
        if self._passing:
            await self._send(message)
        elif message["type"] == "http.response.start":
            self._start = message
        elif message["type"] == "http.response.body" and self._start is not None:
            chunk: bytes = message.get("body", b"")
            self._chunks.append(chunk)
            self._size += len(chunk)
            more: bool = message.get("more_body", False)
            if self._size > MAX_STORED_RESPONSE:
                await self._flush(None, more_body=more)
            elif not more:
                await self._flush(self._kept(), more_body=False)
        else:
            await self._flush(None, more_body=True)
            await self._send(message)

    async def _flush(self, response: StoredResponse | None, *, more_body: bool) -> None:
        await self.settle_once(response)
        self._passing = True
        if self._start is not None:
            await self._send(self._start)
            body = b"".join(self._chunks)
            self._chunks = []
            if body or not more_body:
                await self._send(
                    {"type": "http.response.body", "body": body, "more_body": more_body}
                )

    def _kept(self) -> StoredResponse | None:
        assert self._start is not None
        status: int = self._start["status"]
        if status >= 500 or status in NOT_KEPT:
            return None
        found: dict[str, str] = {}
        for raw_name, raw_value in self._start.get("headers", []):
            name = raw_name.decode("latin-1").lower()
            if name == "cache-control" and b"no-store" in raw_value.lower():
                # The route says its answer must not be stored anywhere (credentials).
                return None
            if name in KEPT_HEADERS:
                value = raw_value.decode("latin-1")
                if len(value) > KEPT_HEADERS[name]:
                    return None
                found[name] = value
        return StoredResponse(
            status_code=status,
            content_type=found.get("content-type"),
            location=found.get("location"),
            etag=found.get("etag"),
            body=b"".join(self._chunks),
        )
