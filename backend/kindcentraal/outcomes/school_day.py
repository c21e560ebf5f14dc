"""The rich school day and housing: participation in activities, room use, floor area."""

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    func,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.activities.models import Activity, ActivitySession, Enrolment, EnrolmentStatus
from kindcentraal.child.models import Child
from kindcentraal.outcomes import cube as cubes
from kindcentraal.outcomes.cube import Cube, Key, ratio
from kindcentraal.outcomes.roll import Roll, children_for
from kindcentraal.outcomes.schemas import (
    Cell,
    Indicator,
    IndicatorId,
    Row,
)
from kindcentraal.outcomes.scope import (
    AGE_BANDS,
    ENDS,
    STARTS,
    Scope,
    first_period,
    numbers_within,
    spread,
    within_window,
    years_before,
)
from kindcentraal.rooms.models import Booking, BookingStatus, Building, Holiday, Room
from kindcentraal.rooms.reports import Counter as HoursCounter
from kindcentraal.rooms.reports import norm_of, opening_hours_between


# --- The rich school day -----------------------------------------------------------------
async def participation(
    session: AsyncSession, scope: Scope, roll: Roll
) -> tuple[Indicator, Indicator]:
    """Children enrolled in an activity that runs in the period (between its first and last
    session), by category and by age band (on the period's first day). A child counts once
    per category and once per band."""
    categories = scope.cube([])
    bands = scope.cube([name for name, _ in AGE_BANDS])
    categories.window_key = bands.window_key = scope.window.key
    # When each activity runs: its first session's start to its last session's end; per
    # child and category, from the first such start to the last end.
    runs = (
        select(
            ActivitySession.activity_id.label("activity_id"),
            func.min(ActivitySession.starts_at).label("starts_at"),
            func.max(ActivitySession.ends_at).label("ends_at"),
        )
        .where(ActivitySession.tenant_id == scope.tenant_id, ActivitySession.cancelled_at.is_(None))
        .group_by(ActivitySession.activity_id)
        .subquery()
    )
    taking_part = (
        select(
            Enrolment.child_id.label("child_id"),
            Activity.category.label("category"),
            func.min(runs.c.starts_at).label("starts_at"),
            func.max(runs.c.ends_at).label("ends_at"),
        )
        .join(Activity, Activity.id == Enrolment.activity_id)
        .join(runs, runs.c.activity_id == Activity.id)
        .where(Enrolment.tenant_id == scope.tenant_id, Enrolment.status == EnrolmentStatus.ENROLLED)
        .group_by(Enrolment.child_id, Activity.category)
        .subquery()
    )
    first, after = _run_bounds(taking_part.c.starts_at, taking_part.c.ends_at, scope)
    rows = await session.execute(
        select(Child.centre_id, taking_part.c.category, first, after, func.count())
        .join(Child, Child.id == taking_part.c.child_id)
        .group_by(Child.centre_id, taking_part.c.category, first, after)
    )
    for centre, category, begins, ends_before, number in rows.all():
        spread(categories, scope, centre, str(category), begins, ends_before, number)
    anything = (
        select(
            taking_part.c.child_id.label("child_id"),
            func.min(taking_part.c.starts_at).label("starts_at"),
            func.max(taking_part.c.ends_at).label("ends_at"),
        )
        .group_by(taking_part.c.child_id)
        .subquery()
    )
    first, after = _run_bounds(anything.c.starts_at, anything.c.ends_at, scope)
    # The periods in whose first day a child is 4, 7 and 10 or older.
    turns = [_turns(years, scope) for _, years in AGE_BANDS if years is not None]
    rows = await session.execute(
        select(Child.centre_id, first, after, *turns, func.count())
        .join(Child, Child.id == anything.c.child_id)
        .group_by(Child.centre_id, first, after, *turns)
    )
    for centre, begins, ends_before, *older, number in rows.all():
        for period in numbers_within(begins, ends_before, scope):
            bands.add(centre, scope.spans[period].key, _band(period, older), number)
        if within_window(begins, ends_before, scope):
            bands.add(centre, scope.window.key, _band(0, older), number)
    categories.groups = sorted({group for _, _, group in categories.counts})

    def share(key: Key, cube: Cube) -> dict[str, float | None]:
        return {"share": ratio(cube.count(key), children_for(roll, scope, key))}

    category_indicator, _ = cubes.build(
        IndicatorId.PARTICIPATION,
        categories,
        count_measure="children",
        derive=share,
        threshold=scope.threshold,
        group_by="category",
        totals=False,
        # One child counts in two categories, and a period's children overlap the window's:
        # no line adds up, each cell stands alone.
        lines="none",
    )
    band_indicator, _ = cubes.build(
        IndicatorId.PARTICIPATION_BY_AGE,
        bands,
        count_measure="children",
        derive=share,
        threshold=scope.threshold,
        group_by="ageBand",
        # A child is in one band in a period, but in several periods of the window.
        lines="rows",
    )
    return category_indicator, band_indicator


def _run_bounds(starts: Any, ends: Any, scope: Scope) -> tuple[Any, Any]:
    """Overlapping periods a <= p < b of what runs from `starts` to `ends`."""
    return (
        first_period(starts, scope, ENDS),
        first_period(ends, scope, STARTS, inclusive=True),
    )


def _turns(years: int, scope: Scope) -> Any:
    """The first period in which the child is `years` old on its first day."""
    return first_period(
        Child.date_of_birth,
        scope,
        lambda span: years_before(span.first, years),
        inclusive=True,
    )


def _band(period: int, older: list[int]) -> str:
    """The age band in period number `period`, given the periods the child turns 4, 7, 10."""
    for (name, _), turned in zip(AGE_BANDS, older, strict=False):
        if period < turned:
            return name
    return AGE_BANDS[-1][0]


# --- Housing -----------------------------------------------------------------------------
async def rooms(session: AsyncSession, scope: Scope, roll: Roll) -> tuple[Indicator, Indicator]:
    """Room use (hours, after school, by other organisations than the owner) and the floor
    area against the norm, per centre. Counted from bookings, which are no data about a
    child; nothing here is suppressed."""
    norm = await norm_of(session, scope.tenant_id)
    rooms = (
        await session.execute(
            select(Room, Building.centre_id)
            .join(Building, Building.id == Room.building_id)
            .where(Room.tenant_id == scope.tenant_id)
        )
    ).all()
    centre_of_room = {room.id: centre for room, centre in rooms}
    owner_of_room = {room.id: room.owner_organisation_id for room, _ in rooms}
    holidays: dict[uuid.UUID, set[date]] = defaultdict(set)
    for holiday in await session.scalars(
        select(Holiday).where(
            Holiday.tenant_id == scope.tenant_id,
            Holiday.end_date >= scope.window.first,
            Holiday.start_date <= scope.window.last,
        )
    ):
        day = max(holiday.start_date, scope.window.first)
        while day <= min(holiday.end_date, scope.window.last):
            holidays[holiday.centre_id].add(day)
            day += timedelta(days=1)
    counters: dict[tuple[uuid.UUID, str], HoursCounter] = {}
    every = [*scope.spans, scope.window]
    if rooms:
        bookings = await session.execute(
            select(Booking.room_id, Booking.organisation_id, Booking.starts_at, Booking.ends_at)
            .where(
                Booking.tenant_id == scope.tenant_id,
                Booking.status == BookingStatus.CONFIRMED,
                Booking.starts_at < scope.after,
                Booking.ends_at > scope.first,
            )
            .order_by(Booking.starts_at)
        )
        for booking in bookings:
            centre = centre_of_room.get(booking.room_id)
            if centre is None:
                continue
            for span in every:
                if booking.starts_at < span.ends and booking.ends_at > span.starts:
                    key = (centre, span.key)
                    if key not in counters:
                        counters[key] = HoursCounter.under(
                            norm, holidays[centre], (span.starts, span.ends)
                        )
                    counters[key].add(booking)
    # Hours booked by others than a room's owner: the double use the norm debate is about.
    other_hours: dict[tuple[uuid.UUID, str], float] = defaultdict(float)
    for key, found in counters.items():
        for room_id, hours in found.rooms.items():
            other_hours[key] += sum(
                booked
                for organisation_id, booked in hours.by_organisation.items()
                if organisation_id != owner_of_room[room_id]
            )
    opening: dict[tuple[uuid.UUID, str], float] = defaultdict(float)
    for room, centre in rooms:
        for span in every:
            opening[(centre, span.key)] += opening_hours_between(room, span.first, span.last) or 0.0

    def use(centres: Sequence[uuid.UUID], key: str) -> dict[str, Cell]:
        booked = after = holiday = other = hours_open = 0.0
        for centre in centres:
            found = counters.get((centre, key))
            if found is not None:
                booked += sum(room.booked for room in found.rooms.values())
                after += sum(room.after_school for room in found.rooms.values())
                holiday += sum(room.holiday for room in found.rooms.values())
            other += other_hours.get((centre, key), 0.0)
            hours_open += opening.get((centre, key), 0.0)
        return {
            "bookedHours": Cell(value=round(booked, 1)),
            "openingHours": Cell(value=round(hours_open, 1)),
            "utilisation": Cell(value=ratio(booked, hours_open)),
            "afterSchoolHours": Cell(value=round(after, 1)),
            "holidayHours": Cell(value=round(holiday, 1)),
            "doubleUse": Cell(value=ratio(other, booked)),
        }

    room_use = Indicator(
        id=IndicatorId.ROOM_USE,
        group_by=None,
        measures=[
            "bookedHours",
            "openingHours",
            "utilisation",
            "afterSchoolHours",
            "holidayHours",
            "doubleUse",
        ],
        series=[
            Row(
                period=span.key,
                centre_id=None,
                group=None,
                values=use(list(scope.series_centres), span.key),
            )
            for span in scope.spans
        ],
        by_centre=[
            Row(period=None, centre_id=centre, group=None, values=use([centre], "all"))
            for centre in scope.centres
        ],
    )
    return room_use, await _floor_area(session, scope, roll, norm.base_m2, norm.per_pupil_m2)


async def _floor_area(
    session: AsyncSession, scope: Scope, roll: Roll, base_m2: float, per_pupil_m2: float
) -> Indicator:
    """The normed floor area (base + m² per pupil, pupils on the period's last day) against
    the buildings' gross floor area."""
    areas: dict[uuid.UUID, float] = defaultdict(float)
    for centre, gross in (
        await session.execute(
            select(Building.centre_id, func.coalesce(func.sum(Building.gross_floor_area_m2), 0.0))
            .where(Building.tenant_id == scope.tenant_id)
            .group_by(Building.centre_id)
        )
    ).all():
        areas[centre] = float(gross or 0.0)
    pupils: dict[tuple[uuid.UUID, str], int] = {}
    for number, span in enumerate(scope.spans):
        for centre in scope.centres:
            pupils[(centre, span.key)] = roll.pupils_on(centre, number)
            if number == len(scope.spans) - 1:
                pupils[(centre, scope.window.key)] = pupils[(centre, span.key)]

    def area(centres: Sequence[uuid.UUID], key: str) -> dict[str, Cell]:
        count = sum(pupils.get((centre, key), 0) for centre in centres)
        normed = sum(
            base_m2 + per_pupil_m2 * pupils.get((centre, key), 0)
            for centre in centres
            if pupils.get((centre, key), 0) or areas.get(centre)
        )
        actual = sum(areas.get(centre, 0.0) for centre in centres)
        return {
            "pupils": Cell(value=count),
            "normedM2": Cell(value=round(normed, 1)),
            "actualM2": Cell(value=round(actual, 1) if actual else None),
            "differenceM2": Cell(value=round(actual - normed, 1) if actual else None),
        }

    return Indicator(
        id=IndicatorId.FLOOR_AREA,
        group_by=None,
        measures=["pupils", "normedM2", "actualM2", "differenceM2"],
        series=[
            Row(
                period=span.key,
                centre_id=None,
                group=None,
                values=area(list(scope.series_centres), span.key),
            )
            for span in scope.spans
        ],
        by_centre=[
            Row(period=None, centre_id=centre, group=None, values=area([centre], "all"))
            for centre in scope.centres
        ],
    )
