"""A day reads the same through the driver (a GET's driver reads) as through the session (a
unit of work that may write): placements, check-ins, activity attendance, support sessions and
absences, with the enums as the API's strings, for a coordinator and a parent."""

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from kindcentraal.activities.models import (
    ActivitySession,
    Enrolment,
    EnrolmentStatus,
    SessionAttendance,
    SessionAttendanceStatus,
)
from kindcentraal.attendance import day as days
from kindcentraal.attendance.models import Absence, AbsenceReason, DailyAttendance
from kindcentraal.auth import service as auth_service
from kindcentraal.auth.models import AuthSession
from kindcentraal.auth.principal import Principal
from kindcentraal.auth.tokens import AccessClaims
from kindcentraal.child.models import Child
from kindcentraal.driver_reads import READER, ConnectionReader
from kindcentraal.placement.models import Placement, PlacementKind
from kindcentraal.rooms.recurrence import AMSTERDAM
from kindcentraal.seed.demo import seed
from kindcentraal.support.models import (
    Attendance,
    SessionLocation,
    SupportTrajectory,
    TrajectorySession,
)
from kindcentraal.user.models import User


async def _principal(session: AsyncSession, email: str) -> Principal:
    user = (await session.scalars(select(User).where(User.email == email))).one()
    login = AuthSession(tenant_id=user.tenant_id, user_id=user.id)
    session.add(login)
    await session.flush()
    claims = AccessClaims(
        user_id=user.id,
        tenant_id=user.tenant_id,
        session_id=login.id,
        expires_at=datetime.now(UTC) + timedelta(hours=1),
    )
    principal = await auth_service.load_principal(session, claims=claims)
    assert principal is not None
    return principal


async def _a_full_day(session: AsyncSession) -> date:
    """A school day of the demo with an activity session, and on it: a mark at that session,
    check-ins and a check-out, an absence, and support sessions at home and at a partner."""
    meeting, child_id = (
        await session.execute(
            select(ActivitySession, Enrolment.child_id)
            .join(Enrolment, Enrolment.activity_id == ActivitySession.activity_id)
            .where(
                Enrolment.status == EnrolmentStatus.ENROLLED,
                ActivitySession.cancelled_at.is_(None),
                ActivitySession.starts_at > datetime.now(UTC) + timedelta(days=1),
            )
            .order_by(ActivitySession.starts_at)
            .limit(1)
        )
    ).one()
    day = meeting.starts_at.astimezone(AMSTERDAM).date()
    tenant = meeting.tenant_id
    recorder = (await session.scalars(select(User.id).limit(1))).one()
    session.add(
        SessionAttendance(
            tenant_id=tenant,
            session_id=meeting.id,
            child_id=child_id,
            status=SessionAttendanceStatus.PRESENT,
            recorded_by_id=recorder,
        )
    )
    schools = (
        await session.execute(
            select(Placement.child_id, Placement.organisation_id)
            .where(Placement.kind == PlacementKind.SCHOOL, Placement.child_id != child_id)
            .order_by(Placement.child_id)
            .limit(3)
        )
    ).all()
    morning = datetime.combine(day, time(8, 20), AMSTERDAM)
    for index, (pupil, school) in enumerate(schools):
        session.add(
            DailyAttendance(
                tenant_id=tenant,
                child_id=pupil,
                organisation_id=school,
                day=day,
                checked_in_at=morning,
                checked_out_at=morning + timedelta(hours=6) if index == 0 else None,
                recorded_by_id=recorder,
            )
        )
    session.add(
        Absence(
            tenant_id=tenant,
            child_id=schools[-1][0],
            from_date=day,
            to_date=day,
            reason=AbsenceReason.APPOINTMENT,
            reported_by_id=recorder,
        )
    )
    # A trajectory of a child of the same centre (the demo has a second centre, whose
    # support the centre's care coordinator does not see).
    centre = select(Child.centre_id).where(Child.id == child_id).scalar_subquery()
    trajectory = (
        await session.scalars(
            select(SupportTrajectory)
            .join(Child, Child.id == SupportTrajectory.child_id)
            .where(Child.centre_id == centre)
            .order_by(SupportTrajectory.id)
            .limit(1)
        )
    ).one()
    for hour, detail in ((10, None), (13, "Praktijk De Linde")):
        starts = datetime.combine(day, time(hour), AMSTERDAM)
        session.add(
            TrajectorySession(
                tenant_id=tenant,
                trajectory_id=trajectory.id,
                professional_id=recorder,
                starts_at=starts,
                ends_at=starts + timedelta(minutes=45),
                location=SessionLocation.HOME if detail is None else SessionLocation.PARTNER,
                location_detail=detail,
                attendance=Attendance.PLANNED,
            )
        )
    await session.flush()
    return day


async def _both_ways(
    session: AsyncSession,
    connection: AsyncConnection,
    principal: Principal,
    children: list[days.DayChild],
    day: date,
) -> tuple[list[Any], list[Any]]:
    """The children's days as JSON: through the session, and through the driver."""
    through_session = await days.days_of(session, principal, children, day)
    session.info[READER] = ConnectionReader(connection)
    try:
        through_driver = await days.days_of(session, principal, children, day)
    finally:
        del session.info[READER]

    def dumped(found: dict[Any, list[days.DayEntry]]) -> list[Any]:
        return [[e.model_dump(mode="json") for e in found[c.id]] for c in children]

    return dumped(through_session), dumped(through_driver)


async def test_a_day_reads_the_same_through_the_driver_and_the_session(
    session: AsyncSession, connection: AsyncConnection
) -> None:
    await seed(session, history=False)
    day = await _a_full_day(session)
    children = [
        days.DayChild(row.id, row.centre_id, row.group_id, f"{row.given_name} {row.family_name}")
        for row in await session.execute(
            select(
                Child.id, Child.centre_id, Child.group_id, Child.given_name, Child.family_name
            ).order_by(Child.id)
        )
    ]
    coordinator = await _principal(session, "ib@regenboog.demo")
    through_session, through_driver = await _both_ways(
        session, connection, coordinator, children, day
    )
    assert through_driver == through_session
    entries = [entry for child in through_driver for entry in child]
    assert {e["kind"] for e in entries} >= {"school", "activity", "support_session", "absence"}
    assert {e["attendance"] for e in entries} >= {"checked_in", "checked_out", "present"}
    assert {e["absenceReason"] for e in entries} >= {"appointment"}
    support = [e["where"]["name"] for e in entries if e["kind"] == "support_session"]
    assert {"home", "Praktijk De Linde"} <= set(support)

    # A parent sees the support sessions of their own children only; the rest is the same.
    parent = await _principal(session, "ouder@regenboog.demo")
    through_session, through_driver = await _both_ways(session, connection, parent, children, day)
    assert through_driver == through_session
