"""`kindcentraal worker`: the product's background work in one process. Each round it
delivers due e-mail, seals new access-log events, runs data exports whose job never ran or
died with its API process, releases room bookings nobody checked in, every hour purges expired
Idempotency-Keys and old change records, every night runs the retention purge
(docs/retention.md) and, once a week (Monday from 07:00, Amsterdam time),
queues the parents' weekly digest. Beside those rounds a loop of
its own delivers webhooks (webhooks/delivery.py): it polls every 50 ms, not every round."""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from kindcentraal.audit.writer import seal_all
from kindcentraal.changes.feed import purge_old_changes
from kindcentraal.config import Settings
from kindcentraal.db import Database
from kindcentraal.family.export import resume_stalled_exports
from kindcentraal.idempotency.service import purge_expired_keys
from kindcentraal.outbox.delivery import deliver_due
from kindcentraal.outbox.service import queue_weekly_digests
from kindcentraal.rooms.service import release_no_shows
from kindcentraal.tenant.models import Tenant
from kindcentraal.webhooks.delivery import WebhookWorker

logger = logging.getLogger("kindcentraal.worker")
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DIGEST_AT = time(7, 0)


def digest_week_end(now: datetime) -> datetime:
    """The Monday 07:00 (Amsterdam) most recently passed: the digest covers the week before."""
    local = now.astimezone(AMSTERDAM)
    monday = local.date() - timedelta(days=local.weekday())
    at = datetime.combine(monday, DIGEST_AT, tzinfo=AMSTERDAM)
    if local < at:
        at = datetime.combine(monday - timedelta(days=7), DIGEST_AT, tzinfo=AMSTERDAM)
    return at.astimezone(UTC)


async def queue_digests(
    sessionmaker: async_sessionmaker[AsyncSession], now: datetime | None = None
) -> int:
    """Every tenant's digests for the last week that ended; safe to run again (once a week
    per parent, by the mail's dedupe key)."""
    week_end = digest_week_end(now or datetime.now(UTC))
    queued = 0
    async with sessionmaker() as session:
        tenant_ids = list(await session.scalars(select(Tenant.id)))
    for tenant_id in tenant_ids:
        async with sessionmaker() as session, session.begin():
            queued += await queue_weekly_digests(session, tenant_id=tenant_id, week_end=week_end)
    return queued


HOUSEKEEPING_EVERY = timedelta(hours=1)


async def housekeeping(session: AsyncSession, now: datetime | None = None) -> int:
    """What integration keeps only for a while: Idempotency-Keys past 24 hours, and change
    records past their retention (cursors of the changes feed stay valid 30 days)."""
    keys = await purge_expired_keys(session, now=now)
    changes = await purge_old_changes(session, now=now)
    return keys + changes


async def _housekeeping(sessionmaker: async_sessionmaker[AsyncSession]) -> int:
    async with sessionmaker() as session, session.begin():
        return await housekeeping(session)


async def _release(sessionmaker: async_sessionmaker[AsyncSession]) -> int:
    async with sessionmaker() as session, session.begin():
        return await release_no_shows(session)


def retention_night(now: datetime, hour: int) -> date | None:
    """The Amsterdam day whose nightly purge is due at `now` (from `hour` on), or None."""
    if hour < 0:
        return None
    local = now.astimezone(AMSTERDAM)
    return local.date() if local.hour >= hour else None


async def _retention(sessionmaker: async_sessionmaker[AsyncSession], settings: Settings) -> int:
    from kindcentraal.retention.service import run_retention, transactions
    from kindcentraal.storage.dependency import storage_for

    report = await run_retention(transactions(sessionmaker), storage=storage_for(settings))
    return report.total


class Worker:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.database = Database(settings.async_database_url)
        self._digest_week: datetime | None = None
        self._released_at: datetime | None = None
        self._housekept_at: datetime | None = None
        self._retention_day: date | None = None
        # `--once` (scripts, tests) never purges: that is `kindcentraal retention run`.
        self._retention_enabled = True

    async def round(self) -> int:
        """One round of every job; the number of mails sent."""
        sessionmaker = self.database.sessionmaker
        now = datetime.now(UTC)
        week = digest_week_end(now)
        if week != self._digest_week:
            queued = await self._guarded("digest", lambda: queue_digests(sessionmaker, now))
            logger.info("weekly digests queued: %s", queued)
            self._digest_week = week
        await self._guarded("sealer", lambda: seal_all(sessionmaker))
        await self._guarded("exports", lambda: resume_stalled_exports(self.database.session))
        interval = self.settings.rooms_release_interval_seconds
        if interval > 0 and (
            self._released_at is None or now - self._released_at >= timedelta(seconds=interval)
        ):
            await self._guarded("rooms release", lambda: _release(sessionmaker))
            self._released_at = now
        if self._housekept_at is None or now - self._housekept_at >= HOUSEKEEPING_EVERY:
            purged = await self._guarded("housekeeping", lambda: _housekeeping(sessionmaker))
            logger.info("housekeeping: %s expired keys and change records purged", purged)
            self._housekept_at = now
        night = retention_night(now, self.settings.retention_run_hour)
        if self._retention_enabled and night is not None and night != self._retention_day:
            purged = await self._guarded(
                "retention", lambda: _retention(sessionmaker, self.settings)
            )
            logger.info("retention: %s rows erased or de-identified", purged)
            self._retention_day = night
        return await self._guarded("mail", lambda: deliver_due(sessionmaker, self.settings))

    async def _guarded(self, job: str, run: Callable[[], Awaitable[int]]) -> int:
        # One failing job must not stop the others; the type only (no personal data).
        try:
            return await run()
        except Exception as exc:
            logger.error("worker job %s failed: %s", job, type(exc).__name__)
            return 0

    async def run(self, *, once: bool = False) -> None:
        webhooks = WebhookWorker(
            self.database.sessionmaker,
            self.settings,
            reader=self.database.read_sessionmaker,
            once=once,
        )
        self._retention_enabled = not once
        try:
            if once:
                while await self.round():
                    pass
                await webhooks.run()
                return
            delivering = asyncio.create_task(webhooks.run())
            try:
                while True:
                    sent = await self.round()
                    if sent == 0:
                        await asyncio.sleep(self.settings.worker_interval_seconds)
            finally:
                webhooks.stop()
                await delivering
        finally:
            await self.database.dispose()
