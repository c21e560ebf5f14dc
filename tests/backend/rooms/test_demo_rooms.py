"""The demo's school year of shared rooms is what the demo promises (docs/rooms.md)."""

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from kindcentraal.rooms.models import Booking, BookingStatus
from kindcentraal.seed.demo import seed
from tests.backend.rooms.test_bookings import _login


async def test_demo_rooms_are_shared_after_school_and_never_double_booked(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    counts = await seed(session)
    assert counts["rooms"] == 10 and counts["bookings"] > 1500
    other = aliased(Booking)
    overlap = await session.scalar(
        select(Booking.id)
        .join(other, (other.room_id == Booking.room_id) & (other.id != Booking.id))
        .where(
            Booking.status == BookingStatus.CONFIRMED,
            other.status == BookingStatus.CONFIRMED,
            Booking.starts_at < other.ends_at,
            Booking.ends_at > other.starts_at,
        )
        .limit(1)
    )
    assert overlap is None

    analyst = await _login(client, "gemeente@regenboog.demo")
    (building,) = (await client.get("/buildings", headers=analyst)).json()
    params = {"buildingId": building["id"], "from": "2026-08-24", "to": "2027-07-09"}
    report = (await client.get("/reports/room-utilisation", headers=analyst, params=params)).json()
    by_type = {o["organisationType"]: o for o in report["organisations"]}
    # Every kind of partner uses the building; childcare, sport and care in others' rooms.
    assert {"school", "childcare", "sport", "care_provider", "library"} <= set(by_type)
    assert by_type["childcare"]["hoursInRoomsOfOthers"] > 0
    assert by_type["sport"]["hoursInRoomsOfOthers"] == by_type["sport"]["bookedHours"] > 0
    assert report["afterSchoolHours"] > 0 and report["holidayHours"] > 0
    gym = next(room for room in report["rooms"] if room["type"] == "gym")
    assert gym["organisationCount"] == 3
    floor = (
        await client.get(
            "/reports/floor-area",
            headers=analyst,
            params={"buildingId": building["id"], "referenceDate": "2027-07-09"},
        )
    ).json()
    assert floor["pupils"] > 100 and floor["childcareHoursInEducationRooms"] > 0

    # The speech therapist's mornings in the office, and welfare's requests waiting for the
    # school's approval.
    admin = await _login(client, "beheer@regenboog.demo")
    waiting = await client.get(
        "/bookings",
        headers=admin,
        params={
            "buildingId": building["id"],
            "from": "2027-01-01",
            "to": "2027-02-28",
            "status": "requested",
        },
    )
    assert waiting.status_code == 200
    assert {b["purpose"] for b in waiting.json()} == {"Opvoedspreekuur"}
    therapist = await _login(client, "logopedist@regenboog.demo")
    week = await client.get(
        "/bookings",
        headers=therapist,
        params={"buildingId": building["id"], "from": "2027-01-11", "to": "2027-01-17"},
    )
    own = [b for b in week.json() if b["detail"] == "full"]
    assert [b["purpose"] for b in own] == ["Logopedie", "Logopedie"]
    assert all(b["detail"] == "busy" for b in week.json() if b not in own)
