"""Rate limits and usage counts of API clients.

The limit is a moving window per client and per API process (the `limits` library, in
memory). Calls and errors are counted in memory and written every few seconds, so counting
never adds a write to a client's read; a process killed between two writes loses at most
those seconds of counts (the access log, not these counts, is the record of every call).
"""

import asyncio
import contextlib
import uuid
from collections import defaultdict, deque
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from limits import RateLimitItem, parse, storage, strategies
from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kindcentraal.errors import TooManyRequests
from kindcentraal.integration.models import ApiClient, ApiClientError, ApiClientUsage
from kindcentraal.integration.schemas import ApiClientErrorRead, UsageDay
from kindcentraal.rooms.recurrence import local_today

RECENT_ERRORS = 20
USAGE_DAYS = 14
# Where guard() leaves the client of a request for the usage middleware (request.state).
CLIENT_STATE = "kc_api_client"


class ClientLimits:
    def __init__(self, rate: str) -> None:
        self.limit: RateLimitItem = parse(rate)
        self.limiter = strategies.MovingWindowRateLimiter(storage.MemoryStorage())

    def blocked(self, key: str) -> int:
        """Counts a call; the seconds to wait when it is one too many, else 0."""
        if self.limiter.hit(self.limit, key):
            return 0
        reset = self.limiter.get_window_stats(self.limit, key).reset_time
        return max(1, int(reset - datetime.now(UTC).timestamp()) + 1)

    def check(self, client_id: uuid.UUID) -> None:
        retry_after = self.blocked(str(client_id))
        if retry_after:
            raise TooManyRequests(retry_after)


@dataclass(frozen=True)
class CallOf:
    tenant_id: uuid.UUID
    client_id: uuid.UUID


@dataclass
class _Pending:
    counts: dict[tuple[CallOf, date], list[int]] = field(
        default_factory=lambda: defaultdict(lambda: [0, 0])
    )
    errors: dict[CallOf, deque[dict[str, Any]]] = field(
        default_factory=lambda: defaultdict(lambda: deque(maxlen=RECENT_ERRORS))
    )


class UsageRecorder:
    def __init__(self) -> None:
        self.pending = _Pending()

    def count(self, call: CallOf, *, method: str, route: str, status: int) -> None:
        tally = self.pending.counts[(call, local_today())]
        tally[0] += 1
        if status >= 400:
            tally[1] += 1
            self.pending.errors[call].append(
                {
                    "occurred_at": datetime.now(UTC),
                    "method": method,
                    "route": route[:200],
                    "status": status,
                }
            )

    async def flush(self, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
        pending, self.pending = self.pending, _Pending()
        if not pending.counts and not pending.errors:
            return
        async with sessionmaker() as session, session.begin():
            # Counts of a client whose organisation has gone since are dropped with it.
            clients = {call.client_id for call, _ in pending.counts} | {
                c.client_id for c in pending.errors
            }
            existing = set(
                await session.scalars(select(ApiClient.id).where(ApiClient.id.in_(clients)))
            )
            dialect = session.get_bind().dialect.name
            insert = pg_insert if dialect == "postgresql" else sqlite_insert
            for (call, day), (calls, errors) in pending.counts.items():
                if call.client_id not in existing:
                    continue
                statement = insert(ApiClientUsage).values(
                    id=uuid.uuid4(),
                    tenant_id=call.tenant_id,
                    client_id=call.client_id,
                    day=day,
                    calls=calls,
                    errors=errors,
                    created_at=datetime.now(UTC),
                    updated_at=datetime.now(UTC),
                )
                await session.execute(
                    statement.on_conflict_do_update(
                        index_elements=["client_id", "day"],
                        set_={
                            "calls": ApiClientUsage.calls + calls,
                            "errors": ApiClientUsage.errors + errors,
                            "updated_at": datetime.now(UTC),
                        },
                    )
                )
            for call, recent in pending.errors.items():
                if call.client_id not in existing:
                    continue
                session.add_all(
                    ApiClientError(tenant_id=call.tenant_id, client_id=call.client_id, **error)
                    for error in recent
                )
                await session.flush()
                keep = (
                    select(ApiClientError.id)
                    .where(ApiClientError.client_id == call.client_id)
                    .order_by(ApiClientError.occurred_at.desc())
                    .limit(RECENT_ERRORS)
                )
                await session.execute(
                    delete(ApiClientError).where(
                        ApiClientError.client_id == call.client_id,
                        ApiClientError.id.not_in(keep),
                    )
                )


async def run_flusher(
    recorder: UsageRecorder, sessionmaker: async_sessionmaker[AsyncSession], interval: float
) -> None:
    try:
        while True:
            await asyncio.sleep(interval)
            with contextlib.suppress(Exception):
                await recorder.flush(sessionmaker)
    finally:
        # Shutting down: what was counted since the last write is written now.
        with contextlib.suppress(Exception):
            await recorder.flush(sessionmaker)


class UsageMiddleware:
    """Counts each call of an API client, with its outcome, once the response has started."""

    def __init__(self, app: ASGIApp, recorder: UsageRecorder) -> None:
        self.app = app
        self.recorder = recorder

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status = 500

        async def capture(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            call = scope.get("state", {}).get(CLIENT_STATE)
            if call is not None:
                route = getattr(scope.get("route"), "path_format", None) or "unmatched"
                self.recorder.count(call, method=scope["method"], route=route, status=status)


async def read_usage(
    session: AsyncSession, *, tenant_id: uuid.UUID, client_ids: list[uuid.UUID]
) -> tuple[dict[uuid.UUID, list[UsageDay]], dict[uuid.UUID, list[ApiClientErrorRead]]]:
    """Per client: its calls and errors of the last USAGE_DAYS days, newest first, and its
    last errors (the flush keeps RECENT_ERRORS of them per client)."""
    since = local_today() - timedelta(days=USAGE_DAYS - 1)
    days: dict[uuid.UUID, list[UsageDay]] = defaultdict(list)
    errors: dict[uuid.UUID, list[ApiClientErrorRead]] = defaultdict(list)
    for row in await session.scalars(
        select(ApiClientUsage)
        .where(
            ApiClientUsage.client_id.in_(client_ids),
            ApiClientUsage.tenant_id == tenant_id,
            ApiClientUsage.day >= since,
        )
        .order_by(ApiClientUsage.day.desc())
    ):
        days[row.client_id].append(UsageDay.model_validate(row))
    for error in await session.scalars(
        select(ApiClientError)
        .where(ApiClientError.client_id.in_(client_ids), ApiClientError.tenant_id == tenant_id)
        .order_by(ApiClientError.occurred_at.desc())
    ):
        if len(errors[error.client_id]) < RECENT_ERRORS:
            errors[error.client_id].append(ApiClientErrorRead.model_validate(error))
    return days, errors
