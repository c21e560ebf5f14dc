"""The changes feed on PostgreSQL: a transaction that writes twice straddles another's rows
(sequence numbers are taken at insert, rows appear at commit). No row may slip behind a
cursor that was handed out while its transaction still ran."""

import asyncio
import uuid
from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import func, insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from kindcentraal.auth.principal import ClientGrant, MembershipGrant, Principal
from kindcentraal.changes import feed
from kindcentraal.changes.models import ChangeRecord
from kindcentraal.changes.schemas import ChangesPage
from kindcentraal.cli import alembic_config
from kindcentraal.common.roles import OrganisationType, Role
from kindcentraal.config import Settings
from kindcentraal.db import make_engine
from tests.backend.factories import make_organisation, make_tenant


def _change(tenant: uuid.UUID, organisation: uuid.UUID) -> dict[str, object]:
    return {
        "tenant_id": tenant,
        "organisation_id": organisation,
        "resource": "placement",
        "resource_id": uuid.uuid4(),
        "change": "created",
        "occurred_at": datetime.now(UTC),
        "tx_id": None,
    }


async def _write(conn: AsyncConnection, tenant: uuid.UUID, organisation: uuid.UUID) -> int:
    row = _change(tenant, organisation) | {"tx_id": func.txid_current()}
    result = await conn.execute(insert(ChangeRecord).values(row).returning(ChangeRecord.seq))
    return int(result.scalar_one())


async def test_a_straddling_transaction_never_slips_behind_a_cursor(
    settings: Settings, empty_database: str
) -> None:
    if settings.is_sqlite:
        pytest.skip("SQLite runs one writing transaction at a time")
    await asyncio.to_thread(command.upgrade, alembic_config(empty_database), "head")
    engine = make_engine(empty_database)
    try:
        async with AsyncSession(engine) as setup, setup.begin():
            tenant = await make_tenant(setup)
            organisation = await make_organisation(setup, tenant, type=OrganisationType.CHILDCARE)
            tenant_id, organisation_id = tenant.id, organisation.id
        principal = Principal(
            user_id=uuid.uuid4(),
            tenant_id=tenant_id,
            session_id=uuid.uuid4(),
            memberships=(MembershipGrant(organisation_id, OrganisationType.CHILDCARE, Role.STAFF),),
            client=ClientGrant(uuid.uuid4(), organisation_id, frozenset({"placements:read"})),
        )

        async def read(since: str | None) -> tuple[list[str], str]:
            async with AsyncSession(engine) as session, session.begin():
                page = ChangesPage.model_validate_json(
                    await feed.read_changes(session, principal, since=since, limit=100)
                )
            return [str(item.id) for item in page.items], page.next_cursor

        first, second = await engine.connect(), await engine.connect()
        one = await first.begin()
        two = await second.begin()
        await _write(first, tenant_id, organisation_id)  # seq a, transaction 1
        await _write(second, tenant_id, organisation_id)  # seq b, transaction 2
        await _write(first, tenant_id, organisation_id)  # seq c > b, transaction 1
        await one.commit()
        seen, cursor = await read(None)
        assert len(seen) == 2  # transaction 1's rows; b is not committed yet
        await two.commit()
        later, _ = await read(cursor)
        assert len(later) == 1  # b arrives after the cursor, not behind it
        await first.close()
        await second.close()
    finally:
        await engine.dispose()
