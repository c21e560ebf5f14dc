"""The outcome reports: aggregates for the centre's management and the municipality."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from kindcentraal.auth.dependencies import SessionDep, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.common.responses import problems
from kindcentraal.common.roles import Role
from kindcentraal.common.schemas import IsoDate
from kindcentraal.consent.models import TrajectoryType
from kindcentraal.outcomes import service
from kindcentraal.outcomes.schemas import (
    Interval,
    OutcomeReport,
    ReportSettings,
    ReportSettingsUpdate,
)
from kindcentraal.policy.registry import declare

router = APIRouter(tags=["outcomes"])

READ_OUTCOMES = declare(
    "reports.outcomes",
    resource="outcome-report",
    action="read",
    rows="aggregates of every centre (analysts) or of the centres the caller administers or "
    "coordinates care in; counts under the tenant's threshold suppressed; caseload: the "
    "centre's management only",
)
READ_SETTINGS = declare(
    "report-settings.read", resource="report-settings", action="read", rows="the tenant's"
)
SET_SETTINGS = declare(
    "report-settings.update",
    resource="report-settings",
    action="update",
    roles=frozenset({Role.CENTRE_ADMIN}),
    rows="the tenant's",
)


@router.get(
    "/reports/outcomes",
    response_model=OutcomeReport,
    responses=problems(400, 401, 403, 404),
)
async def outcomes(
    principal: Annotated[Principal, Depends(guard(READ_OUTCOMES))],
    session: SessionDep,
    centre_id: Annotated[
        uuid.UUID | None,
        Query(alias="centreId", description="One centre; left out: every centre reported on."),
    ] = None,
    from_: Annotated[
        IsoDate | None,
        Query(alias="from", description="Default: 1 August two school years back."),
    ] = None,
    to: Annotated[IsoDate | None, Query(description="Default: today.")] = None,
    interval: Interval = Interval.SCHOOL_YEAR,
    trajectory_type: Annotated[TrajectoryType | None, Query(alias="trajectoryType")] = None,
) -> OutcomeReport:
    """Does the centre deliver? Waiting times, support inside the centre, referrals out,
    early signals, one team, caseload, the rich school day, housing and parents, each as a
    series over the periods and as a comparison between centres. Aggregates only, counted in
    the database; counts of children under the threshold are suppressed, with as many other
    cells as it takes to keep them from being worked out from the totals."""
    return await service.outcome_report(
        session,
        principal,
        centre_id=centre_id,
        start=from_,
        end=to,
        interval=interval,
        trajectory_type=trajectory_type,
    )


@router.get("/report-settings", response_model=ReportSettings, responses=problems(401))
async def read_report_settings(
    principal: Annotated[Principal, Depends(guard(READ_SETTINGS))], session: SessionDep
) -> ReportSettings:
    """The smallest count of children the outcome reports publish."""
    return await service.settings_of(session, principal.tenant_id)


@router.put("/report-settings", response_model=ReportSettings, responses=problems(400, 401, 403))
async def update_report_settings(
    body: ReportSettingsUpdate,
    principal: Annotated[Principal, Depends(guard(SET_SETTINGS))],
    session: SessionDep,
) -> ReportSettings:
    """Set the threshold: 5 at the least (the statistical offices' own minimum)."""
    return await service.set_settings(session, principal, data=body)
