"""Erasure on request (AVG art. 17): the assessment, the erasure as one unit of work, its
recorded outcome, what is kept untouched, and outcome reports that do not change."""

from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.activities.models import Enrolment, SessionAttendance
from kindcentraal.attachments.models import Attachment
from kindcentraal.audit.models import AuditEvent
from kindcentraal.consent.models import Consent
from kindcentraal.messages.models import Message, MessageThread, ThreadParticipant
from kindcentraal.notification.models import Notification
from kindcentraal.placement.models import Placement
from kindcentraal.support.models import Signal
from kindcentraal.tenant.models import Tenant
from tests.backend.assertions import assert_problem
from tests.backend.erasure.data import File, make_activity, make_file
from tests.backend.factories import World, make_child, make_guardian, make_placement


def _request(world: World, *categories: str, child: Any = None) -> dict[str, Any]:
    return {
        "childId": str((child or world.pupil).id),
        "categories": list(categories),
        "requestReceivedOn": date.today().isoformat(),
        "note": "Per brief van de ouders.",
    }


async def _count(session: AsyncSession, model: Any, *where: Any) -> int:
    return int(await session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


async def _snapshot(session: AsyncSession, world: World, file: File) -> dict[str, Any]:
    """Everything an erasure could touch, as plain values."""
    child = world.pupil.id
    texts = await session.execute(
        select(Message.text, Message.withdrawn_at).where(Message.thread_id == file.thread)
    )
    return {
        "messages": sorted((t, w is not None) for t, w in texts.all()),
        "subject": await session.scalar(
            select(MessageThread.subject).where(MessageThread.id == file.thread)
        ),
        "participants": await _count(
            session, ThreadParticipant, ThreadParticipant.thread_id == file.thread
        ),
        "attachments": await _count(session, Attachment, Attachment.message_id == file.answer),
        "notifications": await _count(session, Notification, Notification.child_id == child),
        "enrolments": await _count(session, Enrolment, Enrolment.child_id == child),
        "attendance": await _count(session, SessionAttendance, SessionAttendance.child_id == child),
        "signal": await session.scalar(select(Signal.description).where(Signal.id == file.signal)),
        "consent": await _count(session, Consent, Consent.id == file.consent),
        "placements": await _count(session, Placement, Placement.child_id == child),
    }


async def test_the_assessment_shows_what_can_go_and_what_must_stay(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    await make_file(session, world, world.pupil, world.parent.id)
    response = await client.get(
        f"/children/{world.pupil.id}/erasure-assessment", headers=world.headers("centre_admin")
    )
    assert response.status_code == 200, response.text
    found = {c["category"]: c for c in response.json()["categories"]}
    assert found["messages"]["erasable"] and found["messages"]["reason"] is None
    assert found["messages"]["parts"]["messages"] == 2
    assert found["messages"]["parts"]["attachments"] == 1
    assert found["activities"]["parts"] == {"enrolments": 2, "sessionAttendance": 1}
    assert found["care"] == {
        "category": "care",
        "count": 1,
        "parts": {"supportTrajectories": 0, "signals": 1, "careTeam": 0},
        "erasable": False,
        "reason": "youthCareFile",
    }
    assert found["pupilRecord"]["reason"] == "pupilAdministration"
    assert found["consents"]["reason"] == "consentHistory"
    assert found["accessLog"]["reason"] == "accessLogAccountability"
    assert "Pim" not in response.text
    # A child only at childcare: its record is the childcare administration's.
    toddler = await client.get(
        f"/children/{world.toddler.id}/erasure-assessment", headers=world.headers("centre_admin")
    )
    kept = {c["category"]: c["reason"] for c in toddler.json()["categories"]}
    assert kept["pupilRecord"] == "childcareAdministration"
    # Others: the other municipality's admin does not see the child; staff may not.
    assert_problem(
        await client.get(
            f"/children/{world.pupil.id}/erasure-assessment", headers=world.headers("other_admin")
        ),
        404,
    )
    assert_problem(
        await client.get(
            f"/children/{world.pupil.id}/erasure-assessment", headers=world.headers("teacher")
        ),
        403,
    )


async def test_a_request_erases_what_may_go_keeps_the_rest_and_is_recorded(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    file = await make_file(session, world, world.pupil, world.parent.id)
    before = await _snapshot(session, world, file)
    response = await client.post(
        "/erasure-requests",
        json=_request(world, "messages", "activities", "care"),
        headers=world.headers("centre_admin"),
    )
    assert response.status_code == 201, response.text
    outcome = response.json()
    erased = {c["category"]: c["parts"] for c in outcome["erased"]}
    assert {"kind": "messages", "handling": "anonymised", "count": 2} in erased["messages"]
    assert {"kind": "attachments", "handling": "deleted", "count": 1} in erased["messages"]
    assert {"kind": "sessionAttendance", "handling": "deleted", "count": 1} in erased["activities"]
    assert outcome["kept"] == [{"category": "care", "reason": "youthCareFile", "count": 1}]
    assert "Pim" not in response.text and "lezen" not in response.text

    after = await _snapshot(session, world, file)
    assert after["messages"] == [("", True), ("", True)]
    assert after["subject"] == "" and after["participants"] == 0
    assert after["attachments"] == 0 and after["notifications"] == 0
    assert after["attendance"] == 0
    # The enrolment that held a place stays (the participation figures count it); the
    # cancelled one goes.
    assert (before["enrolments"], after["enrolments"]) == (2, 1)
    # Kept categories are untouched.
    for kept in ("signal", "consent", "placements"):
        assert after[kept] == before[kept]

    recorded = await client.get(
        f"/erasure-requests/{outcome['id']}", headers=world.headers("centre_admin")
    )
    assert recorded.json() == outcome
    listed = await client.get("/erasure-requests", headers=world.headers("centre_admin"))
    assert [r["id"] for r in listed.json()["items"]] == [outcome["id"]]
    assert_problem(
        await client.get(
            f"/erasure-requests/{outcome['id']}", headers=world.headers("other_admin")
        ),
        404,
    )
    events = (
        await session.scalars(select(AuditEvent).where(AuditEvent.resource == "erasure-request"))
    ).all()
    assert [(e.action, e.child_ids, e.parts) for e in events] == [
        ("create", [str(world.pupil.id)], ["messages", "activities"])
    ]


async def test_an_unseen_child_is_a_field_error_and_staff_are_refused(
    client: httpx.AsyncClient, world: World
) -> None:
    foreign = await client.post(
        "/erasure-requests",
        json=_request(world, "messages", child=world.other_child),
        headers=world.headers("centre_admin"),
    )
    assert_problem(foreign, 400, location="#/childId", code="unknown_child")
    staff = await client.post(
        "/erasure-requests", json=_request(world, "messages"), headers=world.headers("teacher")
    )
    assert_problem(staff, 403)
    bad = await client.post(
        "/erasure-requests",
        json={**_request(world, "messages"), "categories": ["everything"]},
        headers=world.headers("centre_admin"),
    )
    assert_problem(bad, 400)


async def test_a_failure_midway_leaves_everything_as_it_was(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    """The messages are anonymised before the notifications go; a database refusing the
    last step rolls the whole request back, the record included."""
    file = await make_file(session, world, world.pupil, world.parent.id)
    before = await _snapshot(session, world, file)
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(
            text(
                "CREATE FUNCTION kc_test_refuse() RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql"
            )
        )
        await session.execute(
            text(
                "CREATE TRIGGER kc_test_refuse BEFORE DELETE ON notification "
                "FOR EACH ROW EXECUTE FUNCTION kc_test_refuse()"
            )
        )
    else:
        await session.execute(
            text(
                "CREATE TRIGGER kc_test_refuse BEFORE DELETE ON notification "
                "BEGIN SELECT RAISE(ABORT, 'refused'); END"
            )
        )
    response = await client.post(
        "/erasure-requests",
        json=_request(world, "activities", "messages"),
        headers=world.headers("centre_admin"),
    )
    assert response.status_code == 500
    assert await _snapshot(session, world, file) == before
    listed = await client.get("/erasure-requests", headers=world.headers("centre_admin"))
    assert listed.json()["items"] == []


async def test_outcome_reports_over_a_past_period_do_not_change(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    """Five children of a centre, each with a question answered and an activity, last school
    year; erasing their messages and activity data leaves the report as it was."""
    await session.execute(
        Tenant.__table__.update()  # type: ignore[attr-defined]
        .where(Tenant.id == world.tenant.id)
        .values(small_cell_threshold=5)
    )
    centre = world.centre
    year_start = (
        date(date.today().year - 1, 8, 1)
        if date.today().month >= 8
        else date(date.today().year - 2, 8, 1)
    )
    period = {
        "from": year_start.isoformat(),
        "to": date(year_start.year + 1, 7, 31).isoformat(),
        "interval": "term",
        "centreId": str(centre.id),
    }
    asked = datetime(year_start.year, 10, 6, 9, tzinfo=UTC)
    activity = await make_activity(session, world, centre.id, starts=asked)
    children = []
    for number in range(5):
        child = await make_child(session, centre, given_name=f"Wis{number}")
        await make_placement(session, child, world.school, start_date=year_start)
        parent = await world_parent(session, world, child)
        await make_file(
            session,
            world,
            child,
            parent,
            asked=asked + timedelta(days=number),
            activity=activity,
        )
        children.append(child)

    async def report() -> dict[str, Any]:
        response = await client.get(
            "/reports/outcomes", params=period, headers=world.headers("centre_admin")
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    before = await report()
    parents = next(i for i in before["indicators"] if i["id"] == "parents")
    assert any(r["values"]["parentQuestions"]["value"] == 5 for r in parents["byCentre"])
    for child in children:
        erased = await client.post(
            "/erasure-requests",
            json=_request(world, "messages", "activities", child=child),
            headers=world.headers("centre_admin"),
        )
        assert erased.status_code == 201, erased.text
    assert await report() == before


async def world_parent(session: AsyncSession, world: World, child: Any) -> Any:
    from tests.backend.factories import make_user

    parent = await make_user(session, world.tenant)
    await make_guardian(session, child, parent)
    return parent.id


async def test_a_legal_hold_keeps_everything_and_stops_a_merge(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    from kindcentraal.retention.models import LegalHold

    file = await make_file(session, world, world.pupil, world.parent.id)
    session.add(
        LegalHold(
            tenant_id=world.tenant.id,
            child_id=world.pupil.id,
            reason="Lopende procedure",
            set_by_id=world.centre_admin.id,
            set_at=datetime.now(UTC),
        )
    )
    await session.flush()
    before = await _snapshot(session, world, file)
    headers = world.headers("centre_admin")
    assessed = await client.get(f"/children/{world.pupil.id}/erasure-assessment", headers=headers)
    assert assessed.json()["onLegalHold"] is True
    assert {c["reason"] for c in assessed.json()["categories"]} == {"legalHold"}
    answered = await client.post(
        "/erasure-requests", json=_request(world, "messages"), headers=headers
    )
    assert answered.status_code == 201, answered.text
    assert answered.json()["erased"] == []
    assert answered.json()["kept"] == [
        {"category": "messages", "reason": "legalHold", "count": before["attachments"] + 4}
    ]
    assert await _snapshot(session, world, file) == before
    merge = await client.post(
        "/child-merges",
        json={"survivorId": str(world.former_pupil.id), "duplicateId": str(world.pupil.id)},
        headers=headers,
    )
    assert_problem(merge, 409)
