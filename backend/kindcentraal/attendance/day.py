"""One day per child: who has the child when, and where.

School hours come from the school placement and the centre's school times (not on holidays and
study days); activities from the enrolments; BSO and daycare from the childcare placement's
weekdays and times; support sessions from the trajectories the caller may see; and any absence
reported. Every part is read for all children of a list at once (a group's day is one set of
queries, not one per child), by statements compiled once and run through the driver in a GET
(`driver_reads`): the parent app's home and the child page read a day on every visit. Times
are local (Europe/Amsterdam) wall-clock times made exact for that date, so a day across a
daylight-saving change is right.
"""

import functools
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any, Protocol

from sqlalchemy import Date, Uuid, bindparam, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.activities.models import (
    Activity,
    ActivitySession,
    Enrolment,
    EnrolmentStatus,
    SessionAttendance,
)
from kindcentraal.attendance import policy
from kindcentraal.attendance.models import Absence, AbsenceReason, DailyAttendance
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
from kindcentraal.db import UTCDateTime
from kindcentraal.driver_reads import Query, fetch
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


class PlacementHours(Protocol):
    """What a placement's hours on a day depend on (a row of `_PLACEMENTS`, or a placement)."""

    @property
    def kind(self) -> PlacementKind | str: ...
    @property
    def days(self) -> list[str] | None: ...
    @property
    def from_time(self) -> str | None: ...
    @property
    def until_time(self) -> str | None: ...


def _at(day: date, clock: str) -> datetime:
    """A local wall-clock time on that date, in UTC like every other time in the API."""
    hours, minutes = (int(part) for part in clock.split(":"))
    return datetime.combine(day, time(hours, minutes), tzinfo=AMSTERDAM).astimezone(UTC)


def _placed_on(placement: PlacementHours, weekday: str) -> bool:
    return not placement.days or weekday in placement.days


# --- The day's reads: compiled once, run through the driver in a GET (`driver_reads`) -----
# Their parameters, one set for all of them: the children, their centres, the tenant, the
# date and the moments that local day begins and ends.
_CHILDREN = bindparam("day_children", type_=Uuid, expanding=True)
_CENTRES = bindparam("day_centres", type_=Uuid, expanding=True)
_TENANT = bindparam("day_tenant", type_=Uuid)
_DAY = bindparam("day_date", type_=Date)
_START = bindparam("day_start", type_=UTCDateTime)
_END = bindparam("day_end", type_=UTCDateTime)

# Each centre's school hours, and whether the day falls in one of its holidays or study days.
_CENTRE_DAYS = Query(
    select(
        ChildCentre.id,
        ChildCentre.school_hours,
        exists(
            select(Holiday.id).where(
                Holiday.centre_id == ChildCentre.id,
                Holiday.tenant_id == _TENANT,
                Holiday.start_date <= _DAY,
                Holiday.end_date >= _DAY,
            )
        ).label("on_holiday"),
    ).where(ChildCentre.id.in_(_CENTRES))
)
# The placements that day, with the organisation and the child's class (a school day's place).
_PLACEMENTS = Query(
    select(
        Placement.child_id,
        Placement.organisation_id,
        Placement.kind,
        Placement.days,
        Placement.from_time,
        Placement.until_time,
        Organisation.name.label("organisation_name"),
        Group.name.label("class_name"),
    )
    .join(Organisation, Organisation.id == Placement.organisation_id)
    .join(Child, Child.id == Placement.child_id)
    .outerjoin(Group, Group.id == Child.group_id)
    .where(
        Placement.child_id.in_(_CHILDREN),
        Placement.tenant_id == _TENANT,
        Placement.start_date <= _DAY,
        or_(Placement.end_date.is_(None), Placement.end_date >= _DAY),
    )
    .order_by(Placement.start_date, Placement.id)
)
# Absences reported for the day, oldest first (the last reported counts).
_ABSENCES = Query(
    select(Absence.child_id, Absence.reason)
    .where(
        Absence.child_id.in_(_CHILDREN),
        Absence.tenant_id == _TENANT,
        Absence.from_date <= _DAY,
        Absence.to_date >= _DAY,
        Absence.withdrawn_at.is_(None),
    )
    .order_by(Absence.created_at)
)
# Check-ins and check-outs at school and BSO that day.
_CHECKS = Query(
    select(
        DailyAttendance.child_id,
        DailyAttendance.organisation_id,
        DailyAttendance.checked_in_at,
        DailyAttendance.checked_out_at,
    ).where(DailyAttendance.child_id.in_(_CHILDREN), DailyAttendance.day == _DAY)
)
# The sessions that day of the activities the children are enrolled in, with where they are
# and the attendance marked.
_ACTIVITY_SESSIONS = Query(
    select(
        Enrolment.child_id,
        ActivitySession.id.label("session_id"),
        ActivitySession.activity_id,
        ActivitySession.starts_at,
        ActivitySession.ends_at,
        ActivitySession.room_id,
        Activity.title,
        Activity.organisation_id,
        Organisation.name.label("organisation_name"),
        Room.name.label("room_name"),
        Building.name.label("building_name"),
        SessionAttendance.status.label("attendance"),
    )
    .select_from(Enrolment)
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
        Enrolment.child_id.in_(_CHILDREN),
        Enrolment.tenant_id == _TENANT,
        Enrolment.status == EnrolmentStatus.ENROLLED,
        ActivitySession.starts_at < _END,
        ActivitySession.ends_at > _START,
        ActivitySession.cancelled_at.is_(None),
        or_(Booking.id.is_(None), Booking.status != BookingStatus.CANCELLED),
    )
    .order_by(ActivitySession.starts_at, ActivitySession.id)
)


@functools.lru_cache(maxsize=64)
def _support_sessions_query(shape: tuple[bool, bool, bool, bool]) -> Query:
    """Sessions that day of the trajectories the caller finds in lists (its team's; a
    guardian's children's), of children the caller sees: one statement per shape of caller
    (`child_policy.list_shape`), the caller's values (`lt_`, `rc_`) as parameters."""
    return Query(
        select(
            SupportTrajectory.child_id,
            TrajectorySession.starts_at,
            TrajectorySession.ends_at,
            TrajectorySession.location,
            TrajectorySession.location_detail,
            SupportTrajectory.organisation_id,
            Organisation.name.label("organisation_name"),
            User.display_name.label("professional_name"),
        )
        .select_from(TrajectorySession)
        .join(SupportTrajectory, SupportTrajectory.id == TrajectorySession.trajectory_id)
        .join(Child, Child.id == SupportTrajectory.child_id)
        .join(Organisation, Organisation.id == SupportTrajectory.organisation_id)
        .join(User, User.id == TrajectorySession.professional_id)
        .where(
            SupportTrajectory.child_id.in_(_CHILDREN),
            TrajectorySession.tenant_id == _TENANT,
            TrajectorySession.starts_at < _END,
            TrajectorySession.ends_at > _START,
            support_policy.listable_filter(),
            child_policy.read_filter(shape),
        )
        .order_by(TrajectorySession.starts_at, TrajectorySession.id)
    )


async def days_of(
    session: AsyncSession, principal: Principal, children: Sequence[DayChild], day: date
) -> dict[uuid.UUID, list[DayEntry]]:
    """The entries of each child's day, in order: an absence first, then by start."""
    if not children:
        return {}
    weekday = WEEKDAYS[day.weekday()]
    start, end = local_days(day, day)
    keys: dict[str, Any] = {
        "day_children": [c.id for c in children],
        "day_centres": sorted({c.centre_id for c in children}),
        "day_tenant": principal.tenant_id,
        "day_date": day,
        "day_start": start,
        "day_end": end,
    }

    school_hours: dict[uuid.UUID, dict[str, Any]] = {}
    on_holiday: set[uuid.UUID] = set()
    for centre in await fetch(session, _CENTRE_DAYS, keys):
        school_hours[centre.id] = centre.school_hours or DEFAULT_SCHOOL_HOURS
        if centre.on_holiday:
            on_holiday.add(centre.id)
    absences: dict[uuid.UUID, AbsenceReason] = {
        row.child_id: AbsenceReason(row.reason) for row in await fetch(session, _ABSENCES, keys)
    }  # in order of reporting: the last one counts
    checked = {
        (row.child_id, row.organisation_id): row for row in await fetch(session, _CHECKS, keys)
    }

    entries: dict[uuid.UUID, list[DayEntry]] = defaultdict(list)
    by_id = {c.id: c for c in children}
    for placement in await fetch(session, _PLACEMENTS, keys):
        child = by_id[placement.child_id]
        times = _placement_times(
            placement,
            weekday,
            school_hours.get(child.centre_id, DEFAULT_SCHOOL_HOURS),
            holiday=child.centre_id in on_holiday,
        )
        if times is None:
            continue
        kind, title, opens, closes = times
        organisation_name, group = placement.organisation_name, placement.class_name
        # A school day happens in the child's class; other care at the organisation.
        place = group if kind == "school" and group else organisation_name
        entries[child.id].append(
            DayEntry(
                kind=kind,
                title=f"{title}, {group}" if kind == "school" and group else title,
                starts_at=_at(day, opens),
                ends_at=_at(day, closes),
                responsible=Responsible(
                    organisation_id=placement.organisation_id,
                    organisation_name=organisation_name,
                    person_name=None,
                ),
                where=Place(room_id=None, name=place, building_name=None),
                absent=child.id in absences,
                attendance=_checked(checked.get((child.id, placement.organisation_id))),
            )
        )

    for meeting in await fetch(session, _ACTIVITY_SESSIONS, keys):
        entries[meeting.child_id].append(
            DayEntry(
                kind="activity",
                title=meeting.title,
                starts_at=meeting.starts_at,
                ends_at=meeting.ends_at,
                responsible=Responsible(
                    organisation_id=meeting.organisation_id,
                    organisation_name=meeting.organisation_name,
                    person_name=None,
                ),
                where=Place(
                    room_id=meeting.room_id,
                    name=meeting.room_name or "",
                    building_name=meeting.building_name,
                )
                if meeting.room_id
                else None,
                absent=meeting.child_id in absences,
                # The status's value, whichever way the row came (enum or its string).
                attendance=str(meeting.attendance) if meeting.attendance is not None else None,
                activity_id=meeting.activity_id,
                session_id=meeting.session_id,
            )
        )

    shape, visible = child_policy.list_shape(principal)
    listable = support_policy.listable_trajectories(principal)[1]
    support = _support_sessions_query(shape)
    for meeting in await fetch(session, support, keys | listable | visible):
        entries[meeting.child_id].append(
            DayEntry(
                kind="support_session",
                title="Support session",
                starts_at=meeting.starts_at,
                ends_at=meeting.ends_at,
                responsible=Responsible(
                    organisation_id=meeting.organisation_id,
                    organisation_name=meeting.organisation_name,
                    person_name=meeting.professional_name,
                ),
                where=Place(
                    room_id=None,
                    name=meeting.location_detail or str(meeting.location),
                    building_name=None,
                ),
                absent=meeting.child_id in absences,
            )
        )

    result: dict[uuid.UUID, list[DayEntry]] = {}
    for child in children:
        found = sorted(entries[child.id], key=lambda e: (e.starts_at or start, e.kind))
        reason = absences.get(child.id)
        if reason is not None:
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
                    absence_reason=reason,
                ),
            )
        result[child.id] = found
    return result


def _checked(mark: Any) -> str | None:
    """A check-in row (`_CHECKS`) as the entry's attendance."""
    if mark is None:
        return None
    if mark.checked_out_at is not None:
        return "checked_out"
    return "checked_in" if mark.checked_in_at is not None else None


def _placement_times(
    placement: PlacementHours, weekday: str, school_hours: dict[str, Any], *, holiday: bool
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
