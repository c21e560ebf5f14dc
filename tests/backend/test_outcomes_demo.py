"""The demo history for the outcome dashboards (issue 13): two full school years of closed
support at IKC De Regenboog and at the comparison school without integrated care, with the
trend the demo promises (shorter waits and fewer referrals in the Regenboog's second year)."""

import statistics
from datetime import date, datetime, time
from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.careteam.models import CareTeamMember
from kindcentraal.centre.models import ChildCentre
from kindcentraal.child.models import Child
from kindcentraal.consent.models import TrajectoryType
from kindcentraal.organisation.models import Organisation, OrganisationCentre
from kindcentraal.seed.demo import DEMO_PASSWORD, seed
from kindcentraal.seed.outcomes_demo import KOMPAS_CENTRE, OUTSIDE_PROVIDER
from kindcentraal.support.models import (
    NoteKind,
    Signal,
    SupportTrajectory,
    TrajectoryLocation,
    TrajectoryNote,
    TrajectoryOutcome,
    TrajectoryStatus,
)
from kindcentraal.support.waiting import AMSTERDAM, local_day, working_days

REGENBOOG = "IKC De Regenboog"


def _school_year(years_ago: int) -> tuple[datetime, datetime]:
    """From 1 August to 1 August (local time) of the school year `years_ago` before today's."""
    today = date.today()
    first = today.year if today.month >= 8 else today.year - 1
    start = date(first - years_ago, 8, 1)
    end = start.replace(year=start.year + 1)
    return datetime.combine(start, time(), AMSTERDAM), datetime.combine(end, time(), AMSTERDAM)


async def test_two_school_years_of_history_at_both_centres(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await seed(session)
    centres = dict((await session.execute(select(ChildCentre.name, ChildCentre.id))).tuples().all())
    assert {REGENBOOG, KOMPAS_CENTRE} <= set(centres)

    def of(centre: str, years_ago: int, *where: Any) -> Any:
        start, end = _school_year(years_ago)
        return (
            select(func.count())
            .select_from(SupportTrajectory)
            .join(Child, Child.id == SupportTrajectory.child_id)
            .where(
                Child.centre_id == centres[centre],
                SupportTrajectory.requested_at >= start,
                SupportTrajectory.requested_at < end,
                *where,
            )
        )

    async def count(centre: str, years_ago: int, *where: Any) -> int:
        return int(await session.scalar(of(centre, years_ago, *where)) or 0)

    async def referred_share(centre: str, years_ago: int) -> float:
        closed = await count(centre, years_ago, SupportTrajectory.status == TrajectoryStatus.CLOSED)
        referred = await count(
            centre, years_ago, SupportTrajectory.outcome == TrajectoryOutcome.REFERRED_OUT
        )
        return referred / closed

    async def median_days_to_intake(centre: str, years_ago: int) -> float:
        start, end = _school_year(years_ago)
        rows = await session.execute(
            select(SupportTrajectory.requested_at, SupportTrajectory.intake_at)
            .join(Child, Child.id == SupportTrajectory.child_id)
            .where(
                Child.centre_id == centres[centre],
                SupportTrajectory.type == TrajectoryType.LOGOPEDIE,
                SupportTrajectory.requested_at >= start,
                SupportTrajectory.requested_at < end,
                SupportTrajectory.intake_at.is_not(None),
            )
        )
        days = [
            working_days(local_day(requested), local_day(intake))
            for requested, intake in rows.tuples()
            if intake is not None
        ]
        return statistics.median(days)

    # Two full school years of closed support at each centre, enough of each main type that
    # the reports (which hide counts under 10) show them.
    for centre in (REGENBOOG, KOMPAS_CENTRE):
        for years_ago in (2, 1):
            closed = await count(
                centre, years_ago, SupportTrajectory.status == TrajectoryStatus.CLOSED
            )
            assert closed >= 45, (centre, years_ago, closed)
            for kind in (
                TrajectoryType.LOGOPEDIE,
                TrajectoryType.OPVOEDONDERSTEUNING,
                TrajectoryType.JEUGDHULP,
            ):
                assert await count(centre, years_ago, SupportTrajectory.type == kind) >= 10, (
                    centre,
                    years_ago,
                    kind,
                )

    # The Regenboog's second year: shorter waits for speech therapy, fewer referrals out.
    before = await median_days_to_intake(REGENBOOG, 2)
    after = await median_days_to_intake(REGENBOOG, 1)
    assert after < before <= 15
    assert await median_days_to_intake(KOMPAS_CENTRE, 1) > before
    assert await referred_share(REGENBOOG, 1) < await referred_share(REGENBOOG, 2)
    # The school without integrated care refers out more than the integrated centre.
    assert await referred_share(KOMPAS_CENTRE, 1) > 2 * await referred_share(REGENBOOG, 1)

    # Signalled earlier: more signals in the Regenboog's second year than in its first.
    signals: list[int] = []
    for years_ago in (2, 1):
        start, end = _school_year(years_ago)
        signals.append(
            await session.scalar(
                select(func.count())
                .select_from(Signal)
                .join(Child, Child.id == Signal.child_id)
                .where(
                    Child.centre_id == centres[REGENBOOG],
                    Signal.created_at >= start,
                    Signal.created_at < end,
                )
            )
            or 0
        )
    assert signals[1] > signals[0]

    # At the comparison school: help mostly at the outside provider's, no team meetings, care
    # teams of one organisation; the provider is linked to no centre.
    kompas = select(Child.id).where(Child.centre_id == centres[KOMPAS_CENTRE])
    at_partner = await count(
        KOMPAS_CENTRE, 1, SupportTrajectory.location == TrajectoryLocation.AT_PARTNER
    )
    assert at_partner > (await count(KOMPAS_CENTRE, 1)) / 2
    assert not await session.scalar(
        select(func.count())
        .select_from(TrajectoryNote)
        .join(SupportTrajectory, SupportTrajectory.id == TrajectoryNote.trajectory_id)
        .where(
            SupportTrajectory.child_id.in_(kompas),
            TrajectoryNote.kind == NoteKind.TEAM_MEETING,
        )
    )
    organisations_per_team = (
        select(func.count(func.distinct(CareTeamMember.organisation_id)).label("n"))
        .where(CareTeamMember.child_id.in_(kompas), CareTeamMember.trajectory_id.is_not(None))
        .group_by(CareTeamMember.trajectory_id)
        .subquery()
    )
    assert await session.scalar(select(func.max(organisations_per_team.c.n))) == 1
    provider = await session.scalar(
        select(Organisation.id).where(Organisation.name == OUTSIDE_PROVIDER)
    )
    assert provider is not None
    assert not await session.scalar(
        select(func.count())
        .select_from(OrganisationCentre)
        .where(OrganisationCentre.organisation_id == provider)
    )
    # ... while the Regenboog's teams often had people of two organisations.
    regenboog = select(Child.id).where(Child.centre_id == centres[REGENBOOG])
    regenboog_teams = (
        select(func.count(func.distinct(CareTeamMember.organisation_id)).label("n"))
        .where(CareTeamMember.child_id.in_(regenboog), CareTeamMember.trajectory_id.is_not(None))
        .group_by(CareTeamMember.trajectory_id)
        .subquery()
    )
    assert (
        await session.scalar(
            select(func.count()).select_from(regenboog_teams).where(regenboog_teams.c.n > 1)
        )
        or 0
    ) >= 60

    # The comparison school's staff log in with the demo password; its parents cannot.
    login = await client.post(
        "/auth/token", data={"username": "beheer@kompas.demo", "password": DEMO_PASSWORD}
    )
    assert login.status_code == 200
    me = (
        await client.get("/me", headers={"Authorization": f"Bearer {login.json()['access_token']}"})
    ).json()
    assert me["roles"] == ["centre_admin"]
    parent = await client.post(
        "/auth/token", data={"username": "ouder001@kompas.demo", "password": DEMO_PASSWORD}
    )
    assert parent.status_code == 401
