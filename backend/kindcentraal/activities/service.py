"""Activities, their sessions (room bookings), enrolment with a waiting list, attendance."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.activities import policy
from kindcentraal.activities.models import (
    Activity,
    ActivityCategory,
    ActivitySession,
    Enrolment,
    EnrolmentStatus,
    SessionAttendance,
)
from kindcentraal.activities.schemas import (
    ActivityCreate,
    ActivityRead,
    ActivitySessionCreate,
    ActivitySessionRead,
    ActivitySessionsCreated,
    ActivityUpdate,
    AttendanceRow,
    AttendanceUpdate,
    EnrolmentCreate,
    EnrolmentRead,
    SessionAttendanceRead,
)
from kindcentraal.attendance.models import Absence
from kindcentraal.audit import service as audit
from kindcentraal.auth.principal import Principal
from kindcentraal.centre.models import ChildCentre
from kindcentraal.child import service as child_service
from kindcentraal.child.models import Child, Guardian
from kindcentraal.child.policy import current_placement
from kindcentraal.common.repository import apply_changes, get_in_tenant
from kindcentraal.errors import Conflict, InvalidInput, NotFound
from kindcentraal.group.models import Group
from kindcentraal.notification.models import NotificationKind
from kindcentraal.notification.service import notify
from kindcentraal.organisation.models import Organisation
from kindcentraal.placement.models import Placement
from kindcentraal.rooms import policy as rooms_policy
from kindcentraal.rooms import service as rooms
from kindcentraal.rooms.models import Booking, BookingStatus, Room
from kindcentraal.rooms.recurrence import AMSTERDAM, local_days
from kindcentraal.rooms.recurrence import local_today as today
from kindcentraal.rooms.schemas import WEEKDAYS, BookingCreate

RESOURCE = "enrolment"


class EnrolmentConflict(Conflict):
    """409 with a machine-readable `reason` (a problem extension member)."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.extensions["reason"] = reason


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


# --- Activities --------------------------------------------------------------------------
async def _visible_activity(
    session: AsyncSession, principal: Principal, activity_id: uuid.UUID, *, lock: bool = False
) -> Activity:
    statement = select(Activity).where(
        Activity.id == activity_id, Activity.tenant_id == principal.tenant_id
    )
    if lock:
        # Enrolments of one activity are decided one at a time (PostgreSQL; SQLite has one
        # writer): the count of places taken cannot change under us.
        statement = statement.with_for_update()
    activity = await session.scalar(statement)
    if activity is None or activity.centre_id not in await policy.catalogue_centre_ids(
        session, principal
    ):
        raise NotFound("activity")
    return activity


async def _providing_organisation(
    session: AsyncSession, principal: Principal, data: ActivityCreate
) -> uuid.UUID:
    own = principal.organisation_ids(policy.RUNNERS)
    if data.organisation_id is None:
        if len(own) != 1:
            raise InvalidInput.field(
                "organisationId",
                "organisationRequired",
                "You belong to more than one organisation: say which one offers it.",
            )
        (organisation_id,) = own
    else:
        organisation_id = data.organisation_id
    if organisation_id not in await rooms_policy.centre_organisation_ids(
        session, principal.tenant_id, data.centre_id
    ):
        raise InvalidInput.field(
            "organisationId", "notInCentre", "This organisation does not take part in the centre."
        )
    return organisation_id


async def _check_groups(
    session: AsyncSession, tenant_id: uuid.UUID, centre_id: uuid.UUID, ids: Sequence[uuid.UUID]
) -> None:
    if not ids:
        return
    found = set(
        await session.scalars(
            select(Group.id).where(
                Group.id.in_(ids), Group.tenant_id == tenant_id, Group.centre_id == centre_id
            )
        )
    )
    if found != set(ids):
        raise InvalidInput.field("groupIds", "unknownGroup", "A group is not of this centre.")


async def create_activity(
    session: AsyncSession, principal: Principal, *, data: ActivityCreate
) -> ActivityRead:
    centre = await get_in_tenant(
        session, ChildCentre, tenant_id=principal.tenant_id, id=data.centre_id
    )
    if centre is None or centre.id not in await rooms_policy.visible_centre_ids(session, principal):
        raise InvalidInput.field("centreId", "unknownCentre", "There is no such centre.")
    organisation_id = await _providing_organisation(session, principal, data)
    await _check_groups(session, principal.tenant_id, centre.id, data.group_ids)
    values = data.model_dump(by_alias=False, exclude={"organisation_id", "group_ids"})
    activity = Activity(
        tenant_id=principal.tenant_id,
        organisation_id=organisation_id,
        group_ids=[str(g) for g in data.group_ids],
        created_by_id=principal.user_id,
        **values,
    )
    policy.ensure_runs(principal, activity)
    session.add(activity)
    await session.flush()
    await audit.record_write(session, principal, resource="activity", action="create")
    return (await _reads(session, [activity]))[0]


async def update_activity(
    session: AsyncSession, principal: Principal, *, activity_id: uuid.UUID, data: ActivityUpdate
) -> ActivityRead:
    activity = await _visible_activity(session, principal, activity_id, lock=True)
    policy.ensure_runs(principal, activity)
    if data.group_ids is not None:
        await _check_groups(session, principal.tenant_id, activity.centre_id, data.group_ids)
    apply_changes(activity, data, skip={"group_ids"})
    if data.group_ids is not None:
        activity.group_ids = [str(g) for g in data.group_ids]
    low, high = activity.min_age, activity.max_age
    if low is not None and high is not None and low > high:
        raise InvalidInput.field("minAge", "ageRange", "minAge is above maxAge.")
    opens, closes = activity.enrolment_opens, activity.enrolment_closes
    if opens is not None and closes is not None and opens > closes:
        raise InvalidInput.field(
            "enrolmentOpens", "windowOrder", "enrolmentOpens is after enrolmentCloses."
        )
    await session.flush()
    # More places: the waiting list moves up into them.
    await _fill_places(session, principal, activity)
    await audit.record_write(session, principal, resource="activity", action="update")
    return (await _reads(session, [activity]))[0]


async def delete_activity(
    session: AsyncSession, principal: Principal, *, activity_id: uuid.UUID
) -> None:
    activity = await _visible_activity(session, principal, activity_id, lock=True)
    policy.ensure_runs(principal, activity)
    sessions = await session.scalars(
        select(ActivitySession).where(ActivitySession.activity_id == activity.id)
    )
    booking_ids = [s.booking_id for s in sessions if s.booking_id is not None]
    if booking_ids:
        for booking in await session.scalars(select(Booking).where(Booking.id.in_(booking_ids))):
            booking.status = BookingStatus.CANCELLED
    await session.delete(activity)
    await session.flush()
    await audit.record_write(session, principal, resource="activity", action="delete")


async def get_activity(
    session: AsyncSession, principal: Principal, *, activity_id: uuid.UUID
) -> ActivityRead:
    activity = await _visible_activity(session, principal, activity_id)
    return (await _reads(session, [activity]))[0]


async def list_activities(
    session: AsyncSession,
    principal: Principal,
    *,
    centre_id: uuid.UUID | None,
    category: ActivityCategory | None,
    weekday: str | None,
    age: int | None,
    organisation_id: uuid.UUID | None,
    my_enrolments: bool = False,
) -> list[ActivityRead]:
    centres = await policy.catalogue_centre_ids(session, principal)
    if centre_id is not None:
        centres &= {centre_id}
    if not centres:
        return []
    statement = select(Activity).where(
        Activity.tenant_id == principal.tenant_id, Activity.centre_id.in_(centres)
    )
    if category is not None:
        statement = statement.where(Activity.category == category)
    if organisation_id is not None:
        statement = statement.where(Activity.organisation_id == organisation_id)
    if age is not None:
        statement = statement.where(
            (Activity.min_age.is_(None)) | (Activity.min_age <= age),
            (Activity.max_age.is_(None)) | (Activity.max_age >= age),
        )
    found = list(await session.scalars(statement.order_by(Activity.title, Activity.id)))
    result = await _reads(session, found)
    if weekday is not None:
        result = [a for a in result if weekday in a.weekdays]
    if my_enrolments:
        await _embed_own_enrolments(session, principal, result, found)
    return result


async def _embed_own_enrolments(
    session: AsyncSession,
    principal: Principal,
    result: list[ActivityRead],
    activities: Sequence[Activity],
) -> None:
    """Each activity's enrolments of the caller's own children (a guardian's), with their
    place on the waiting list; one access-log event for the children shown."""
    own = await policy.guardian_child_ids(session, principal)
    by_activity: dict[uuid.UUID, list[EnrolmentRead]] = {a.id: [] for a in result}
    if own and result:
        ids = [a.id for a in result]
        queue_order: dict[uuid.UUID, list[uuid.UUID]] = {}
        for activity_id, enrolment_id in (
            await session.execute(
                select(Enrolment.activity_id, Enrolment.id)
                .where(
                    Enrolment.activity_id.in_(ids),
                    Enrolment.status == EnrolmentStatus.WAITLISTED,
                )
                .order_by(Enrolment.requested_at, Enrolment.id)
            )
        ).all():
            queue_order.setdefault(activity_id, []).append(enrolment_id)
        titles = {a.id: a for a in activities}
        rows = (
            await session.execute(
                select(Enrolment, Child.given_name, Child.family_name, Group.name)
                .join(Child, Child.id == Enrolment.child_id)
                .outerjoin(Group, Group.id == Child.group_id)
                .where(
                    Enrolment.activity_id.in_(ids),
                    Enrolment.child_id.in_(own),
                    Enrolment.status != EnrolmentStatus.CANCELLED,
                )
                .order_by(Enrolment.requested_at, Enrolment.id)
            )
        ).all()
        for enrolment, given, family, group in rows:
            queue = queue_order.get(enrolment.activity_id, [])
            by_activity[enrolment.activity_id].append(
                _enrolment_read(
                    _Listed(enrolment, f"{given} {family}", group),
                    titles[enrolment.activity_id],
                    queue.index(enrolment.id) + 1 if enrolment.id in queue else None,
                )
            )
        shown = sorted({e.child_id for items in by_activity.values() for e in items}, key=str)
        if shown:
            await audit.record(
                session,
                audit.actor_of(principal),
                resource=RESOURCE,
                action="list",
                child_ids=shown,
                basis="guardian",
            )
    for activity in result:
        activity.my_enrolments = by_activity[activity.id]


async def _reads(session: AsyncSession, activities: Sequence[Activity]) -> list[ActivityRead]:
    """Activities with their organisation's name, places taken, waiting list and weekdays."""
    if not activities:
        return []
    ids = [a.id for a in activities]
    counts: dict[tuple[uuid.UUID, EnrolmentStatus], int] = {
        (activity_id, status): count
        for activity_id, status, count in (
            await session.execute(
                select(Enrolment.activity_id, Enrolment.status, func.count())
                .where(Enrolment.activity_id.in_(ids))
                .group_by(Enrolment.activity_id, Enrolment.status)
            )
        ).all()
    }
    names = dict(
        (
            await session.execute(
                select(Organisation.id, Organisation.name).where(
                    Organisation.id.in_({a.organisation_id for a in activities})
                )
            )
        ).all()
    )
    now = datetime.now(UTC)
    coming: dict[uuid.UUID, list[datetime]] = {}
    for activity_id, starts_at in (
        await session.execute(
            select(ActivitySession.activity_id, ActivitySession.starts_at)
            .outerjoin(Booking, Booking.id == ActivitySession.booking_id)
            .where(
                ActivitySession.activity_id.in_(ids),
                ActivitySession.starts_at >= now,
                ActivitySession.cancelled_at.is_(None),
                (Booking.id.is_(None)) | (Booking.status != BookingStatus.CANCELLED),
            )
            .order_by(ActivitySession.starts_at)
        )
    ).all():
        coming.setdefault(activity_id, []).append(starts_at)
    day = today()
    result = []
    for a in activities:
        enrolled = counts.get((a.id, EnrolmentStatus.ENROLLED), 0)
        starts = coming.get(a.id, [])
        weekdays = {WEEKDAYS[s.astimezone(AMSTERDAM).weekday()] for s in starts}
        result.append(
            ActivityRead(
                id=a.id,
                centre_id=a.centre_id,
                organisation_id=a.organisation_id,
                organisation_name=names.get(a.organisation_id, ""),
                title=a.title,
                description=a.description,
                category=a.category,
                min_age=a.min_age,
                max_age=a.max_age,
                group_ids=[uuid.UUID(g) for g in a.group_ids],
                capacity=a.capacity,
                cost_cents=a.cost_cents,
                enrolment_opens=a.enrolment_opens,
                enrolment_closes=a.enrolment_closes,
                enrolled_count=enrolled,
                waitlist_count=counts.get((a.id, EnrolmentStatus.WAITLISTED), 0),
                places_left=max(0, a.capacity - enrolled),
                weekdays=[w for w in WEEKDAYS if w in weekdays],
                next_session_at=starts[0] if starts else None,
                enrolment_open=_window_open(a, day),
                created_at=a.created_at,
                updated_at=a.updated_at,
            )
        )
    return result


def _window_open(activity: Activity, day: date) -> bool:
    return (activity.enrolment_opens is None or activity.enrolment_opens <= day) and (
        activity.enrolment_closes is None or day <= activity.enrolment_closes
    )


# --- Sessions ----------------------------------------------------------------------------
async def create_sessions(
    session: AsyncSession,
    principal: Principal,
    *,
    activity_id: uuid.UUID,
    data: ActivitySessionCreate,
) -> ActivitySessionsCreated:
    """The sessions as room bookings of the providing organisation: the rooms' rules and the
    conflict check apply (a 409 names the taken times, or `skipConflicts` leaves them out)."""
    activity = await _visible_activity(session, principal, activity_id)
    policy.ensure_runs(principal, activity)
    room, centre_id = await rooms.room_in_centre(session, principal, data.room_id)
    if centre_id != activity.centre_id:
        raise InvalidInput.field("roomId", "otherCentre", "The room is not in the centre.")
    booked = await rooms.create_booking(
        session,
        principal,
        data=BookingCreate.model_validate(
            {
                "roomId": data.room_id,
                "organisationId": activity.organisation_id,
                "purpose": activity.title[:300],
                "startsAt": data.starts_at,
                "endsAt": data.ends_at,
                "attendees": activity.capacity,
                "recurrence": data.recurrence,
                "skipHolidays": data.skip_holidays,
                "skipDates": data.skip_dates,
                "skipConflicts": data.skip_conflicts,
                "activityId": activity.id,
            }
        ),
    )
    made = []
    for booking in booked.items:
        row = ActivitySession(
            tenant_id=principal.tenant_id,
            activity_id=activity.id,
            booking_id=booking.id,
            room_id=room.id,
            starts_at=booking.starts_at,
            ends_at=booking.ends_at,
        )
        session.add(row)
        made.append((row, booking.status))
    await session.flush()
    await audit.record_write(session, principal, resource="activity-session", action="create")
    return ActivitySessionsCreated(
        items=[_session_read(row, room.name, status) for row, status in made],
        skipped=booked.skipped,
    )


def _session_read(
    row: ActivitySession, room_name: str | None, status: BookingStatus | None
) -> ActivitySessionRead:
    return ActivitySessionRead(
        id=row.id,
        activity_id=row.activity_id,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        room_id=row.room_id,
        room_name=room_name,
        booking_id=row.booking_id,
        booking_status=status,
        cancelled=row.cancelled_at is not None or status == BookingStatus.CANCELLED,
    )


async def list_sessions(
    session: AsyncSession,
    principal: Principal,
    *,
    activity_id: uuid.UUID,
    start: date | None,
    end: date | None,
) -> list[ActivitySessionRead]:
    activity = await _visible_activity(session, principal, activity_id)
    statement = (
        select(ActivitySession, Room.name, Booking.status)
        .outerjoin(Room, Room.id == ActivitySession.room_id)
        .outerjoin(Booking, Booking.id == ActivitySession.booking_id)
        .where(ActivitySession.activity_id == activity.id)
        .order_by(ActivitySession.starts_at, ActivitySession.id)
    )
    if start is not None:
        statement = statement.where(ActivitySession.ends_at > local_days(start, start)[0])
    if end is not None:
        statement = statement.where(ActivitySession.starts_at < local_days(end, end)[1])
    rows = (await session.execute(statement)).all()
    return [_session_read(row, name, status) for row, name, status in rows]


async def _activity_session(
    session: AsyncSession, principal: Principal, activity_id: uuid.UUID, session_id: uuid.UUID
) -> tuple[Activity, ActivitySession]:
    activity = await _visible_activity(session, principal, activity_id)
    row = await session.scalar(
        select(ActivitySession).where(
            ActivitySession.id == session_id,
            ActivitySession.activity_id == activity.id,
            ActivitySession.tenant_id == principal.tenant_id,
        )
    )
    if row is None:
        raise NotFound("session")
    return activity, row


async def cancel_session(
    session: AsyncSession, principal: Principal, *, activity_id: uuid.UUID, session_id: uuid.UUID
) -> ActivitySessionRead:
    """Call a session off: its room booking is cancelled, the room free again."""
    activity, row = await _activity_session(session, principal, activity_id, session_id)
    policy.ensure_runs(principal, activity)
    if row.cancelled_at is not None:
        raise Conflict("The session is already cancelled.")
    row.cancelled_at = datetime.now(UTC)
    status = None
    room_name = None
    if row.booking_id is not None:
        booking = await session.get(Booking, row.booking_id)
        if booking is not None:
            booking.status = BookingStatus.CANCELLED
            status = booking.status
    if row.room_id is not None:
        room_name = await session.scalar(select(Room.name).where(Room.id == row.room_id))
    await session.flush()
    await audit.record_write(session, principal, resource="activity-session", action="cancel")
    return _session_read(row, room_name, status)


# --- Enrolment ---------------------------------------------------------------------------
@dataclass
class _Listed:
    enrolment: Enrolment
    child_name: str
    group_name: str | None


def _enrolment_read(item: _Listed, activity: Activity, position: int | None) -> EnrolmentRead:
    e = item.enrolment
    return EnrolmentRead(
        id=e.id,
        activity_id=e.activity_id,
        activity_title=activity.title,
        child_id=e.child_id,
        child_name=item.child_name,
        group_name=item.group_name,
        status=e.status,
        position=position,
        requested_at=e.requested_at,
        enrolled_at=e.enrolled_at,
        cancelled_at=e.cancelled_at,
    )


async def _queue(session: AsyncSession, activity_id: uuid.UUID) -> list[Enrolment]:
    """The waiting list, first come, first served."""
    return list(
        await session.scalars(
            select(Enrolment)
            .where(
                Enrolment.activity_id == activity_id,
                Enrolment.status == EnrolmentStatus.WAITLISTED,
            )
            .order_by(Enrolment.requested_at, Enrolment.id)
        )
    )


async def _enrolled_count(session: AsyncSession, activity_id: uuid.UUID) -> int:
    return (
        await session.scalar(
            select(func.count()).where(
                Enrolment.activity_id == activity_id,
                Enrolment.status == EnrolmentStatus.ENROLLED,
            )
        )
    ) or 0


async def _guardians(session: AsyncSession, child_id: uuid.UUID) -> list[uuid.UUID]:
    return list(
        await session.scalars(
            select(Guardian.user_id).where(
                Guardian.child_id == child_id, Guardian.has_parental_authority.is_(True)
            )
        )
    )


async def _fill_places(session: AsyncSession, principal: Principal, activity: Activity) -> None:
    """Free places go to the waiting list in order; each family moved up is notified."""
    free = activity.capacity - await _enrolled_count(session, activity.id)
    if free <= 0:
        return
    now = datetime.now(UTC)
    for waiting in (await _queue(session, activity.id))[:free]:
        waiting.status = EnrolmentStatus.ENROLLED
        waiting.enrolled_at = now
        await notify(
            session,
            principal,
            await _guardians(session, waiting.child_id),
            NotificationKind.WAITLIST_MOVED_UP,
            child_id=waiting.child_id,
        )
    await session.flush()


async def enrol(
    session: AsyncSession, principal: Principal, *, activity_id: uuid.UUID, data: EnrolmentCreate
) -> EnrolmentRead:
    activity = await _visible_activity(session, principal, activity_id, lock=True)
    child, _ = await child_service.access_child(
        session,
        principal,
        child_id=data.child_id,
        resource=RESOURCE,
        action="create",
        ensure=policy.ensure_can_enrol,
    )
    day = today()
    if child.centre_id != activity.centre_id:
        raise InvalidInput.field(
            "childId", "otherCentre", "The activity is for the children of another centre."
        )
    age = age_on(child.date_of_birth, day)
    if (activity.min_age is not None and age < activity.min_age) or (
        activity.max_age is not None and age > activity.max_age
    ):
        raise InvalidInput.field(
            "childId",
            "outsideAgeRange",
            f"The activity is for children of {activity.min_age or 0} to "
            f"{activity.max_age if activity.max_age is not None else 18} years.",
        )
    if activity.group_ids and str(child.group_id) not in activity.group_ids:
        raise InvalidInput.field("childId", "notForGroup", "The activity is for other groups.")
    if not _window_open(activity, day):
        raise EnrolmentConflict("enrolmentClosed", "Enrolment for this activity is not open.")
    existing = await session.scalar(
        select(Enrolment.id).where(
            Enrolment.activity_id == activity.id,
            Enrolment.child_id == child.id,
            Enrolment.status != EnrolmentStatus.CANCELLED,
        )
    )
    if existing is not None:
        raise EnrolmentConflict("alreadyEnrolled", "The child is already enrolled or waiting.")
    now = datetime.now(UTC)
    has_place = await _enrolled_count(session, activity.id) < activity.capacity
    enrolment = Enrolment(
        tenant_id=principal.tenant_id,
        activity_id=activity.id,
        child_id=child.id,
        status=EnrolmentStatus.ENROLLED if has_place else EnrolmentStatus.WAITLISTED,
        requested_at=now,
        enrolled_at=now if has_place else None,
        enrolled_by_id=principal.user_id,
    )
    session.add(enrolment)
    try:
        await session.flush()
    except IntegrityError:
        raise EnrolmentConflict(
            "alreadyEnrolled", "The child is already enrolled or waiting."
        ) from None
    position = None
    if not has_place:
        position = [e.id for e in await _queue(session, activity.id)].index(enrolment.id) + 1
    return _enrolment_read(
        await _listed_one(session, enrolment, child),
        activity,
        position,
    )


async def _listed_one(session: AsyncSession, enrolment: Enrolment, child: Child) -> _Listed:
    group = (
        await session.scalar(select(Group.name).where(Group.id == child.group_id))
        if child.group_id is not None
        else None
    )
    return _Listed(enrolment, f"{child.given_name} {child.family_name}", group)


async def _listed(
    session: AsyncSession, activity_id: uuid.UUID, child_ids: set[uuid.UUID] | None
) -> list[_Listed]:
    statement = (
        select(Enrolment, Child.given_name, Child.family_name, Group.name)
        .join(Child, Child.id == Enrolment.child_id)
        .outerjoin(Group, Group.id == Child.group_id)
        .where(Enrolment.activity_id == activity_id)
        .order_by(Enrolment.requested_at, Enrolment.id)
    )
    if child_ids is not None:
        statement = statement.where(Enrolment.child_id.in_(child_ids))
    rows = (await session.execute(statement)).all()
    return [_Listed(e, f"{given} {family}", group) for e, given, family, group in rows]


async def _placed_child_ids(
    session: AsyncSession, principal: Principal, organisation_id: uuid.UUID
) -> set[uuid.UUID]:
    rows = await session.scalars(
        select(Placement.child_id).where(
            Placement.tenant_id == principal.tenant_id,
            Placement.organisation_id == organisation_id,
            current_placement(today()),
        )
    )
    return set(rows)


async def list_enrolments(
    session: AsyncSession,
    principal: Principal,
    *,
    activity_id: uuid.UUID,
    status: EnrolmentStatus | None,
) -> list[EnrolmentRead]:
    """The activity's people: every enrolment; a family: its own children's."""
    activity = await _visible_activity(session, principal, activity_id)
    runner = policy.runs(principal, activity)
    if runner:
        listed = await _listed(session, activity.id, None)
        basis = "activity-provider"
    elif principal.client is not None:
        # A machine client sees only the children placed with its organisation, also on an
        # activity its organisation runs.
        placed = await _placed_child_ids(session, principal, principal.client.organisation_id)
        listed = await _listed(session, activity.id, placed) if placed else []
        basis = "placement at the client's organisation"
    else:
        own = await policy.guardian_child_ids(session, principal)
        listed = await _listed(session, activity.id, own) if own else []
        basis = "guardian"
    waiting = [i.enrolment.id for i in listed if i.enrolment.status == EnrolmentStatus.WAITLISTED]
    # The whole list is in order already (`_listed` sorts first come, first served); a family
    # sees only its own children, so their places come from the whole queue.
    queue = waiting if runner or not waiting else [e.id for e in await _queue(session, activity.id)]
    result = [
        _enrolment_read(
            item,
            activity,
            queue.index(item.enrolment.id) + 1 if item.enrolment.id in waiting else None,
        )
        for item in listed
        if status is None or item.enrolment.status == status
    ]
    if result:
        await audit.record(
            session,
            audit.actor_of(principal),
            resource=RESOURCE,
            action="list",
            child_ids=sorted({r.child_id for r in result}, key=str),
            basis=basis,
        )
    return result


async def cancel_enrolment(
    session: AsyncSession,
    principal: Principal,
    *,
    activity_id: uuid.UUID,
    enrolment_id: uuid.UUID,
) -> EnrolmentRead:
    """Cancelling frees the place: the first on the waiting list moves up into it."""
    activity = await _visible_activity(session, principal, activity_id, lock=True)
    enrolment = await session.scalar(
        select(Enrolment).where(
            Enrolment.id == enrolment_id,
            Enrolment.activity_id == activity.id,
            Enrolment.tenant_id == principal.tenant_id,
        )
    )
    if enrolment is None:
        raise NotFound("enrolment")
    if not policy.runs(principal, activity):
        # The family or a professional on its behalf: the child's own policy decides.
        await child_service.access_child(
            session,
            principal,
            child_id=enrolment.child_id,
            resource=RESOURCE,
            action="cancel",
            ensure=policy.ensure_can_enrol,
        )
    else:
        await audit.record(
            session,
            audit.actor_of(principal),
            resource=RESOURCE,
            action="cancel",
            child_ids=[enrolment.child_id],
            basis="activity-provider",
        )
    if enrolment.status == EnrolmentStatus.CANCELLED:
        raise EnrolmentConflict("alreadyCancelled", "The enrolment is already cancelled.")
    enrolment.status = EnrolmentStatus.CANCELLED
    enrolment.cancelled_at = datetime.now(UTC)
    await session.flush()
    await _fill_places(session, principal, activity)
    child = await session.get(Child, enrolment.child_id)
    assert child is not None
    return _enrolment_read(
        await _listed_one(session, enrolment, child),
        activity,
        None,
    )


# --- Attendance --------------------------------------------------------------------------
async def session_attendance(
    session: AsyncSession,
    principal: Principal,
    *,
    activity_id: uuid.UUID,
    session_id: uuid.UUID,
) -> SessionAttendanceRead:
    """The list for the gym: the enrolled children, their mark, and who is reported absent."""
    activity, row = await _activity_session(session, principal, activity_id, session_id)
    policy.ensure_runs(principal, activity)
    return await _attendance(session, principal, activity, row, action="read")


async def _attendance(
    session: AsyncSession,
    principal: Principal,
    activity: Activity,
    row: ActivitySession,
    *,
    action: str,
) -> SessionAttendanceRead:
    listed = [
        item
        for item in await _listed(session, activity.id, None)
        if item.enrolment.status == EnrolmentStatus.ENROLLED
    ]
    ids = [item.enrolment.child_id for item in listed]
    marks: dict[uuid.UUID, Any] = {}
    absent: set[uuid.UUID] = set()
    if ids:
        marks = dict(
            (
                await session.execute(
                    select(SessionAttendance.child_id, SessionAttendance.status).where(
                        SessionAttendance.session_id == row.id
                    )
                )
            ).all()
        )
        day = row.starts_at.astimezone(AMSTERDAM).date()
        absent = set(
            await session.scalars(
                select(Absence.child_id).where(
                    Absence.child_id.in_(ids),
                    Absence.from_date <= day,
                    Absence.to_date >= day,
                    Absence.withdrawn_at.is_(None),
                )
            )
        )
    room_name, booking_status = (
        await session.execute(
            select(Room.name, Booking.status)
            .select_from(ActivitySession)
            .outerjoin(Room, Room.id == ActivitySession.room_id)
            .outerjoin(Booking, Booking.id == ActivitySession.booking_id)
            .where(ActivitySession.id == row.id)
        )
    ).one()
    if ids:
        await audit.record(
            session,
            audit.actor_of(principal),
            resource="activity-attendance",
            action=action,
            child_ids=sorted(ids, key=str),
            basis="activity-provider",
        )
    return SessionAttendanceRead(
        session=_session_read(row, room_name, booking_status),
        items=[
            AttendanceRow(
                child_id=item.enrolment.child_id,
                child_name=item.child_name,
                group_name=item.group_name,
                status=marks.get(item.enrolment.child_id),
                reported_absent=item.enrolment.child_id in absent,
            )
            for item in sorted(listed, key=lambda i: i.child_name)
        ],
    )


async def record_attendance(
    session: AsyncSession,
    principal: Principal,
    *,
    activity_id: uuid.UUID,
    session_id: uuid.UUID,
    data: AttendanceUpdate,
) -> SessionAttendanceRead:
    activity, row = await _activity_session(session, principal, activity_id, session_id)
    policy.ensure_runs(principal, activity)
    enrolled = set(
        await session.scalars(
            select(Enrolment.child_id).where(
                Enrolment.activity_id == activity.id,
                Enrolment.status == EnrolmentStatus.ENROLLED,
            )
        )
    )
    errors = [
        {
            "in": "body",
            "location": f"#/items/{index}/childId",
            "code": "notEnrolled",
            "detail": "This child is not enrolled in the activity.",
        }
        for index, mark in enumerate(data.items)
        if mark.child_id not in enrolled
    ]
    if errors:
        raise InvalidInput(errors, "Only enrolled children have attendance.")
    existing = {
        a.child_id: a
        for a in await session.scalars(
            select(SessionAttendance).where(SessionAttendance.session_id == row.id)
        )
    }
    for mark in data.items:
        found = existing.get(mark.child_id)
        if found is None:
            found = SessionAttendance(
                tenant_id=principal.tenant_id,
                session_id=row.id,
                child_id=mark.child_id,
                status=mark.status,
                recorded_by_id=principal.user_id,
            )
            session.add(found)
            existing[mark.child_id] = found
        else:
            found.status = mark.status
            found.recorded_by_id = principal.user_id
    await session.flush()
    return await _attendance(session, principal, activity, row, action="update")


async def enrolments_of_child(
    session: AsyncSession, *, tenant_id: uuid.UUID, child_id: uuid.UUID
) -> list[EnrolmentRead]:
    """A child's current enrolments and waiting-list places, with each place in its queue;
    the caller checked access to the child and logs it."""
    rows = (
        await session.execute(
            select(Enrolment, Activity, Child.given_name, Child.family_name, Group.name)
            .join(Activity, Activity.id == Enrolment.activity_id)
            .join(Child, Child.id == Enrolment.child_id)
            .outerjoin(Group, Group.id == Child.group_id)
            .where(
                Enrolment.child_id == child_id,
                Enrolment.tenant_id == tenant_id,
                Enrolment.status != EnrolmentStatus.CANCELLED,
            )
            .order_by(Activity.title, Enrolment.id)
        )
    ).all()
    result = []
    for enrolment, activity, given, family, group in rows:
        position = None
        if enrolment.status == EnrolmentStatus.WAITLISTED:
            queue = await _queue(session, activity.id)
            position = next(
                (n for n, waiting in enumerate(queue, 1) if waiting.id == enrolment.id), None
            )
        result.append(
            _enrolment_read(_Listed(enrolment, f"{given} {family}", group), activity, position)
        )
    return result
