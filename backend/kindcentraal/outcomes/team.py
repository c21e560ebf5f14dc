"""One team and caseload: the organisations working around children with support, the
children whose care team spans organisations, the team meetings held, and (for the centre's
management) open trajectories per professional and per organisation.

Everything is placed by the numbers of the periods it began and ended in (scope.py), grouped
in the database: one query per figure, whatever the number of periods."""

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Date, and_, case, func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.careteam.models import CareTeamMember
from kindcentraal.child.models import Child
from kindcentraal.organisation.models import Organisation
from kindcentraal.outcomes.schemas import Cell, Indicator, IndicatorId, Row
from kindcentraal.outcomes.scope import (
    Scope,
    bucket,
    days_bounds,
    in_window,
    moments_bounds,
    numbers_within,
    primary,
    spread,
    trajectory_filter,
    within_window,
)
from kindcentraal.support.models import (
    NoteKind,
    SupportTrajectory,
    TrajectoryNote,
    TrajectoryStatus,
)
from kindcentraal.user.models import User

NO_END = date(9999, 12, 31)
WINDOW = "all"


class Counts:
    """Figures per (centre, period key), the window under WINDOW."""

    def __init__(self) -> None:
        self.values: dict[tuple[uuid.UUID, str], dict[str, int]] = defaultdict(
            lambda: defaultdict(int)
        )

    def add(self, centre: uuid.UUID, key: str, name: str, number: int) -> None:
        self.values[(centre, key)][name] += number

    def total(self, centres: Sequence[uuid.UUID], key: str, name: str) -> int:
        return sum(self.values[(centre, key)].get(name, 0) for centre in centres)


async def _organisations(
    session: AsyncSession, scope: Scope
) -> dict[tuple[uuid.UUID, str], set[uuid.UUID]]:
    """Per (centre, period key): the organisations giving support or on a care team."""
    found: dict[tuple[uuid.UUID, str], set[uuid.UUID]] = defaultdict(set)
    begins, ends = moments_bounds(
        SupportTrajectory.requested_at, SupportTrajectory.closed_at, scope
    )
    since, until = days_bounds(CareTeamMember.since_date, CareTeamMember.until_date, scope)
    queries = [
        select(Child.centre_id, SupportTrajectory.organisation_id, begins, ends)
        .join(Child, Child.id == SupportTrajectory.child_id)
        .where(*trajectory_filter(scope), SupportTrajectory.status != TrajectoryStatus.CANCELLED)
        .group_by(Child.centre_id, SupportTrajectory.organisation_id, begins, ends),
        select(Child.centre_id, CareTeamMember.organisation_id, since, until)
        .join(Child, Child.id == CareTeamMember.child_id)
        .where(CareTeamMember.tenant_id == scope.tenant_id)
        .group_by(Child.centre_id, CareTeamMember.organisation_id, since, until),
    ]
    for query in queries:
        for centre, organisation, first, after in (await session.execute(query)).all():
            for period in numbers_within(first, after, scope):
                found[(centre, scope.spans[period].key)].add(organisation)
            if within_window(first, after, scope):
                found[(centre, WINDOW)].add(organisation)
    return found


async def _shared_teams(session: AsyncSession, scope: Scope, counts: Counts) -> None:
    """Children whose care team had members of two organisations at the same time: for each
    pair of organisations on a child's team, the days both were on it; per child, from the
    first such day to the last; counted per centre by the periods those begin and end in."""
    no_end = literal(NO_END, Date)
    member = (
        select(
            CareTeamMember.child_id.label("child_id"),
            CareTeamMember.organisation_id.label("organisation_id"),
            func.min(CareTeamMember.since_date).label("since"),
            func.max(func.coalesce(CareTeamMember.until_date, no_end)).label("until"),
        )
        .where(CareTeamMember.tenant_id == scope.tenant_id)
        .group_by(CareTeamMember.child_id, CareTeamMember.organisation_id)
        .subquery()
    )
    other = member.alias("other")
    since = case((member.c.since > other.c.since, member.c.since), else_=other.c.since)
    until = case((member.c.until < other.c.until, member.c.until), else_=other.c.until)
    pairs = (
        select(member.c.child_id.label("child_id"), since.label("since"), until.label("until"))
        .join(
            other,
            and_(
                other.c.child_id == member.c.child_id,
                other.c.organisation_id > member.c.organisation_id,
            ),
        )
        .where(since <= until)
        .subquery()
    )
    shared = (
        select(
            pairs.c.child_id.label("child_id"),
            func.min(pairs.c.since).label("since"),
            func.max(pairs.c.until).label("until"),
        )
        .group_by(pairs.c.child_id)
        .subquery()
    )
    first, after = days_bounds(shared.c.since, shared.c.until, scope)
    rows = await session.execute(
        select(Child.centre_id, first, after, func.count())
        .join(Child, Child.id == shared.c.child_id)
        .group_by(Child.centre_id, first, after)
    )
    for centre, begins, ends_before, number in rows.all():
        spread(counts, scope, centre, "multiOrganisationTeams", begins, ends_before, number)


async def _meetings(session: AsyncSession, scope: Scope, counts: Counts) -> None:
    period = bucket(TrajectoryNote.created_at, scope)
    rows = await session.execute(
        select(Child.centre_id, period, func.count())
        .select_from(TrajectoryNote)
        .join(SupportTrajectory, SupportTrajectory.id == TrajectoryNote.trajectory_id)
        .join(Child, Child.id == SupportTrajectory.child_id)
        .where(
            *trajectory_filter(scope),
            TrajectoryNote.kind == NoteKind.TEAM_MEETING,
            TrajectoryNote.replaces_id.is_(None),
            in_window(TrajectoryNote.created_at, scope),
        )
        .group_by(Child.centre_id, period)
    )
    for centre, key, number in rows.all():
        counts.add(centre, key, "teamMeetings", number)
        counts.add(centre, WINDOW, "teamMeetings", number)


async def one_team(session: AsyncSession, scope: Scope) -> Indicator:
    organisations = await _organisations(session, scope)
    counts = Counts()
    await _shared_teams(session, scope, counts)
    await _meetings(session, scope, counts)

    def values(centres: Sequence[uuid.UUID], key: str) -> dict[str, Cell]:
        working: set[uuid.UUID] = set()
        for centre in centres:
            working |= organisations.get((centre, key), set())
        return {
            "organisations": Cell(value=len(working)),
            "multiOrganisationTeams": primary(
                counts.total(centres, key, "multiOrganisationTeams"), scope.threshold
            ),
            "teamMeetings": primary(counts.total(centres, key, "teamMeetings"), scope.threshold),
        }

    series_centres = list(scope.series_centres)
    return Indicator(
        id=IndicatorId.ONE_TEAM,
        group_by=None,
        measures=["organisations", "multiOrganisationTeams", "teamMeetings"],
        series=[
            Row(
                period=span.key, centre_id=None, group=None, values=values(series_centres, span.key)
            )
            for span in scope.spans
        ],
        by_centre=[
            Row(period=None, centre_id=centre, group=None, values=values([centre], WINDOW))
            for centre in scope.centres
        ],
    )


async def caseload(session: AsyncSession, scope: Scope) -> list[Indicator]:
    """Open trajectories per professional and per organisation: for the centre's management
    only, over its own centres (names of colleagues, no child)."""
    series_centres = scope.series_centres & scope.managed
    if not series_centres:
        return []
    begins, ends = moments_bounds(
        SupportTrajectory.requested_at, SupportTrajectory.closed_at, scope
    )
    # One scan for both: per professional (when the trajectory has a coordinator) and per
    # providing organisation.
    per_professional, per_organisation = Counts(), Counts()
    rows = await session.execute(
        select(
            Child.centre_id,
            SupportTrajectory.coordinator_id,
            SupportTrajectory.organisation_id,
            begins,
            ends,
            func.count(),
        )
        .join(Child, Child.id == SupportTrajectory.child_id)
        .where(
            *trajectory_filter(scope),
            SupportTrajectory.status != TrajectoryStatus.CANCELLED,
            Child.centre_id.in_(scope.managed),
        )
        .group_by(
            Child.centre_id,
            SupportTrajectory.coordinator_id,
            SupportTrajectory.organisation_id,
            begins,
            ends,
        )
    )
    for centre, professional, organisation, first, after, number in rows.all():
        if professional is not None:
            spread(per_professional, scope, centre, str(professional), first, after, number)
        spread(per_organisation, scope, centre, str(organisation), first, after, number)
    return [
        await _caseload_indicator(
            session, scope, series_centres, IndicatorId.CASELOAD, "professional", per_professional
        ),
        await _caseload_indicator(
            session,
            scope,
            series_centres,
            IndicatorId.CASELOAD_BY_ORGANISATION,
            "organisation",
            per_organisation,
        ),
    ]


async def _caseload_indicator(
    session: AsyncSession,
    scope: Scope,
    series_centres: set[uuid.UUID],
    indicator: IndicatorId,
    group_by: str,
    counts: Counts,
) -> Indicator:
    ids = sorted({name for values in counts.values.values() for name in values})
    names = await _names(session, scope.tenant_id, group_by, ids)
    ordered = sorted(ids, key=lambda who: names.get(who, ""))

    def row(period: str | None, centre: uuid.UUID | None, who: str) -> Row:
        centres = list(series_centres) if centre is None else [centre]
        total = counts.total(centres, period or WINDOW, who)
        return Row(
            period=period,
            centre_id=centre,
            group=who,
            label=names.get(who),
            values={"openTrajectories": Cell(value=total)},
        )

    return Indicator(
        id=indicator,
        group_by=group_by,
        measures=["openTrajectories"],
        series=[row(span.key, None, who) for span in scope.spans for who in ordered],
        by_centre=[
            row(None, centre, who)
            for centre in sorted(scope.managed, key=lambda c: scope.centres[c])
            for who in ordered
        ],
    )


async def _names(
    session: AsyncSession, tenant_id: uuid.UUID, kind: str, ids: list[str]
) -> dict[str, str]:
    if not ids:
        return {}
    model: Any = User if kind == "professional" else Organisation
    name = User.display_name if kind == "professional" else Organisation.name
    rows = await session.execute(
        select(model.id, name).where(
            model.tenant_id == tenant_id, model.id.in_([uuid.UUID(i) for i in ids])
        )
    )
    return {str(row[0]): row[1] for row in rows.all()}
