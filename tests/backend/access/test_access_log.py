"""Every read and write of a child's file leaves a hash-chained trace guardians can read."""

import httpx
import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit.models import AuditEvent
from kindcentraal.audit.service import verify_chain
from tests.backend.factories import World


async def _events(session: AsyncSession) -> list[AuditEvent]:
    rows = await session.scalars(
        select(AuditEvent)
        .order_by(AuditEvent.occurred_at, AuditEvent.id)
        .execution_options(populate_existing=True)
    )
    return list(rows.all())


async def test_reads_and_writes_are_logged_with_basis(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    await client.get(f"/children/{world.pupil.id}", headers=world.headers("teacher"))
    await client.patch(
        f"/children/{world.pupil.id}",
        json={"givenName": "Pieter"},
        headers=world.headers("school_admin"),
    )
    events = [e for e in await _events(session) if str(world.pupil.id) in e.child_ids]
    read, write = events[-2], events[-1]
    assert (read.resource, read.action, read.result) == ("child", "read", "allowed")
    assert read.actor_user_id == world.teacher.id
    assert read.actor_organisation_id == world.school.id
    assert read.actor_role == "staff"
    assert read.basis == f"placement:{world.school.id}"
    assert read.origin_ip == "127.0.0.1"
    assert (write.action, write.actor_role) == ("update", "org_admin")


async def test_denied_reads_are_logged_despite_the_rollback(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    response = await client.get(f"/children/{world.pupil.id}", headers=world.headers("pm"))
    assert response.status_code == 404
    forbidden = await client.get(
        f"/children/{world.pupil.id}/bsn", headers=world.headers("teacher")
    )
    assert forbidden.status_code == 403
    events = await _events(session)
    denied = [e for e in events if e.result == "denied"]
    assert [(e.actor_user_id, e.resource) for e in denied] == [
        (world.pm.id, "child"),
        (world.teacher.id, "bsn"),
    ]


async def test_guardian_reads_the_access_log(client: httpx.AsyncClient, world: World) -> None:
    await client.get(f"/children/{world.pupil.id}", headers=world.headers("teacher"))
    log = await client.get(
        f"/children/{world.pupil.id}/access-log", headers=world.headers("parent")
    )
    assert log.status_code == 200
    newest = log.json()["items"][0]
    assert newest["actorName"] == world.teacher.display_name
    assert newest["organisationName"] == world.school.name
    assert (newest["resource"], newest["action"]) == ("child", "read")
    # other children's events never show
    await client.get(f"/children/{world.toddler.id}", headers=world.headers("pm"))
    again = await client.get(
        f"/children/{world.pupil.id}/access-log", headers=world.headers("parent")
    )
    assert world.pm.display_name not in again.text
    for who in ("teacher", "parent_without_authority"):
        denied = await client.get(
            f"/children/{world.pupil.id}/access-log", headers=world.headers(who)
        )
        assert denied.status_code == 403, who
    contact = await client.get(
        f"/children/{world.toddler.id}/access-log", headers=world.headers("pm")
    )
    assert contact.status_code == 200


async def test_chain_verifies_and_names_the_first_broken_link(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    for _ in range(3):
        await client.get(f"/children/{world.pupil.id}", headers=world.headers("teacher"))
    checked, broken = await verify_chain(session)
    assert broken is None
    assert checked >= 3
    events = await _events(session)
    target = events[1]
    # tampering needs the append-only trigger out of the way: only possible with DDL rights
    dialect = session.bind.dialect.name
    if dialect == "sqlite":
        await session.execute(text("DROP TRIGGER audit_event_no_update"))
    else:
        # a superuser can bypass triggers for the session: exactly the attack to detect
        await session.execute(text("SET LOCAL session_replication_role = replica"))
    await session.execute(
        text("UPDATE audit_event SET action = 'delete' WHERE id = :id"),
        {"id": target.id.hex if dialect == "sqlite" else target.id},
    )
    checked, broken = await verify_chain(session)
    assert broken is not None
    assert broken.seal is None  # not sealed yet: its own content hash caught it
    assert broken.event_id == target.id
    assert "hash" in broken.reason


async def test_events_cannot_be_changed_or_deleted(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    await client.get(f"/children/{world.pupil.id}", headers=world.headers("teacher"))
    for statement in ("UPDATE audit_event SET action = 'x'", "DELETE FROM audit_event"):
        savepoint = await session.begin_nested()
        with pytest.raises(DBAPIError, match="append-only"):
            await session.execute(text(statement))
        await savepoint.rollback()
