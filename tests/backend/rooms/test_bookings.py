"""Booking the centre's rooms: the rules of the room, conflicts (never a double booking),
recurrence across daylight-saving changes, holidays, approval, and a race for one slot."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest
from alembic import command
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.cli import alembic_config
from kindcentraal.rooms.models import Booking, BookingStatus
from kindcentraal.rooms.service import release_no_shows
from kindcentraal.seed.demo import DEMO_PASSWORD, load_demo, seed
from tests.backend.test_concurrency import _serve, _settings

AMS = ZoneInfo("Europe/Amsterdam")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]


async def _login(client: httpx.AsyncClient, email: str) -> dict[str, str]:
    login = await client.post("/auth/token", data={"username": email, "password": DEMO_PASSWORD})
    assert login.status_code == 200, email
    return {"Authorization": f"Bearer {login.json()['access_token']}"}


@dataclass
class Centre:
    admin: dict[str, str]
    teacher: dict[str, str]
    bso: dict[str, str]  # pedagogisch medewerker of the childcare organisation
    centre: str
    building: str
    gym: str
    school: str
    childcare: str


async def _centre(client: httpx.AsyncClient, session: AsyncSession | None = None) -> Centre:
    admin = await _login(client, "beheer@regenboog.demo")
    centres = (await client.get("/child-centres", headers=admin)).json()["items"]
    centre = next(c["id"] for c in centres if c["name"] == "IKC De Regenboog")
    orgs = (await client.get("/organisations", headers=admin, params={"limit": 100})).json()
    by_type = {o["type"]: o["id"] for o in orgs["items"] if centre in o.get("centreIds", [centre])}
    building = await client.post(
        "/buildings",
        headers=admin,
        json={"centreId": centre, "name": "Hoofdgebouw", "grossFloorAreaM2": 2400},
    )
    assert building.status_code == 201, building.text
    gym = await client.post(
        "/rooms",
        headers=admin,
        json={
            "buildingId": building.json()["id"],
            "name": "Speelzaal",
            "type": "gym",
            "floorAreaM2": 180,
            "capacity": 30,
            "ownerOrganisationId": by_type["school"],
            "openingHours": {day: {"opens": "07:00", "closes": "22:00"} for day in WEEKDAYS},
            "bookableBy": ["childcare", "sport"],
        },
    )
    assert gym.status_code == 201, gym.text
    return Centre(
        admin=admin,
        teacher=await _login(client, "leerkracht@regenboog.demo"),
        bso=await _login(client, "pm@regenboog.demo"),
        centre=centre,
        building=building.json()["id"],
        gym=gym.json()["id"],
        school=by_type["school"],
        childcare=by_type["childcare"],
    )


def _at(day: datetime, hour: int, minute: int = 0) -> str:
    return day.replace(hour=hour, minute=minute, second=0, microsecond=0, tzinfo=AMS).isoformat()


def _next_wednesday() -> datetime:
    today = datetime.now(AMS).replace(tzinfo=None)
    return today + timedelta(days=(2 - today.weekday()) % 7 + 7)


def _booking(room: str, start: str, end: str, **more: object) -> dict[str, object]:
    return {"roomId": room, "purpose": "Gym", "startsAt": start, "endsAt": end, **more}


async def test_conflicts_are_refused_and_shown_as_busy_adjacent_slots_are_fine(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await seed(session, history=False)
    c = await _centre(client)
    wednesday = _next_wednesday()
    first = await client.post(
        "/bookings", headers=c.teacher, json=_booking(c.gym, _at(wednesday, 10), _at(wednesday, 11))
    )
    assert first.status_code == 201, first.text
    made = first.json()["items"][0]
    assert made["status"] == "confirmed" and made["detail"] == "full"
    assert made["organisationId"] == c.school

    clash = await client.post(
        "/bookings",
        headers=c.bso,
        json=_booking(c.gym, _at(wednesday, 10, 30), _at(wednesday, 11, 30)),
    )
    assert clash.status_code == 409
    assert clash.headers["content-type"].startswith("application/problem+json")
    (conflict,) = clash.json()["conflicts"]
    (taken,) = conflict["takenBy"]
    # Another organisation's booking: busy, with the organisation's name, nothing else.
    assert taken["detail"] == "busy" and taken["organisationId"] == c.school
    assert taken["organisationName"] and "purpose" not in taken and "bookedByName" not in taken

    adjacent = await client.post(
        "/bookings", headers=c.bso, json=_booking(c.gym, _at(wednesday, 11), _at(wednesday, 12))
    )
    assert adjacent.status_code == 201, adjacent.text

    # The calendar of that day: the school's own booking in full for the teacher, the
    # childcare's as busy.
    week = await client.get(
        "/bookings",
        headers=c.teacher,
        params={
            "buildingId": c.building,
            "from": wednesday.date().isoformat(),
            "to": wednesday.date().isoformat(),
        },
    )
    assert week.status_code == 200
    assert [(b["organisationId"], b["detail"]) for b in week.json()] == [
        (c.school, "full"),
        (c.childcare, "busy"),
    ]


async def test_the_rules_of_the_room_name_the_field_and_the_code(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await seed(session, history=False)
    c = await _centre(client)
    wednesday = _next_wednesday()
    yesterday = datetime.now(AMS).replace(tzinfo=None) - timedelta(days=1)
    cases = [
        (_booking(c.gym, _at(yesterday, 10), _at(yesterday, 11)), "startsAt", "inThePast"),
        (
            _booking(c.gym, _at(wednesday, 21), _at(wednesday, 23)),
            "startsAt",
            "outsideOpeningHours",
        ),
        (
            _booking(c.gym, _at(wednesday, 10), _at(wednesday + timedelta(days=1), 11)),
            "endsAt",
            "tooLong",
        ),
        (
            _booking(c.gym, _at(wednesday, 10), _at(wednesday, 11), attendees=31),
            "attendees",
            "overCapacity",
        ),
        (
            _booking(c.gym, _at(wednesday, 10), _at(wednesday, 11), recurrence="FREQ=DAILY"),
            "recurrence",
            "tooManyOccurrences",
        ),
        (
            _booking(c.gym, _at(wednesday, 10), _at(wednesday, 11), recurrence="FREQ=MONTHLY"),
            "recurrence",
            "recurrenceTooLong",
        ),
        (
            _booking(c.gym, _at(wednesday, 10), _at(wednesday, 11), recurrence="BYDAY=XX"),
            "recurrence",
            "invalidRecurrence",
        ),
    ]
    for body, field, code in cases:
        response = await client.post("/bookings", headers=c.bso, json=body)
        assert response.status_code == 400, (code, response.text)
        errors = {(e["location"], e["code"]) for e in response.json()["errors"]}
        assert (f"#/{field}", code) in errors, (code, errors)
    # A care provider may not book the gym (bookable by childcare and sport only).
    therapist = await _login(client, "logopedist@regenboog.demo")
    refused = await client.post(
        "/bookings", headers=therapist, json=_booking(c.gym, _at(wednesday, 9), _at(wednesday, 10))
    )
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["code"] == "notBookableByOrganisation"
    listed = await client.get(
        "/bookings",
        headers=c.admin,
        params={"roomId": c.gym, "from": "2026-01-01", "to": "2027-12-31"},
    )
    assert listed.status_code == 400  # a window of at most 62 days
    nothing = await client.get(
        "/bookings",
        headers=c.admin,
        params={"roomId": c.gym, "from": "2026-12-01", "to": "2027-01-31"},
    )
    assert nothing.json() == []  # nothing of the refused requests was written


@pytest.mark.parametrize(
    ("first_day", "before", "after"),
    [
        # The last Sunday of March 2027 is the 28th: 15:30 local is 14:30 UTC, then 13:30.
        ("2027-03-24", "14:30", "13:30"),
        # The last Sunday of October 2027 is the 31st: 15:30 local is 13:30 UTC, then 14:30.
        ("2027-10-27", "13:30", "14:30"),
    ],
)
async def test_a_weekly_booking_keeps_its_local_time_across_daylight_saving(
    client: httpx.AsyncClient, session: AsyncSession, first_day: str, before: str, after: str
) -> None:
    await seed(session, history=False)
    c = await _centre(client)
    day = datetime.fromisoformat(first_day)
    response = await client.post(
        "/bookings",
        headers=c.bso,
        json=_booking(c.gym, _at(day, 15, 30), _at(day, 17), recurrence="FREQ=WEEKLY;COUNT=2"),
    )
    assert response.status_code == 201, response.text
    starts = [datetime.fromisoformat(b["startsAt"]) for b in response.json()["items"]]
    assert [s.astimezone(UTC).strftime("%H:%M") for s in starts] == [before, after]
    assert {s.astimezone(AMS).strftime("%H:%M") for s in starts} == {"15:30"}
    assert response.json()["seriesId"]


async def test_school_series_skip_holidays_after_school_care_books_them_and_skips_conflicts(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await seed(session, history=False)
    c = await _centre(client)
    wednesday = datetime(2027, 6, 2)  # three June weeks without the demo's own holidays
    holiday_week = wednesday + timedelta(days=7)
    holiday = await client.post(
        f"/child-centres/{c.centre}/holidays",
        headers=c.admin,
        json={
            "name": "Vakantie",
            "kind": "school_holiday",
            "startDate": (holiday_week - timedelta(days=2)).date().isoformat(),
            "endDate": (holiday_week + timedelta(days=2)).date().isoformat(),
        },
    )
    assert holiday.status_code == 201, holiday.text
    school = await client.post(
        "/bookings",
        headers=c.teacher,
        json=_booking(
            c.gym, _at(wednesday, 14), _at(wednesday, 15), recurrence="FREQ=WEEKLY;COUNT=3"
        ),
    )
    assert school.status_code == 201, school.text
    assert len(school.json()["items"]) == 2
    assert [s["reason"] for s in school.json()["skipped"]] == ["holiday"]

    # BSO every Wednesday 14:30-18:00: the school's two lessons are in the way.
    wanted = _booking(
        c.gym, _at(wednesday, 14, 30), _at(wednesday, 18), recurrence="FREQ=WEEKLY;COUNT=3"
    )
    refused = await client.post("/bookings", headers=c.bso, json=wanted)
    assert refused.status_code == 409
    assert len(refused.json()["conflicts"]) == 2
    skipping = await client.post("/bookings", headers=c.bso, json={**wanted, "skipConflicts": True})
    assert skipping.status_code == 201, skipping.text
    (booked,) = skipping.json()["items"]  # only the holiday week is free, and BSO books it
    assert booked["startsAt"].startswith(holiday_week.date().isoformat())
    assert [s["reason"] for s in skipping.json()["skipped"]] == ["conflict", "conflict"]


async def test_a_room_that_needs_approval_waits_for_its_owner(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await seed(session, history=False)
    c = await _centre(client)
    changed = await client.patch(f"/rooms/{c.gym}", headers=c.admin, json={"needsApproval": True})
    assert changed.status_code == 200, changed.text
    wednesday = _next_wednesday()
    asked = await client.post(
        "/bookings", headers=c.bso, json=_booking(c.gym, _at(wednesday, 16), _at(wednesday, 17))
    )
    assert asked.status_code == 201
    booking = asked.json()["items"][0]
    assert booking["status"] == "requested"
    path = f"/bookings/{booking['id']}/transitions"
    assert (await client.post(path, headers=c.teacher, json={"to": "confirmed"})).status_code == 403
    # A requested booking holds nothing: the owner's own booking of the slot still succeeds,
    # and then confirming the request is a conflict.
    own = await client.post(
        "/bookings", headers=c.teacher, json=_booking(c.gym, _at(wednesday, 16), _at(wednesday, 17))
    )
    assert own.status_code == 201 and own.json()["items"][0]["status"] == "confirmed"
    assert (await client.post(path, headers=c.admin, json={"to": "confirmed"})).status_code == 409
    cancelled = await client.post(
        f"/bookings/{own.json()['items'][0]['id']}/transitions",
        headers=c.teacher,
        json={"to": "cancelled"},
    )
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    confirmed = await client.post(path, headers=c.admin, json={"to": "confirmed"})
    assert confirmed.status_code == 200 and confirmed.json()["status"] == "confirmed"


@pytest.fixture
async def live_demo(empty_database: str) -> AsyncIterator[tuple[httpx.AsyncClient, Centre]]:
    settings = _settings(empty_database, seal_interval=0)
    await asyncio.to_thread(command.upgrade, alembic_config(settings.async_database_url), "head")
    await load_demo(settings)
    async for live in _serve(settings):
        yield live.client, await _centre(live.client)


async def test_a_hundred_requests_for_one_slot_make_one_booking(
    live_demo: tuple[httpx.AsyncClient, Centre],
) -> None:
    client, c = live_demo
    wednesday = _next_wednesday()
    body = _booking(c.gym, _at(wednesday, 10), _at(wednesday, 11))
    single = [client.post("/bookings", headers=c.bso, json=body) for _ in range(99)]
    series = client.post(
        "/bookings",
        headers=c.teacher,
        json={**body, "recurrence": "FREQ=WEEKLY;COUNT=4"},
    )
    responses = await asyncio.gather(*single, series)
    codes = [r.status_code for r in responses]
    assert codes.count(201) == 1, codes
    assert codes.count(409) == 99, codes
    listed = await client.get(
        "/bookings",
        headers=c.admin,
        params={
            "roomId": c.gym,
            "from": wednesday.date().isoformat(),
            "to": wednesday.date().isoformat(),
        },
    )
    assert len(listed.json()) == 1


async def test_postgresql_itself_refuses_overlapping_confirmed_bookings(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    """Not only the service's check: the database's exclusion constraint (PostgreSQL)."""
    if session.bind.dialect.name != "postgresql":
        pytest.skip("SQLite serialises writes; the service checks in the writing transaction")
    await seed(session, history=False)
    c = await _centre(client)
    wednesday = _next_wednesday()
    made = await client.post(
        "/bookings", headers=c.teacher, json=_booking(c.gym, _at(wednesday, 10), _at(wednesday, 11))
    )
    original = await session.get(Booking, uuid.UUID(made.json()["items"][0]["id"]))
    assert original is not None
    twin = Booking(
        tenant_id=original.tenant_id,
        room_id=original.room_id,
        organisation_id=original.organisation_id,
        booked_by_id=original.booked_by_id,
        purpose="Dubbel",
        starts_at=original.starts_at + timedelta(minutes=30),
        ends_at=original.ends_at + timedelta(minutes=30),
        status=BookingStatus.CONFIRMED,
    )
    savepoint = await session.begin_nested()
    session.add(twin)
    with pytest.raises(IntegrityError) as refused:
        await session.flush()
    await savepoint.rollback()
    assert getattr(refused.value.orig, "sqlstate", None) == "23P01"


async def test_a_series_changes_for_this_one_or_this_and_the_following(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await seed(session, history=False)
    c = await _centre(client)
    first = datetime(2027, 6, 2)  # four June Wednesdays
    made = await client.post(
        "/bookings",
        headers=c.bso,
        json=_booking(c.gym, _at(first, 15), _at(first, 16), recurrence="FREQ=WEEKLY;COUNT=4"),
    )
    assert made.status_code == 201, made.text
    items = made.json()["items"]
    second, third = items[1], items[2]

    # This one: an hour later; the others keep their time.
    moved = await client.patch(
        f"/bookings/{second['id']}",
        headers=c.bso,
        json={
            "startsAt": _at(first + timedelta(days=7), 16),
            "endsAt": _at(first + timedelta(days=7), 17),
        },
    )
    assert moved.status_code == 200, moved.text
    (changed,) = moved.json()["items"]
    assert datetime.fromisoformat(changed["startsAt"]) == datetime.fromisoformat(
        _at(first + timedelta(days=7), 16)
    )

    # This and the following: 17:00-18:00 and a new purpose from the third on.
    later = await client.patch(
        f"/bookings/{third['id']}",
        headers=c.bso,
        json={
            "scope": "following",
            "purpose": "BSO: dans",
            "startsAt": _at(first + timedelta(days=14), 17),
            "endsAt": _at(first + timedelta(days=14), 18),
        },
    )
    assert later.status_code == 200, later.text
    assert len(later.json()["items"]) == 2
    calendar = await client.get(
        "/bookings",
        headers=c.bso,
        params={"roomId": c.gym, "from": "2027-06-01", "to": "2027-06-30"},
    )
    local_times = [
        (datetime.fromisoformat(b["startsAt"]).astimezone(AMS).strftime("%d %H:%M"), b["purpose"])
        for b in calendar.json()
    ]
    assert local_times == [
        ("02 15:00", "Gym"),
        ("09 16:00", "Gym"),
        ("16 17:00", "BSO: dans"),
        ("23 17:00", "BSO: dans"),
    ]

    # A move onto someone else's booking is refused, and nothing of it is kept.
    blocker = await client.post(
        "/bookings",
        headers=c.teacher,
        json=_booking(c.gym, _at(datetime(2027, 6, 23), 9), _at(datetime(2027, 6, 23), 10)),
    )
    assert blocker.status_code == 201
    clash = await client.patch(
        f"/bookings/{third['id']}",
        headers=c.bso,
        json={
            "scope": "following",
            "startsAt": _at(first + timedelta(days=14), 9),
            "endsAt": _at(first + timedelta(days=14), 10),
        },
    )
    assert clash.status_code == 409
    assert len(clash.json()["conflicts"]) == 1
    assert (
        await client.patch(f"/bookings/{third['id']}", headers=c.teacher, json={"purpose": "x"})
    ).status_code == 403

    # Cancelling this and the following leaves the first two.
    cancelled = await client.post(
        f"/bookings/{third['id']}/transitions",
        headers=c.bso,
        json={"to": "cancelled", "scope": "following"},
    )
    assert cancelled.status_code == 200
    left = await client.get(
        "/bookings",
        headers=c.bso,
        params={
            "roomId": c.gym,
            "from": "2027-06-01",
            "to": "2027-06-30",
            "organisationId": c.childcare,
        },
    )
    assert [b["id"] for b in left.json()] == [items[0]["id"], second["id"]]


async def test_unchecked_bookings_are_released_and_count_as_no_shows(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await seed(session, history=False)
    c = await _centre(client)
    studio = await client.post(
        "/rooms",
        headers=c.admin,
        json={
            "buildingId": c.building,
            "name": "Atelier",
            "type": "crafts",
            "floorAreaM2": 60,
            "ownerOrganisationId": c.school,
            "bookableBy": ["childcare"],
            "checkInRequired": True,
        },  # no opening hours: open at all times
    )
    assert studio.status_code == 201 and studio.json()["checkInRequired"] is True
    room = studio.json()["id"]
    now = datetime.now(UTC).replace(second=0, microsecond=0)

    async def book(minutes_from_now: int) -> dict:
        start = now + timedelta(minutes=minutes_from_now)
        made = await client.post(
            "/bookings",
            headers=c.bso,
            json=_booking(room, start.isoformat(), (start + timedelta(hours=1)).isoformat()),
        )
        assert made.status_code == 201, made.text
        return made.json()["items"][0]

    soon, later = await book(10), await book(75)
    checked = await client.post(f"/bookings/{soon['id']}/check-in", headers=c.bso)
    assert checked.status_code == 200 and checked.json()["checkedInAt"]
    too_early = await client.post(f"/bookings/{later['id']}/check-in", headers=c.bso)
    assert too_early.status_code == 409
    assert (
        await client.post(f"/bookings/{soon['id']}/check-in", headers=c.teacher)
    ).status_code == 403

    # 16 minutes after the later one's start, nobody checked it in: released, and the slot is free.
    assert await release_no_shows(session, now + timedelta(minutes=75 + 16)) == 1
    released = (await client.get(f"/bookings/{later['id']}", headers=c.bso)).json()
    assert released["status"] == "cancelled" and released["released"] is True
    kept = (await client.get(f"/bookings/{soon['id']}", headers=c.bso)).json()
    assert kept["status"] == "confirmed"
    day = now.astimezone(AMS).date()
    report = await client.get(
        "/reports/room-utilisation",
        headers=c.admin,
        params={
            "buildingId": c.building,
            "from": (day - timedelta(days=1)).isoformat(),
            "to": (day + timedelta(days=1)).isoformat(),
        },
    )
    atelier = next(r for r in report.json()["rooms"] if r["roomId"] == room)
    assert atelier["noShowHours"] == 1 and atelier["bookedHours"] == 1


async def test_the_owner_confirms_a_requested_series_at_once(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await seed(session, history=False)
    c = await _centre(client)
    await client.patch(f"/rooms/{c.gym}", headers=c.admin, json={"needsApproval": True})
    first = datetime(2027, 6, 2)
    asked = await client.post(
        "/bookings",
        headers=c.bso,
        json=_booking(c.gym, _at(first, 16), _at(first, 17), recurrence="FREQ=WEEKLY;COUNT=3"),
    )
    items = asked.json()["items"]
    assert [b["status"] for b in items] == ["requested"] * 3
    # The school takes the third Wednesday meanwhile: confirming the series names it.
    third = first + timedelta(days=14)
    taken = await client.post(
        "/bookings", headers=c.teacher, json=_booking(c.gym, _at(third, 16), _at(third, 17))
    )
    assert taken.status_code == 201
    path = f"/bookings/{items[0]['id']}/transitions"
    refused = await client.post(
        path, headers=c.admin, json={"to": "confirmed", "scope": "following"}
    )
    assert refused.status_code == 409 and len(refused.json()["conflicts"]) == 1
    await client.post(
        f"/bookings/{taken.json()['items'][0]['id']}/transitions",
        headers=c.teacher,
        json={"to": "cancelled"},
    )
    confirmed = await client.post(
        path, headers=c.admin, json={"to": "confirmed", "scope": "following"}
    )
    assert confirmed.status_code == 200
    listed = await client.get(
        "/bookings",
        headers=c.bso,
        params={
            "roomId": c.gym,
            "from": "2027-06-01",
            "to": "2027-06-30",
            "organisationId": c.childcare,
        },
    )
    assert [b["status"] for b in listed.json()] == ["confirmed"] * 3


async def test_requests_and_decisions_reach_the_owner_and_the_booker(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await seed(session, history=False)
    c = await _centre(client)
    await client.patch(f"/rooms/{c.gym}", headers=c.admin, json={"needsApproval": True})
    school_admin = await _login(client, "administratie@regenboog.demo")  # the gym's owner
    day = datetime(2027, 6, 2)

    async def kinds(headers: dict[str, str]) -> list[tuple[str, str | None]]:
        page = (await client.get("/notifications", headers=headers)).json()["items"]
        return [(n["kind"], n["childId"]) for n in page if n["kind"].startswith("booking_")]

    first = (
        await client.post(
            "/bookings", headers=c.bso, json=_booking(c.gym, _at(day, 16), _at(day, 17))
        )
    ).json()["items"][0]
    second = (
        await client.post(
            "/bookings", headers=c.bso, json=_booking(c.gym, _at(day, 18), _at(day, 19))
        )
    ).json()["items"][0]
    assert await kinds(school_admin) == [("booking_requested", None)] * 2
    await client.post(
        f"/bookings/{first['id']}/transitions", headers=school_admin, json={"to": "confirmed"}
    )
    await client.post(
        f"/bookings/{second['id']}/transitions", headers=school_admin, json={"to": "cancelled"}
    )
    notes = (await client.get("/notifications", headers=c.bso)).json()["items"]
    mine = [
        (n["kind"], n["bookingId"], n["childName"])
        for n in notes
        if n["kind"].startswith("booking_")
    ]
    assert sorted(mine) == sorted(
        [("booking_confirmed", first["id"], None), ("booking_declined", second["id"], None)]
    )
    assert await kinds(c.teacher) == []  # nobody else hears of it
