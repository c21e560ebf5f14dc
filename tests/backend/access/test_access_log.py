"""Every read and write of a child's file leaves a sealed, tamper-evident trace guardians read."""

import uuid
from datetime import datetime

import httpx
import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit.models import AuditEvent
from kindcentraal.audit.service import event_hash, seal_tenant, verify_log
from kindcentraal.rooms.recurrence import AMSTERDAM, local_today
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
    result = await verify_log(session)
    checked, broken = result.checked, result.broken
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
    result = await verify_log(session)
    checked, broken = result.checked, result.broken
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


async def _bypass_triggers(session: AsyncSession, *tables: str) -> None:
    """Tampering needs the append-only triggers out of the way: only possible with DDL rights."""
    if session.bind.dialect.name == "sqlite":
        for table in tables:
            for event in ("update", "delete"):
                await session.execute(text(f"DROP TRIGGER IF EXISTS {table}_no_{event}"))
    else:
        await session.execute(text("SET LOCAL session_replication_role = replica"))


def _id(session: AsyncSession, value: uuid.UUID) -> object:
    return value.hex if session.bind.dialect.name == "sqlite" else value


async def test_sealed_events_are_checked_through_their_seal(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    for _ in range(3):
        await client.get(f"/children/{world.pupil.id}", headers=world.headers("teacher"))
    assert await seal_tenant(session, world.tenant.id) >= 3
    await client.get(f"/children/{world.pupil.id}", headers=world.headers("teacher"))
    result = await verify_log(session)
    assert result.broken is None
    assert result.sealed >= 3
    assert result.checked == result.sealed + 1  # the fourth read waits for the next seal

    sealed = (await _events(session))[0]
    await _bypass_triggers(session, "audit_event")
    await session.execute(
        text("UPDATE audit_event SET basis = 'rewritten' WHERE id = :id"),
        {"id": _id(session, sealed.id)},
    )
    broken = (await verify_log(session)).broken
    assert broken is not None
    assert (broken.seal, broken.event_id) == (1, sealed.id)


async def test_a_rehashed_sealed_event_breaks_its_seal(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    """An attacker who also recomputes the event's own hash is caught by the seal."""
    await client.get(f"/children/{world.pupil.id}", headers=world.headers("teacher"))
    await seal_tenant(session, world.tenant.id)
    event = (await _events(session))[-1]
    forged = event_hash(
        {c.name: getattr(event, c.name) for c in AuditEvent.__table__.columns}
        | {"basis": "rewritten"}
    )
    await _bypass_triggers(session, "audit_event")
    await session.execute(
        text("UPDATE audit_event SET basis = 'rewritten', hash = :h WHERE id = :id"),
        {"h": forged, "id": _id(session, event.id)},
    )
    session.expunge_all()
    broken = (await verify_log(session)).broken
    assert broken is not None
    assert "seal" in broken.reason


async def test_an_event_taken_out_of_the_sealing_queue_is_reported(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    await client.get(f"/children/{world.pupil.id}", headers=world.headers("teacher"))
    event = (await _events(session))[-1]
    await session.execute(
        text("DELETE FROM audit_pending WHERE event_id = :id"), {"id": _id(session, event.id)}
    )
    broken = (await verify_log(session)).broken
    assert broken is not None
    assert broken.event_id == event.id
    assert "neither sealed nor queued" in broken.reason


async def test_seals_cannot_be_changed_or_deleted(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    await client.get(f"/children/{world.pupil.id}", headers=world.headers("teacher"))
    await seal_tenant(session, world.tenant.id)
    for statement in (
        "UPDATE audit_seal SET event_count = 0",
        "DELETE FROM audit_seal_event",
        "DELETE FROM audit_event_child",
    ):
        savepoint = await session.begin_nested()
        with pytest.raises(DBAPIError, match="append-only"):
            await session.execute(text(statement))
        await savepoint.rollback()


async def test_absence_reports_and_check_ins_are_logged(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    today = local_today().isoformat()
    path = f"/children/{world.pupil.id}/absences"
    made = await client.post(
        path, json={"from": today, "to": today, "reason": "ill"}, headers=world.headers("parent")
    )
    assert made.status_code == 201, made.text
    listed = await client.get(path, headers=world.headers("teacher"))
    assert listed.status_code == 200
    withdrawn = await client.post(
        f"{path}/{made.json()['id']}/withdrawal", headers=world.headers("parent")
    )
    assert withdrawn.status_code == 200, withdrawn.text
    checked_in = await client.put(
        f"/children/{world.pupil.id}/daily-attendance/{today}",
        json={"checkedInAt": datetime.now(AMSTERDAM).isoformat()},
        headers=world.headers("teacher"),
    )
    assert checked_in.status_code == 200, checked_in.text
    events = [e for e in await _events(session) if str(world.pupil.id) in e.child_ids]
    logged = [(e.actor_user_id, e.resource, e.action, e.result) for e in events[-4:]]
    assert logged == [
        (world.parent.id, "absence", "create", "allowed"),
        (world.teacher.id, "absence", "list", "allowed"),
        (world.parent.id, "absence", "withdraw", "allowed"),
        (world.teacher.id, "daily-attendance", "update", "allowed"),
    ]
