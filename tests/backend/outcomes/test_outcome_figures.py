"""The outcome report against a small dataset counted by hand, its privacy rules and its
input errors."""

import uuid
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit.models import AuditEvent
from kindcentraal.child.models import Child
from kindcentraal.consent.models import TrajectoryType
from kindcentraal.messages.models import Message, MessageThread
from kindcentraal.rooms.models import Building
from kindcentraal.support.models import (
    NoteKind,
    NoteVisibility,
    ReferralDestination,
    Signal,
    SignalCategory,
    SignalDecision,
    SupportTrajectory,
    TrajectoryLocation,
    TrajectoryNote,
    TrajectoryOutcome,
    TrajectoryStatus,
)
from kindcentraal.tenant.models import Tenant
from tests.backend.factories import (
    World,
    make_centre,
    make_child,
    make_guardian,
    make_placement,
    make_user,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
YEAR = {"from": "2025-08-01", "to": "2026-07-31", "interval": "schoolYear"}
# Working days to intake, by type (logopedie's norm: 10; jeugdhulp's: 15).
LOGOPEDIE_INTAKE = [3, 5, 7, 9, 12, 15]
JEUGDHULP_INTAKE = [2, 4, 6, 8, 10]


def after_working_days(day: date, days: int) -> date:
    while days:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=AMSTERDAM)


class Counted:
    def __init__(self, centre_id: uuid.UUID, child_ids: list[uuid.UUID]) -> None:
        self.centre_id = centre_id
        self.child_ids = child_ids


async def _dataset(session: AsyncSession, world: World) -> Counted:
    """A centre of 20 children; 11 trajectories requested, started and closed in 2025-2026;
    21 signals; 5 team meetings."""
    await session.execute(
        update(Tenant).where(Tenant.id == world.tenant.id).values(small_cell_threshold=5)
    )
    centre = await make_centre(session, world.tenant, name="Centrum Telling")
    children = []
    for number in range(20):
        child = await make_child(session, centre, given_name=f"Telkind{number}", family_name="Hand")
        await make_placement(session, child, world.school, start_date=date(2025, 8, 15))
        children.append(child)
    trajectories = []
    for index, (kind, days, location, start_after, outcome) in enumerate(
        [
            (TrajectoryType.LOGOPEDIE, d, TrajectoryLocation.IN_CENTRE, 5, "goals")
            for d in LOGOPEDIE_INTAKE
        ]
        + [
            (TrajectoryType.JEUGDHULP, d, TrajectoryLocation.AT_PARTNER, 10, "referred")
            for d in JEUGDHULP_INTAKE
        ]
    ):
        requested = date(2025, 9, 1) if kind == TrajectoryType.LOGOPEDIE else date(2025, 10, 1)
        intake = after_working_days(requested, days)
        referred = outcome == "referred"
        trajectory = SupportTrajectory(
            tenant_id=world.tenant.id,
            child_id=children[index].id,
            type=kind,
            organisation_id=world.care.id,
            coordinator_id=world.logopedist.id,
            requested_by_id=world.teacher.id,
            reason="Hulp gevraagd.",
            location=location,
            status=TrajectoryStatus.CLOSED,
            requested_at=at(requested),
            intake_at=at(intake, 14),
            started_at=at(after_working_days(intake, start_after), 9),
            closed_at=at(date(2026, 3, 2)),
            outcome=TrajectoryOutcome.REFERRED_OUT if referred else TrajectoryOutcome.GOALS_REACHED,
            referral_destination=(ReferralDestination.SPECIALISED_YOUTH_CARE if referred else None),
        )
        session.add(trajectory)
        trajectories.append(trajectory)
    await session.flush()
    for number in range(21):
        decision = (
            SignalDecision.SUPPORT_REQUESTED
            if number < 11
            else SignalDecision.WATCH
            if number < 16
            else SignalDecision.NO_ACTION
        )
        signal = Signal(
            tenant_id=world.tenant.id,
            child_id=children[number % 20].id,
            author_id=world.teacher.id,
            category=SignalCategory.LANGUAGE_SPEECH,
            description="Praat weinig.",
            decision=decision,
            decision_reason="Geen zorg." if decision == SignalDecision.NO_ACTION else None,
            decided_by_id=world.teacher.id,
            decided_at=at(date(2025, 9, 1)),
            trajectory_id=trajectories[number].id if number < 11 else None,
        )
        session.add(signal)
    await session.flush()
    moment = at(date(2025, 8, 25))
    for signal in await session.scalars(
        select(Signal).where(Signal.child_id.in_([c.id for c in children]))
    ):
        signal.created_at = moment
    for number in range(5):
        note = TrajectoryNote(
            tenant_id=world.tenant.id,
            trajectory_id=trajectories[number].id,
            author_id=world.logopedist.id,
            kind=NoteKind.TEAM_MEETING,
            visibility=NoteVisibility.TEAM,
            text="Overleg.",
            participants=["Lisa (logopedie)", "ouder"],
            decisions="Door.",
        )
        session.add(note)
        await session.flush()
        note.created_at = at(date(2025, 11, 3 + number))
    await session.flush()
    return Counted(centre.id, [child.id for child in children])


def indicator(report: dict[str, Any], name: str) -> dict[str, Any]:
    return next(i for i in report["indicators"] if i["id"] == name)


def row(
    ind: dict[str, Any], period: str | None, group: str | None, centre: str | None = None
) -> dict[str, Any]:
    view = ind["series"] if centre is None else ind["byCentre"]
    found = [
        r
        for r in view
        if r["group"] == group
        and (r["period"] == period if centre is None else r["centreId"] == centre)
    ]
    assert len(found) == 1, (period, group, centre)
    return {name: cell["value"] for name, cell in found[0]["values"].items()}


async def test_figures_match_a_dataset_counted_by_hand(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    counted = await _dataset(session, world)
    response = await client.get(
        "/reports/outcomes",
        params={**YEAR, "centreId": str(counted.centre_id)},
        headers=world.headers("analyst"),
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["smallCellThreshold"] == 5
    assert [p["key"] for p in report["periods"]] == ["2025-2026"]
    waiting = indicator(report, "waitingTime")
    logopedie = row(waiting, "2025-2026", "logopedie")
    # Intake days 3 5 7 9 12 15: median (3rd of 6) 7, p90 (6th) 15, 4 of 6 within 10.
    assert logopedie["requests"] == 6
    assert logopedie["medianDaysToIntake"] == 7
    assert logopedie["p90DaysToIntake"] == 15
    assert logopedie["shareIntakeWithinNorm"] == pytest.approx(0.667, abs=0.001)
    # Start five working days after intake: 8 10 12 14 17 20, all within 20.
    assert logopedie["medianDaysToStart"] == 12
    assert logopedie["shareStartWithinNorm"] == 1.0
    jeugdhulp = row(waiting, "2025-2026", "jeugdhulp")
    assert jeugdhulp["requests"] == 5
    assert jeugdhulp["medianDaysToIntake"] == 6
    assert jeugdhulp["p90DaysToStart"] == 20  # 12 14 16 18 20
    assert jeugdhulp["shareIntakeWithinNorm"] == 1.0
    total = row(waiting, "2025-2026", None)
    # All eleven: 2 3 4 5 6 7 8 9 10 12 15 -> median (6th) 7, p90 (10th) 12; 9 within norm.
    assert total["requests"] == 11
    assert total["medianDaysToIntake"] == 7
    assert total["p90DaysToIntake"] == 12
    assert total["shareIntakeWithinNorm"] == pytest.approx(9 / 11, abs=0.001)

    location = indicator(report, "supportLocation")
    assert row(location, "2025-2026", "in_centre") == {"trajectories": 6, "share": 0.545}
    assert row(location, "2025-2026", "at_partner")["trajectories"] == 5
    outcomes = indicator(report, "trajectoryOutcomes")
    assert row(outcomes, "2025-2026", "goals_reached")["trajectories"] == 6
    assert row(outcomes, "2025-2026", "referred_out") == {"trajectories": 5, "share": 0.455}
    referrals = indicator(report, "referrals")
    # Five referrals among the centre's twenty children.
    assert row(referrals, "2025-2026", "specialised_youth_care") == {
        "referrals": 5,
        "per100Children": 25.0,
    }
    signals = indicator(report, "signals")
    assert row(signals, "2025-2026", None)["signals"] == 21
    assert row(signals, "2025-2026", "watch")["signals"] == 5
    assert row(signals, "2025-2026", "support_requested")["signals"] == 11
    funnel = indicator(report, "signalFunnel")
    assert row(funnel, "2025-2026", None) == {
        "raised": 21,
        "supportRequested": 11,
        "trajectoriesStarted": 11,
        "trajectoriesClosed": 11,
    }
    one_team = indicator(report, "oneTeam")
    assert row(one_team, "2025-2026", None)["teamMeetings"] == 5
    assert row(one_team, "2025-2026", None)["organisations"] == 1
    parents = indicator(report, "parents")
    assert row(parents, "2025-2026", None)["children"] == 20
    # The comparison: the same figures for this centre over the window.
    assert row(waiting, None, "logopedie", str(counted.centre_id))["requests"] == 6
    assert {c["centreId"] for c in report["centres"]} >= {
        str(counted.centre_id),
        str(world.centre.id),
    }
    # The analyst sees no caseload (names of professionals are for the centre's management).
    assert "caseload" not in {i["id"] for i in report["indicators"]}


async def test_filtered_by_type_and_by_term(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    counted = await _dataset(session, world)
    response = await client.get(
        "/reports/outcomes",
        params={
            **YEAR,
            "interval": "term",
            "trajectoryType": "jeugdhulp",
            "centreId": str(counted.centre_id),
        },
        headers=world.headers("analyst"),
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert [p["key"] for p in report["periods"]] == [
        "2025-2026-T1",
        "2025-2026-T2",
        "2025-2026-T3",
    ]
    waiting = indicator(report, "waitingTime")
    assert row(waiting, "2025-2026-T1", None)["requests"] == 5  # requested 1 October
    assert row(waiting, "2025-2026-T1", "logopedie")["requests"] == 0
    outcomes = indicator(report, "trajectoryOutcomes")
    assert row(outcomes, "2025-2026-T2", "referred_out")["trajectories"] == 5  # closed 2 March


async def test_small_cells_are_hidden_with_their_complements(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    counted = await _dataset(session, world)
    # Three more jeugdhulp requests in the spring: a cell of 3 under the threshold of 5.
    for index in range(3):
        session.add(
            SupportTrajectory(
                tenant_id=world.tenant.id,
                child_id=counted.child_ids[index],
                type=TrajectoryType.OPVOEDONDERSTEUNING,
                organisation_id=world.care.id,
                requested_by_id=world.teacher.id,
                reason="Hulp gevraagd.",
                location=TrajectoryLocation.AT_HOME,
                status=TrajectoryStatus.REQUESTED,
                requested_at=at(date(2026, 4, 6)),
            )
        )
    await session.flush()
    response = await client.get(
        "/reports/outcomes",
        params={**YEAR, "interval": "term", "centreId": str(counted.centre_id)},
        headers=world.headers("analyst"),
    )
    report = response.json()
    for ind in report["indicators"]:
        for view in ("series", "byCentre"):
            for found in ind[view]:
                for name, cell in found["values"].items():
                    if cell["suppressed"]:
                        assert cell["value"] is None
                    elif name in {"requests", "trajectories", "referrals", "signals", "children"}:
                        assert not 0 < cell["value"] < 5, (ind["id"], name, found)
    waiting = indicator(report, "waitingTime")
    spring = {
        r["group"]: r["values"]["requests"]
        for r in waiting["series"]
        if r["period"] == "2025-2026-T3"
    }
    assert spring["opvoedondersteuning"]["suppressed"]
    # Not alone on its line: the period's total (3) is hidden too, or another group is.
    assert sum(cell["suppressed"] for cell in spring.values()) >= 2
    # The derived figures of a hidden count are hidden with it.
    hidden_row = next(
        r
        for r in waiting["series"]
        if r["period"] == "2025-2026-T3" and r["group"] == "opvoedondersteuning"
    )
    assert all(cell["suppressed"] for cell in hidden_row["values"].values())
    # A higher threshold hides the fives too.
    assert (
        await client.put(
            "/report-settings",
            json={"smallCellThreshold": 6},
            headers=world.headers("centre_admin"),
        )
    ).status_code == 200
    again = await client.get(
        "/reports/outcomes",
        params={**YEAR, "centreId": str(counted.centre_id)},
        headers=world.headers("analyst"),
    )
    referrals = indicator(again.json(), "referrals")
    cell = next(
        r["values"]["referrals"]
        for r in referrals["series"]
        if r["group"] == "specialised_youth_care"
    )
    assert cell == {"value": None, "suppressed": True}


async def test_the_analyst_never_gets_a_child_id_or_name(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    counted = await _dataset(session, world)
    building = Building(
        tenant_id=world.tenant.id,
        centre_id=counted.centre_id,
        name="Hoofdgebouw",
        gross_floor_area_m2=900,
    )
    session.add(building)
    await session.flush()
    children = (
        await session.execute(
            select(Child.id, Child.given_name, Child.family_name, Child.bsn).where(
                Child.tenant_id == world.tenant.id
            )
        )
    ).all()
    secrets = (
        {str(c.id) for c in children}
        | {c.given_name for c in children}
        | {c.family_name for c in children}
        | {c.bsn for c in children if c.bsn}
    )
    analyst = world.headers("analyst")
    calls = [
        ("/reports/outcomes", {**YEAR, "interval": interval, **centre})
        for interval in ("month", "term", "schoolYear")
        for centre in ({}, {"centreId": str(counted.centre_id)})
    ] + [
        (
            "/reports/participation",
            {"centreId": str(counted.centre_id), "from": "2025-09-01", "to": "2026-06-30"},
        ),
        (
            "/reports/room-utilisation",
            {"buildingId": str(building.id), "from": "2025-09-01", "to": "2026-06-30"},
        ),
        ("/reports/floor-area", {"buildingId": str(building.id)}),
    ]
    for path, params in calls:
        before = set(await session.scalars(select(AuditEvent.id)))
        response = await client.get(path, params=params, headers=analyst)
        assert response.status_code == 200, (path, response.text)
        # Every string value (field names are not data: `perPupilM2` names no Pupil).
        text = "\n".join(_strings(response.json()))
        leaked = [secret for secret in secrets if secret in text]
        assert not leaked, (path, leaked)
        # And each request is one statistics read in the access log, naming no child.
        events = [e for e in await session.scalars(select(AuditEvent)) if e.id not in before]
        assert [(e.action, e.basis, e.child_ids) for e in events] == [("read", "statistics", [])], (
            path
        )


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


async def test_each_request_is_one_statistics_event_without_children(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    await _dataset(session, world)
    before = set(await session.scalars(select(AuditEvent.id)))
    response = await client.get("/reports/outcomes", params=YEAR, headers=world.headers("analyst"))
    assert response.status_code == 200
    events = [
        event for event in await session.scalars(select(AuditEvent)) if event.id not in before
    ]
    assert [(e.resource, e.action, e.basis) for e in events] == [
        ("outcome-report", "read", "statistics")
    ]
    assert events[0].actor_user_id == world.analyst.id
    assert events[0].child_ids == []


async def test_management_sees_caseload_of_its_own_centre_only(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    counted = await _dataset(session, world)
    other = await client.get(
        "/reports/outcomes",
        params={**YEAR, "centreId": str(counted.centre_id)},
        headers=world.headers("centre_admin"),
    )
    assert other.status_code == 404  # a centre the admin does not run
    own = await client.get(
        "/reports/outcomes",
        params={**YEAR, "centreId": str(world.centre.id)},
        headers=world.headers("centre_admin"),
    )
    assert own.status_code == 200, own.text
    ids = {i["id"] for i in own.json()["indicators"]}
    assert {"caseload", "caseloadByOrganisation"} <= ids
    teacher = await client.get("/reports/outcomes", params=YEAR, headers=world.headers("teacher"))
    assert teacher.status_code == 403


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"interval": "week"}, "interval"),
        ({"from": "2026-05-01", "to": "2026-04-01"}, "to"),
        ({"from": "2010-01-01", "to": "2026-01-01"}, "to"),
        ({"from": "1-2-2026"}, "from"),
        ({"trajectoryType": "magic"}, "trajectoryType"),
    ],
)
async def test_bad_input_is_a_field_error(
    client: httpx.AsyncClient, world: World, params: dict[str, str], field: str
) -> None:
    response = await client.get(
        "/reports/outcomes", params=params, headers=world.headers("analyst")
    )
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert field in {error["location"] for error in response.json()["errors"]}, response.json()


async def test_the_threshold_is_never_below_five(client: httpx.AsyncClient, world: World) -> None:
    admin = world.headers("centre_admin")
    refused = await client.put("/report-settings", json={"smallCellThreshold": 4}, headers=admin)
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["location"] == "#/smallCellThreshold"
    assert (await client.get("/report-settings", headers=admin)).json() == {
        "smallCellThreshold": 10
    }
    analyst = await client.put(
        "/report-settings", json={"smallCellThreshold": 7}, headers=world.headers("analyst")
    )
    assert analyst.status_code == 403


async def test_parents_figures_counted_by_hand(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    """Five questions of parents answered after 1 to 5 hours (median 3); a reply by another
    parent of the child is no answer; twelve of the twenty children have a contact person."""
    counted = await _dataset(session, world)
    parents = [await make_user(session, world.tenant) for _ in range(5)]
    for hours, (parent, child_id) in enumerate(zip(parents, counted.child_ids, strict=False), 1):
        child = await session.get_one(Child, child_id)
        await make_guardian(session, child, parent)
        other_parent = await make_user(session, world.tenant)
        await make_guardian(session, child, other_parent)
        asked = at(date(2026, 2, 2), 9)
        thread = MessageThread(
            tenant_id=world.tenant.id,
            child_id=child_id,
            subject="Vraag",
            created_by_id=parent.id,
            last_message_at=asked,
        )
        session.add(thread)
        await session.flush()
        for author, moment in (
            (parent, asked),
            (other_parent, asked + timedelta(minutes=10)),  # the other parent: no answer
            (world.teacher, asked + timedelta(hours=hours, minutes=5)),
            (world.teacher, asked + timedelta(hours=hours + 20)),
        ):
            message = Message(
                tenant_id=world.tenant.id, thread_id=thread.id, author_id=author.id, text="Hallo"
            )
            session.add(message)
            await session.flush()
            message.created_at = moment
    for child_id in counted.child_ids[:12]:
        child = await session.get_one(Child, child_id)
        child.contact_person_id = world.teacher.id
        child.contact_person_since = at(date(2025, 8, 20))
    await session.flush()
    response = await client.get(
        "/reports/outcomes",
        params={**YEAR, "centreId": str(counted.centre_id)},
        headers=world.headers("analyst"),
    )
    assert response.status_code == 200, response.text
    figures = row(indicator(response.json(), "parents"), "2025-2026", None)
    assert figures["parentQuestions"] == 5
    assert figures["medianHoursToFirstAnswer"] == 3
    assert figures["children"] == 20
    assert figures["contactPersonCoverage"] == 0.6
