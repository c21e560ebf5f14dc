"""The demo data: the documented accounts exist, the parent has exactly two school children, and
the centre's support is there as the demo promises it."""

import uuid
from collections import defaultdict
from itertools import pairwise

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.child.models import Child
from kindcentraal.config import Settings
from kindcentraal.consent.models import Consent, ConsentPurpose
from kindcentraal.organisation.models import Membership, Organisation
from kindcentraal.seed.demo import DEMO_PASSWORD, DemoRefused, load_demo, seed
from kindcentraal.support.models import (
    CareCoordinator,
    Signal,
    SignalDecision,
    SupportTrajectory,
    TrajectoryNote,
    TrajectoryOutcome,
    TrajectoryStatus,
    TrajectoryTransition,
)
from kindcentraal.support.service import FLOW, PROVIDER_ROLES
from kindcentraal.user.models import User

DEMO_ACCOUNTS = {
    "beheer@regenboog.demo": ["centre_admin"],
    "leerkracht@regenboog.demo": ["staff"],
    "pm@regenboog.demo": ["staff"],
    "logopedist@regenboog.demo": ["care_professional"],
    "gemeente@regenboog.demo": ["municipality_analyst"],
    "ouder@regenboog.demo": [],
}


async def test_demo_accounts_and_children(client: httpx.AsyncClient, session: AsyncSession) -> None:
    counts = await seed(session)
    assert 180 <= counts["children"] <= 220
    assert await session.scalar(select(func.count()).select_from(Child)) >= counts["children"]
    for email, roles in DEMO_ACCOUNTS.items():
        login = await client.post(
            "/auth/token", data={"username": email, "password": DEMO_PASSWORD}
        )
        assert login.status_code == 200, email
        headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
        me = (await client.get("/me", headers=headers)).json()
        assert me["roles"] == roles, email
        if email == "ouder@regenboog.demo":
            children = (await client.get("/children", headers=headers)).json()["items"]
            assert len(children) == 2
            for child in children:
                placements = (
                    await client.get(
                        "/placements", params={"childId": child["id"]}, headers=headers
                    )
                ).json()["items"]
                assert "school" in {p["kind"] for p in placements}
        if email == "gemeente@regenboog.demo":
            assert (await client.get("/children", headers=headers)).json()["items"] == []


async def test_demo_is_deterministic(session: AsyncSession) -> None:
    await seed(session)
    names = (
        await session.scalars(
            select(Child.given_name).order_by(
                Child.family_name, Child.date_of_birth, Child.given_name
            )
        )
    ).all()
    first = list(names)
    trajectories = await _trajectories_by_child(session)
    assert trajectories
    await session.rollback()
    await seed(session)
    names = (
        await session.scalars(
            select(Child.given_name).order_by(
                Child.family_name, Child.date_of_birth, Child.given_name
            )
        )
    ).all()
    assert list(names) == first
    assert await _trajectories_by_child(session) == trajectories


async def _trajectories_by_child(session: AsyncSession) -> list[tuple[object, ...]]:
    rows = await session.execute(
        select(
            Child.family_name,
            Child.date_of_birth,
            Child.given_name,
            SupportTrajectory.type,
            SupportTrajectory.status,
            SupportTrajectory.requested_at,
            SupportTrajectory.outcome,
        ).join(Child, Child.id == SupportTrajectory.child_id)
    )
    return sorted(tuple(row) for row in rows.all())


async def test_production_refuses_demo_data() -> None:
    settings = Settings(
        _env_file=None,
        env="production",
        secret_key="p" * 48,  # type: ignore[call-arg]
        database_url="postgresql://nowhere/kc",
    )
    with pytest.raises(DemoRefused):
        await load_demo(settings)


async def _login(client: httpx.AsyncClient, email: str) -> dict[str, str]:
    login = await client.post("/auth/token", data={"username": email, "password": DEMO_PASSWORD})
    assert login.status_code == 200, email
    return {"Authorization": f"Bearer {login.json()['access_token']}"}


async def _all(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], **params: str
) -> list[dict]:
    items: list[dict] = []
    cursor: str | None = None
    while True:
        query = {**params, "limit": "100", **({"cursor": cursor} if cursor else {})}
        page = await client.get(url, params=query, headers=headers)
        assert page.status_code == 200, page.text
        items += page.json()["items"]
        cursor = page.json()["nextCursor"]
        if cursor is None:
            return items


async def test_demo_speech_therapy_for_the_parents_younger_child(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await seed(session)
    parent = await _login(client, "ouder@regenboog.demo")
    therapist = await _login(client, "logopedist@regenboog.demo")
    parent_id = await session.scalar(select(User.id).where(User.email == "ouder@regenboog.demo"))
    care = await session.scalar(
        select(Organisation.id).where(Organisation.name.startswith("Zorgpartners Gooi"))
    )
    # The younger child is the one the parent consented to the care team for.
    younger = await session.scalar(
        select(Consent.child_id).where(
            Consent.given_by_id == parent_id,
            Consent.purpose == ConsentPurpose.CARE_TEAM,
            Consent.organisation_id == care,
        )
    )
    own = {c["id"] for c in (await client.get("/children", headers=parent)).json()["items"]}
    assert str(younger) in own
    (older,) = own - {str(younger)}

    board = await _all(
        client,
        "/support-trajectories",
        therapist,
        childId=str(younger),
        status="active",
        type="logopedie",
    )
    assert len(board) == 1
    trajectory = board[0]
    me = (await client.get("/me", headers=therapist)).json()
    assert trajectory["coordinatorId"] == me["id"]
    assert trajectory["organisationId"] == str(care)
    assert trajectory["consentNeeded"] is False
    page = await client.get(
        f"/support-trajectories/{trajectory['id']}",
        params={"expand": "goals,sessions,notes,transitions"},
        headers=therapist,
    )
    assert page.status_code == 200, page.text
    embedded = page.json()["embedded"]
    shared = [g for g in embedded["goals"] if g["sharedWithDailyTeam"]]
    assert shared and all(g["dailyTeamAdvice"] for g in shared)
    assert any(not g["sharedWithDailyTeam"] for g in embedded["goals"])
    assert all(g["progress"] for g in embedded["goals"])
    assert {"attended", "planned"} <= {s["attendance"] for s in embedded["sessions"]}
    assert {n["visibility"] for n in embedded["notes"]} == {"team", "team_and_guardians"}
    assert [t["to"] for t in embedded["transitions"]] == ["requested", "intake", "active"]

    # The parent gave the consents, sees both goals and only the note meant for them.
    consents = (await client.get(f"/children/{younger}/consents", headers=parent)).json()
    given = {
        (c["purpose"], c["trajectoryType"]) for c in consents if c["organisationId"] == str(care)
    }
    assert {("trajectory", "logopedie"), ("information_sharing", None)} <= given
    plan = (await client.get(f"/children/{younger}/plan", headers=parent)).json()
    assert plan["view"] == "guardian"
    assert len(plan["goals"]) == len(embedded["goals"])
    assert [n["visibility"] for n in plan["notes"]] == ["team_and_guardians"]
    # The class teacher (daily team) sees the shared goal with its advice, and no notes.
    teacher = await _login(client, "leerkracht.groep3@regenboog.demo")
    daily = (await client.get(f"/children/{younger}/plan", headers=teacher)).json()
    assert daily["view"] == "daily_team"
    assert [g["text"] for g in daily["goals"]] == [g["text"] for g in shared]
    assert daily["goals"][0]["dailyTeamAdvice"]
    assert daily["notes"] == []

    # The older child: youth care is on its team without consent, and no support with it.
    assert not await session.scalar(
        select(func.count())
        .select_from(SupportTrajectory)
        .where(
            SupportTrajectory.child_id == uuid.UUID(older),
            SupportTrajectory.organisation_id == care,
        )
    )
    assert await _all(client, "/support-trajectories", parent, childId=older) == []


async def test_demo_support_follows_the_flow_with_consent(session: AsyncSession) -> None:
    counts = await seed(session)
    trajectories = list(await session.scalars(select(SupportTrajectory)))
    # The current support, beside the closed history of the outcome reports (outcomes_demo);
    # every trajectory below, the history's too, follows the flow with consent.
    assert 40 <= counts["trajectories"] <= 60
    assert len(trajectories) == counts["trajectories"] + counts["history_trajectories"]
    assert {t.status for t in trajectories} == set(TrajectoryStatus)
    assert len({t.type for t in trajectories}) >= 5
    referred = [t for t in trajectories if t.outcome == TrajectoryOutcome.REFERRED_OUT]
    assert referred
    assert all(t.referral_destination and t.referral_reason for t in referred)
    assert {TrajectoryOutcome.GOALS_REACHED, TrajectoryOutcome.CONTINUED_IN_CENTRE} <= {
        t.outcome for t in trajectories
    }

    steps: dict[uuid.UUID, list[TrajectoryTransition]] = defaultdict(list)
    for step in await session.scalars(
        select(TrajectoryTransition).order_by(TrajectoryTransition.at)
    ):
        steps[step.trajectory_id].append(step)
    consents = {
        (c.child_id, c.organisation_id, c.trajectory_type): c
        for c in await session.scalars(
            select(Consent).where(Consent.purpose == ConsentPurpose.TRAJECTORY)
        )
    }
    providers = {
        (m.user_id, m.organisation_id)
        for m in await session.scalars(
            select(Membership).where(Membership.role.in_(PROVIDER_ROLES))
        )
    }
    for t in trajectories:
        flow = steps[t.id]
        assert (flow[0].from_status, flow[0].to_status) == (None, TrajectoryStatus.REQUESTED)
        assert flow[0].at == t.requested_at
        for before, after in pairwise(flow):
            assert after.from_status == before.to_status
            assert after.to_status in FLOW[before.to_status], (before.to_status, after.to_status)
            assert after.at > before.at
        assert flow[-1].to_status == t.status
        # The timestamps as `transition()` sets them.
        reached = [(s.to_status, s.at) for s in flow]
        intake = [at for status, at in reached if status == TrajectoryStatus.INTAKE]
        active = [at for status, at in reached if status == TrajectoryStatus.ACTIVE]
        assert t.intake_at == (intake[0] if intake else None)
        assert t.started_at == (active[0] if active else None)
        ended = t.status in (TrajectoryStatus.CLOSED, TrajectoryStatus.CANCELLED)
        assert t.closed_at == (flow[-1].at if ended else None)
        assert (t.status == TrajectoryStatus.CLOSED) == (t.outcome is not None)
        # Past `requested` only with the guardians' trajectory consent, given before intake.
        if t.intake_at is not None:
            consent = consents.get((t.child_id, t.organisation_id, t.type))
            assert consent is not None, t.type
            assert consent.given_at < t.intake_at
        if t.coordinator_id is not None:
            assert (t.coordinator_id, t.organisation_id) in providers
    # Requests waiting for consent stay requested.
    waiting = [
        t
        for t in trajectories
        if t.status == TrajectoryStatus.REQUESTED
        and (t.child_id, t.organisation_id, t.type) not in consents
    ]
    assert waiting

    ib = await session.scalar(select(User.id).where(User.email == "ib@regenboog.demo"))
    assert await session.scalar(select(CareCoordinator.id).where(CareCoordinator.user_id == ib))
    signals = list(await session.scalars(select(Signal)))
    assert any(s.decision is None for s in signals)
    assert any(s.from_guardians for s in signals)
    linked = [s for s in signals if s.decision == SignalDecision.SUPPORT_REQUESTED]
    assert linked and all(s.trajectory_id is not None for s in linked)
    notes = list(await session.scalars(select(TrajectoryNote)))
    assert any(n.participants and n.decisions for n in notes)
    assert sum(n.replaces_id is not None for n in notes) >= 1


async def test_demo_board_shows_overdue_and_consent_needed(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await seed(session)
    ib = await _login(client, "ib@regenboog.demo")
    board = await _all(client, "/support-trajectories", ib)
    assert {t["status"] for t in board} == {s.value for s in TrajectoryStatus}
    overdue = await _all(client, "/support-trajectories", ib, overdue="true")
    assert overdue and all(t["overdue"] for t in overdue)
    assert {t["status"] for t in overdue} <= {"requested", "intake"}
    assert any(t["consentNeeded"] for t in board)
    # A partner's coordinator opens the requests the guardians consented to.
    therapist = await _login(client, "logopedist@regenboog.demo")
    mine = await _all(client, "/support-trajectories", therapist, status="requested")
    assert mine and not any(t["consentNeeded"] for t in mine)
