"""100 parents race for 10 talk slots over real HTTP, on a database of its own (SQLite and
PostgreSQL): exactly 10 bookings, the rest 409, never a 5xx."""

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from alembic import command
from sqlalchemy import func, select

from kindcentraal.cli import alembic_config
from kindcentraal.organisation.models import OrganisationType, Role
from kindcentraal.talks.models import TalkBooking
from tests.backend.conftest import TEST_SECRET
from tests.backend.factories import (
    make_centre,
    make_child,
    make_group,
    make_guardian,
    make_organisation,
    make_placement,
    make_tenant,
    make_user,
    token_for,
)
from tests.backend.test_concurrency import Live, _serve, _settings

PARENTS = 100
SLOTS = 10


@pytest.fixture
async def live(empty_database: str) -> AsyncIterator[tuple[Live, str, list[str], str]]:
    settings = _settings(empty_database, seal_interval=0)
    await asyncio.to_thread(command.upgrade, alembic_config(settings.async_database_url), "head")
    async for live in _serve(settings):
        async with live.database.sessionmaker() as session, session.begin():
            tenant = await make_tenant(session)
            centre = await make_centre(session, tenant)
            school = await make_organisation(
                session, tenant, type=OrganisationType.SCHOOL, centres=[centre]
            )
            group = await make_group(session, centre, school, grade=6)
            teacher = await make_user(session, tenant, roles=[(school, Role.STAFF)])
            parents = []
            for _ in range(PARENTS):
                child = await make_child(session, centre, group=group)
                await make_placement(session, child, school)
                parent = await make_user(session, tenant)
                await make_guardian(session, child, parent)
                parents.append(await token_for(session, parent, secret=TEST_SECRET))
            teacher_token = await token_for(session, teacher, secret=TEST_SECRET)
            group_id = str(group.id)
        yield live, teacher_token, parents, group_id


async def test_a_hundred_parents_race_for_ten_slots(
    live: tuple[Live, str, list[str], str],
) -> None:
    server, teacher, parents, group_id = live
    client = server.client
    starts = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) + timedelta(days=3)
    published = await client.post(
        "/talk-slots",
        headers={"Authorization": f"Bearer {teacher}"},
        json={
            "groupId": group_id,
            "series": {"startsAt": starts.isoformat(), "durationMinutes": 10, "count": SLOTS},
        },
    )
    assert published.status_code == 201, published.text
    slots = [slot["id"] for slot in published.json()["items"]]
    responses = await asyncio.gather(
        *(
            client.post(
                f"/talk-slots/{slots[i % SLOTS]}/booking",
                headers={"Authorization": f"Bearer {token}"},
                json={},
            )
            for i, token in enumerate(parents)
        )
    )
    codes = [r.status_code for r in responses]
    assert not [c for c in codes if c >= 500], codes
    assert codes.count(201) == SLOTS, codes
    assert codes.count(409) == PARENTS - SLOTS, codes
    booked = {r.json()["id"] for r in responses if r.status_code == 201}
    assert booked == set(slots)
    assert await server.count(TalkBooking) == SLOTS
    async with server.database.sessionmaker() as session:
        children = await session.scalar(select(func.count(func.distinct(TalkBooking.child_id))))
    assert children == SLOTS
