"""Support: waiting times, where support is given, how it ends, referrals out, signals and
their funnel, one team and caseload."""

import uuid
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    and_,
    case,
    func,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from kindcentraal.careteam.models import CareTeamMember
from kindcentraal.child.models import Child
from kindcentraal.consent.models import TrajectoryType
from kindcentraal.organisation.models import Organisation
from kindcentraal.outcomes import cube as cubes
from kindcentraal.outcomes.cube import Cube, Key, percentile, ratio
from kindcentraal.outcomes.periods import Span
from kindcentraal.outcomes.schemas import (
    Cell,
    Indicator,
    IndicatorId,
    Row,
)
from kindcentraal.outcomes.scope import (
    Scope,
    bucket,
    in_window,
    periods_table,
    primary,
    trajectory_filter,
)
from kindcentraal.outcomes.suppression import nested
from kindcentraal.placement.models import Placement
from kindcentraal.support.models import (
    NoteKind,
    ReferralDestination,
    Signal,
    SignalDecision,
    SupportTrajectory,
    TrajectoryLocation,
    TrajectoryNorm,
    TrajectoryNote,
    TrajectoryOutcome,
    TrajectoryStatus,
)
from kindcentraal.support.waiting import DEFAULT_NORMS
from kindcentraal.user.models import User

OPEN_SIGNAL = "open"


# --- Support -----------------------------------------------------------------------------
async def _norms(session: AsyncSession, tenant_id: uuid.UUID) -> dict[str, tuple[int, int]]:
    norms = {kind.value: days for kind, days in DEFAULT_NORMS.items()}
    for own in await session.scalars(
        select(TrajectoryNorm).where(TrajectoryNorm.tenant_id == tenant_id)
    ):
        norms[own.type.value] = (own.intake_within_days, own.start_within_days)
    return norms


async def requests(session: AsyncSession, scope: Scope) -> tuple[Indicator, Indicator]:
    """Waiting times per type, and where support is given, by the month of the request."""
    norms = await _norms(session, scope.tenant_id)
    period_key = bucket(SupportTrajectory.requested_at, scope)
    rows = await session.execute(
        select(
            Child.centre_id,
            period_key,
            SupportTrajectory.type,
            SupportTrajectory.location,
            SupportTrajectory.intake_working_days,
            SupportTrajectory.start_working_days,
            func.count(),
        )
        .join(Child, Child.id == SupportTrajectory.child_id)
        .where(*trajectory_filter(scope), in_window(SupportTrajectory.requested_at, scope))
        .group_by(
            Child.centre_id,
            period_key,
            SupportTrajectory.type,
            SupportTrajectory.location,
            SupportTrajectory.intake_working_days,
            SupportTrajectory.start_working_days,
        )
    )
    types = [kind.value for kind in TrajectoryType]
    by_type = scope.cube(types)
    by_location = scope.cube([location.value for location in TrajectoryLocation])
    within: dict[str, Cube] = {name: scope.cube(types) for name in ("intake", "start")}
    for centre, period, kind, location, to_intake, to_start, number in rows.all():
        kind, location = str(kind), str(location)
        by_type.add(centre, period, kind, number)
        by_location.add(centre, period, location, number)
        for step, days, norm in (
            ("intake", to_intake, norms[kind][0]),
            ("start", to_start, norms[kind][1]),
        ):
            if days is not None:
                by_type.add_to_histogram(centre, period, f"{kind}:{step}", days, number)
                within[step].add(centre, period, kind, number if days <= norm else 0)
                within[step].add(centre, period, f"{kind}:measured", number)

    def waiting(key: Key, cube: Cube) -> dict[str, float | None]:
        view, where, group = key
        kinds = [group] if group is not None else types
        figures: dict[str, float | None] = {}
        for step, title in (("intake", "Intake"), ("start", "Start")):
            histogram: Counter[int] = Counter()
            inside = measured = 0
            for kind in kinds:
                histogram.update(cube.histogram((view, where, f"{kind}:{step}")))
                inside += within[step].count((view, where, kind))
                measured += within[step].count((view, where, f"{kind}:measured"))
            figures[f"medianDaysTo{title}"] = percentile(histogram, 0.5)
            figures[f"p90DaysTo{title}"] = percentile(histogram, 0.9)
            figures[f"share{title}WithinNorm"] = ratio(inside, measured)
        return figures

    for name in ("intake", "start"):
        within[name].series_centres = by_type.series_centres
    # Both tables count the same requests: a period's total is one figure, hidden in both
    # tables or in neither.
    forced: set[Key] = set()
    while True:
        waiting_indicator, hidden = cubes.build(
            IndicatorId.WAITING_TIME,
            by_type,
            count_measure="requests",
            derive=waiting,
            threshold=scope.threshold,
            group_by="trajectoryType",
            forced=forced,
        )
        forced |= {key for key in hidden if key[2] is None}
        location_indicator, location_hidden = cubes.build(
            IndicatorId.SUPPORT_LOCATION,
            by_location,
            count_measure="trajectories",
            derive=_share_of_row,
            threshold=scope.threshold,
            group_by="location",
            forced=forced,
            of_total=frozenset({"share"}),
        )
        more = {key for key in location_hidden if key[2] is None} - hidden
        if not more:
            break
        forced |= more
    return waiting_indicator, location_indicator


def _share_of_row(key: Key, cube: Cube) -> dict[str, float | None]:
    view, where, group = key
    if group is None:
        return {"share": 1.0 if cube.count(key) else None}
    return {"share": ratio(cube.count(key), cube.count((view, where, None)))}


async def children_per_period(session: AsyncSession, scope: Scope, periods: Sequence[Span]) -> Cube:
    """Children of each centre per period: a placement that overlaps it."""
    period = periods_table(periods)
    rows = await session.execute(
        select(Child.centre_id, period.c.key, func.count(func.distinct(Placement.child_id)))
        .join(Child, Child.id == Placement.child_id)
        .join(
            period,
            and_(
                Placement.start_date <= period.c["last"],
                or_(Placement.end_date.is_(None), Placement.end_date >= period.c["first"]),
            ),
        )
        .where(Placement.tenant_id == scope.tenant_id)
        .group_by(Child.centre_id, period.c.key)
    )
    cube = scope.cube(["children"])
    for centre, key, number in rows.all():
        cube.add(centre, key, "children", number)
    return cube


def children_of(series: Cube, window: Cube, key: Key) -> int:
    view, where, _ = key
    if view == "s":
        return series.count(("s", where, None))
    return window.count(("c", where, None))


async def closed(
    session: AsyncSession, scope: Scope, series_children: Cube, window_children: Cube
) -> tuple[Indicator, Indicator]:
    """How support ended, and the referrals out per 100 children, by the month it closed."""
    period_key = bucket(SupportTrajectory.closed_at, scope)
    rows = await session.execute(
        select(
            Child.centre_id,
            period_key,
            SupportTrajectory.outcome,
            SupportTrajectory.referral_destination,
            func.count(),
        )
        .join(Child, Child.id == SupportTrajectory.child_id)
        .where(
            *trajectory_filter(scope),
            SupportTrajectory.status == TrajectoryStatus.CLOSED,
            in_window(SupportTrajectory.closed_at, scope),
        )
        .group_by(
            Child.centre_id,
            period_key,
            SupportTrajectory.outcome,
            SupportTrajectory.referral_destination,
        )
    )
    outcomes = scope.cube([outcome.value for outcome in TrajectoryOutcome])
    referrals = scope.cube([destination.value for destination in ReferralDestination])
    for centre, period, outcome, destination, number in rows.all():
        outcomes.add(centre, period, str(outcome), number)
        if destination is not None:
            referrals.add(centre, period, str(destination), number)

    def per_hundred(key: Key, cube: Cube) -> dict[str, float | None]:
        children = children_of(series_children, window_children, key)
        return {"per100Children": ratio(cube.count(key), children, 100.0, 2)}

    # The referrals' total of a period is the outcomes' `referred_out` cell: one figure, hidden
    # in both tables or in neither.
    referred = TrajectoryOutcome.REFERRED_OUT.value
    forced_outcomes: set[Key] = set()
    forced_referrals: set[Key] = set()
    while True:
        outcome_indicator, outcomes_hidden = cubes.build(
            IndicatorId.TRAJECTORY_OUTCOMES,
            outcomes,
            count_measure="trajectories",
            derive=_share_of_row,
            threshold=scope.threshold,
            group_by="outcome",
            of_total=frozenset({"share"}),
            forced=forced_outcomes,
        )
        forced_referrals |= {(v, w, None) for v, w, g in outcomes_hidden if g == referred}
        referral_indicator, referrals_hidden = cubes.build(
            IndicatorId.REFERRALS,
            referrals,
            count_measure="referrals",
            derive=per_hundred,
            threshold=scope.threshold,
            group_by="destination",
            forced=forced_referrals,
        )
        more = {(v, w, referred) for v, w, g in referrals_hidden if g is None} - outcomes_hidden
        if not more:
            break
        forced_outcomes |= more
    return outcome_indicator, referral_indicator


# --- Signals -----------------------------------------------------------------------------
async def signals(session: AsyncSession, scope: Scope) -> tuple[Indicator, Indicator]:
    period_key = bucket(Signal.created_at, scope)
    trajectory = SupportTrajectory
    rows = await session.execute(
        select(
            Child.centre_id,
            period_key,
            Signal.decision,
            func.count(),
            func.count(trajectory.started_at),
            func.count(case((trajectory.status == TrajectoryStatus.CLOSED, 1))),
        )
        .join(Child, Child.id == Signal.child_id)
        .outerjoin(trajectory, trajectory.id == Signal.trajectory_id)
        .where(Signal.tenant_id == scope.tenant_id, in_window(Signal.created_at, scope))
        .group_by(Child.centre_id, period_key, Signal.decision)
    )
    decisions = scope.cube([*[d.value for d in SignalDecision], OPEN_SIGNAL])
    funnel = scope.cube(["raised", "supportRequested", "trajectoriesStarted", "trajectoriesClosed"])
    for centre, period, decision, number, started, closed in rows.all():
        decisions.add(centre, period, str(decision) if decision else OPEN_SIGNAL, number)
        funnel.add(centre, period, "raised", number)
        if decision == SignalDecision.SUPPORT_REQUESTED:
            funnel.add(centre, period, "supportRequested", number)
        funnel.add(centre, period, "trajectoriesStarted", started)
        funnel.add(centre, period, "trajectoriesClosed", closed)
    decision_indicator, _ = cubes.build(
        IndicatorId.SIGNALS,
        decisions,
        count_measure="signals",
        derive=_share_of_row,
        threshold=scope.threshold,
        group_by="decision",
        of_total=frozenset({"share"}),
    )
    return decision_indicator, _funnel(scope, funnel, decision_indicator)


def _funnel(scope: Scope, funnel: Cube, decisions: Indicator) -> Indicator:
    """Raised -> support requested -> trajectory started -> closed: each stage a subset of the
    one before, hidden where it or its step down would count a small group; the first two
    stages are the signals table's total and its `support_requested` cell, hidden as there."""
    stages = funnel.groups
    shown: dict[tuple[Any, Any, str | None], bool] = {
        (row.period, row.centre_id, row.group): row.values["signals"].suppressed
        for row in [*decisions.series, *decisions.by_centre]
    }
    series: list[Row] = []
    by_centre: list[Row] = []
    views: tuple[tuple[str, Sequence[Any]], ...] = (("s", funnel.periods), ("c", funnel.centres))
    for view, wheres in views:
        for where in wheres:
            counts = [funnel.count((view, where, stage)) for stage in stages]
            period = where if view == "s" else None
            centre = where if view == "c" else None
            forced = [
                shown.get((period, centre, None), False),
                shown.get((period, centre, SignalDecision.SUPPORT_REQUESTED.value), False),
                False,
                False,
            ]
            hidden = nested(counts, scope.threshold, forced)
            values = {
                stage: Cell(value=None, suppressed=True) if gone else Cell(value=count)
                for stage, count, gone in zip(stages, counts, hidden, strict=True)
            }
            row = Row(period=period, centre_id=centre, group=None, values=values)
            (series if view == "s" else by_centre).append(row)
    return Indicator(
        id=IndicatorId.SIGNAL_FUNNEL,
        group_by=None,
        measures=stages,
        series=series,
        by_centre=by_centre,
    )


# --- One team and caseload ---------------------------------------------------------------
def _overlaps_trajectory(period: Any) -> ColumnElement[bool]:
    return and_(
        SupportTrajectory.requested_at < period.c.ends,
        or_(SupportTrajectory.closed_at.is_(None), SupportTrajectory.closed_at >= period.c.starts),
        SupportTrajectory.status != TrajectoryStatus.CANCELLED,
    )


def _overlaps_membership(period: Any) -> ColumnElement[bool]:
    return and_(
        CareTeamMember.since_date <= period.c["last"],
        or_(CareTeamMember.until_date.is_(None), CareTeamMember.until_date >= period.c["first"]),
    )


async def _one_team_counts(
    session: AsyncSession, scope: Scope, periods: Sequence[Span], by_centre: bool
) -> dict[tuple[Any, str], dict[str, int]]:
    """Per (centre or None, period): organisations working around children with support,
    children whose care team spans organisations, team meetings held."""
    period = periods_table(periods)
    centre_column = Child.centre_id if by_centre else literal(None).label("centre")
    centres = list(scope.centres) if by_centre else list(scope.series_centres)
    working = union_all(
        select(Child.centre_id.label("centre_id"), period.c.key, SupportTrajectory.organisation_id)
        .join(Child, Child.id == SupportTrajectory.child_id)
        .join(period, _overlaps_trajectory(period))
        .where(*trajectory_filter(scope)),
        select(Child.centre_id, period.c.key, CareTeamMember.organisation_id)
        .join(Child, Child.id == CareTeamMember.child_id)
        .join(period, _overlaps_membership(period))
        .where(CareTeamMember.tenant_id == scope.tenant_id),
    ).subquery()
    found: dict[tuple[Any, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    group_centre = working.c.centre_id if by_centre else literal(None)
    for centre, key, number in (
        await session.execute(
            select(
                group_centre, working.c.key, func.count(func.distinct(working.c.organisation_id))
            )
            .where(working.c.centre_id.in_(centres))
            .group_by(group_centre, working.c.key)
        )
    ).all():
        found[(centre, key)]["organisations"] = number
    teams = (
        select(Child.centre_id.label("centre_id"), period.c.key, CareTeamMember.child_id)
        .join(Child, Child.id == CareTeamMember.child_id)
        .join(period, _overlaps_membership(period))
        .where(CareTeamMember.tenant_id == scope.tenant_id, Child.centre_id.in_(centres))
        .group_by(Child.centre_id, period.c.key, CareTeamMember.child_id)
        .having(func.count(func.distinct(CareTeamMember.organisation_id)) > 1)
        .subquery()
    )
    group_centre = teams.c.centre_id if by_centre else literal(None)
    for centre, key, number in (
        await session.execute(
            select(group_centre, teams.c.key, func.count()).group_by(group_centre, teams.c.key)
        )
    ).all():
        found[(centre, key)]["multiOrganisationTeams"] = number
    meetings = (
        select(centre_column, period.c.key, func.count())
        .select_from(TrajectoryNote)
        .join(SupportTrajectory, SupportTrajectory.id == TrajectoryNote.trajectory_id)
        .join(Child, Child.id == SupportTrajectory.child_id)
        .join(
            period,
            and_(
                TrajectoryNote.created_at >= period.c.starts,
                TrajectoryNote.created_at < period.c.ends,
            ),
        )
        .where(
            *trajectory_filter(scope),
            TrajectoryNote.kind == NoteKind.TEAM_MEETING,
            TrajectoryNote.replaces_id.is_(None),
            Child.centre_id.in_(centres),
        )
        .group_by(centre_column, period.c.key)
    )
    for centre, key, number in (await session.execute(meetings)).all():
        found[(centre, key)]["teamMeetings"] = number
    return found


async def one_team(session: AsyncSession, scope: Scope) -> Indicator:
    series_counts = await _one_team_counts(session, scope, scope.spans, by_centre=False)
    window_counts = await _one_team_counts(session, scope, [scope.window], by_centre=True)
    measures = ["organisations", "multiOrganisationTeams", "teamMeetings"]

    def values(counts: dict[str, int]) -> dict[str, Cell]:
        return {
            "organisations": Cell(value=counts.get("organisations", 0)),
            "multiOrganisationTeams": primary(
                counts.get("multiOrganisationTeams", 0), scope.threshold
            ),
            "teamMeetings": primary(counts.get("teamMeetings", 0), scope.threshold),
        }

    return Indicator(
        id=IndicatorId.ONE_TEAM,
        group_by=None,
        measures=measures,
        series=[
            Row(
                period=span.key,
                centre_id=None,
                group=None,
                values=values(series_counts[(None, span.key)]),
            )
            for span in scope.spans
        ],
        by_centre=[
            Row(
                period=None,
                centre_id=centre,
                group=None,
                values=values(window_counts[(centre, "all")]),
            )
            for centre in scope.centres
        ],
    )


async def caseload(session: AsyncSession, scope: Scope) -> list[Indicator]:
    """Open trajectories per professional and per organisation: for the centre's management
    only, over its own centres (names of colleagues, no child)."""
    series_centres = scope.series_centres & scope.managed
    if not series_centres:
        return []
    indicators = []
    for indicator, column, group_by in (
        (IndicatorId.CASELOAD, SupportTrajectory.coordinator_id, "professional"),
        (IndicatorId.CASELOAD_BY_ORGANISATION, SupportTrajectory.organisation_id, "organisation"),
    ):
        counts: dict[tuple[Any, str, str], int] = {}
        for periods, centre_key in ((scope.spans, False), ([scope.window], True)):
            period = periods_table(periods)
            centre_column = Child.centre_id if centre_key else literal(None)
            rows = await session.execute(
                select(centre_column, period.c.key, column, func.count())
                .join(Child, Child.id == SupportTrajectory.child_id)
                .join(period, _overlaps_trajectory(period))
                .where(
                    *trajectory_filter(scope),
                    column.is_not(None),
                    Child.centre_id.in_(series_centres if not centre_key else scope.managed),
                )
                .group_by(centre_column, period.c.key, column)
            )
            for centre, key, who, number in rows.all():
                counts[(centre, key, str(who))] = number
        ids = sorted({who for _, _, who in counts})
        names = await _names(session, scope.tenant_id, group_by, ids)
        ordered = sorted(ids, key=lambda who: names.get(who, ""))

        def rows_of(
            view: str,
            wheres: Sequence[Any],
            counts: dict[tuple[Any, str, str], int] = counts,
            ordered: list[str] = ordered,
            names: dict[str, str] = names,
        ) -> list[Row]:
            found = []
            for where in wheres:
                for who in ordered:
                    key = (None, where, who) if view == "s" else (where, "all", who)
                    found.append(
                        Row(
                            period=where if view == "s" else None,
                            centre_id=where if view == "c" else None,
                            group=who,
                            label=names.get(who),
                            values={"openTrajectories": Cell(value=counts.get(key, 0))},
                        )
                    )
            return found

        indicators.append(
            Indicator(
                id=indicator,
                group_by=group_by,
                measures=["openTrajectories"],
                series=rows_of("s", [span.key for span in scope.spans]),
                by_centre=rows_of("c", sorted(scope.managed, key=lambda c: scope.centres[c])),
            )
        )
    return indicators


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
