"""iCalendar feeds at secret, revocable addresses: what they show, and when they stop."""

import uuid
from datetime import datetime
from urllib.parse import urlsplit

import httpx
from icalendar import Calendar
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.organisation.models import Membership
from kindcentraal.rooms.models import CalendarFeed
from kindcentraal.seed.demo import seed
from kindcentraal.user.models import User
from tests.backend.rooms.test_bookings import _at, _booking, _centre, _next_wednesday


def _path(url: str) -> str:
    return urlsplit(url).path.removeprefix("/api/v1")


async def test_a_room_feed_shows_own_bookings_and_others_as_busy_until_revoked(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await seed(session, history=False)
    c = await _centre(client)
    wednesday = _next_wednesday()
    for headers, purpose, hours in ((c.teacher, "Gymles", (9, 10)), (c.bso, "BSO sport", (15, 17))):
        made = await client.post(
            "/bookings",
            headers=headers,
            json={
                **_booking(c.gym, _at(wednesday, hours[0]), _at(wednesday, hours[1])),
                "purpose": purpose,
            },
        )
        assert made.status_code == 201, made.text
    created = await client.post(
        "/me/calendar-feeds", headers=c.bso, json={"name": "Speelzaal", "roomId": c.gym}
    )
    assert created.status_code == 201, created.text
    feed = created.json()
    assert feed["organisationId"] == c.childcare and "/calendar-feeds/" in feed["url"]
    token = feed["url"].rsplit("/", 1)[1]
    stored = await session.scalar(
        select(CalendarFeed.token_hash).where(CalendarFeed.id == uuid.UUID(feed["id"]))
    )
    assert stored and token not in stored  # only the hash is kept

    response = await client.get(_path(feed["url"]))  # no login: the address is the key
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    events = list(Calendar.from_ical(response.content).walk("VEVENT"))
    summaries = sorted(str(e["SUMMARY"]) for e in events)
    assert summaries == ["BSO sport", "Bezet: Basisschool De Regenboog"]
    assert all(str(e["LOCATION"]) == "Speelzaal" for e in events)
    first = min(events, key=lambda e: e["DTSTART"].dt)
    assert first["DTSTART"].dt == datetime.fromisoformat(_at(wednesday, 9))  # the same moment

    listed = (await client.get("/me/calendar-feeds", headers=c.bso)).json()
    assert [f["id"] for f in listed] == [feed["id"]] and "url" not in listed[0]
    assert (
        await client.delete(f"/me/calendar-feeds/{feed['id']}", headers=c.teacher)
    ).status_code == 404
    assert (
        await client.delete(f"/me/calendar-feeds/{feed['id']}", headers=c.bso)
    ).status_code == 204
    assert (await client.get(_path(feed["url"]))).status_code == 404


async def test_an_organisation_feed_stops_when_its_maker_leaves_the_organisation(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await seed(session, history=False)
    c = await _centre(client)
    wednesday = _next_wednesday()
    await client.post(
        "/bookings", headers=c.bso, json=_booking(c.gym, _at(wednesday, 15), _at(wednesday, 16))
    )
    feed = (await client.post("/me/calendar-feeds", headers=c.bso, json={"name": "BSO"})).json()
    ical = Calendar.from_ical((await client.get(_path(feed["url"]))).content)
    summaries = [str(e["SUMMARY"]) for e in ical.walk("VEVENT")]
    # The organisation's own bookings, all rooms, in full (the demo's BSO too): none as busy.
    assert "Gym" in summaries and "BSO" in summaries
    assert not any(summary.startswith("Bezet") for summary in summaries)
    pm = await session.scalar(select(User.id).where(User.email == "pm@regenboog.demo"))
    await session.execute(delete(Membership).where(Membership.user_id == pm))
    assert (await client.get(_path(feed["url"]))).status_code == 404
    assert (await client.get("/calendar-feeds/" + "x" * 43)).status_code == 404
