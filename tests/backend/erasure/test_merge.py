"""Merging two records of the same child: everything moves to the survivor in one unit of
work, doubles are dropped, the duplicate is gone, and both children's access logs show it."""

from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit.models import AuditEvent, AuditEventChild
from kindcentraal.changes.models import ChangeRecord
from kindcentraal.child.models import Child, Guardian
from kindcentraal.erasure.merge import child_links
from kindcentraal.placement.models import Placement, PlacementKind
from tests.backend.assertions import assert_problem
from tests.backend.erasure.data import make_file
from tests.backend.factories import World, make_child, make_guardian, make_placement


def _body(survivor: Any, duplicate: Any) -> dict[str, str]:
    return {"survivorId": str(survivor.id), "duplicateId": str(duplicate.id)}


async def _rows_of(session: AsyncSession, child_id: Any) -> dict[str, int]:
    """Rows per table that point at the child (every foreign key to child.id)."""
    counts = {}
    for table, column in child_links():
        number = await session.scalar(
            select(func.count()).select_from(table).where(column == child_id)
        )
        if number:
            counts[table.name] = int(number)
    return counts


async def test_a_merge_moves_everything_drops_doubles_and_is_audited(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    survivor = world.pupil
    duplicate = await make_child(session, world.centre, given_name="Pim", family_name="Pupil")
    await make_placement(session, duplicate, world.childcare, kind=PlacementKind.DAYCARE)
    await make_guardian(session, duplicate, world.parent)  # the same parent: a double
    # On the survivor without authority, on the duplicate with it: the merge keeps it.
    await make_guardian(session, duplicate, world.parent_without_authority)
    await make_file(session, world, duplicate, world.parent.id)
    survivor_before = await _rows_of(session, survivor.id)
    duplicate_before = await _rows_of(session, duplicate.id)
    headers = world.headers("centre_admin")

    preview = await client.post(
        "/child-merges/preview", json=_body(survivor, duplicate), headers=headers
    )
    assert preview.status_code == 200, preview.text
    parts = {p["kind"]: (p["moved"], p["dropped"]) for p in preview.json()["parts"]}
    assert parts["guardian"] == (0, 2)
    assert parts["placement"] == (1, 0)
    assert parts["message_thread"] == (1, 0)
    assert preview.json()["mergedAt"] is None
    assert await _rows_of(session, duplicate.id) == duplicate_before  # nothing changed

    merged = await client.post("/child-merges", json=_body(survivor, duplicate), headers=headers)
    assert merged.status_code == 201, merged.text
    assert merged.json()["parts"] == preview.json()["parts"]
    assert merged.json()["mergedAt"] is not None
    assert await session.get(Child, duplicate.id, populate_existing=True) is None
    assert await _rows_of(session, duplicate.id) == {}
    after = await _rows_of(session, survivor.id)
    for table, count in duplicate_before.items():
        moved, dropped = parts[table]
        assert after[table] == survivor_before.get(table, 0) + moved, table
        assert count == moved + dropped
    authority = await session.scalar(
        select(Guardian.has_parental_authority).where(
            Guardian.child_id == survivor.id, Guardian.user_id == world.parent_without_authority.id
        )
    )
    assert authority is True
    # The survivor's stay now starts with the moved placement too.
    first = await session.scalar(
        select(func.min(Placement.start_date)).where(Placement.child_id == survivor.id)
    )
    stay = await session.scalar(
        select(Child.stay_from)
        .where(Child.id == survivor.id)
        .execution_options(populate_existing=True)
    )
    assert stay == first
    # One event, in the access log of both children; API clients hear of the moves.
    events = (
        await session.scalars(
            select(AuditEvent).where(
                AuditEvent.resource == "child-merge", AuditEvent.action == "create"
            )
        )
    ).all()
    assert len(events) == 1
    assert sorted(events[0].child_ids) == sorted([str(survivor.id), str(duplicate.id)])
    indexed = await session.scalars(
        select(AuditEventChild.child_id).where(AuditEventChild.event_id == events[0].id)
    )
    assert set(indexed) == {survivor.id, duplicate.id}
    moved_placements = await session.scalar(
        select(func.count())
        .select_from(ChangeRecord)
        .where(
            ChangeRecord.child_id == survivor.id,
            ChangeRecord.resource == "placement",
            ChangeRecord.change == "updated",
        )
    )
    assert moved_placements == 1
    assert "Pupil" not in merged.text


async def test_the_survivor_takes_the_bsn_it_lacked(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    duplicate = await make_child(session, world.centre, bsn="123456782")
    merged = await client.post(
        "/child-merges",
        json=_body(world.former_pupil, duplicate),
        headers=world.headers("centre_admin"),
    )
    assert merged.status_code == 201, merged.text
    bsn = await session.scalar(
        select(Child.bsn)
        .where(Child.id == world.former_pupil.id)
        .execution_options(populate_existing=True)
    )
    assert bsn == "123456782"


async def test_invalid_merges_are_refused(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    headers = world.headers("centre_admin")
    same = await client.post("/child-merges", json=_body(world.pupil, world.pupil), headers=headers)
    assert_problem(same, 400, location="#/duplicateId", code="same_child")
    foreign = await client.post(
        "/child-merges", json=_body(world.pupil, world.other_child), headers=headers
    )
    assert_problem(foreign, 400, location="#/duplicateId", code="unknown_child")
    other_bsn = await make_child(session, world.centre, bsn="123456782")
    different = await client.post(
        "/child-merges/preview", json=_body(world.pupil, other_bsn), headers=headers
    )
    body = assert_problem(different, 409)
    assert "111222333" not in different.text and "123456782" not in body["detail"]
    staff = await client.post(
        "/child-merges", json=_body(world.pupil, world.toddler), headers=world.headers("teacher")
    )
    assert_problem(staff, 403)
    # Nothing was merged.
    assert await session.get(Child, world.toddler.id) is not None
