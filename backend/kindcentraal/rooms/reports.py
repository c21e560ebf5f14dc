"""How the rooms are used, and what the floor-area norm says: the figures for the debate about
extra square metres for childcare. Hours are counted in local time (Europe/Amsterdam) from
confirmed bookings, cut at the edges of the period."""

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit import service as audit
from kindcentraal.auth.principal import Principal
from kindcentraal.child.models import Child
from kindcentraal.common.roles import OrganisationType, Role
from kindcentraal.errors import Forbidden, InvalidInput
from kindcentraal.organisation.models import Organisation
from kindcentraal.placement.models import Placement, PlacementKind
from kindcentraal.rooms import policy, service
from kindcentraal.rooms.models import Booking, BookingStatus, Building, Holiday, Room, RoomNorm
from kindcentraal.rooms.recurrence import AMSTERDAM, local_days
from kindcentraal.rooms.schemas import (
    WEEKDAYS,
    FloorAreaReport,
    FloorAreaRoom,
    OrganisationHours,
    OrganisationUse,
    RoomNormRead,
    RoomNormUpdate,
    RoomUse,
    UtilisationReport,
)
from kindcentraal.rooms.service import MAX_DURATION

DEFAULT_NORM = RoomNormRead(
    base_m2=200.0,
    per_pupil_m2=5.03,
    after_school_from="15:00",
    wednesday_afternoon_from="12:00",
    is_default=True,
)
MAX_DAYS = 400
UNDER_USED = 0.3
EDUCATION = OrganisationType.SCHOOL
CHILDCARE = OrganisationType.CHILDCARE


# --- The norm ----------------------------------------------------------------------------
async def norm_of(session: AsyncSession, tenant_id: uuid.UUID) -> RoomNormRead:
    own = await session.scalar(select(RoomNorm).where(RoomNorm.tenant_id == tenant_id))
    if own is None:
        return DEFAULT_NORM
    return RoomNormRead(
        base_m2=own.base_m2,
        per_pupil_m2=own.per_pupil_m2,
        after_school_from=own.after_school_from,
        wednesday_afternoon_from=own.wednesday_afternoon_from,
        is_default=False,
    )


async def set_norm(
    session: AsyncSession, principal: Principal, *, data: RoomNormUpdate
) -> RoomNormRead:
    if not principal.has_role(Role.CENTRE_ADMIN):
        raise Forbidden("Only centre administrators set the municipality's room norm.")
    own = await session.scalar(select(RoomNorm).where(RoomNorm.tenant_id == principal.tenant_id))
    if own is None:
        own = RoomNorm(tenant_id=principal.tenant_id)
        session.add(own)
    own.base_m2 = data.base_m2
    own.per_pupil_m2 = data.per_pupil_m2
    own.after_school_from = data.after_school_from
    own.wednesday_afternoon_from = data.wednesday_afternoon_from
    await session.flush()
    await audit.record_write(session, principal, resource="room-norm", action="update")
    return await norm_of(session, principal.tenant_id)


# --- Counting hours ----------------------------------------------------------------------
def _clock(value: str) -> time:
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


@dataclass
class Hours:
    booked: float = 0.0
    after_school: float = 0.0
    holiday: float = 0.0
    no_show: float = 0.0
    by_organisation: dict[uuid.UUID, float] = field(default_factory=lambda: defaultdict(float))


def _hours(a: datetime, b: datetime) -> float:
    return (b - a).total_seconds() / 3600


@dataclass
class Counter:
    """Adds bookings up per room, per organisation and per hour of the week."""

    after_school_from: time
    wednesday_afternoon_from: time
    holidays: set[date]
    window: tuple[datetime, datetime]
    rooms: dict[uuid.UUID, Hours] = field(default_factory=lambda: defaultdict(Hours))
    heatmap: list[list[float]] = field(default_factory=lambda: [[0.0] * 24 for _ in range(7)])

    @classmethod
    def under(
        cls, norm: RoomNormRead, holidays: set[date], window: tuple[datetime, datetime]
    ) -> "Counter":
        """A counter for the norm's "after school" moments."""
        return cls(
            _clock(norm.after_school_from),
            _clock(norm.wednesday_afternoon_from),
            holidays,
            window,
        )

    def add(self, booking: Any) -> None:  # a Booking, or a row of its columns
        """Count a booking, cut at the period's edges, day by day in local wall-clock time
        (seconds of the day: a year of 55,000 bookings is counted in a fraction of a second)."""
        start = max(booking.starts_at, self.window[0]).astimezone(AMSTERDAM)
        end = min(booking.ends_at, self.window[1]).astimezone(AMSTERDAM)
        day = start.date()
        first = start.hour * 3600 + start.minute * 60 + start.second
        while True:
            last_day = day == end.date()
            until = end.hour * 3600 + end.minute * 60 + end.second if last_day else 86_400
            if until > first:
                self._add_day(booking, day, first, until)
            if last_day:
                return
            day += timedelta(days=1)
            first = 0

    def _add_day(self, booking: Any, day: date, first: int, until: int) -> None:
        room = self.rooms[booking.room_id]
        hours = (until - first) / 3600
        room.booked += hours
        room.by_organisation[booking.organisation_id] += hours
        weekday = day.weekday()
        if weekday >= 5:
            threshold = 0
        else:
            clock = self.wednesday_afternoon_from if weekday == 2 else self.after_school_from
            threshold = clock.hour * 3600 + clock.minute * 60
        room.after_school += max(0, until - max(first, threshold)) / 3600
        if day in self.holidays:
            room.holiday += hours
        heat = self.heatmap[weekday]
        hour = first // 3600
        while hour * 3600 < until:
            heat[hour] += (min(until, (hour + 1) * 3600) - max(first, hour * 3600)) / 3600
            hour += 1

    def add_no_show(self, booking: Any) -> None:
        start = max(booking.starts_at, self.window[0])
        end = min(booking.ends_at, self.window[1])
        self.rooms[booking.room_id].no_show += max(0.0, _hours(start, end))


def weekday_counts(first: date, last: date) -> list[int]:
    """How many Mondays, Tuesdays... lie from `first` to `last` (both included)."""
    days = (last - first).days + 1
    counts = [days // 7] * 7
    for offset in range(days % 7):
        counts[(first.weekday() + offset) % 7] += 1
    return counts


def opening_hours_between(room: Room, first: date, last: date) -> float | None:
    if not room.opening_hours:
        return None
    total = 0.0
    for name, days in zip(WEEKDAYS, weekday_counts(first, last), strict=True):
        hours = room.opening_hours.get(name)
        if hours is not None and days:
            opens, closes = _clock(hours["opens"]), _clock(hours["closes"])
            total += days * (closes.hour * 60 + closes.minute - opens.hour * 60 - opens.minute) / 60
    return total


# --- Reports -----------------------------------------------------------------------------
async def _readable_building(
    session: AsyncSession, principal: Principal, building_id: uuid.UUID
) -> Building:
    building = await service.get_building(session, principal, building_id=building_id)
    await policy.ensure_reads_centre_figures(session, principal, building.centre_id)
    return building


def _period(first: date, last: date) -> tuple[datetime, datetime]:
    if last < first or (last - first).days > MAX_DAYS:
        raise InvalidInput.field(
            "to",
            "invalidPeriod",
            f"`to` is on or after `from`, at most {MAX_DAYS} days on.",
            "query",
        )
    return local_days(first, last)


async def _count(
    session: AsyncSession,
    building: Building,
    rooms: Sequence[Room],
    first: date,
    last: date,
    norm: RoomNormRead,
) -> Counter:
    window = _period(first, last)
    holidays = await session.scalars(
        select(Holiday).where(
            Holiday.tenant_id == building.tenant_id,
            Holiday.centre_id == building.centre_id,
            Holiday.end_date >= first,
            Holiday.start_date <= last,
        )
    )
    days: set[date] = set()
    for holiday in holidays:
        day = holiday.start_date
        while day <= holiday.end_date:
            days.add(day)
            day += timedelta(days=1)
    counter = Counter.under(norm, days, window)
    if rooms:
        # Columns, not objects: a year of a building is tens of thousands of bookings.
        bookings = await session.execute(
            select(
                Booking.room_id, Booking.organisation_id, Booking.starts_at, Booking.ends_at
            ).where(
                Booking.tenant_id == building.tenant_id,
                Booking.room_id.in_([room.id for room in rooms]),
                Booking.status == BookingStatus.CONFIRMED,
                Booking.starts_at < window[1],
                Booking.starts_at > window[0] - MAX_DURATION,
                Booking.ends_at > window[0],
            )
        )
        for booking in bookings:
            counter.add(booking)
        released = await session.scalars(
            select(Booking).where(
                Booking.tenant_id == building.tenant_id,
                Booking.room_id.in_([room.id for room in rooms]),
                Booking.released_at.is_not(None),
                Booking.starts_at < window[1],
                Booking.ends_at > window[0],
            )
        )
        for no_show in released:
            counter.add_no_show(no_show)
    return counter


async def _organisations(
    session: AsyncSession, tenant_id: uuid.UUID, ids: set[uuid.UUID]
) -> dict[uuid.UUID, Organisation]:
    if not ids:
        return {}
    rows = await session.scalars(
        select(Organisation).where(Organisation.tenant_id == tenant_id, Organisation.id.in_(ids))
    )
    return {organisation.id: organisation for organisation in rows}


def _ratio(part: float, whole: float | None) -> float | None:
    return round(part / whole, 4) if whole else None


async def room_utilisation(
    session: AsyncSession, principal: Principal, *, building_id: uuid.UUID, first: date, last: date
) -> UtilisationReport:
    building = await _readable_building(session, principal, building_id)
    await audit.record_statistics_read(session, principal, resource="room-utilisation-report")
    rooms = await service.list_rooms(session, principal, building_id=building.id)
    norm = await norm_of(session, principal.tenant_id)
    counter = await _count(session, building, rooms, first, last, norm)
    used_by = {o for hours in counter.rooms.values() for o in hours.by_organisation}
    organisations = await _organisations(
        session, principal.tenant_id, used_by | {room.owner_organisation_id for room in rooms}
    )
    room_uses = []
    per_organisation: dict[uuid.UUID, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for room in rooms:
        hours = counter.rooms.get(room.id, Hours())
        opening = opening_hours_between(room, first, last)
        for organisation_id, booked in hours.by_organisation.items():
            totals = per_organisation[organisation_id]
            totals[0] += booked
            totals[2] += 1
            if organisation_id != room.owner_organisation_id:
                totals[1] += booked
        room_uses.append(
            RoomUse(
                room_id=room.id,
                name=room.name,
                type=room.type,
                floor_area_m2=room.floor_area_m2,
                owner_organisation_id=room.owner_organisation_id,
                opening_hours=opening,
                booked_hours=round(hours.booked, 2),
                utilisation=_ratio(hours.booked, opening),
                after_school_hours=round(hours.after_school, 2),
                holiday_hours=round(hours.holiday, 2),
                no_show_hours=round(hours.no_show, 2),
                organisation_count=len(hours.by_organisation),
                by_organisation=[
                    OrganisationHours(
                        organisation_id=organisation_id,
                        organisation_name=organisations[organisation_id].name,
                        hours=round(booked, 2),
                    )
                    for organisation_id, booked in sorted(
                        hours.by_organisation.items(), key=lambda item: -item[1]
                    )
                ],
            )
        )
    booked = sum(use.booked_hours for use in room_uses)
    openings = [use.opening_hours for use in room_uses if use.opening_hours is not None]
    opening_total = sum(openings) if openings else None
    return UtilisationReport(
        building_id=building.id,
        from_=first,
        to=last,
        booked_hours=round(booked, 2),
        opening_hours=opening_total,
        utilisation=_ratio(
            sum(u.booked_hours for u in room_uses if u.opening_hours is not None), opening_total
        ),
        after_school_hours=round(sum(use.after_school_hours for use in room_uses), 2),
        holiday_hours=round(sum(use.holiday_hours for use in room_uses), 2),
        rooms=room_uses,
        organisations=sorted(
            (
                OrganisationUse(
                    organisation_id=organisation_id,
                    organisation_name=organisations[organisation_id].name,
                    organisation_type=organisations[organisation_id].type,
                    booked_hours=round(totals[0], 2),
                    hours_in_rooms_of_others=round(totals[1], 2),
                    rooms_used=int(totals[2]),
                )
                for organisation_id, totals in per_organisation.items()
            ),
            key=lambda use: -use.booked_hours,
        ),
        heatmap=[[round(hours, 2) for hours in day] for day in counter.heatmap],
    )


async def floor_area(
    session: AsyncSession, principal: Principal, *, building_id: uuid.UUID, reference: date
) -> FloorAreaReport:
    """The norm against the building, over the year up to the reference date."""
    building = await _readable_building(session, principal, building_id)
    await audit.record_statistics_read(session, principal, resource="floor-area-report")
    rooms = await service.list_rooms(session, principal, building_id=building.id)
    norm = await norm_of(session, principal.tenant_id)
    first = reference - timedelta(days=364)
    counter = await _count(session, building, rooms, first, reference, norm)
    pupils = (
        await session.scalar(
            select(func.count(func.distinct(Placement.child_id)))
            .join(Child, Child.id == Placement.child_id)
            .join(Organisation, Organisation.id == Placement.organisation_id)
            .where(
                Placement.tenant_id == building.tenant_id,
                Child.centre_id == building.centre_id,
                Placement.kind == PlacementKind.SCHOOL,
                Organisation.type == EDUCATION,
                Placement.start_date <= reference,
                or_(Placement.end_date.is_(None), Placement.end_date >= reference),
            )
        )
        or 0
    )
    organisations = await _organisations(
        session,
        principal.tenant_id,
        {o for hours in counter.rooms.values() for o in hours.by_organisation}
        | {room.owner_organisation_id for room in rooms},
    )
    childcare_hours = 0.0
    equivalent = 0.0
    under_used = []
    for room in rooms:
        hours = counter.rooms.get(room.id, Hours())
        opening = opening_hours_between(room, first, reference)
        utilisation = _ratio(hours.booked, opening)
        if utilisation is not None and utilisation < UNDER_USED:
            under_used.append(
                FloorAreaRoom(
                    room_id=room.id,
                    name=room.name,
                    floor_area_m2=room.floor_area_m2,
                    utilisation=utilisation,
                )
            )
        owner = organisations.get(room.owner_organisation_id)
        if owner is None or owner.type != EDUCATION:
            continue
        in_room = sum(
            booked
            for organisation_id, booked in hours.by_organisation.items()
            if organisations[organisation_id].type == CHILDCARE
        )
        childcare_hours += in_room
        if opening and room.floor_area_m2:
            equivalent += room.floor_area_m2 * in_room / opening
    normed = norm.base_m2 + norm.per_pupil_m2 * pupils
    actual = building.gross_floor_area_m2
    return FloorAreaReport(
        building_id=building.id,
        reference_date=reference,
        from_=first,
        to=reference,
        pupils=pupils,
        base_m2=norm.base_m2,
        per_pupil_m2=norm.per_pupil_m2,
        normed_m2=round(normed, 2),
        actual_m2=actual,
        difference_m2=round(actual - normed, 2) if actual is not None else None,
        childcare_hours_in_education_rooms=round(childcare_hours, 2),
        childcare_equivalent_m2=round(equivalent, 2),
        under_used_rooms=under_used,
    )
