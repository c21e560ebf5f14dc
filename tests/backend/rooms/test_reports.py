"""The utilisation and floor-area reports, checked against bookings whose hours are known."""

from datetime import date, datetime, time, timedelta

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.seed.demo import seed
from tests.backend.rooms.test_bookings import _at, _booking, _centre, _login

MONDAY, WEDNESDAY, HOLIDAY_MONDAY = date(2027, 1, 11), date(2027, 1, 13), date(2027, 2, 15)
OPEN_HOURS_A_DAY = 15  # the gym opens 07:00-22:00 on weekdays


def _weekdays(first: date, last: date) -> int:
    return sum(1 for n in range((last - first).days + 1) if (first + timedelta(n)).weekday() < 5)


async def _book(
    client: httpx.AsyncClient, headers: dict[str, str], room: str, day: date, hours: tuple[int, int]
) -> None:
    moment = datetime.combine(day, time(0))
    response = await client.post(
        "/bookings",
        headers=headers,
        json=_booking(room, _at(moment, hours[0]), _at(moment, hours[1])),
    )
    assert response.status_code == 201, response.text


async def test_utilisation_counts_hours_after_school_in_holidays_and_double_use(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await seed(session, history=False)
    c = await _centre(client)
    holiday = await client.post(
        f"/child-centres/{c.centre}/holidays",
        headers=c.admin,
        json={
            "name": "Voorjaarsvakantie",
            "kind": "school_holiday",
            "startDate": "2027-02-15",
            "endDate": "2027-02-19",
        },
    )
    assert holiday.status_code == 201
    await _book(client, c.teacher, c.gym, MONDAY, (10, 12))  # the school, in school hours
    await _book(client, c.bso, c.gym, WEDNESDAY, (14, 18))  # BSO on a Wednesday afternoon
    await _book(client, c.bso, c.gym, HOLIDAY_MONDAY, (15, 17))  # BSO in the holiday

    params = {"buildingId": c.building, "from": "2027-01-11", "to": "2027-02-21"}
    response = await client.get("/reports/room-utilisation", headers=c.admin, params=params)
    assert response.status_code == 200, response.text
    report = response.json()
    (gym,) = report["rooms"]
    opening = _weekdays(date(2027, 1, 11), date(2027, 2, 21)) * OPEN_HOURS_A_DAY
    assert gym["openingHours"] == opening == 450
    assert gym["bookedHours"] == 8
    assert gym["utilisation"] == round(8 / 450, 4)
    assert gym["afterSchoolHours"] == 6  # Wednesday from 12:00, other days from 15:00
    assert gym["holidayHours"] == 2
    assert gym["organisationCount"] == 2
    by_org = {o["organisationId"]: o["hours"] for o in gym["byOrganisation"]}
    assert by_org == {c.school: 2, c.childcare: 6}
    organisations = {o["organisationId"]: o for o in report["organisations"]}
    assert organisations[c.childcare]["hoursInRoomsOfOthers"] == 6  # the school owns the gym
    assert organisations[c.school]["hoursInRoomsOfOthers"] == 0
    heat = report["heatmap"]
    assert heat[0][10] == heat[0][11] == 1  # Monday 10-12
    assert heat[0][15] == heat[0][16] == 1  # the holiday Monday 15-17
    assert [heat[2][h] for h in range(13, 19)] == [0, 1, 1, 1, 1, 0]  # Wednesday 14-18
    assert sum(map(sum, heat)) == 8

    # A school teacher has no reports; an analyst of the municipality does.
    assert (
        await client.get("/reports/room-utilisation", headers=c.teacher, params=params)
    ).status_code == 403
    analyst = await _login(client, "gemeente@regenboog.demo")
    assert (
        await client.get("/reports/room-utilisation", headers=analyst, params=params)
    ).status_code == 200
    too_long = {**params, "to": "2028-06-01"}
    refused = await client.get("/reports/room-utilisation", headers=c.admin, params=too_long)
    assert refused.status_code == 400 and refused.json()["errors"][0]["code"] == "invalidPeriod"


async def test_floor_area_follows_the_norm_and_the_pupils(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await seed(session, history=False)
    c = await _centre(client)
    await _book(client, c.bso, c.gym, WEDNESDAY, (14, 18))
    params = {"buildingId": c.building, "referenceDate": "2027-02-21"}
    report = (await client.get("/reports/floor-area", headers=c.admin, params=params)).json()
    assert report["baseM2"] == 200 and report["perPupilM2"] == 5.03
    assert report["pupils"] > 100  # the demo school
    assert report["normedM2"] == round(200 + 5.03 * report["pupils"], 2)
    assert report["actualM2"] == 2400
    assert report["differenceM2"] == round(2400 - report["normedM2"], 2)
    assert report["childcareHoursInEducationRooms"] == 4
    opening = _weekdays(date(2026, 2, 22), date(2027, 2, 21)) * OPEN_HOURS_A_DAY
    assert report["childcareEquivalentM2"] == round(180 * 4 / opening, 2)
    assert [r["name"] for r in report["underUsedRooms"]] == ["Speelzaal"]

    # The municipality's own ordinance changes the norm, and the report with it.
    norm = {
        "baseM2": 250,
        "perPupilM2": 6,
        "afterSchoolFrom": "15:30",
        "wednesdayAfternoonFrom": "12:30",
    }
    assert (await client.put("/room-norm", headers=c.teacher, json=norm)).status_code == 403
    saved = await client.put("/room-norm", headers=c.admin, json=norm)
    assert saved.status_code == 200 and saved.json()["isDefault"] is False
    again = (await client.get("/reports/floor-area", headers=c.admin, params=params)).json()
    assert again["normedM2"] == round(250 + 6 * report["pupils"], 2)
    bad = await client.put("/room-norm", headers=c.admin, json={**norm, "afterSchoolFrom": "25:00"})
    assert bad.status_code == 400
    assert (await client.get("/room-norm", headers=c.teacher)).json()["baseM2"] == 250
