"""One day per child: who has the child when, and where.

School hours come from the school placement and the centre's school times (not on holidays and
study days); activities from the enrolments; BSO and daycare from the childcare placement's
weekdays and times; support sessions from the trajectories the caller may see; and any absence
reported. Every part is read for all children of a list at once (a group's day is one set of
queries, not one per child). Times are local (Europe/Amsterdam) wall-clock times made exact
for that date, so a day across a daylight-saving change is right.
"""

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.activities.models import (
    Activity,
    ActivitySession,
    Enrolment,
    EnrolmentStatus,
    SessionAttendance,
)
from kindcentraal.attendance import policy
from kindcentraal.attendance.models import Absence, DailyAttendance
from kindcentraal.attendance.schemas import (
    ChildDay,
    DayEntry,
    GroupChildDay,
    GroupDay,
    Place,
    Responsible,
)
from kindcentraal.auth.principal import Principal
from kindcentraal.centre.models import ChildCentre
from kindcentraal.child import policy as child_policy
from kindcentraal.child import service as child_service
from kindcentraal.child.models import Child
from kindcentraal.errors import NotFound
from kindcentraal.group.models import Group, GroupKind
from kindcentraal.organisation.models import Organisation
from kindcentraal.placement.models import Placement, PlacementKind
from kindcentraal.rooms.models import Booking, BookingStatus, Building, Holiday, Room
from kindcentraal.rooms.recurrence import AMSTERDAM, local_days
from kindcentraal.rooms.schemas import WEEKDAYS
from kindcentraal.support import policy as support_policy
from kindcentraal.support.models import SupportTrajectory, TrajectorySession
from kindcentraal.user.models import User

DEFAULT_SCHOOL_HOURS: dict[str, dict[str, str]] = {
    "monday": {"opens": "08:30", "closes": "14:30"},
    "tuesday": {"opens": "08:30", "closes": "14:30"},
    "wednesday": {"opens": "08:30", "closes": "12:30"},
    "thursday": {"opens": "08:30", "closes": "14:30"},
    "friday": {"opens": "08:30", "closes": "14:30"},
}
BSO_UNTIL = "18:30"
BSO_HOLIDAY_FROM = "08:00"  # after-school care takes the whole day in the holidays
CHILDCARE_HOURS = ("07:30", "18:30")


@dataclass(frozen=True)
class DayChild:
    id: uuid.UUID
    centre_id: uuid.UUID
    group_id: uuid.UUID | None
    name: str


def _at(day: date, clock: str) -> datetime:
    """A local wall-clock time on that date, in UTC like every other time in the API."""
    hours, minutes = (int(part) for part in clock.split(":"))
    return datetime.combine(day, time(hours, minutes), tzinfo=AMSTERDAM).astimezone(UTC)


def _placed_on(placement: Placement, weekday: str) -> bool:
    return not placement.days or weekday in placement.days


async def days_of(
    session: AsyncSession, principal: Principal, children: Sequence[DayChild], day: date
) -> dict[uuid.UUID, list[DayEntry]]:
    """The entries of each child's day, in order: an absence first, then by start."""
    if not children:
        return {}
    ids = [c.id for c in children]
    weekday = WEEKDAYS[day.weekday()]
    start, end = local_days(day, day)
    tenant = principal.tenant_id

    centre_ids = {c.centre_id for c in children}
    school_hours = {
        centre_id: hours or DEFAULT_SCHOOL_HOURS
        for centre_id, hours in (
            await session.execute(
                select(ChildCentre.id, ChildCentre.school_hours).where(
                    ChildCentre.id.in_(centre_ids)
                )
            )
        ).all()
    }
    on_holiday = set(
        await session.scalars(
            select(Holiday.centre_id).where(
                Holiday.tenant_id == tenant,
                Holiday.centre_id.in_(centre_ids),
                Holiday.start_date <= day,
                Holiday.end_date >= day,
            )
        )
    )
    group_names = dict(
        (
            await session.execute(
                select(Group.id, Group.name).where(
                    Group.id.in_({c.group_id for c in children if c.group_id})
                )
            )
        ).all()
    )
    placements = (
        await session.execute(
            select(Placement, Organisation.name)
            .join(Organisation, Organisation.id == Placement.organisation_id)
            .where(
                Placement.child_id.in_(ids),
                Placement.tenant_id == tenant,
                Placement.start_date <= day,
                or_(Placement.end_date.is_(None), Placement.end_date >= day),
            )
        )
    ).all()
    absences: dict[uuid.UUID, Absence] = {}
    for absence in await session.scalars(
        select(Absence)
        .where(
            Absence.child_id.in_(ids),
            Absence.tenant_id == tenant,
            Absence.from_date <= day,
            Absence.to_date >= day,
            Absence.withdrawn_at.is_(None),
        )
        .order_by(Absence.created_at)
    ):
        absences[absence.child_id] = absence
    checked = {
        (row.child_id, row.organisation_id): row
        for row in await session.scalars(
            select(DailyAttendance).where(
                DailyAttendance.child_id.in_(ids), DailyAttendance.day == day
            )
        )
    }

    entries: dict[uuid.UUID, list[DayEntry]] = defaultdict(list)
    by_id = {c.id: c for c in children}
    for placement, organisation_name in placements:
        child = by_id[placement.child_id]
        responsible = Responsible(
            organisation_id=placement.organisation_id,
            organisation_name=organisation_name,
            person_name=None,
        )
        times = _placement_times(
            placement,
            weekday,
            school_hours.get(child.centre_id, DEFAULT_SCHOOL_HOURS),
            holiday=child.centre_id in on_holiday,
        )
        if times is None:
            continue
        kind, title, opens, closes = times
        group = group_names.get(child.group_id) if child.group_id is not None else None
        # A school day happens in the child's class; other care at the organisation.
        place = group if kind == "school" and group else organisation_name
        entries[child.id].append(
            DayEntry(
                kind=kind,
                title=f"{title}, {group}" if kind == "school" and group else title,
                starts_at=_at(day, opens),
                ends_at=_at(day, closes),
                responsible=responsible,
                where=Place(room_id=None, name=place, building_name=None),
                absent=child.id in absences,
                attendance=_checked(checked.get((child.id, placement.organisation_id))),
            )
        )

    for row in (
        await session.execute(
            select(
                Enrolment.child_id,
                ActivitySession,
                Activity.title,
                Activity.organisation_id,
                Organisation.name,
                Room.name,
                Building.name,
                SessionAttendance.status,
            )
            .join(Activity, Activity.id == Enrolment.activity_id)
            .join(ActivitySession, ActivitySession.activity_id == Activity.id)
            .join(Organisation, Organisation.id == Activity.organisation_id)
            .outerjoin(Room, Room.id == ActivitySession.room_id)
            .outerjoin(Building, Building.id == Room.building_id)
            .outerjoin(Booking, Booking.id == ActivitySession.booking_id)
            .outerjoin(
                SessionAttendance,
                (SessionAttendance.session_id == ActivitySession.id)
                & (SessionAttendance.child_id == Enrolment.child_id),
            )
            .where(
                Enrolment.child_id.in_(ids),
                Enrolment.tenant_id == tenant,
                Enrolment.status == EnrolmentStatus.ENROLLED,
                ActivitySession.starts_at < end,
                ActivitySession.ends_at > start,
                ActivitySession.cancelled_at.is_(None),
                or_(Booking.id.is_(None), Booking.status != BookingStatus.CANCELLED),
            )
        )
    ).all():
        child_id, meeting, title, organisation_id, organisation, room, building, marked = row
        entries[child_id].append(
            DayEntry(
                kind="activity",
                title=title,
                starts_at=meeting.starts_at,
                ends_at=meeting.ends_at,
                responsible=Responsible(
                    organisation_id=organisation_id,
                    organisation_name=organisation,
                    person_name=None,
                ),
                where=Place(room_id=meeting.room_id, name=room or "", building_name=building)
                if meeting.room_id
                else None,
                absent=child_id in absences,
                attendance=marked.value if marked is not None else None,
                activity_id=meeting.activity_id,
                session_id=meeting.id,
            )
        )

    for row in await _support_sessions(session, principal, ids, start, end):
        child_id, meeting, organisation_id, organisation, professional = row
        entries[child_id].append(
            DayEntry(
                kind="support_session",
                title="Support session",
                starts_at=meeting.starts_at,
                ends_at=meeting.ends_at,
                responsible=Responsible(
                    organisation_id=organisation_id,
                    organisation_name=organisation,
                    person_name=professional,
                ),
                where=Place(
                    room_id=None,
                    name=meeting.location_detail or meeting.location.value,
                    building_name=None,
                ),
                absent=child_id in absences,
            )
        )

    result: dict[uuid.UUID, list[DayEntry]] = {}
    for child in children:
        found = sorted(entries[child.id], key=lambda e: (e.starts_at or start, e.kind))
        reported = absences.get(child.id)
        if reported is not None:
            found.insert(
                0,
                DayEntry(
                    kind="absence",
                    title="Absent",
                    starts_at=None,
                    ends_at=None,
                    responsible=None,
                    where=None,
                    absent=True,
                    absence_reason=reported.reason,
                ),
            )
        result[child.id] = found
    return result


def _checked(mark: DailyAttendance | None) -> str | None:
    if mark is None:
        return None
    if mark.checked_out_at is not None:
        return "checked_out"
    return "checked_in" if mark.checked_in_at is not None else None


def _placement_times(
    placement: Placement, weekday: str, school_hours: dict[str, Any], *, holiday: bool
) -> tuple[Any, str, str, str] | None:
    """(kind, title, from, until) of a placement on this day, or None when it has no hours."""
    school_day = None if holiday else school_hours.get(weekday)
    if placement.kind == PlacementKind.SCHOOL:
        if school_day is None:
            return None
        return (
            "school",
            "School",
            placement.from_time or school_day["opens"],
            placement.until_time or school_day["closes"],
        )
    if weekday in ("saturday", "sunday") and not placement.days:
        return None
    if not _placed_on(placement, weekday):
        return None
    if placement.kind == PlacementKind.OUT_OF_SCHOOL_CARE:
        opens = placement.from_time or (school_day["closes"] if school_day else BSO_HOLIDAY_FROM)
        return ("out_of_school_care", "After-school care", opens, placement.until_time or BSO_UNTIL)
    return (
        "childcare",
        "Childcare",
        placement.from_time or CHILDCARE_HOURS[0],
        placement.until_time or CHILDCARE_HOURS[1],
    )


async def _support_sessions(
    session: AsyncSession,
    principal: Principal,
    ids: list[uuid.UUID],
    start: datetime,
    end: datetime,
) -> Sequence[Any]:
    """Sessions of the trajectories the caller finds in lists (its team's; a guardian's
    children's), of children the caller sees."""
    listable, parameters = support_policy.listable_trajectories(principal)
    shape, child_parameters = child_policy.list_shape(principal)
    statement = (
        select(
            SupportTrajectory.child_id,
            TrajectorySession,
            SupportTrajectory.organisation_id,
            Organisation.name,
            User.display_name,
        )
        .join(SupportTrajectory, SupportTrajectory.id == TrajectorySession.trajectory_id)
        .join(Child, Child.id == SupportTrajectory.child_id)
        .join(Organisation, Organisation.id == SupportTrajectory.organisation_id)
        .join(User, User.id == TrajectorySession.professional_id)
        .where(
            SupportTrajectory.child_id.in_(ids),
            TrajectorySession.tenant_id == principal.tenant_id,
            TrajectorySession.starts_at < end,
            TrajectorySession.ends_at > start,
            listable,
            child_policy.read_filter(shape),
        )
    )
    return (await session.execute(statement, parameters | child_parameters)).all()


# --- The routes' reads -------------------------------------------------------------------
async def day_of(session: AsyncSession, principal: Principal, child: Any, day: date) -> ChildDay:
    """The day of a child the caller has already been let in to (and logged for)."""
    subject = DayChild(
        child.id, child.centre_id, child.group_id, f"{child.given_name} {child.family_name}"
    )
    entries = await days_of(session, principal, [subject], day)
    return ChildDay(date=day, child_id=child.id, entries=entries[child.id])


async def child_day(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID, day: date
) -> ChildDay:
    child, _ = await child_service.access_child(
        session, principal, child_id=child_id, resource="day", action="read"
    )
    return await day_of(session, principal, child, day)


async def group_day(
    session: AsyncSession, principal: Principal, *, group_id: uuid.UUID, day: date
) -> GroupDay:
    """The group's "who goes where after school" list: a school class's children; for a
    childcare group its own children and those whose placement is in it, on their days."""
    group = await session.scalar(
        select(Group).where(Group.id == group_id, Group.tenant_id == principal.tenant_id)
    )
    if group is None or not policy.sees_group_day(principal, group):
        raise NotFound("group")
    members = Child.group_id == group.id
    if group.kind == GroupKind.CHILDCARE_GROUP:
        # A BSO group: also the children whose childcare placement is in it.
        placed = select(Placement.child_id).where(
            Placement.group_id == group.id,
            Placement.tenant_id == principal.tenant_id,
            Placement.start_date <= day,
            or_(Placement.end_date.is_(None), Placement.end_date >= day),
        )
        members = or_(members, Child.id.in_(placed))
    visible = child_policy.readable_children(principal)
    rows = (
        await session.execute(
            select(Child.id, Child.centre_id, Child.group_id, Child.given_name, Child.family_name)
            .where(members, visible)
            .order_by(Child.given_name, Child.family_name, Child.id)
            .limit(500)
        )
    ).all()
    children = [DayChild(r[0], r[1], r[2], f"{r[3]} {r[4]}") for r in rows]
    entries = await days_of(session, principal, children, day)
    if group.kind == GroupKind.CHILDCARE_GROUP:
        # Of those placed in it, the ones who come that day.
        children = [
            c
            for c in children
            if c.group_id == group.id
            or any(e.kind in ("out_of_school_care", "childcare") for e in entries[c.id])
        ]
    if children:
        await child_service.log_access_many(
            session, principal, [c.id for c in children], resource="day", action="list"
        )
    return GroupDay(
        date=day,
        group_id=group.id,
        group_name=group.name,
        children=[
            GroupChildDay(child_id=c.id, child_name=c.name, entries=entries[c.id]) for c in children
        ],
    )
