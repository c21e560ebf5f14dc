"""Group commit of the access-log events of read-only requests, and the periodic sealer.

A read-only request takes no write lock: its events wait in the unit of work, and one writer
gathers the events of all concurrent requests into one transaction. Each request answers only
once the transaction holding its event has committed (no answer without its event).
"""

import asyncio
import logging
import time
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from kindcentraal.audit import service as audit
from kindcentraal.db import refresh_statistics
from kindcentraal.errors import AppError

log = logging.getLogger("kindcentraal.audit")


class AccessLogUnavailable(AppError):
    status = 503
    code = "access_log_unavailable"
    title = "Access log unavailable"

    def __init__(self) -> None:
        super().__init__("The access log could not record this request; nothing was served.")


class GroupCommit:
    """The deferred work of a read-only unit of work: its events, durable before it answers."""

    def __init__(
        self, sessionmaker: async_sessionmaker[AsyncSession], sqlite_engine: Engine | None = None
    ) -> None:
        self._sessionmaker = sessionmaker
        self._sqlite_engine = sqlite_engine
        self._waiting: list[tuple[audit.EventRows, asyncio.Future[None]]] = []
        self._writer: asyncio.Task[None] | None = None

    def start(self, session: AsyncSession) -> None:
        session.info[audit.DEFERRED_EVENTS] = audit.EventRows()

    async def complete(self, session: AsyncSession) -> None:
        rows: audit.EventRows | None = session.info.get(audit.DEFERRED_EVENTS)
        self.start(session)
        if rows:
            await self.write(rows)

    async def write(self, rows: audit.EventRows) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append((rows, future))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._drain())
        # A client that hangs up does not take its event out of the batch.
        await asyncio.shield(future)

    async def _drain(self) -> None:
        while self._waiting:
            batch, self._waiting = self._waiting, []
            rows = audit.EventRows()
            for part, _ in batch:
                rows.extend(part)
            error: BaseException | None = None
            try:
                await self._commit(rows)
            except Exception as exc:  # every waiting request fails closed
                log.error("access-log group commit failed: %s", type(exc).__name__)
                error = exc
            for _, future in batch:
                if future.done():
                    continue
                if error is None:
                    future.set_result(None)
                else:
                    future.set_exception(AccessLogUnavailable())

    async def _commit(self, rows: audit.EventRows) -> None:
        if self._sqlite_engine is not None:
            # The whole batch in one hand-over to a thread (see db.make_sqlite_log_engine).
            await asyncio.to_thread(self._commit_sqlite, self._sqlite_engine, rows)
        else:
            async with self._sessionmaker() as session, session.begin():
                await audit.write_events(session, rows)

    @staticmethod
    def _commit_sqlite(engine: Engine, rows: audit.EventRows) -> None:
        with engine.begin() as connection:
            audit.write_events_sync(connection, rows)


async def seal_all(sessionmaker: async_sessionmaker[AsyncSession]) -> int:
    """Seal every queued event of every tenant; answers how many were sealed."""
    total = 0
    async with sessionmaker() as session:
        async with session.begin():
            tenants = await audit.tenants_with_queued_events(session)
        for tenant_id in tenants:
            while True:
                async with session.begin():
                    sealed = await audit.seal_tenant(session, tenant_id)
                total += sealed
                if sealed < audit.SEAL_BATCH_LIMIT:
                    break
    return total


STATISTICS_EVERY_SECONDS = 3600.0
# Sealed by this process before the log's own statistics are refreshed once (see run_sealer).
LOG_STATISTICS_AFTER_EVENTS = 1000
LOG_TABLES = ("audit_event", "audit_event_child", "audit_pending", "audit_seal_event")


async def refresh_log_statistics(session: AsyncSession) -> None:
    """ANALYZE the log's tables, sampled on SQLite as in `refresh_statistics`: a full ANALYZE
    of millions of events would hold the write lock, and every read's event, for seconds."""
    if session.get_bind().dialect.name == "sqlite":
        await session.execute(text("PRAGMA analysis_limit=1000"))
    for table in LOG_TABLES:
        await session.execute(text(f"ANALYZE {table}"))


async def run_sealer(sessionmaker: async_sessionmaker[AsyncSession], interval: float) -> Any:
    """Seal new events every `interval` seconds until cancelled; on SQLite, also refresh the
    planner's statistics hourly (PostgreSQL's autovacuum does that itself). Not at start-up:
    `db upgrade` and the seeds refresh them, and every worker would repeat it.

    Once, after its first thousand events, it refreshes the statistics of the log's tables.
    A new installation has analysed them empty, and PostgreSQL then checks each new row's
    foreign key to its event with a sequential scan of `audit_event`, a plan each connection
    keeps until the statistics change: 4 ms a row after a few thousand events, which held
    the group commit (and every read waiting on it) to a third of its speed until autovacuum
    came round."""
    statistics_due = time.monotonic() + STATISTICS_EVERY_SECONDS
    sealed = 0
    log_statistics_fresh = False
    while True:
        await asyncio.sleep(interval)
        try:
            sealed += await seal_all(sessionmaker)
        except Exception as exc:  # the next round tries again; events wait in the queue
            log.error("access-log sealer failed: %s", type(exc).__name__)
        if not log_statistics_fresh and sealed >= LOG_STATISTICS_AFTER_EVENTS:
            log_statistics_fresh = True
            try:
                async with sessionmaker() as session, session.begin():
                    await refresh_log_statistics(session)
            except Exception as exc:
                log.error("access-log statistics refresh failed: %s", type(exc).__name__)
        if time.monotonic() >= statistics_due:
            statistics_due = time.monotonic() + STATISTICS_EVERY_SECONDS
            try:
                async with sessionmaker() as session, session.begin():
                    if session.get_bind().dialect.name == "sqlite":
                        await refresh_statistics(session)
            except Exception as exc:
                log.error("statistics refresh failed: %s", type(exc).__name__)
