"""The worker's housekeeping: Idempotency-Keys past 24 hours and change records past their
retention go; what is younger stays."""

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.changes.models import ChangeRecord
from kindcentraal.changes.service import CURSOR_DAYS, RETENTION_DAYS
from kindcentraal.idempotency.models import IdempotencyKey
from kindcentraal.outbox.worker import housekeeping
from tests.backend.factories import World


async def test_housekeeping_purges_only_what_has_run_out(
    session: AsyncSession, world: World
) -> None:
    now = datetime.now(UTC)
    assert RETENTION_DAYS > CURSOR_DAYS
    for age in (RETENTION_DAYS + 1, CURSOR_DAYS):
        session.add(
            ChangeRecord(
                tenant_id=world.tenant.id,
                organisation_id=world.childcare.id,
                resource="placement",
                resource_id=uuid.uuid4(),
                change="created",
                occurred_at=now - timedelta(days=age),
            )
        )
    for hours, key in ((25, "old"), (1, "young")):
        session.add(
            IdempotencyKey(
                tenant_id=world.tenant.id,
                caller_id=world.pm.id,
                key=key,
                fingerprint="0" * 64,
                created_at=now - timedelta(hours=hours),
            )
        )
    await session.flush()
    horizon = now - timedelta(days=RETENTION_DAYS)
    old_changes = select(func.count()).where(ChangeRecord.occurred_at < horizon)
    assert await session.scalar(old_changes) == 1
    purged = await housekeeping(session, now=now)
    assert purged == 2
    assert await session.scalar(old_changes) == 0
    kept = (await session.scalars(select(IdempotencyKey.key))).all()
    assert kept == ["young"]
    recent = select(func.count()).where(
        ChangeRecord.occurred_at >= now - timedelta(days=CURSOR_DAYS + 1)
    )
    assert (await session.scalar(recent) or 0) >= 1
