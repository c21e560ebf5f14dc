"""Buildings, rooms, holidays and bookings: the rules of the room, and no double booking."""

import asyncio
import functools
import logging
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Uuid, bindparam, exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit import service as audit
from kindcentraal.auth.principal import Principal
from kindcentraal.centre.models import ChildCentre
from kindcentraal.common.preconditions import etag_of, require_match
from kindcentraal.common.repository import apply_changes, get_in_tenant
from kindcentraal.common.roles import OrganisationType, Role
from kindcentraal.driver_reads import Query, entity_columns, fetch
from kindcentraal.errors import Conflict, Forbidden, InvalidInput, NotFound
from kindcentraal.notification.models import NotificationKind
from kindcentraal.notification.service import notify
from kindcentraal.organisation.models import Membership, Organisation
from kindcentraal.rooms import policy
from kindcentraal.rooms.models import (
    Booking,
    BookingSeries,
    BookingStatus,
    Building,
    Holiday,
    Room,
)
from kindcentraal.rooms.recurrence import (
    AMSTERDAM,
    Occurrence,
    local,
    local_dates,
    local_days,
    occurrences,
)
from kindcentraal.rooms.schemas import (
    WEEKDAYS,
    BookingCreate,
    BookingCreated,
    BookingRead,
    BookingUpdate,
    BuildingCreate,
    BuildingUpdate,
    HolidayCreate,
    RoomCreate,
    RoomUpdate,
    SkippedOccurrence,
)
from kindcentraal.support.models import TrajectorySession
from kindcentraal.user.models import User

MAX_WINDOW = timedelta(days=62)
# A booking lasts a day at most (longer use is a series): every window query can then bound
# `starts_at` from below too, and walk the (room_id, starts_at) index for the window only.
MAX_DURATION = timedelta(hours=24)
log = logging.getLogger(__name__)


# --- Buildings ---------------------------------------------------------------------------
async def list_buildings(
    session: AsyncSession, principal: Principal, *, centre_id: uuid.UUID | None
) -> Sequence[Building]:
    centres = await policy.visible_centre_ids(session, principal)
    if centre_id is not None:
        centres &= {centre_id}
    if not centres:
        return []
    rows = await session.scalars(
        select(Building)
        .where(Building.tenant_id == principal.tenant_id, Building.centre_id.in_(centres))
        .order_by(Building.name, Building.id)
    )
    return list(rows)


async def get_building(
    session: AsyncSession, principal: Principal, *, building_id: uuid.UUID
) -> Building:
    building = await get_in_tenant(session, Building, tenant_id=principal.tenant_id, id=building_id)
    if building is None or building.centre_id not in await policy.visible_centre_ids(
        session, principal
    ):
        raise NotFound("building")
    return building


async def create_building(
    session: AsyncSession, principal: Principal, *, data: BuildingCreate
) -> Building:
    centre = await get_in_tenant(
        session, ChildCentre, tenant_id=principal.tenant_id, id=data.centre_id
    )
    if centre is None:
        raise InvalidInput.field("centreId", "unknownCentre", "There is no such centre.")
    policy.ensure_manages_centre(principal, centre.id)
    building = Building(tenant_id=principal.tenant_id, **data.model_dump(by_alias=False))
    session.add(building)
    await session.flush()
    await audit.record_write(session, principal, resource="building", action="create")
    return building


async def update_building(
    session: AsyncSession, principal: Principal, *, building_id: uuid.UUID, data: BuildingUpdate
) -> Building:
    building = await get_building(session, principal, building_id=building_id)
    policy.ensure_manages_centre(principal, building.centre_id)
    apply_changes(building, data)
    await session.flush()
    await audit.record_write(session, principal, resource="building", action="update")
    return building


async def delete_building(
    session: AsyncSession, principal: Principal, *, building_id: uuid.UUID
) -> None:
    building = await get_building(session, principal, building_id=building_id)
    policy.ensure_manages_centre(principal, building.centre_id)
    if await session.scalar(select(exists().where(Room.building_id == building.id))):
        raise Conflict("The building still has rooms; remove them first.")
    await session.delete(building)
    await session.flush()
    await audit.record_write(session, principal, resource="building", action="delete")


# --- Rooms -------------------------------------------------------------------------------
async def list_rooms(
    session: AsyncSession, principal: Principal, *, building_id: uuid.UUID | None
) -> Sequence[Room]:
    centres = await policy.visible_centre_ids(session, principal)
    if not centres:
        return []
    statement = (
        select(Room)
        .join(Building, Building.id == Room.building_id)
        .where(Room.tenant_id == principal.tenant_id, Building.centre_id.in_(centres))
        .order_by(Room.name, Room.id)
    )
    if building_id is not None:
        statement = statement.where(Room.building_id == building_id)
    return list(await session.scalars(statement))


async def room_in_centre(
    session: AsyncSession, principal: Principal, room_id: uuid.UUID, *, lock: bool = False
) -> tuple[Room, uuid.UUID]:
    """A room the caller may see, with its centre; 404 otherwise. `lock`: hold the room's row
    until commit, so the bookings of one room are written one at a time (PostgreSQL)."""
    statement = (
        select(Room, Building.centre_id)
        .join(Building, Building.id == Room.building_id)
        .where(Room.id == room_id, Room.tenant_id == principal.tenant_id)
    )
    if lock:
        statement = statement.with_for_update(of=Room)
    found = (await session.execute(statement)).first()
    if found is None or found[1] not in await policy.visible_centre_ids(session, principal):
        raise NotFound("room")
    return found[0], found[1]


async def get_room(session: AsyncSession, principal: Principal, *, room_id: uuid.UUID) -> Room:
    return (await room_in_centre(session, principal, room_id))[0]


async def _ensure_owner_in_centre(
    session: AsyncSession, principal: Principal, owner_id: uuid.UUID, centre_id: uuid.UUID
) -> None:
    if owner_id not in await policy.centre_organisation_ids(
        session, principal.tenant_id, centre_id
    ):
        raise InvalidInput.field(
            "ownerOrganisationId",
            "notInCentre",
            "The owner must be an organisation that takes part in the centre.",
        )


def _room_values(data: RoomCreate | RoomUpdate) -> dict[str, Any]:
    values = data.model_dump(exclude_unset=True, by_alias=False, mode="json")
    if "opening_hours" in values:
        values["opening_hours"] = {
            day: {"opens": hours["opens"], "closes": hours["closes"]}
            for day, hours in values["opening_hours"].items()
        }
    return values


async def create_room(session: AsyncSession, principal: Principal, *, data: RoomCreate) -> Room:
    building = await get_in_tenant(
        session, Building, tenant_id=principal.tenant_id, id=data.building_id
    )
    if building is None:
        raise InvalidInput.field("buildingId", "unknownBuilding", "There is no such building.")
    policy.ensure_manages_centre(principal, building.centre_id)
    await _ensure_owner_in_centre(
        session, principal, data.owner_organisation_id, building.centre_id
    )
    values = _room_values(data)
    values["building_id"] = data.building_id
    values["owner_organisation_id"] = data.owner_organisation_id
    room = Room(tenant_id=principal.tenant_id, **values)
    session.add(room)
    await session.flush()
    await audit.record_write(session, principal, resource="room", action="create")
    return room


async def update_room(
    session: AsyncSession, principal: Principal, *, room_id: uuid.UUID, data: RoomUpdate
) -> Room:
    room, centre_id = await room_in_centre(session, principal, room_id)
    policy.ensure_manages_centre(principal, centre_id)
    for name, value in _room_values(data).items():
        setattr(room, name, value)
    await session.flush()
    await audit.record_write(session, principal, resource="room", action="update")
    return room


async def delete_room(session: AsyncSession, principal: Principal, *, room_id: uuid.UUID) -> None:
    room, centre_id = await room_in_centre(session, principal, room_id)
    policy.ensure_manages_centre(principal, centre_id)
    if await session.scalar(select(exists().where(Booking.room_id == room.id))):
        raise Conflict("The room has bookings; it cannot be removed.")
    await session.delete(room)
    await session.flush()
    await audit.record_write(session, principal, resource="room", action="delete")


# --- Holidays ----------------------------------------------------------------------------
async def _visible_centre(
    session: AsyncSession, principal: Principal, centre_id: uuid.UUID
) -> uuid.UUID:
    if centre_id not in await policy.visible_centre_ids(session, principal):
        raise NotFound("child centre")
    return centre_id


async def list_holidays(
    session: AsyncSession, principal: Principal, *, centre_id: uuid.UUID
) -> Sequence[Holiday]:
    await _visible_centre(session, principal, centre_id)
    return await centre_holidays(session, principal.tenant_id, centre_id)


async def centre_holidays(
    session: AsyncSession, tenant_id: uuid.UUID, centre_id: uuid.UUID
) -> Sequence[Holiday]:
    rows = await session.scalars(
        select(Holiday)
        .where(Holiday.tenant_id == tenant_id, Holiday.centre_id == centre_id)
        .order_by(Holiday.start_date, Holiday.id)
    )
    return list(rows)


async def create_holiday(
    session: AsyncSession, principal: Principal, *, centre_id: uuid.UUID, data: HolidayCreate
) -> Holiday:
    await _visible_centre(session, principal, centre_id)
    policy.ensure_manages_centre(principal, centre_id)
    holiday = Holiday(
        tenant_id=principal.tenant_id, centre_id=centre_id, **data.model_dump(by_alias=False)
    )
    session.add(holiday)
    await session.flush()
    await audit.record_write(session, principal, resource="holiday", action="create")
    return holiday


async def delete_holiday(
    session: AsyncSession, principal: Principal, *, centre_id: uuid.UUID, holiday_id: uuid.UUID
) -> None:
    await _visible_centre(session, principal, centre_id)
    holiday = await get_in_tenant(session, Holiday, tenant_id=principal.tenant_id, id=holiday_id)
    if holiday is None or holiday.centre_id != centre_id:
        raise NotFound("holiday")
    policy.ensure_manages_centre(principal, centre_id)
    await session.delete(holiday)
    await session.flush()
    await audit.record_write(session, principal, resource="holiday", action="delete")


# --- Bookings ----------------------------------------------------------------------------
async def _booking_organisation(
    session: AsyncSession, principal: Principal, data: BookingCreate, centre_id: uuid.UUID
) -> Organisation:
    own = principal.organisation_ids(policy.BOOKERS)
    if data.organisation_id is None:
        if len(own) != 1:
            raise InvalidInput.field(
                "organisationId",
                "organisationRequired",
                "You belong to more than one organisation: say which one books.",
            )
        (organisation_id,) = own
    else:
        organisation_id = data.organisation_id
    if organisation_id not in own:
        raise Forbidden("You can only book for an organisation you work for.")
    if organisation_id not in await policy.centre_organisation_ids(
        session, principal.tenant_id, centre_id
    ):
        raise InvalidInput.field(
            "organisationId", "notInCentre", "This organisation does not take part in the centre."
        )
    organisation = await session.get(Organisation, organisation_id)
    assert organisation is not None
    return organisation


def _rule_errors(
    room: Room, organisation: Organisation, data: BookingCreate, first: Occurrence, now: datetime
) -> list[dict[str, str]]:
    errors = []

    def error(location: str, code: str, detail: str) -> None:
        errors.append(_error(location, code, detail))

    if first[0] < now:
        error("startsAt", "inThePast", "A booking cannot start in the past.")
    if first[1] - first[0] > MAX_DURATION:
        error("endsAt", "tooLong", "A booking lasts 24 hours at most; use a recurrence.")
    if (
        organisation.id != room.owner_organisation_id
        and organisation.type.value not in room.bookable_by
    ):
        error("roomId", "notBookableByOrganisation", "Your kind of organisation cannot book it.")
    if data.attendees is not None and room.capacity is not None and data.attendees > room.capacity:
        error("attendees", "overCapacity", f"The room holds {room.capacity} people.")
    return errors


def _within_opening_hours(room: Room, occurrence: Occurrence) -> bool:
    if not room.opening_hours:  # a room without opening hours set is open at any time
        return True
    start, end = local(occurrence[0]), local(occurrence[1])
    if start.date() != end.date() and end.time() != time(0):
        return False
    hours = room.opening_hours.get(WEEKDAYS[start.weekday()])
    if hours is None:
        return False
    closes = "24:00" if end.time() == time(0) else end.strftime("%H:%M")
    return bool(hours["opens"] <= start.strftime("%H:%M") and closes <= hours["closes"])


async def _confirmed_overlapping(
    session: AsyncSession, room_id: uuid.UUID, span: Occurrence, *, exclude: uuid.UUID | None = None
) -> list[Booking]:
    statement = select(Booking).where(
        Booking.room_id == room_id,
        Booking.status == BookingStatus.CONFIRMED,
        Booking.starts_at < span[1],
        Booking.starts_at > span[0] - MAX_DURATION,
        Booking.ends_at > span[0],
    )
    if exclude is not None:
        statement = statement.where(Booking.id != exclude)
    return list(await session.scalars(statement.order_by(Booking.starts_at)))


def _clashes(occurrence: Occurrence, taken: Sequence[Booking]) -> list[Booking]:
    return [b for b in taken if b.starts_at < occurrence[1] and b.ends_at > occurrence[0]]


async def _names(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    organisations: set[uuid.UUID],
    people: set[uuid.UUID],
) -> tuple[dict[uuid.UUID, str], dict[uuid.UUID, str]]:
    """The names of these organisations and of these people, of the tenant."""
    org_names: dict[uuid.UUID, str] = {}
    user_names: dict[uuid.UUID, str] = {}
    if organisations:
        rows = await session.execute(
            select(Organisation.id, Organisation.name).where(
                Organisation.tenant_id == tenant_id, Organisation.id.in_(organisations)
            )
        )
        org_names = {row.id: row.name for row in rows}
    if people:
        rows = await session.execute(
            select(User.id, User.display_name).where(
                User.tenant_id == tenant_id, User.id.in_(people)
            )
        )
        user_names = {row.id: row.display_name for row in rows}
    return org_names, user_names


async def reads(
    session: AsyncSession,
    principal: Principal,
    bookings: Sequence[Booking],
    rooms: dict[uuid.UUID, tuple[Room, uuid.UUID]],
) -> list[BookingRead]:
    """Bookings as the caller may see them: in full, or only as "busy"."""
    in_full = policy.sees_in_full(principal, rooms)
    full_ids = {booking.id for booking in bookings if in_full(booking)}
    organisations, people = await _names(
        session,
        principal.tenant_id,
        {booking.organisation_id for booking in bookings},
        # Only the bookers the caller may see: a busy booking names nobody.
        {booking.booked_by_id for booking in bookings if booking.id in full_ids},
    )
    result = []
    for booking in bookings:
        full = booking.id in full_ids
        # Every field given: model_construct then fills no defaults (a week is 1,200 of these).
        result.append(
            BookingRead.model_construct(
                id=booking.id,
                room_id=booking.room_id,
                organisation_id=booking.organisation_id,
                organisation_name=organisations.get(booking.organisation_id, ""),
                detail="full" if full else "busy",
                starts_at=booking.starts_at,
                ends_at=booking.ends_at,
                status=booking.status,
                series_id=booking.series_id,
                purpose=booking.purpose if full else None,
                booked_by_id=booking.booked_by_id if full else None,
                booked_by_name=people.get(booking.booked_by_id) if full else None,
                attendees=booking.attendees if full else None,
                activity_id=booking.activity_id if full else None,
                trajectory_session_id=booking.trajectory_session_id if full else None,
                checked_in_at=booking.checked_in_at if full else None,
                released=booking.released_at is not None,
            )
        )
    return result


def _on_holiday(occurrence: Occurrence, holidays: Sequence[Holiday]) -> bool:
    days = set(local_dates(occurrence))
    return any(h.start_date <= day <= h.end_date for h in holidays for day in days)


async def create_booking(
    session: AsyncSession, principal: Principal, *, data: BookingCreate
) -> BookingCreated:
    room, centre_id = await room_in_centre(session, principal, data.room_id, lock=True)
    if centre_id not in await policy.partner_centre_ids(session, principal):
        raise Forbidden("Only the centre's organisations book its rooms.")
    organisation = await _booking_organisation(session, principal, data, centre_id)
    if data.trajectory_session_id is not None and (
        await get_in_tenant(
            session, TrajectorySession, tenant_id=principal.tenant_id, id=data.trajectory_session_id
        )
        is None
    ):
        raise InvalidInput.field(
            "trajectorySessionId", "unknownSession", "There is no such support session."
        )
    planned = occurrences(data.starts_at, data.ends_at, data.recurrence)
    if not planned:
        raise InvalidInput.field("recurrence", "noOccurrences", "The rule gives no dates.")
    errors = _rule_errors(room, organisation, data, planned[0], datetime.now(UTC))
    closed = [o for o in planned if not _within_opening_hours(room, o)]
    if closed:
        errors.append(
            {
                "in": "body",
                "location": "#/startsAt",
                "code": "outsideOpeningHours",
                "detail": f"{len(closed)} of the times fall outside the room's opening hours.",
            }
        )
    if errors:
        raise InvalidInput(errors)

    skipped: list[SkippedOccurrence] = []
    skip_holidays = (
        data.skip_holidays
        if data.skip_holidays is not None
        else data.recurrence is not None and organisation.type == OrganisationType.SCHOOL
    )
    holidays = (
        await centre_holidays(session, principal.tenant_id, centre_id) if skip_holidays else []
    )
    skip_dates = set(data.skip_dates)
    wanted: list[Occurrence] = []
    for occurrence in planned:
        if skip_dates & set(local_dates(occurrence)):
            skipped.append(_skipped(occurrence, "skip_date"))
        elif holidays and _on_holiday(occurrence, holidays):
            skipped.append(_skipped(occurrence, "holiday"))
        else:
            wanted.append(occurrence)
    if not wanted:
        raise InvalidInput.field("recurrence", "noOccurrences", "Every date is skipped.")

    taken = await _confirmed_overlapping(session, room.id, (wanted[0][0], wanted[-1][1]))
    clashing = [(o, _clashes(o, taken)) for o in wanted]
    conflicts = [(o, found) for o, found in clashing if found]
    if conflicts and not data.skip_conflicts:
        raise await _conflict(session, principal, room, centre_id, conflicts)
    free = [o for o, found in clashing if not found]
    skipped += [_skipped(o, "conflict") for o, _ in conflicts]
    if not free:
        raise await _conflict(session, principal, room, centre_id, conflicts)

    status = (
        BookingStatus.REQUESTED
        if room.needs_approval and organisation.id != room.owner_organisation_id
        else BookingStatus.CONFIRMED
    )
    series = None
    if data.recurrence is not None:
        series = BookingSeries(
            tenant_id=principal.tenant_id,
            room_id=room.id,
            recurrence=data.recurrence,
            skip_holidays=skip_holidays,
            skip_dates=sorted(d.isoformat() for d in skip_dates),
        )
        session.add(series)
        await session.flush()
    made = [
        Booking(
            tenant_id=principal.tenant_id,
            room_id=room.id,
            organisation_id=organisation.id,
            booked_by_id=principal.user_id,
            purpose=data.purpose,
            starts_at=start,
            ends_at=end,
            status=status,
            attendees=data.attendees,
            series_id=series.id if series is not None else None,
            activity_id=data.activity_id,
            trajectory_session_id=data.trajectory_session_id,
        )
        for start, end in free
    ]
    session.add_all(made)
    await _flush_or_conflict(session)
    await audit.record_write(session, principal, resource="booking", action="create")
    if status == BookingStatus.REQUESTED:
        await notify(
            session,
            principal,
            await _room_owners(session, room),
            NotificationKind.BOOKING_REQUESTED,
            booking_id=made[0].id,
        )
    items = await reads(session, principal, made, {room.id: (room, centre_id)})
    skipped.sort(key=lambda s: s.starts_at)
    return BookingCreated(
        series_id=series.id if series is not None else None, items=items, skipped=skipped
    )


def _skipped(occurrence: Occurrence, reason: str) -> SkippedOccurrence:
    return SkippedOccurrence(starts_at=occurrence[0], ends_at=occurrence[1], reason=reason)


async def _conflict(
    session: AsyncSession,
    principal: Principal,
    room: Room,
    centre_id: uuid.UUID,
    conflicts: Sequence[tuple[Occurrence, list[Booking]]],
) -> Conflict:
    existing = list({b.id: b for _, found in conflicts for b in found}.values())
    shown = {
        read.id: read
        for read in await reads(session, principal, existing, {room.id: (room, centre_id)})
    }
    error = Conflict(
        f"The room is taken at {len(conflicts)} of the asked times. Choose other times, or "
        "ask to skip them (skipConflicts)."
    )
    error.extensions["conflicts"] = [
        {
            "startsAt": occurrence[0].isoformat(),
            "endsAt": occurrence[1].isoformat(),
            "takenBy": [shown[b.id].model_dump(mode="json", exclude_none=True) for b in found],
        }
        for occurrence, found in conflicts
    ]
    return error


async def _flush_or_conflict(session: AsyncSession) -> None:
    try:
        await session.flush()
    except IntegrityError as exc:
        if getattr(exc.orig, "sqlstate", None) == "23P01":  # the exclusion constraint
            raise Conflict("The room was just booked at this time by someone else.") from None
        raise


async def _booking(
    session: AsyncSession, principal: Principal, booking_id: uuid.UUID, *, lock: bool = False
) -> tuple[Booking, Room, uuid.UUID]:
    booking = await get_in_tenant(session, Booking, tenant_id=principal.tenant_id, id=booking_id)
    if booking is None:
        raise NotFound("booking")
    try:
        room, centre_id = await room_in_centre(session, principal, booking.room_id, lock=lock)
    except NotFound:
        raise NotFound("booking") from None
    if centre_id not in await policy.partner_centre_ids(session, principal):
        raise NotFound("booking")
    return booking, room, centre_id


async def get_booking(
    session: AsyncSession, principal: Principal, *, booking_id: uuid.UUID
) -> BookingRead:
    return (await read_booking_versioned(session, principal, booking_id=booking_id))[0]


async def read_booking_versioned(
    session: AsyncSession, principal: Principal, *, booking_id: uuid.UUID
) -> tuple[BookingRead, str]:
    """The booking and its ETag, for a later If-Match."""
    booking, room, centre_id = await _booking(session, principal, booking_id)
    read = (await reads(session, principal, [booking], {room.id: (room, centre_id)}))[0]
    return read, etag_of(booking.id, booking.updated_at)


async def list_bookings(
    session: AsyncSession,
    principal: Principal,
    *,
    building_id: uuid.UUID | None,
    room_id: uuid.UUID | None,
    organisation_id: uuid.UUID | None,
    status: BookingStatus | None,
    start: date,
    end: date,
) -> list[BookingRead]:
    """The bookings of a building or a room between two local dates (the end inclusive)."""
    if building_id is None and room_id is None:
        raise InvalidInput.field(
            "buildingId", "required", "Give a buildingId or a roomId.", where="query"
        )
    if end < start or end - start > MAX_WINDOW:
        raise InvalidInput.field(
            "to", "invalidWindow", "`to` is on or after `from`, at most 62 days on.", where="query"
        )
    centres = await policy.partner_centre_ids(session, principal)
    statement = (
        select(Room, Building.centre_id)
        .join(Building, Building.id == Room.building_id)
        .where(Room.tenant_id == principal.tenant_id, Building.centre_id.in_(centres))
    )
    if building_id is not None:
        statement = statement.where(Room.building_id == building_id)
    if room_id is not None:
        statement = statement.where(Room.id == room_id)
    rooms = {room.id: (room, centre) for room, centre in (await session.execute(statement)).all()}
    if not rooms:
        return []
    window_start, window_end = local_days(start, end)
    found = await fetch(
        session,
        _calendar_query(status is not None, organisation_id is not None),
        {
            "cal_tenant": principal.tenant_id,
            "cal_rooms": list(rooms),
            "cal_start": window_start,
            "cal_earliest": window_start - MAX_DURATION,
            "cal_end": window_end,
            "cal_status": status,
            "cal_organisation": organisation_id,
        },
    )
    return await reads(session, principal, found, rooms)


_NOT_SHOWN = frozenset({"tenant_id", "created_at", "updated_at"})


@functools.lru_cache(maxsize=8)
def _calendar_query(by_status: bool, by_organisation: bool) -> Query:
    """The calendar's bookings: one statement per shape, compiled once (driver reads)."""
    moment = Booking.starts_at.type
    shown = [c for c in entity_columns(Booking) if c.key not in _NOT_SHOWN]
    statement = select(*shown).where(
        Booking.tenant_id == bindparam("cal_tenant", type_=Uuid),
        Booking.room_id.in_(bindparam("cal_rooms", expanding=True, type_=Uuid)),
        Booking.starts_at < bindparam("cal_end", type_=moment),
        Booking.starts_at > bindparam("cal_earliest", type_=moment),
        Booking.ends_at > bindparam("cal_start", type_=moment),
    )
    if by_status:
        statement = statement.where(
            Booking.status == bindparam("cal_status", type_=Booking.status.type)
        )
    else:
        statement = statement.where(Booking.status != BookingStatus.CANCELLED)
    if by_organisation:
        statement = statement.where(
            Booking.organisation_id == bindparam("cal_organisation", type_=Uuid)
        )
    return Query(statement.order_by(Booking.starts_at, Booking.id))


async def _room_owners(session: AsyncSession, room: Room) -> list[uuid.UUID]:
    """Who decides on requests for the room: its owning organisation's administrators."""
    rows = await session.scalars(
        select(Membership.user_id).where(
            Membership.tenant_id == room.tenant_id,
            Membership.organisation_id == room.owner_organisation_id,
            Membership.role == Role.ORG_ADMIN,
        )
    )
    return list(rows)


async def _following(
    session: AsyncSession, booking: Booking, status: BookingStatus
) -> list[Booking]:
    """The later occurrences of the booking's series in this status."""
    rows = await session.scalars(
        select(Booking)
        .where(
            Booking.series_id == booking.series_id,
            Booking.starts_at > booking.starts_at,
            Booking.status == status,
        )
        .order_by(Booking.starts_at)
    )
    return list(rows)


async def transition(
    session: AsyncSession,
    principal: Principal,
    *,
    booking_id: uuid.UUID,
    to: str,
    scope: str = "this",
) -> BookingRead:
    booking, room, centre_id = await _booking(session, principal, booking_id, lock=True)
    if to == "confirmed":
        if booking.status != BookingStatus.REQUESTED:
            raise Conflict(
                f"Only a requested booking can be confirmed; this one is {booking.status}."
            )
        if not policy.decides_for_room(principal, room, centre_id):
            raise Forbidden("Only the room's owner confirms requests for it.")
        asked = [booking]
        if scope == "following" and booking.series_id is not None:
            asked += await _following(session, booking, BookingStatus.REQUESTED)
        span = (asked[0].starts_at, max(b.ends_at for b in asked))
        taken = await _confirmed_overlapping(session, room.id, span)
        conflicts = [
            ((b.starts_at, b.ends_at), found)
            for b in asked
            if (found := _clashes((b.starts_at, b.ends_at), taken))
        ]
        if conflicts:
            raise await _conflict(session, principal, room, centre_id, conflicts)
        for confirmed in asked:
            confirmed.status = BookingStatus.CONFIRMED
        await notify(
            session,
            principal,
            [booking.booked_by_id],
            NotificationKind.BOOKING_CONFIRMED,
            booking_id=booking.id,
        )
    else:
        if booking.status == BookingStatus.CANCELLED:
            raise Conflict("The booking is already cancelled.")
        if not policy.may_cancel(principal, booking, room, centre_id):
            raise Forbidden("Only the booker, their organisation or the room's owner cancels.")
        booking.status = BookingStatus.CANCELLED
        # Someone else than the booker declined or cancelled it: the booker hears of it.
        await notify(
            session,
            principal,
            [booking.booked_by_id],
            NotificationKind.BOOKING_DECLINED,
            booking_id=booking.id,
        )
        if scope == "following" and booking.series_id is not None:
            for status in (BookingStatus.REQUESTED, BookingStatus.CONFIRMED):
                for later in await _following(session, booking, status):
                    later.status = BookingStatus.CANCELLED
    await _flush_or_conflict(session)
    await audit.record_write(session, principal, resource="booking", action=to)
    return (await reads(session, principal, [booking], {room.id: (room, centre_id)}))[0]


async def update_booking(
    session: AsyncSession,
    principal: Principal,
    *,
    booking_id: uuid.UUID,
    data: BookingUpdate,
    if_match: str | None = None,
) -> list[BookingRead]:
    """Change one booking, or it and the following ones of its series; the rules of the room
    and the conflict check apply to every changed occurrence, as when booking. With If-Match,
    only while the booking is as last read."""
    booking, room, centre_id = await _booking(session, principal, booking_id, lock=True)
    require_match(if_match, booking.id, booking.updated_at)
    if not policy.may_cancel(principal, booking, room, centre_id):
        raise Forbidden("Only the booker, their organisation or the room's owner changes it.")
    if booking.status == BookingStatus.CANCELLED:
        raise Conflict("A cancelled booking cannot be changed.")
    affected = [booking]
    if data.scope == "following" and booking.series_id is not None:
        affected = list(
            await session.scalars(
                select(Booking)
                .where(
                    Booking.series_id == booking.series_id,
                    Booking.starts_at >= booking.starts_at,
                    Booking.status != BookingStatus.CANCELLED,
                )
                .order_by(Booking.starts_at)
            )
        )
    moved: list[Occurrence] = []
    if data.starts_at is not None and data.ends_at is not None:
        old_day = local(booking.starts_at).date()
        new_start, new_end = local(data.starts_at), local(data.ends_at)
        shift = new_start.date() - old_day
        wall = new_end.replace(tzinfo=None) - new_start.replace(tzinfo=None)
        for occurrence in affected:
            day = local(occurrence.starts_at).date() + shift
            begin = datetime.combine(day, new_start.time(), tzinfo=AMSTERDAM)
            finish = (begin.replace(tzinfo=None) + wall).replace(tzinfo=AMSTERDAM)
            moved.append((begin.astimezone(UTC), finish.astimezone(UTC)))
        errors = []
        if wall > MAX_DURATION:
            errors.append(_error("endsAt", "tooLong", "A booking lasts 24 hours at most."))
        if moved[0][0] < datetime.now(UTC):
            errors.append(_error("startsAt", "inThePast", "A booking cannot start in the past."))
        closed = [o for o in moved if not _within_opening_hours(room, o)]
        if closed:
            errors.append(
                _error(
                    "startsAt",
                    "outsideOpeningHours",
                    f"{len(closed)} of the times fall outside the room's opening hours.",
                )
            )
        if errors:
            raise InvalidInput(errors)
        ids = {b.id for b in affected}
        taken = [
            b
            for b in await _confirmed_overlapping(session, room.id, (moved[0][0], moved[-1][1]))
            if b.id not in ids
        ]
        conflicts = [(o, found) for o in moved if (found := _clashes(o, taken))]
        if conflicts:
            raise await _conflict(session, principal, room, centre_id, conflicts)
    if data.attendees is not None and room.capacity is not None and data.attendees > room.capacity:
        raise InvalidInput(
            [_error("attendees", "overCapacity", f"The room holds {room.capacity} people.")]
        )
    needs_approval = room.needs_approval and booking.organisation_id != room.owner_organisation_id
    for index, occurrence in enumerate(affected):
        if moved:
            occurrence.starts_at, occurrence.ends_at = moved[index]
            if needs_approval and not policy.decides_for_room(principal, room, centre_id):
                occurrence.status = BookingStatus.REQUESTED
        if data.purpose is not None:
            occurrence.purpose = data.purpose
        if data.attendees is not None:
            occurrence.attendees = data.attendees
    await _flush_or_conflict(session)
    await audit.record_write(session, principal, resource="booking", action="update")
    return await reads(session, principal, affected, {room.id: (room, centre_id)})


def _error(location: str, code: str, detail: str) -> dict[str, str]:
    return {"in": "body", "location": f"#/{location}", "code": code, "detail": detail}


CHECK_IN_GRACE = timedelta(minutes=15)


async def check_in(
    session: AsyncSession, principal: Principal, *, booking_id: uuid.UUID
) -> BookingRead:
    """The booking organisation's people check in from 15 minutes before the start to the end;
    in a room that requires it, a booking left unchecked 15 minutes after its start is freed."""
    booking, room, centre_id = await _booking(session, principal, booking_id)
    if booking.organisation_id not in principal.organisation_ids():
        raise Forbidden("Only the booking organisation checks in.")
    now = datetime.now(UTC)
    if booking.status != BookingStatus.CONFIRMED:
        raise Conflict("Only a confirmed booking can be checked in.")
    if not booking.starts_at - CHECK_IN_GRACE <= now < booking.ends_at:
        raise Conflict("Check in from 15 minutes before the start until the end.")
    if booking.checked_in_at is None:
        booking.checked_in_at = now
        await session.flush()
        await audit.record_write(session, principal, resource="booking", action="check-in")
    return (await reads(session, principal, [booking], {room.id: (room, centre_id)}))[0]


async def release_no_shows(session: AsyncSession, now: datetime | None = None) -> int:
    """Free the bookings of rooms that require check-in that nobody checked in within 15
    minutes of their start; they count as no-shows. Returns how many."""
    moment = now or datetime.now(UTC)
    due = await session.scalars(
        select(Booking)
        .join(Room, Room.id == Booking.room_id)
        .where(
            Room.check_in_required,
            Booking.status == BookingStatus.CONFIRMED,
            Booking.checked_in_at.is_(None),
            Booking.starts_at <= moment - CHECK_IN_GRACE,
        )
    )
    released = 0
    for booking in due:
        booking.status = BookingStatus.CANCELLED
        booking.released_at = moment
        released += 1
    await session.flush()
    return released


async def run_release(sessionmaker: Any, interval: float) -> None:
    """Release no-shows every `interval` seconds until cancelled (started by the API)."""
    while True:
        await asyncio.sleep(interval)
        try:
            async with sessionmaker() as session, session.begin():
                await release_no_shows(session)
        except Exception as exc:  # the next round tries again
            log.error("releasing no-shows failed: %s", type(exc).__name__)
