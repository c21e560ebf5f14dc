"""The outcome report: every indicator counted by aggregate queries in the database (counts by
centre, period and group; waiting times as histograms of working days), added up and
suppressed here. No row about a child leaves the database for it."""

import uuid
from datetime import date
from typing import Any, cast

from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit import service as audit
from kindcentraal.auth.principal import Principal
from kindcentraal.consent.models import TrajectoryType
from kindcentraal.db import read_concurrently
from kindcentraal.outcomes.parents import parents
from kindcentraal.outcomes.roll import Roll, roll_of
from kindcentraal.outcomes.schemas import (
    CentreRef,
    Indicator,
    Interval,
    OutcomeReport,
    Period,
    ReportSettings,
    ReportSettingsUpdate,
)
from kindcentraal.outcomes.school_day import participation, rooms
from kindcentraal.outcomes.scope import scope_of, threshold_of
from kindcentraal.outcomes.support_figures import closed, requests, signals
from kindcentraal.outcomes.team import caseload, one_team
from kindcentraal.tenant.models import Tenant

Pair = tuple[Indicator, Indicator]


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
    scope = await scope_of(session, principal, centre_id, start, end, interval, trajectory_type)
    # Independent aggregate queries, each on a session of its own where the database can run
    # them side by side (PostgreSQL); the figures per child of the roll start once it is read.

    async def roll_and_per_child(own: AsyncSession) -> tuple[Roll, list[Any]]:
        roll = await roll_of(own, scope)
        return roll, await read_concurrently(
            session,
            lambda own: closed(own, scope, roll),
            lambda own: participation(own, scope, roll),
            lambda own: rooms(own, scope, roll),
            lambda own: parents(own, scope, roll),
        )

    (_, per_child), (waiting, location), (signal_decisions, funnel), team, caseloads = cast(
        tuple[tuple[Roll, list[Any]], Pair, Pair, Indicator, list[Indicator]],
        await read_concurrently(
            session,
            roll_and_per_child,
            lambda own: requests(own, scope),
            lambda own: signals(own, scope),
            lambda own: one_team(own, scope),
            lambda own: caseload(own, scope),
        ),
    )
    (outcomes, referrals), (taking_part, by_age), (room_use, floor_area), parent_figures = cast(
        tuple[Pair, Pair, Pair, Indicator], per_child
    )
    indicators = [
        waiting,
        location,
        outcomes,
        referrals,
        signal_decisions,
        funnel,
        team,
        *caseloads,
        taking_part,
        by_age,
        room_use,
        floor_area,
        parent_figures,
    ]
    # A statistics read: who asked for which figures, never a child.
    await audit.record_statistics_read(
        session,
        principal,
        resource="outcome-report",
        parts=sorted(indicator.id.value for indicator in indicators),
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
