"""The outcome report: every indicator counted by aggregate queries in the database (counts by
centre, period and group; waiting times as histograms of working days), added up and
suppressed here. No row about a child leaves the database for it."""

import uuid
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    Date,
    String,
    and_,
    case,
    exists,
    func,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from kindcentraal.activities.models import Activity, ActivitySession, Enrolment, EnrolmentStatus
from kindcentraal.audit import service as audit
from kindcentraal.auth.principal import Principal
from kindcentraal.careteam.models import CareTeamMember
from kindcentraal.centre.models import ChildCentre
from kindcentraal.child.models import Child, ContactPersonAssignment, Guardian
from kindcentraal.common.roles import OrganisationType, Role
from kindcentraal.consent.models import Consent, TrajectoryType
from kindcentraal.db import UTCDateTime, utcnow
from kindcentraal.errors import Forbidden, InvalidInput, NotFound
from kindcentraal.messages.models import Message, MessageThread
from kindcentraal.organisation.models import Organisation
from kindcentraal.outcomes import cube as cubes
from kindcentraal.outcomes.cube import Cube, Key, percentile, ratio
from kindcentraal.outcomes.periods import Span, default_start, spans
from kindcentraal.outcomes.schemas import (
    Cell,
    CentreRef,
    Indicator,
    IndicatorId,
    Interval,
    OutcomeReport,
    Period,
    ReportSettings,
    ReportSettingsUpdate,
    Row,
)
from kindcentraal.outcomes.suppression import nested
from kindcentraal.placement.models import Placement, PlacementKind
from kindcentraal.rooms.models import Booking, BookingStatus, Building, Holiday, Room
from kindcentraal.rooms.reports import Counter as HoursCounter
from kindcentraal.rooms.reports import _clock, norm_of, opening_hours_between
from kindcentraal.support.models import (
    CareCoordinator,
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
from kindcentraal.support.waiting import AMSTERDAM, DEFAULT_NORMS
from kindcentraal.tenant.models import Tenant
from kindcentraal.user.models import User

MAX_DAYS = 6 * 366
AGE_BANDS = (("0-3", 4), ("4-6", 7), ("7-9", 10), ("10-13", None))
OPEN_SIGNAL = "open"


# --- Settings ----------------------------------------------------------------------------
async def threshold_of(session: AsyncSession, tenant_id: uuid.UUID) -> int:
    value = await session.scalar(select(Tenant.small_cell_threshold).where(Tenant.id == tenant_id))
    return max(5, value or 10)


async def settings_of(session: AsyncSession, tenant_id: uuid.UUID) -> ReportSettings:
    return ReportSettings(small_cell_threshold=await threshold_of(session, tenant_id))


async def set_settings(
    session: AsyncSession, principal: Principal, *, data: ReportSettingsUpdate
) -> ReportSettings:
    tenant = await session.get_one(Tenant, principal.tenant_id)
    tenant.small_cell_threshold = data.small_cell_threshold
    await session.flush()
    await audit.record_write(session, principal, resource="report-settings", action="update")
    return ReportSettings(small_cell_threshold=tenant.small_cell_threshold)


# --- Who reports on what -----------------------------------------------------------------
@dataclass
class Scope:
    tenant_id: uuid.UUID
    centres: dict[uuid.UUID, str]  # the comparison: every centre of the municipality
    series_centres: set[uuid.UUID]
    managed: set[uuid.UUID]  # the caller's own centres: caseload is shown for these only
    spans: list[Span]
    window: Span
    trajectory_type: TrajectoryType | None
    threshold: int

    @property
    def first(self) -> datetime:
        return self.window.starts

    @property
    def after(self) -> datetime:
        return self.window.ends

    def cube(self, groups: Sequence[str], series_centres: set[uuid.UUID] | None = None) -> Cube:
        return Cube(
            series_centres=self.series_centres if series_centres is None else series_centres,
            periods=[span.key for span in self.spans],
            centres=list(self.centres),
            groups=list(groups),
        )


async def _scope(
    session: AsyncSession,
    principal: Principal,
    centre_id: uuid.UUID | None,
    start: date | None,
    end: date | None,
    interval: Interval,
    trajectory_type: TrajectoryType | None,
) -> Scope:
    today = utcnow().astimezone(AMSTERDAM).date()
    last = end or today
    first = start or default_start(last)
    if last < first or (last - first).days > MAX_DAYS:
        raise InvalidInput.field(
            "to", "invalidPeriod", "`to` is on or after `from`, at most six years on.", "query"
        )
    periods = spans(first, last, interval)
    centres = {
        row.id: row.name
        for row in (
            await session.execute(
                select(ChildCentre.id, ChildCentre.name)
                .where(ChildCentre.tenant_id == principal.tenant_id)
                .order_by(ChildCentre.name, ChildCentre.id)
            )
        ).all()
    }
    managed = set(principal.admin_centre_ids)
    managed |= set(
        await session.scalars(
            select(CareCoordinator.centre_id).where(
                CareCoordinator.tenant_id == principal.tenant_id,
                CareCoordinator.user_id == principal.user_id,
            )
        )
    )
    managed &= set(centres)
    reportable = set(centres) if principal.has_role(Role.MUNICIPALITY_ANALYST) else managed
    if not reportable:
        raise Forbidden(
            "The outcome reports are for the centre's management, its care coordinators and "
            "the municipality's analysts."
        )
    if centre_id is not None and centre_id not in reportable:
        raise NotFound("centre")
    return Scope(
        tenant_id=principal.tenant_id,
        centres=centres,
        series_centres={centre_id} if centre_id is not None else reportable,
        managed=managed,
        spans=periods,
        window=Span("all", first, last),
        trajectory_type=trajectory_type,
        threshold=await threshold_of(session, principal.tenant_id),
    )


# --- Periods in SQL ----------------------------------------------------------------------
def _bucket(column: Any, scope: Scope) -> ColumnElement[Any]:
    """The key of the period a moment falls in (null outside the window)."""
    return case(*[(column < span.ends, span.key) for span in scope.spans], else_=None)


def _in_window(column: Any, scope: Scope) -> ColumnElement[bool]:
    return and_(column >= scope.first, column < scope.after)


def _periods_table(periods: Sequence[Span]) -> Any:
    """The periods as a table (key, first, last, starts, ends, and the birthdays that end the
    age bands on the first day), for counts of what overlaps a period."""
    selects = []
    for span in periods:
        born_after = [
            _years_before(span.first, years) for _, years in AGE_BANDS if years is not None
        ]
        selects.append(
            select(
                literal(span.key, String).label("key"),
                literal(span.first, Date).label("first"),
                literal(span.last, Date).label("last"),
                literal(span.starts, UTCDateTime()).label("starts"),
                literal(span.ends, UTCDateTime()).label("ends"),
                *[
                    literal(day, Date).label(f"band{number}")
                    for number, day in enumerate(born_after)
                ],
            )
        )
    return union_all(*selects).cte("period")


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _trajectory_filter(scope: Scope) -> list[ColumnElement[bool]]:
    found = [SupportTrajectory.tenant_id == scope.tenant_id]
    if scope.trajectory_type is not None:
        found.append(SupportTrajectory.type == scope.trajectory_type)
    return found


# --- Support -----------------------------------------------------------------------------
async def _norms(session: AsyncSession, tenant_id: uuid.UUID) -> dict[str, tuple[int, int]]:
    norms = {kind.value: days for kind, days in DEFAULT_NORMS.items()}
    for own in await session.scalars(
        select(TrajectoryNorm).where(TrajectoryNorm.tenant_id == tenant_id)
    ):
        norms[own.type.value] = (own.intake_within_days, own.start_within_days)
    return norms


async def _requests(session: AsyncSession, scope: Scope) -> tuple[Indicator, Indicator]:
    """Waiting times per type, and where support is given, by the month of the request."""
    norms = await _norms(session, scope.tenant_id)
    bucket = _bucket(SupportTrajectory.requested_at, scope)
    rows = await session.execute(
        select(
            Child.centre_id,
            bucket,
            SupportTrajectory.type,
            SupportTrajectory.location,
            SupportTrajectory.intake_working_days,
            SupportTrajectory.start_working_days,
            func.count(),
        )
        .join(Child, Child.id == SupportTrajectory.child_id)
        .where(*_trajectory_filter(scope), _in_window(SupportTrajectory.requested_at, scope))
        .group_by(
            Child.centre_id,
            bucket,
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


async def _children(session: AsyncSession, scope: Scope, periods: Sequence[Span]) -> Cube:
    """Children of each centre per period: a placement that overlaps it."""
    period = _periods_table(periods)
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


def _children_of(series: Cube, window: Cube, key: Key) -> int:
    view, where, _ = key
    if view == "s":
        return series.count(("s", where, None))
    return window.count(("c", where, None))


async def _closed(
    session: AsyncSession, scope: Scope, series_children: Cube, window_children: Cube
) -> tuple[Indicator, Indicator]:
    """How support ended, and the referrals out per 100 children, by the month it closed."""
    bucket = _bucket(SupportTrajectory.closed_at, scope)
    rows = await session.execute(
        select(
            Child.centre_id,
            bucket,
            SupportTrajectory.outcome,
            SupportTrajectory.referral_destination,
            func.count(),
        )
        .join(Child, Child.id == SupportTrajectory.child_id)
        .where(
            *_trajectory_filter(scope),
            SupportTrajectory.status == TrajectoryStatus.CLOSED,
            _in_window(SupportTrajectory.closed_at, scope),
        )
        .group_by(
            Child.centre_id,
            bucket,
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
        children = _children_of(series_children, window_children, key)
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
async def _signals(session: AsyncSession, scope: Scope) -> tuple[Indicator, Indicator]:
    bucket = _bucket(Signal.created_at, scope)
    trajectory = SupportTrajectory
    rows = await session.execute(
        select(
            Child.centre_id,
            bucket,
            Signal.decision,
            func.count(),
            func.count(trajectory.started_at),
            func.count(case((trajectory.status == TrajectoryStatus.CLOSED, 1))),
        )
        .join(Child, Child.id == Signal.child_id)
        .outerjoin(trajectory, trajectory.id == Signal.trajectory_id)
        .where(Signal.tenant_id == scope.tenant_id, _in_window(Signal.created_at, scope))
        .group_by(Child.centre_id, bucket, Signal.decision)
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
    period = _periods_table(periods)
    centre_column = Child.centre_id if by_centre else literal(None).label("centre")
    centres = list(scope.centres) if by_centre else list(scope.series_centres)
    working = union_all(
        select(Child.centre_id.label("centre_id"), period.c.key, SupportTrajectory.organisation_id)
        .join(Child, Child.id == SupportTrajectory.child_id)
        .join(period, _overlaps_trajectory(period))
        .where(*_trajectory_filter(scope)),
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
            *_trajectory_filter(scope),
            TrajectoryNote.kind == NoteKind.TEAM_MEETING,
            TrajectoryNote.replaces_id.is_(None),
            Child.centre_id.in_(centres),
        )
        .group_by(centre_column, period.c.key)
    )
    for centre, key, number in (await session.execute(meetings)).all():
        found[(centre, key)]["teamMeetings"] = number
    return found


def _primary(value: int | None, threshold: int) -> Cell:
    if value is not None and 0 < value < threshold:
        return Cell(value=None, suppressed=True)
    return Cell(value=value)


async def _one_team(session: AsyncSession, scope: Scope) -> Indicator:
    series_counts = await _one_team_counts(session, scope, scope.spans, by_centre=False)
    window_counts = await _one_team_counts(session, scope, [scope.window], by_centre=True)
    measures = ["organisations", "multiOrganisationTeams", "teamMeetings"]

    def values(counts: dict[str, int]) -> dict[str, Cell]:
        return {
            "organisations": Cell(value=counts.get("organisations", 0)),
            "multiOrganisationTeams": _primary(
                counts.get("multiOrganisationTeams", 0), scope.threshold
            ),
            "teamMeetings": _primary(counts.get("teamMeetings", 0), scope.threshold),
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


async def _caseload(session: AsyncSession, scope: Scope) -> list[Indicator]:
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
            period = _periods_table(periods)
            centre_column = Child.centre_id if centre_key else literal(None)
            rows = await session.execute(
                select(centre_column, period.c.key, column, func.count())
                .join(Child, Child.id == SupportTrajectory.child_id)
                .join(period, _overlaps_trajectory(period))
                .where(
                    *_trajectory_filter(scope),
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


# --- The rich school day -----------------------------------------------------------------
async def _participation(
    session: AsyncSession, scope: Scope, series_children: Cube, window_children: Cube
) -> tuple[Indicator, Indicator]:
    """Children enrolled in an activity with a session in the period, by category and by age
    band (on the period's first day). A child counts once per category and once in all."""
    categories = scope.cube([])
    bands = scope.cube([name for name, _ in AGE_BANDS])
    for periods, by_centre in ((scope.spans, False), ([scope.window], True)):
        period = _periods_table(periods)
        band = case(
            *[
                (Child.date_of_birth > period.c[f"band{number}"], name)
                for number, (name, years) in enumerate(AGE_BANDS)
                if years is not None
            ],
            else_=AGE_BANDS[-1][0],
        )
        taking_part = (
            select(
                Child.centre_id.label("centre_id"),
                period.c.key.label("key"),
                Activity.category.label("category"),
                band.label("band"),
                Enrolment.child_id.label("child_id"),
            )
            .join(Activity, Activity.id == Enrolment.activity_id)
            .join(Child, Child.id == Enrolment.child_id)
            .join(ActivitySession, ActivitySession.activity_id == Activity.id)
            .join(
                period,
                and_(
                    ActivitySession.starts_at < period.c.ends,
                    ActivitySession.ends_at > period.c.starts,
                ),
            )
            .where(
                Enrolment.tenant_id == scope.tenant_id,
                Enrolment.status == EnrolmentStatus.ENROLLED,
                ActivitySession.cancelled_at.is_(None),
            )
            .distinct()
            .subquery()
        )
        for column, target in ((taking_part.c.category, categories), (taking_part.c.band, bands)):
            rows = await session.execute(
                select(
                    taking_part.c.centre_id,
                    taking_part.c.key,
                    column,
                    func.count(func.distinct(taking_part.c.child_id)),
                ).group_by(taking_part.c.centre_id, taking_part.c.key, column)
            )
            for centre, key, group, number in rows.all():
                if by_centre == (key == "all"):
                    target.add(centre, key, str(group), number)
    categories.groups = sorted({group for _, _, group in categories.counts})

    def share(key: Key, cube: Cube) -> dict[str, float | None]:
        return {
            "share": ratio(cube.count(key), _children_of(series_children, window_children, key))
        }

    category_indicator, _ = cubes.build(
        IndicatorId.PARTICIPATION,
        categories,
        count_measure="children",
        derive=share,
        threshold=scope.threshold,
        group_by="category",
        totals=False,
        # One child counts in two categories, and a period's children overlap the window's:
        # no line adds up, each cell stands alone.
        lines="none",
    )
    band_indicator, _ = cubes.build(
        IndicatorId.PARTICIPATION_BY_AGE,
        bands,
        count_measure="children",
        derive=share,
        threshold=scope.threshold,
        group_by="ageBand",
        # A child is in one band in a period, but in several periods of the window.
        lines="rows",
    )
    return category_indicator, band_indicator


# --- Housing -----------------------------------------------------------------------------
async def _rooms(session: AsyncSession, scope: Scope) -> tuple[Indicator, Indicator]:
    """Room use (hours, after school, by other organisations than the owner) and the floor
    area against the norm, per centre. Counted from bookings, which are no data about a
    child; nothing here is suppressed."""
    norm = await norm_of(session, scope.tenant_id)
    rooms = (
        await session.execute(
            select(Room, Building.centre_id)
            .join(Building, Building.id == Room.building_id)
            .where(Room.tenant_id == scope.tenant_id)
        )
    ).all()
    centre_of_room = {room.id: centre for room, centre in rooms}
    owner_of_room = {room.id: room.owner_organisation_id for room, _ in rooms}
    holidays: dict[uuid.UUID, set[date]] = defaultdict(set)
    for holiday in await session.scalars(
        select(Holiday).where(
            Holiday.tenant_id == scope.tenant_id,
            Holiday.end_date >= scope.window.first,
            Holiday.start_date <= scope.window.last,
        )
    ):
        day = max(holiday.start_date, scope.window.first)
        while day <= min(holiday.end_date, scope.window.last):
            holidays[holiday.centre_id].add(day)
            day += timedelta(days=1)
    counters: dict[tuple[uuid.UUID, str], HoursCounter] = {}
    other_hours: dict[tuple[uuid.UUID, str], float] = defaultdict(float)

    def counter(centre: uuid.UUID, span: Span) -> HoursCounter:
        key = (centre, span.key)
        if key not in counters:
            counters[key] = HoursCounter(
                _clock(norm.after_school_from),
                _clock(norm.wednesday_afternoon_from),
                holidays[centre],
                (span.starts, span.ends),
            )
        return counters[key]

    if rooms:
        bookings = await session.execute(
            select(Booking.room_id, Booking.organisation_id, Booking.starts_at, Booking.ends_at)
            .where(
                Booking.tenant_id == scope.tenant_id,
                Booking.status == BookingStatus.CONFIRMED,
                Booking.starts_at < scope.after,
                Booking.ends_at > scope.first,
            )
            .order_by(Booking.starts_at)
        )
        every = [*scope.spans, scope.window]
        for booking in bookings:
            centre = centre_of_room.get(booking.room_id)
            if centre is None:
                continue
            for span in every:
                if booking.starts_at < span.ends and booking.ends_at > span.starts:
                    before = counter(centre, span).rooms[booking.room_id].booked
                    counter(centre, span).add(booking)
                    if booking.organisation_id != owner_of_room[booking.room_id]:
                        other_hours[(centre, span.key)] += (
                            counter(centre, span).rooms[booking.room_id].booked - before
                        )
    opening: dict[tuple[uuid.UUID, str], float] = defaultdict(float)
    for room, centre in rooms:
        for span in [*scope.spans, scope.window]:
            opening[(centre, span.key)] += opening_hours_between(room, span.first, span.last) or 0.0

    def use(centres: Sequence[uuid.UUID], key: str) -> dict[str, Cell]:
        booked = after = holiday = other = hours_open = 0.0
        for centre in centres:
            found = counters.get((centre, key))
            if found is not None:
                booked += sum(room.booked for room in found.rooms.values())
                after += sum(room.after_school for room in found.rooms.values())
                holiday += sum(room.holiday for room in found.rooms.values())
            other += other_hours.get((centre, key), 0.0)
            hours_open += opening.get((centre, key), 0.0)
        return {
            "bookedHours": Cell(value=round(booked, 1)),
            "openingHours": Cell(value=round(hours_open, 1)),
            "utilisation": Cell(value=ratio(booked, hours_open)),
            "afterSchoolHours": Cell(value=round(after, 1)),
            "holidayHours": Cell(value=round(holiday, 1)),
            "doubleUse": Cell(value=ratio(other, booked)),
        }

    room_use = Indicator(
        id=IndicatorId.ROOM_USE,
        group_by=None,
        measures=[
            "bookedHours",
            "openingHours",
            "utilisation",
            "afterSchoolHours",
            "holidayHours",
            "doubleUse",
        ],
        series=[
            Row(
                period=span.key,
                centre_id=None,
                group=None,
                values=use(list(scope.series_centres), span.key),
            )
            for span in scope.spans
        ],
        by_centre=[
            Row(period=None, centre_id=centre, group=None, values=use([centre], "all"))
            for centre in scope.centres
        ],
    )
    return room_use, await _floor_area(session, scope, norm.base_m2, norm.per_pupil_m2)


async def _floor_area(
    session: AsyncSession, scope: Scope, base_m2: float, per_pupil_m2: float
) -> Indicator:
    """The normed floor area (base + m² per pupil, pupils on the period's last day) against
    the buildings' gross floor area."""
    areas: dict[uuid.UUID, float] = defaultdict(float)
    for centre, gross in (
        await session.execute(
            select(Building.centre_id, func.coalesce(func.sum(Building.gross_floor_area_m2), 0.0))
            .where(Building.tenant_id == scope.tenant_id)
            .group_by(Building.centre_id)
        )
    ).all():
        areas[centre] = float(gross or 0.0)
    pupils: dict[tuple[uuid.UUID, str], int] = defaultdict(int)
    for periods in (scope.spans, [scope.window]):
        period = _periods_table(periods)
        rows = await session.execute(
            select(Child.centre_id, period.c.key, func.count(func.distinct(Placement.child_id)))
            .join(Child, Child.id == Placement.child_id)
            .join(Organisation, Organisation.id == Placement.organisation_id)
            .join(
                period,
                and_(
                    Placement.start_date <= period.c["last"],
                    or_(Placement.end_date.is_(None), Placement.end_date >= period.c["last"]),
                ),
            )
            .where(
                Placement.tenant_id == scope.tenant_id,
                Placement.kind == PlacementKind.SCHOOL,
                Organisation.type == OrganisationType.SCHOOL,
            )
            .group_by(Child.centre_id, period.c.key)
        )
        for centre, key, number in rows.all():
            pupils[(centre, key)] = number

    def area(centres: Sequence[uuid.UUID], key: str) -> dict[str, Cell]:
        count = sum(pupils.get((centre, key), 0) for centre in centres)
        normed = sum(
            base_m2 + per_pupil_m2 * pupils.get((centre, key), 0)
            for centre in centres
            if pupils.get((centre, key), 0) or areas.get(centre)
        )
        actual = sum(areas.get(centre, 0.0) for centre in centres)
        return {
            "pupils": Cell(value=count),
            "normedM2": Cell(value=round(normed, 1)),
            "actualM2": Cell(value=round(actual, 1) if actual else None),
            "differenceM2": Cell(value=round(actual - normed, 1) if actual else None),
        }

    return Indicator(
        id=IndicatorId.FLOOR_AREA,
        group_by=None,
        measures=["pupils", "normedM2", "actualM2", "differenceM2"],
        series=[
            Row(
                period=span.key,
                centre_id=None,
                group=None,
                values=area(list(scope.series_centres), span.key),
            )
            for span in scope.spans
        ],
        by_centre=[
            Row(period=None, centre_id=centre, group=None, values=area([centre], "all"))
            for centre in scope.centres
        ],
    )


# --- Parents -----------------------------------------------------------------------------
def _hours_between(session: AsyncSession, early: Any, late: Any) -> ColumnElement[Any]:
    if session.get_bind().dialect.name == "postgresql":
        return func.floor(func.extract("epoch", late - early) / 3600)
    return func.floor((func.julianday(late) - func.julianday(early)) * 24)


async def _parents(
    session: AsyncSession, scope: Scope, series_children: Cube, window_children: Cube
) -> Indicator:
    """Contact-person coverage and consents in force on the period's last day; the median
    hours to the first answer to a question a parent started (by the month it was asked)."""
    counts: dict[tuple[uuid.UUID, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for periods in (scope.spans, [scope.window]):
        period = _periods_table(periods)
        assigned = exists().where(
            ContactPersonAssignment.child_id == Child.id,
            ContactPersonAssignment.started_at < period.c.ends,
            or_(
                ContactPersonAssignment.ended_at.is_(None),
                ContactPersonAssignment.ended_at >= period.c.ends,
            ),
        )
        current = and_(
            Child.contact_person_id.is_not(None),
            or_(Child.contact_person_since.is_(None), Child.contact_person_since < period.c.ends),
        )
        placed = exists().where(
            Placement.child_id == Child.id,
            Placement.start_date <= period.c["last"],
            or_(Placement.end_date.is_(None), Placement.end_date >= period.c["last"]),
        )
        rows = await session.execute(
            select(
                Child.centre_id,
                period.c.key,
                func.count(),
                func.count(case((or_(assigned, current), 1))),
            )
            .join(period, literal(True))
            .where(Child.tenant_id == scope.tenant_id, placed)
            .group_by(Child.centre_id, period.c.key)
        )
        for centre, key, children, covered in rows.all():
            counts[(centre, key)]["childrenAtEnd"] = children
            counts[(centre, key)]["covered"] = covered
        rows = await session.execute(
            select(Child.centre_id, period.c.key, func.count())
            .select_from(Consent)
            .join(Child, Child.id == Consent.child_id)
            .join(
                period,
                and_(
                    Consent.given_at < period.c.ends,
                    or_(Consent.withdrawn_at.is_(None), Consent.withdrawn_at >= period.c.ends),
                    or_(Consent.valid_until.is_(None), Consent.valid_until >= period.c["last"]),
                ),
            )
            .where(Consent.tenant_id == scope.tenant_id)
            .group_by(Child.centre_id, period.c.key)
        )
        for centre, key, number in rows.all():
            counts[(centre, key)]["consentsInForce"] = number
    answers = await _answers(session, scope)

    def values(centres: Sequence[uuid.UUID], key: str) -> dict[str, Cell]:
        def total(name: str) -> int:
            return sum(counts[(centre, key)].get(name, 0) for centre in centres)

        children = total("childrenAtEnd")
        histogram: Counter[int] = Counter()
        for centre in centres:
            histogram.update(answers.get((centre, key), Counter()))
        questions = sum(histogram.values())
        small = 0 < questions < scope.threshold
        return {
            "children": _primary(children, scope.threshold),
            "contactPersonCoverage": (
                Cell(value=None, suppressed=True)
                if 0 < children < scope.threshold
                else Cell(value=ratio(total("covered"), children))
            ),
            "parentQuestions": _primary(questions, scope.threshold),
            "medianHoursToFirstAnswer": (
                Cell(value=None, suppressed=True)
                if small
                else Cell(value=percentile(histogram, 0.5))
            ),
            "consentsInForce": _primary(total("consentsInForce"), scope.threshold),
        }

    return Indicator(
        id=IndicatorId.PARENTS,
        group_by=None,
        measures=[
            "children",
            "contactPersonCoverage",
            "parentQuestions",
            "medianHoursToFirstAnswer",
            "consentsInForce",
        ],
        series=[
            Row(
                period=span.key,
                centre_id=None,
                group=None,
                values=values(list(scope.series_centres), span.key),
            )
            for span in scope.spans
        ],
        by_centre=[
            Row(period=None, centre_id=centre, group=None, values=values([centre], "all"))
            for centre in scope.centres
        ],
    )


async def _answers(
    session: AsyncSession, scope: Scope
) -> dict[tuple[uuid.UUID, str], Counter[int]]:
    """Per centre and period (also "all"): a histogram of whole hours from a parent's first
    message in a thread to the first message after it by someone who is not the child's
    guardian."""
    guardian_wrote = exists().where(
        Guardian.child_id == MessageThread.child_id, Guardian.user_id == Message.author_id
    )
    asked = (
        select(
            Message.thread_id.label("thread_id"),
            MessageThread.child_id.label("child_id"),
            func.min(Message.created_at).label("asked_at"),
        )
        .join(MessageThread, MessageThread.id == Message.thread_id)
        .where(Message.tenant_id == scope.tenant_id, guardian_wrote)
        .group_by(Message.thread_id, MessageThread.child_id)
        .subquery()
    )
    answer = Message.__table__.alias("answer")
    answered_by_guardian = exists().where(
        Guardian.child_id == asked.c.child_id, Guardian.user_id == answer.c.author_id
    )
    first_answer = (
        select(
            asked.c.thread_id,
            asked.c.child_id,
            asked.c.asked_at,
            func.min(answer.c.created_at).label("answered_at"),
        )
        .join(
            answer,
            and_(answer.c.thread_id == asked.c.thread_id, answer.c.created_at > asked.c.asked_at),
        )
        .where(~answered_by_guardian, answer.c.author_id.is_not(None))
        .group_by(asked.c.thread_id, asked.c.child_id, asked.c.asked_at)
        .subquery()
    )
    hours = _hours_between(session, first_answer.c.asked_at, first_answer.c.answered_at)
    found: dict[tuple[uuid.UUID, str], Counter[int]] = defaultdict(Counter)
    bucket = _bucket(first_answer.c.asked_at, scope)
    rows = await session.execute(
        select(Child.centre_id, bucket, hours, func.count())
        .join(Child, Child.id == first_answer.c.child_id)
        .where(_in_window(first_answer.c.asked_at, scope))
        .group_by(Child.centre_id, bucket, hours)
    )
    for centre, key, whole_hours, number in rows.all():
        found[(centre, key)][int(whole_hours)] += number
        found[(centre, "all")][int(whole_hours)] += number
    return found


# --- The report --------------------------------------------------------------------------
async def outcome_report(
    session: AsyncSession,
    principal: Principal,
    *,
    centre_id: uuid.UUID | None,
    start: date | None,
    end: date | None,
    interval: Interval,
    trajectory_type: TrajectoryType | None,
) -> OutcomeReport:
    scope = await _scope(session, principal, centre_id, start, end, interval, trajectory_type)
    series_children = await _children(session, scope, scope.spans)
    window_children = await _children(session, scope, [scope.window])
    waiting, location = await _requests(session, scope)
    outcomes, referrals = await _closed(session, scope, series_children, window_children)
    signals, funnel = await _signals(session, scope)
    participation, by_age = await _participation(session, scope, series_children, window_children)
    room_use, floor_area = await _rooms(session, scope)
    indicators = [
        waiting,
        location,
        outcomes,
        referrals,
        signals,
        funnel,
        await _one_team(session, scope),
        *await _caseload(session, scope),
        participation,
        by_age,
        room_use,
        floor_area,
        await _parents(session, scope, series_children, window_children),
    ]
    # A statistics read: who asked for which figures, never a child.
    await audit.record(
        session,
        audit.actor_of(principal),
        resource="outcome-report",
        action="read",
        parts=sorted(indicator.id.value for indicator in indicators),
        basis="statistics",
    )
    return OutcomeReport(
        centre_id=centre_id,
        from_=scope.window.first,
        to=scope.window.last,
        interval=interval,
        trajectory_type=trajectory_type.value if trajectory_type else None,
        small_cell_threshold=scope.threshold,
        periods=[Period(key=span.key, from_=span.first, to=span.last) for span in scope.spans],
        centres=[CentreRef(centre_id=centre, name=name) for centre, name in scope.centres.items()],
        indicators=indicators,
    )
