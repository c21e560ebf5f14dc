"""The rich school day and housing: participation in activities, room use, floor area."""

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import (
    and_,
    case,
    func,
    or_,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.activities.models import Activity, ActivitySession, Enrolment, EnrolmentStatus
from kindcentraal.child.models import Child
from kindcentraal.common.roles import OrganisationType
from kindcentraal.organisation.models import Organisation
from kindcentraal.outcomes import cube as cubes
from kindcentraal.outcomes.cube import Cube, Key, ratio
from kindcentraal.outcomes.periods import Span
from kindcentraal.outcomes.schemas import (
    Cell,
    Indicator,
    IndicatorId,
    Row,
)
from kindcentraal.outcomes.scope import AGE_BANDS, Scope, periods_table
from kindcentraal.outcomes.support_figures import children_of
from kindcentraal.placement.models import Placement, PlacementKind
from kindcentraal.rooms.models import Booking, BookingStatus, Building, Holiday, Room
from kindcentraal.rooms.reports import Counter as HoursCounter
from kindcentraal.rooms.reports import _clock, norm_of, opening_hours_between


# --- The rich school day -----------------------------------------------------------------
async def participation(
    session: AsyncSession, scope: Scope, series_children: Cube, window_children: Cube
) -> tuple[Indicator, Indicator]:
    """Children enrolled in an activity with a session in the period, by category and by age
    band (on the period's first day). A child counts once per category and once in all."""
    categories = scope.cube([])
    bands = scope.cube([name for name, _ in AGE_BANDS])
    categories.window_key = bands.window_key = scope.window.key
    for periods in (scope.spans, [scope.window]):
        period = periods_table(periods)
        band = case(
            *[
                (Child.date_of_birth > period.c[f"band{number}"], name)
                for number, (name, years) in enumerate(AGE_BANDS)
                if years is not None
            ],
            else_=AGE_BANDS[-1][0],
        )
        taking_part = (
            select(
                Child.centre_id.label("centre_id"),
                period.c.key.label("key"),
                Activity.category.label("category"),
                band.label("band"),
                Enrolment.child_id.label("child_id"),
            )
            .join(Activity, Activity.id == Enrolment.activity_id)
            .join(Child, Child.id == Enrolment.child_id)
            .join(ActivitySession, ActivitySession.activity_id == Activity.id)
            .join(
                period,
                and_(
                    ActivitySession.starts_at < period.c.ends,
                    ActivitySession.ends_at > period.c.starts,
                ),
            )
            .where(
                Enrolment.tenant_id == scope.tenant_id,
                Enrolment.status == EnrolmentStatus.ENROLLED,
                ActivitySession.cancelled_at.is_(None),
            )
            .distinct()
            .subquery()
        )
        for column, target in ((taking_part.c.category, categories), (taking_part.c.band, bands)):
            rows = await session.execute(
                select(
                    taking_part.c.centre_id,
                    taking_part.c.key,
                    column,
                    func.count(func.distinct(taking_part.c.child_id)),
                ).group_by(taking_part.c.centre_id, taking_part.c.key, column)
            )
            for centre, key, group, number in rows.all():
                target.add(centre, key, str(group), number)
    categories.groups = sorted({group for _, _, group in categories.counts})

    def share(key: Key, cube: Cube) -> dict[str, float | None]:
        return {"share": ratio(cube.count(key), children_of(series_children, window_children, key))}

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


# --- Housing -----------------------------------------------------------------------------
async def rooms(session: AsyncSession, scope: Scope) -> tuple[Indicator, Indicator]:
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
    other_hours: dict[tuple[uuid.UUID, str], float] = defaultdict(float)

    def counter(centre: uuid.UUID, span: Span) -> HoursCounter:
        key = (centre, span.key)
        if key not in counters:
            counters[key] = HoursCounter(
                _clock(norm.after_school_from),
                _clock(norm.wednesday_afternoon_from),
                holidays[centre],
                (span.starts, span.ends),
            )
        return counters[key]

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
        every = [*scope.spans, scope.window]
        for booking in bookings:
            centre = centre_of_room.get(booking.room_id)
            if centre is None:
                continue
            for span in every:
                if booking.starts_at < span.ends and booking.ends_at > span.starts:
                    before = counter(centre, span).rooms[booking.room_id].booked
                    counter(centre, span).add(booking)
                    if booking.organisation_id != owner_of_room[booking.room_id]:
                        other_hours[(centre, span.key)] += (
                            counter(centre, span).rooms[booking.room_id].booked - before
                        )
    opening: dict[tuple[uuid.UUID, str], float] = defaultdict(float)
    for room, centre in rooms:
        for span in [*scope.spans, scope.window]:
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
    return room_use, await _floor_area(session, scope, norm.base_m2, norm.per_pupil_m2)


async def _floor_area(
    session: AsyncSession, scope: Scope, base_m2: float, per_pupil_m2: float
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
    pupils: dict[tuple[uuid.UUID, str], int] = defaultdict(int)
    for periods in (scope.spans, [scope.window]):
        period = periods_table(periods)
        rows = await session.execute(
            select(Child.centre_id, period.c.key, func.count(func.distinct(Placement.child_id)))
            .join(Child, Child.id == Placement.child_id)
            .join(Organisation, Organisation.id == Placement.organisation_id)
            .join(
                period,
                and_(
                    Placement.start_date <= period.c["last"],
                    or_(Placement.end_date.is_(None), Placement.end_date >= period.c["last"]),
                ),
            )
            .where(
                Placement.tenant_id == scope.tenant_id,
                Placement.kind == PlacementKind.SCHOOL,
                Organisation.type == OrganisationType.SCHOOL,
            )
            .group_by(Child.centre_id, period.c.key)
        )
        for centre, key, number in rows.all():
            pupils[(centre, key)] = number

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
