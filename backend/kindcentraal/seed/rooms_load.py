"""`kindcentraal seed rooms`: a building of many rooms and a school year of recurring bookings
in the demo centre, for the rooms benchmark (refused in production)."""

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

import kindcentraal.models  # noqa: F401  (every mapper, for the flush)
from kindcentraal.centre.models import ChildCentre
from kindcentraal.common.roles import OrganisationType
from kindcentraal.config import Settings
from kindcentraal.db import Database, refresh_statistics, utcnow
from kindcentraal.organisation.models import Membership, Organisation, OrganisationCentre
from kindcentraal.rooms.models import Booking, BookingStatus, Building, Room, RoomType
from kindcentraal.rooms.recurrence import AMSTERDAM

YEAR_START, WEEKS = date(2026, 8, 24), 46
# Six bookings a weekday per room, leaving 20:00-22:00 free for the benchmark's own.
SLOTS = [
    (8, 30, 10, 0),
    (10, 15, 12, 0),
    (13, 0, 14, 30),
    (15, 0, 16, 30),
    (16, 45, 18, 15),
    (18, 30, 19, 45),
]
KINDS = [RoomType.CLASSROOM, RoomType.GROUP_ROOM, RoomType.GYM, RoomType.OFFICE, RoomType.MEETING]


class RoomsRefused(Exception):
    pass


@dataclass(frozen=True)
class LoadedRooms:
    building_id: uuid.UUID
    rooms: int
    bookings: int

    def text(self) -> str:
        return f"Loaded a building with {self.rooms} rooms and {self.bookings} bookings."


async def add_rooms(session: AsyncSession, *, rooms: int) -> LoadedRooms:
    centre = await session.scalar(select(ChildCentre).order_by(ChildCentre.created_at).limit(1))
    if centre is None:
        raise RoomsRefused("load the demo data first (kindcentraal seed demo)")
    organisations = list(
        await session.scalars(
            select(Organisation)
            .join(OrganisationCentre, OrganisationCentre.organisation_id == Organisation.id)
            .where(OrganisationCentre.centre_id == centre.id)
            .order_by(Organisation.name)
        )
    )
    bookers = {}
    for organisation in organisations:
        member = await session.scalar(
            select(Membership.user_id).where(Membership.organisation_id == organisation.id).limit(1)
        )
        if member is not None:
            bookers[organisation.id] = member
    users = [o for o in organisations if o.id in bookers]
    school = next(o for o in organisations if o.type == OrganisationType.SCHOOL)
    building = Building(
        tenant_id=centre.tenant_id,
        centre_id=centre.id,
        name=f"Benchmarkgebouw ({rooms} ruimtes)",
        gross_floor_area_m2=60.0 * rooms * 1.4,
    )
    session.add(building)
    await session.flush()
    hours = {
        day: {"opens": "07:00", "closes": "22:00"}
        for day in ("monday", "tuesday", "wednesday", "thursday", "friday")
    }
    made_rooms = [
        Room(
            tenant_id=centre.tenant_id,
            building_id=building.id,
            name=f"Ruimte {n + 1:02d}",
            type=KINDS[n % len(KINDS)],
            floor_area_m2=40.0 + (n % 5) * 10,
            capacity=30,
            owner_organisation_id=school.id,
            features=[],
            opening_hours=hours,
            bookable_by=[t.value for t in OrganisationType],
            needs_approval=False,
        )
        for n in range(rooms)
    ]
    session.add_all(made_rooms)
    await session.flush()
    now = utcnow()
    rows: list[dict[str, Any]] = []
    for index, room in enumerate(made_rooms):
        for week in range(WEEKS):
            for weekday in range(5):
                day = YEAR_START + timedelta(weeks=week, days=weekday)
                for slot, (h1, m1, h2, m2) in enumerate(SLOTS):
                    organisation = users[(index + weekday + slot) % len(users)]
                    rows.append(
                        {
                            "id": uuid.uuid4(),
                            "tenant_id": centre.tenant_id,
                            "created_at": now,
                            "updated_at": now,
                            "room_id": room.id,
                            "organisation_id": organisation.id,
                            "booked_by_id": bookers[organisation.id],
                            "purpose": "Gebruik",
                            "starts_at": datetime.combine(day, time(h1, m1), tzinfo=AMSTERDAM),
                            "ends_at": datetime.combine(day, time(h2, m2), tzinfo=AMSTERDAM),
                            "status": BookingStatus.CONFIRMED,
                        }
                    )
    for start in range(0, len(rows), 5000):
        await session.execute(insert(Booking), rows[start : start + 5000])
    return LoadedRooms(building.id, rooms, len(rows))


async def load_rooms(settings: Settings, *, rooms: int) -> LoadedRooms:
    if settings.env == "production":
        raise RoomsRefused("benchmark data is never loaded in production")
    database = Database(settings.async_database_url)
    try:
        async with database.sessionmaker() as session, session.begin():
            loaded = await add_rooms(session, rooms=rooms)
        async with database.sessionmaker() as session, session.begin():
            await refresh_statistics(session)
        return loaded
    finally:
        await database.dispose()
