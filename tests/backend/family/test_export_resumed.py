"""`kindcentraal worker` runs the data exports whose job never ran (or died with its API
process), under the requester's rights of now; never for someone logged out."""

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from kindcentraal.auth.models import AuthSession
from kindcentraal.family.export import EXPORT_TTL, resume_stalled_exports
from kindcentraal.family.models import DataExport, ExportStatus
from tests.backend.factories import World


def _export(world: World, requester_id: object, *, age: timedelta) -> DataExport:
    at = datetime.now(UTC) - age
    return DataExport(
        tenant_id=world.tenant.id,
        child_id=world.pupil.id,
        requested_by_id=requester_id,
        status=ExportStatus.QUEUED,
        progress=0,
        care_data_included=False,
        expires_at=at + EXPORT_TTL,
        created_at=at,
        updated_at=at,
    )


async def test_stalled_exports_run_for_a_live_login_and_fail_without_one(
    world: World, session: AsyncSession, connection: AsyncConnection
) -> None:
    stalled = _export(world, world.parent_without_authority.id, age=timedelta(minutes=5))
    fresh = _export(world, world.parent_without_authority.id, age=timedelta(seconds=5))
    logged_out = _export(world, world.parent.id, age=timedelta(minutes=5))
    session.add_all([stalled, fresh, logged_out])
    await session.flush()
    await session.execute(
        update(AuthSession)
        .where(AuthSession.user_id == world.parent.id)
        .values(revoked_at=datetime.now(UTC))
    )

    @asynccontextmanager
    async def units() -> AsyncIterator[AsyncSession]:
        async with (
            AsyncSession(
                bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
            ) as unit,
            unit.begin(),
        ):
            yield unit

    assert await resume_stalled_exports(units) == 1
    for export in (stalled, fresh, logged_out):
        await session.refresh(export)
    assert stalled.status == ExportStatus.READY and stalled.content is not None
    document = json.loads(stalled.content)
    assert document["child"]["givenName"] == world.pupil.given_name
    assert "careTeam" not in document["file"]  # without parental authority: no care data
    assert fresh.status == ExportStatus.QUEUED  # its own job may still be on its way
    assert logged_out.status == ExportStatus.FAILED and logged_out.content is None
