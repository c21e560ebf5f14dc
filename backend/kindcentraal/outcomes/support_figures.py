"""Support: waiting times, where support is given, how it ends, referrals out, signals and
their funnel, one team and caseload."""

import uuid
from collections import Counter
from collections.abc import Sequence
from functools import partial
from typing import Any

from sqlalchemy import (
    String,
    case,
    cast,
    func,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.child.models import Child
from kindcentraal.consent.models import TrajectoryType
from kindcentraal.outcomes import cube as cubes
from kindcentraal.outcomes.cube import Cube, Key, percentile, ratio
from kindcentraal.outcomes.roll import Roll, children_for
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
    trajectory_filter,
)
from kindcentraal.outcomes.suppression import nested
from kindcentraal.support.models import (
    ReferralDestination,
    Signal,
    SignalDecision,
    SupportTrajectory,
    TrajectoryLocation,
    TrajectoryNorm,
    TrajectoryOutcome,
    TrajectoryStatus,
)
from kindcentraal.support.waiting import DEFAULT_NORMS

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
    kind_column = cast(SupportTrajectory.type, String)  # no enum conversion per row
    requested = (
        select(SupportTrajectory)
        .join(Child, Child.id == SupportTrajectory.child_id)
        .where(*trajectory_filter(scope), in_window(SupportTrajectory.requested_at, scope))
    )
    types = [kind.value for kind in TrajectoryType]
    by_type = scope.cube(types)
    by_location = scope.cube([location.value for location in TrajectoryLocation])
    location_column = cast(SupportTrajectory.location, String)
    rows = await session.execute(
        requested.with_only_columns(
            Child.centre_id, period_key, kind_column, location_column, func.count()
        ).group_by(Child.centre_id, period_key, kind_column, location_column)
    )
    for centre, period, kind, location, number in rows.all():
        by_type.add(centre, period, kind, number)
        by_location.add(centre, period, location, number)
    # Waiting times as histograms: how many requests took 0, 1, 2... working days.
    for step, days_column in (
        ("intake", SupportTrajectory.intake_working_days),
        ("start", SupportTrajectory.start_working_days),
    ):
        rows = await session.execute(
            requested.with_only_columns(
                Child.centre_id, period_key, kind_column, days_column, func.count()
            )
            .where(days_column.is_not(None))
            .group_by(Child.centre_id, period_key, kind_column, days_column)
        )
        for centre, period, kind, days, number in rows.all():
            by_type.add_to_histogram(centre, period, f"{kind}:{step}", days, number)

    def waiting(key: Key, cube: Cube) -> dict[str, float | None]:
        view, where, group = key
        kinds = [group] if group is not None else types
        figures: dict[str, float | None] = {}
        for number, (step, title) in enumerate((("intake", "Intake"), ("start", "Start"))):
            histogram: Counter[int] = Counter()
            inside = 0
            for kind in kinds:
                own = cube.histogram((view, where, f"{kind}:{step}"))
                histogram.update(own)
                norm = norms[kind][number]
                inside += sum(n for days, n in own.items() if days <= norm)
            measured = histogram.total()
            figures[f"medianDaysTo{title}"] = percentile(histogram, 0.5)
            figures[f"p90DaysTo{title}"] = percentile(histogram, 0.9)
            figures[f"share{title}WithinNorm"] = ratio(inside, measured)
        return figures

    # Both tables count the same requests: a period's total is one figure.
    def total(key: Key) -> Key | None:
        return key if key[2] is None else None

    return cubes.build_together(
        partial(
            cubes.build,
            IndicatorId.WAITING_TIME,
            by_type,
            count_measure="requests",
            derive=waiting,
            threshold=scope.threshold,
            group_by="trajectoryType",
        ),
        partial(
            cubes.build,
            IndicatorId.SUPPORT_LOCATION,
            by_location,
            count_measure="trajectories",
            derive=_share_of_row,
            threshold=scope.threshold,
            group_by="location",
            keep=frozenset({TrajectoryLocation.IN_CENTRE}),
            of_total=frozenset({"share"}),
        ),
        into_second=total,
        into_first=total,
    )


def _share_of_row(key: Key, cube: Cube) -> dict[str, float | None]:
    view, where, group = key
    if group is None:
        return {"share": 1.0 if cube.count(key) else None}
    return {"share": ratio(cube.count(key), cube.count((view, where, None)))}


async def closed(session: AsyncSession, scope: Scope, roll: Roll) -> tuple[Indicator, Indicator]:
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
        children = children_for(roll, scope, key)
        return {"per100Children": ratio(cube.count(key), children, 100.0, 2)}

    # The referrals' total of a period is the outcomes' `referred_out` cell: one figure.
    referred = TrajectoryOutcome.REFERRED_OUT.value
    return cubes.build_together(
        partial(
            cubes.build,
            IndicatorId.TRAJECTORY_OUTCOMES,
            outcomes,
            count_measure="trajectories",
            derive=_share_of_row,
            threshold=scope.threshold,
            group_by="outcome",
            of_total=frozenset({"share"}),
            keep=frozenset({TrajectoryOutcome.REFERRED_OUT, TrajectoryOutcome.CONTINUED_IN_CENTRE}),
        ),
        partial(
            cubes.build,
            IndicatorId.REFERRALS,
            referrals,
            count_measure="referrals",
            derive=per_hundred,
            threshold=scope.threshold,
            group_by="destination",
        ),
        into_second=lambda key: (key[0], key[1], None) if key[2] == referred else None,
        into_first=lambda key: (key[0], key[1], referred) if key[2] is None else None,
    )


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
