"""Support inside the centre, end to end over HTTP: a signal becomes a trajectory request, the
guardian consents, the therapist works on it, and each reader sees what they may see."""

from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit.models import AuditEvent
from kindcentraal.notification.models import Notification
from kindcentraal.support.models import CareCoordinator
from tests.backend.factories import World


async def _on_team(client: httpx.AsyncClient, world: World) -> None:
    """The logopedist joins Pim's care team and the parent consents to it."""
    added = await client.post(
        f"/children/{world.pupil.id}/care-team",
        json={
            "userId": str(world.logopedist.id),
            "organisationId": str(world.care.id),
            "role": "logopedist",
        },
        headers=world.headers("school_admin"),
    )
    assert added.status_code == 201, added.text
    consent = await client.post(
        f"/children/{world.pupil.id}/consents",
        json={"organisationId": str(world.care.id), "purpose": "care_team"},
        headers=world.headers("parent"),
    )
    assert consent.status_code == 201, consent.text


async def _coordinator(session: AsyncSession, world: World) -> None:
    """The teacher is also the centre's intern begeleider (care coordinator)."""
    session.add(
        CareCoordinator(
            tenant_id=world.tenant.id, centre_id=world.centre.id, user_id=world.teacher.id
        )
    )
    await session.flush()


async def _request(client: httpx.AsyncClient, world: World) -> dict:
    signal = await client.post(
        f"/children/{world.pupil.id}/signals",
        json={"category": "language_speech", "description": "Pim spreekt moeilijk verstaanbaar."},
        headers=world.headers("teacher"),
    )
    assert signal.status_code == 201, signal.text
    assert signal.json()["status"] == "open"
    decided = await client.post(
        f"/signals/{signal.json()['id']}/decision",
        json={
            "decision": "support_requested",
            "trajectory": {
                "type": "logopedie",
                "organisationId": str(world.care.id),
                "coordinatorId": str(world.logopedist.id),
                "location": "in_centre",
            },
        },
        headers=world.headers("teacher"),
    )
    assert decided.status_code == 200, decided.text
    trajectory_id = decided.json()["trajectoryId"]
    trajectory = await client.get(
        f"/support-trajectories/{trajectory_id}", headers=world.headers("teacher")
    )
    assert trajectory.status_code == 200, trajectory.text
    return trajectory.json()


async def test_a_signal_becomes_support_that_each_reader_sees_as_far_as_allowed(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    await _coordinator(session, world)
    await _on_team(client, world)
    trajectory = await _request(client, world)
    url = f"/support-trajectories/{trajectory['id']}"
    assert trajectory["status"] == "requested"
    assert trajectory["consentNeeded"] is True
    assert trajectory["allowedTransitions"] == ["cancelled"]
    # No intake before the trajectory consent: 409, and the refusal is in the access log.
    therapist = world.headers("logopedist")
    early = await client.post(f"{url}/transitions", json={"to": "intake"}, headers=therapist)
    assert early.status_code == 409, early.text
    denied = await session.scalar(
        select(func.count())
        .select_from(AuditEvent)
        .where(AuditEvent.resource == "trajectory", AuditEvent.result == "denied")
    )
    assert denied == 1
    # The parent sees what they are asked to agree to, and consents.
    mine = await client.get("/support-trajectories", headers=world.headers("parent"))
    assert [t["consentNeeded"] for t in mine.json()["items"]] == [True]
    for purpose, extra in (
        ("trajectory", {"trajectoryType": "logopedie"}),
        ("information_sharing", {}),
    ):
        given = await client.post(
            f"/children/{world.pupil.id}/consents",
            json={"organisationId": str(world.care.id), "purpose": purpose, **extra},
            headers=world.headers("parent"),
        )
        assert given.status_code == 201, given.text
    for step in ("intake", "active"):
        moved = await client.post(f"{url}/transitions", json={"to": step}, headers=therapist)
        assert moved.status_code == 200, moved.text
    assert moved.json()["waitingDaysToIntake"] == 0
    goal = await client.post(
        f"{url}/goals",
        json={
            "text": "Pim spreekt de s-klank goed uit in korte zinnen.",
            "sharedWithDailyTeam": True,
            "dailyTeamAdvice": "Laat Pim in de kring eerst luisteren, dan nazeggen.",
        },
        headers=therapist,
    )
    assert goal.status_code == 201, goal.text
    private = await client.post(
        f"{url}/goals", json={"text": "Mondmotoriek oefenen."}, headers=therapist
    )
    assert private.status_code == 201
    note = await client.post(
        f"{url}/notes",
        json={"text": "Pim werkt goed mee.", "visibility": "team_and_guardians"},
        headers=therapist,
    )
    assert note.status_code == 201, note.text
    internal = await client.post(
        f"{url}/notes", json={"text": "Intern: gehoortest aanvragen."}, headers=therapist
    )
    assert internal.status_code == 201

    # The teacher decides signals but the school admin is daily team: shared goals only.
    daily = await client.get(
        f"/children/{world.pupil.id}/plan", headers=world.headers("school_admin")
    )
    assert daily.status_code == 200, daily.text
    assert daily.json()["view"] == "daily_team"
    assert [g["text"] for g in daily.json()["goals"]] == [goal.json()["text"]]
    assert daily.json()["notes"] == []
    assert (await client.get(url, headers=world.headers("school_admin"))).status_code == 404
    # The parent: goals and the note meant for them, not the internal one.
    plan = await client.get(f"/children/{world.pupil.id}/plan", headers=world.headers("parent"))
    assert plan.json()["view"] == "guardian"
    assert len(plan.json()["goals"]) == 2
    assert [n["text"] for n in plan.json()["notes"]] == ["Pim werkt goed mee."]
    page = await client.get(
        url, params={"expand": "goals,notes,team,transitions"}, headers=world.headers("parent")
    )
    assert [n["text"] for n in page.json()["embedded"]["notes"]] == ["Pim werkt goed mee."]
    assert [t["to"] for t in page.json()["embedded"]["transitions"]] == [
        "requested",
        "intake",
        "active",
    ]
    # The municipality analyst and a guardian without authority see nothing of it.
    for who in ("analyst", "parent_without_authority"):
        assert (await client.get(url, headers=world.headers(who))).status_code == 404
        plan_other = await client.get(
            f"/children/{world.pupil.id}/plan", headers=world.headers(who)
        )
        assert plan_other.status_code in (403, 404)
    # Notifications for the parent: consent needed, a note for them; no care content.
    notes = await client.get("/notifications", headers=world.headers("parent"))
    kinds = {n["kind"] for n in notes.json()["items"]}
    assert {"consent_needed", "guardian_note"} <= kinds
    assert "Pim werkt" not in notes.text
    assert await session.scalar(select(func.count()).select_from(Notification)) >= 3


async def test_bad_input_is_refused_and_nothing_changes(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    await _coordinator(session, world)
    await _on_team(client, world)
    trajectory = await _request(client, world)
    url = f"/support-trajectories/{trajectory['id']}"
    therapist = world.headers("logopedist")
    denied_before = await _denied(session)
    out_of_order = await client.post(f"{url}/transitions", json={"to": "closed"}, headers=therapist)
    assert out_of_order.status_code == 409
    assert "intake" in out_of_order.json()["detail"]
    before = (await client.get(url, headers=therapist)).json()
    early_session = await client.post(
        f"{url}/sessions",
        json={
            "startsAt": (datetime.now(UTC) - timedelta(days=3)).isoformat(),
            "endsAt": (datetime.now(UTC) - timedelta(days=3, hours=-1)).isoformat(),
            "location": "centre_room",
        },
        headers=therapist,
    )
    assert early_session.status_code == 400
    assert early_session.json()["errors"][0]["location"] == "#/startsAt"
    cancelled = await client.post(f"{url}/transitions", json={"to": "cancelled"}, headers=therapist)
    assert cancelled.status_code == 200
    late_note = await client.post(f"{url}/notes", json={"text": "Te laat."}, headers=therapist)
    assert late_note.status_code == 409
    no_authority = await client.post(
        f"/children/{world.pupil.id}/support-requests",
        json={"description": "Graag hulp."},
        headers=world.headers("parent_without_authority"),
    )
    assert no_authority.status_code == 403
    foreign_goal = await client.post(
        f"{url}/goals", json={"text": "Doel"}, headers=world.headers("other_admin")
    )
    assert foreign_goal.status_code == 404
    unconsented_member = await client.post(
        f"/children/{world.pupil.id}/care-team",
        json={
            "userId": str(world.logopedist.id),
            "organisationId": str(world.care.id),
            "role": "logopedist",
            "trajectoryId": trajectory["id"],
        },
        headers=world.headers("teacher"),
    )
    assert unconsented_member.status_code == 400  # the trajectory was cancelled: not open
    # Every refusal on a child the caller can see is in the access log as denied: the
    # transition, the session, the note, the support request, the team member.
    assert await _denied(session) - denied_before == 5
    assert before["status"] == "requested"


async def _denied(session: AsyncSession) -> int:
    return int(
        await session.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.result == "denied")
        )
        or 0
    )


async def test_the_coordinator_sees_the_child_while_the_trajectory_consent_is_in_force(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    """Not on the care team, only coordinating: the child opens with the guardian's consent to
    that support, and closes again when it is withdrawn."""
    await _coordinator(session, world)
    trajectory = await _request(client, world)  # coordinated by the logopedist
    child_url = f"/children/{world.pupil.id}"
    therapist = world.headers("logopedist")
    assert (await client.get(child_url, headers=therapist)).status_code == 404
    given = await client.post(
        f"{child_url}/consents",
        json={
            "organisationId": str(world.care.id),
            "purpose": "trajectory",
            "trajectoryType": "logopedie",
        },
        headers=world.headers("parent"),
    )
    assert given.status_code == 201
    assert (await client.get(child_url, headers=therapist)).status_code == 200
    moved = await client.post(
        f"/support-trajectories/{trajectory['id']}/transitions",
        json={"to": "intake"},
        headers=therapist,
    )
    assert moved.status_code == 200, moved.text
    await client.post(
        f"{child_url}/consents/{given.json()['id']}/withdrawal", headers=world.headers("parent")
    )
    assert (await client.get(child_url, headers=therapist)).status_code == 404
    assert (
        await client.get(f"/support-trajectories/{trajectory['id']}", headers=therapist)
    ).status_code == 404


async def test_a_part_of_another_trajectory_is_404_through_this_one(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    await _coordinator(session, world)
    teacher = world.headers("teacher")  # care coordinator: on the team of both
    ids = []
    for kind in ("logopedie", "jeugdhulp"):
        created = await client.post(
            "/support-trajectories",
            json={
                "childId": str(world.pupil.id),
                "type": kind,
                "organisationId": str(world.care.id),
                "reason": "Hulp.",
            },
            headers=teacher,
        )
        assert created.status_code == 201, created.text
        ids.append(created.json()["id"])
    first, second = (f"/support-trajectories/{i}" for i in ids)
    goal = (await client.post(f"{second}/goals", json={"text": "Doel"}, headers=teacher)).json()
    note = (await client.post(f"{second}/notes", json={"text": "Notitie"}, headers=teacher)).json()
    start = datetime.now(UTC) + timedelta(days=1)
    visit = (
        await client.post(
            f"{second}/sessions",
            json={
                "startsAt": start.isoformat(),
                "endsAt": (start + timedelta(minutes=45)).isoformat(),
                "location": "centre_room",
            },
            headers=teacher,
        )
    ).json()
    crossed = [
        await client.patch(f"{first}/goals/{goal['id']}", json={"text": "X"}, headers=teacher),
        await client.post(
            f"{first}/goals/{goal['id']}/progress", json={"text": "X"}, headers=teacher
        ),
        await client.patch(
            f"{first}/sessions/{visit['id']}", json={"attendance": "absent"}, headers=teacher
        ),
        await client.post(
            f"{first}/notes/{note['id']}/corrections", json={"text": "X"}, headers=teacher
        ),
    ]
    assert [r.status_code for r in crossed] == [404] * 4
    goals = (await client.get(f"{second}/goals", headers=teacher)).json()
    assert [(g["text"], g["progress"]) for g in goals] == [("Doel", [])]


async def test_me_names_the_centres_the_caller_coordinates_care_in(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    before = (await client.get("/me", headers=world.headers("teacher"))).json()
    assert before["careCoordinatorCentreIds"] == []
    await _coordinator(session, world)
    after = (await client.get("/me", headers=world.headers("teacher"))).json()
    assert after["careCoordinatorCentreIds"] == [str(world.centre.id)]
    parent = (await client.get("/me", headers=world.headers("parent"))).json()
    assert parent["careCoordinatorCentreIds"] == []
