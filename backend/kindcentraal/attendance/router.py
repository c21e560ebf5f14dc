import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from kindcentraal.attendance import day as days
from kindcentraal.attendance import service
from kindcentraal.attendance.schemas import (
    AbsenceCreate,
    AbsenceRead,
    ChildDay,
    DailyAttendanceBulk,
    DailyAttendanceBulkResult,
    DailyAttendanceRead,
    DailyAttendanceUpdate,
    GroupDay,
)
from kindcentraal.auth.dependencies import SessionDep, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.common.responses import problems
from kindcentraal.common.roles import Role
from kindcentraal.common.schemas import IsoDate
from kindcentraal.common.scopes import ApiScope
from kindcentraal.policy.registry import declare
from kindcentraal.rooms.recurrence import local_today

router = APIRouter(tags=["attendance"])
ChildId = Annotated[uuid.UUID, Path(alias="childId")]
GroupId = Annotated[uuid.UUID, Path(alias="groupId")]
AbsenceId = Annotated[uuid.UUID, Path(alias="absenceId")]
DayParam = Annotated[IsoDate | None, Query(alias="date", description="Default: today (local).")]

REPORT_ABSENCE = declare(
    "absences.create",
    resource="absence",
    action="create",
    rows="the caller's children (parental authority); the child's school and childcare staff "
    "and contact person, noting a parent's call",
)
LIST_ABSENCES = declare(
    "absences.list", resource="absence", action="list", rows="anyone with a relation to the child"
)
WITHDRAW_ABSENCE = declare(
    "absences.withdraw",
    resource="absence",
    action="withdraw",
    rows="as reporting",
)
DAILY_ATTENDANCE = declare(
    "daily-attendance.update",
    client_scope=ApiScope.ATTENDANCE_WRITE,
    resource="daily-attendance",
    action="update",
    rows="staff of an organisation placing the child (school, BSO); centre admins",
)
DAILY_ATTENDANCE_BULK = declare(
    "daily-attendance.bulk",
    client_scope=ApiScope.ATTENDANCE_WRITE,
    resource="daily-attendance",
    action="bulk",
    roles=frozenset({Role.CENTRE_ADMIN, Role.ORG_ADMIN, Role.STAFF}),
    rows="as daily-attendance.update, for every item; one wrong item fails them all",
)
CHILD_DAY = declare(
    "day.child", resource="day", action="read", rows="anyone with a relation to the child"
)
GROUP_DAY = declare(
    "day.group",
    resource="day",
    action="list",
    rows="the group's organisation's staff and the centre's administrators; the children the "
    "caller sees",
)


def _today(asked: date | None) -> date:
    return asked or local_today()


@router.post(
    "/children/{childId}/absences",
    status_code=201,
    response_model=AbsenceRead,
    responses=problems(400, 401, 403, 404),
)
async def report_absence(
    child_id: ChildId,
    body: AbsenceCreate,
    principal: Annotated[Principal, Depends(guard(REPORT_ABSENCE))],
    session: SessionDep,
) -> AbsenceRead:
    """Report an absence for a day or a period; it reaches the teacher, the BSO and the
    activities' staff on their lists for those days."""
    return await service.report_absence(session, principal, child_id=child_id, data=body)


@router.get(
    "/children/{childId}/absences",
    response_model=list[AbsenceRead],
    responses=problems(400, 401, 404),
)
async def list_absences(
    child_id: ChildId,
    principal: Annotated[Principal, Depends(guard(LIST_ABSENCES))],
    session: SessionDep,
    from_: Annotated[IsoDate | None, Query(alias="from")] = None,
    to: IsoDate | None = None,
) -> list[AbsenceRead]:
    """The child's absence reports, the latest first."""
    return await service.list_absences(session, principal, child_id=child_id, start=from_, end=to)


@router.post(
    "/children/{childId}/absences/{absenceId}/withdrawal",
    response_model=AbsenceRead,
    responses=problems(400, 401, 403, 404, 409),
)
async def withdraw_absence(
    child_id: ChildId,
    absence_id: AbsenceId,
    principal: Annotated[Principal, Depends(guard(WITHDRAW_ABSENCE))],
    session: SessionDep,
) -> AbsenceRead:
    """The child comes after all."""
    return await service.withdraw_absence(
        session, principal, child_id=child_id, absence_id=absence_id
    )


@router.put(
    "/children/{childId}/daily-attendance/{date}",
    response_model=DailyAttendanceRead,
    responses=problems(400, 401, 403, 404),
)
async def record_daily_attendance(
    child_id: ChildId,
    day: Annotated[IsoDate, Path(alias="date")],
    body: DailyAttendanceUpdate,
    principal: Annotated[Principal, Depends(guard(DAILY_ATTENDANCE))],
    session: SessionDep,
) -> DailyAttendanceRead:
    """Check the child in or out for the day at the school or the BSO."""
    return await service.record_daily_attendance(
        session, principal, child_id=child_id, day=day, data=body
    )


@router.post(
    "/daily-attendance/bulk",
    response_model=DailyAttendanceBulkResult,
    responses=problems(400, 401, 403),
)
async def record_daily_attendance_bulk(
    body: DailyAttendanceBulk,
    principal: Annotated[Principal, Depends(guard(DAILY_ATTENDANCE_BULK))],
    session: SessionDep,
) -> DailyAttendanceBulkResult:
    """Check in or out up to 500 child-days at once (a childcare system's sync). All or
    nothing: a 400 lists every wrong item by index and field, and nothing is stored."""
    items = await service.record_daily_attendance_bulk(session, principal, items=body.items)
    return DailyAttendanceBulkResult(items=items)


@router.get("/children/{childId}/day", response_model=ChildDay, responses=problems(400, 401, 404))
async def child_day(
    child_id: ChildId,
    principal: Annotated[Principal, Depends(guard(CHILD_DAY))],
    session: SessionDep,
    day: DayParam = None,
) -> ChildDay:
    """Who has the child when, in order: school, activities, BSO, support sessions, and any
    absence reported; each with who is responsible and where."""
    return await days.child_day(session, principal, child_id=child_id, day=_today(day))


@router.get("/groups/{groupId}/day", response_model=GroupDay, responses=problems(400, 401, 404))
async def group_day(
    group_id: GroupId,
    principal: Annotated[Principal, Depends(guard(GROUP_DAY))],
    session: SessionDep,
    day: DayParam = None,
) -> GroupDay:
    """The group's day ("Vandaag"): who goes where after school, and who is absent."""
    return await days.group_day(session, principal, group_id=group_id, day=_today(day))
