"""Absence reports by guardians, and the daily check-in and check-out at school and BSO."""

import uuid
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.attendance import policy
from kindcentraal.attendance.models import Absence, DailyAttendance
from kindcentraal.attendance.schemas import (
    AbsenceCreate,
    AbsenceRead,
    DailyAttendanceItem,
    DailyAttendanceRead,
    DailyAttendanceUpdate,
)
from kindcentraal.auth.principal import Principal
from kindcentraal.child import service as child_service
from kindcentraal.common.bulk import BulkErrors
from kindcentraal.errors import Conflict, Forbidden, InvalidInput, NotFound
from kindcentraal.rooms.recurrence import AMSTERDAM, local_today
from kindcentraal.user.models import User


def _read(absence: Absence, reporter: str | None) -> AbsenceRead:
    return AbsenceRead(
        id=absence.id,
        child_id=absence.child_id,
        from_=absence.from_date,
        to=absence.to_date,
        reason=absence.reason,
        note=absence.note,
        reported_by_name=reporter,
        created_at=absence.created_at,
        withdrawn=absence.withdrawn_at is not None,
    )


async def report_absence(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID, data: AbsenceCreate
) -> AbsenceRead:
    """One report reaches everyone who has the child on those days: the group's day list
    (teacher, BSO) and the attendance list of each activity session."""
    child, relations = await child_service.access_child(
        session,
        principal,
        child_id=child_id,
        resource="absence",
        action="create",
        ensure=policy.ensure_can_report_absence,
    )
    if data.from_ < local_today():
        raise InvalidInput.field("from", "inThePast", "Report an absence from today on.")
    absence = Absence(
        tenant_id=principal.tenant_id,
        child_id=child.id,
        from_date=data.from_,
        to_date=data.to,
        reason=data.reason,
        note=data.note,
        reported_by_id=principal.user_id,
    )
    session.add(absence)
    await session.flush()
    await child_service.log_access(
        session, principal, relations, child.id, resource="absence", action="create"
    )
    reporter = await session.scalar(select(User.display_name).where(User.id == principal.user_id))
    return _read(absence, reporter)


async def list_absences(
    session: AsyncSession,
    principal: Principal,
    *,
    child_id: uuid.UUID,
    start: date | None,
    end: date | None,
) -> list[AbsenceRead]:
    _, relations = await child_service.access_child(
        session, principal, child_id=child_id, resource="absence", action="list"
    )
    await child_service.log_access(
        session, principal, relations, child_id, resource="absence", action="list"
    )
    return await absences_of(
        session, tenant_id=principal.tenant_id, child_id=child_id, start=start, end=end
    )


async def absences_of(
    session: AsyncSession,
    *,
    tenant_id: uuid.UUID,
    child_id: uuid.UUID,
    start: date | None = None,
    end: date | None = None,
) -> list[AbsenceRead]:
    """A child's absences, the latest first; the caller checked access and logs it."""
    statement = (
        select(Absence, User.display_name)
        .outerjoin(User, User.id == Absence.reported_by_id)
        .where(Absence.child_id == child_id, Absence.tenant_id == tenant_id)
        .order_by(Absence.from_date.desc(), Absence.created_at.desc())
    )
    if start is not None:
        statement = statement.where(Absence.to_date >= start)
    if end is not None:
        statement = statement.where(Absence.from_date <= end)
    return [_read(a, name) for a, name in (await session.execute(statement.limit(200))).all()]


async def withdraw_absence(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID, absence_id: uuid.UUID
) -> AbsenceRead:
    """The child comes after all."""
    _, relations = await child_service.access_child(
        session,
        principal,
        child_id=child_id,
        resource="absence",
        action="withdraw",
        ensure=policy.ensure_can_report_absence,
    )
    absence = await session.scalar(
        select(Absence).where(
            Absence.id == absence_id,
            Absence.child_id == child_id,
            Absence.tenant_id == principal.tenant_id,
        )
    )
    if absence is None:
        raise NotFound("absence")
    if absence.withdrawn_at is not None:
        raise Conflict("The absence report is already withdrawn.")
    absence.withdrawn_at = datetime.now(UTC)
    await session.flush()
    await child_service.log_access(
        session, principal, relations, child_id, resource="absence", action="withdraw"
    )
    reporter = await session.scalar(
        select(User.display_name).where(User.id == absence.reported_by_id)
    )
    return _read(absence, reporter)


async def record_daily_attendance(
    session: AsyncSession,
    principal: Principal,
    *,
    child_id: uuid.UUID,
    day: date,
    data: DailyAttendanceUpdate,
) -> DailyAttendanceRead:
    """Check in or out at the caller's organisation that places the child."""
    _, relations = await child_service.access_child(
        session,
        principal,
        child_id=child_id,
        resource="daily-attendance",
        action="update",
        ensure=policy.ensure_checks_in,
    )
    own = relations.own_placing_organisation_ids
    if data.organisation_id is not None:
        if data.organisation_id not in own and not relations.is_centre_admin:
            raise Forbidden("You check children in only at your own organisation.")
        if data.organisation_id not in relations.placing_organisation_ids:
            raise InvalidInput.field(
                "organisationId", "notPlaced", "The child is not placed at this organisation."
            )
        organisation_id = data.organisation_id
    elif len(own) == 1:
        (organisation_id,) = own
    else:
        raise InvalidInput.field(
            "organisationId", "organisationRequired", "Say at which organisation."
        )
    row = await session.scalar(
        select(DailyAttendance).where(
            DailyAttendance.child_id == child_id,
            DailyAttendance.organisation_id == organisation_id,
            DailyAttendance.day == day,
        )
    )
    if row is None:
        row = DailyAttendance(
            tenant_id=principal.tenant_id,
            child_id=child_id,
            organisation_id=organisation_id,
            day=day,
            recorded_by_id=principal.user_id,
        )
        session.add(row)
    fields = data.model_fields_set
    if "checked_in_at" in fields:
        row.checked_in_at = data.checked_in_at
    if "checked_out_at" in fields:
        row.checked_out_at = data.checked_out_at
    for moment, name in ((row.checked_in_at, "checkedInAt"), (row.checked_out_at, "checkedOutAt")):
        if moment is not None and moment.astimezone(AMSTERDAM).date() != day:
            raise InvalidInput.field(name, "otherDay", "The time is not on this day.")
    if (
        row.checked_in_at is not None
        and row.checked_out_at is not None
        and row.checked_out_at < row.checked_in_at
    ):
        raise InvalidInput.field("checkedOutAt", "beforeCheckIn", "Out is before in.")
    row.recorded_by_id = principal.user_id
    await session.flush()
    await child_service.log_access(
        session, principal, relations, child_id, resource="daily-attendance", action="update"
    )
    return DailyAttendanceRead.model_validate(row)


async def record_daily_attendance_bulk(
    session: AsyncSession, principal: Principal, *, items: list[DailyAttendanceItem]
) -> list[DailyAttendanceRead]:
    """Check in or out up to 500 child-days as one unit: one wrong item fails them all, with
    every wrong item's index and field, and nothing is stored."""
    errors = BulkErrors()
    recorded: list[DailyAttendanceRead] = []
    for index, item in enumerate(items):
        try:
            recorded.append(
                await record_daily_attendance(
                    session, principal, child_id=item.child_id, day=item.day, data=item
                )
            )
        except InvalidInput as exc:
            errors.add(index, exc, "")
        except NotFound as exc:
            errors.add(index, exc, "childId")
        except Forbidden as exc:
            errors.add(index, exc, "organisationId")
    errors.raise_any()
    return recorded
