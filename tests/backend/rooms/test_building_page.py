"""The calendar screen's context in one request: `GET /buildings/{buildingId}?expand=`."""

import uuid

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.seed.demo import seed
from tests.backend.rooms.test_bookings import _centre


async def test_each_part_is_what_its_own_endpoint_answers(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await seed(session, history=False)
    c = await _centre(client)
    holiday = await client.post(
        f"/child-centres/{c.centre}/holidays",
        headers=c.admin,
        json={
            "name": "Kerstvakantie",
            "kind": "school_holiday",
            "startDate": "2026-12-21",
            "endDate": "2027-01-01",
        },
    )
    assert holiday.status_code == 201, holiday.text

    page = await client.get(
        f"/buildings/{c.building}",
        headers=c.teacher,
        params={"expand": "rooms,holidays,organisations"},
    )
    assert page.status_code == 200, page.text
    body = page.json()
    assert body["id"] == c.building and body["centreId"] == c.centre
    embedded = body["embedded"]

    rooms = await client.get("/rooms", headers=c.teacher, params={"buildingId": c.building})
    holidays = await client.get(f"/child-centres/{c.centre}/holidays", headers=c.teacher)
    assert embedded["rooms"] == rooms.json() and [r["id"] for r in rooms.json()] == [c.gym]
    assert embedded["holidays"] == holidays.json()
    assert holiday.json()["id"] in {h["id"] for h in embedded["holidays"]}

    organisations = await client.get(
        "/organisations", headers=c.teacher, params={"centreId": c.centre, "limit": 100}
    )
    assert embedded["organisations"] == organisations.json()["items"]
    assert {c.school, c.childcare} <= {o["id"] for o in embedded["organisations"]}
    assert all(c.centre in o["centreIds"] for o in embedded["organisations"])


async def test_only_the_parts_asked_for_and_only_known_parts(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await seed(session, history=False)
    c = await _centre(client)

    plain = await client.get(f"/buildings/{c.building}", headers=c.teacher)
    assert plain.status_code == 200 and "embedded" not in plain.json()

    rooms_only = await client.get(
        f"/buildings/{c.building}", headers=c.teacher, params={"expand": "rooms"}
    )
    assert set(rooms_only.json()["embedded"]) == {"rooms"}

    unknown = await client.get(
        f"/buildings/{c.building}", headers=c.teacher, params={"expand": "rooms,bookings"}
    )
    assert unknown.status_code == 400
    assert unknown.headers["content-type"].startswith("application/problem+json")
    assert [e["location"] for e in unknown.json()["errors"]] == ["expand"]

    nobody = await client.get(
        f"/buildings/{uuid.uuid4()}", headers=c.teacher, params={"expand": "rooms"}
    )
    assert nobody.status_code == 404
