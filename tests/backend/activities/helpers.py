"""A centre with a gym, the sport club's coach, and an activity of the club in it."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.seed.demo import seed
from kindcentraal.seed.rooms_demo import HOLIDAYS
from tests.backend.rooms.test_bookings import Centre, _centre, _login

AMS = ZoneInfo("Europe/Amsterdam")


@dataclass
class Club:
    centre: Centre
    coach: dict[str, str]
    parent: dict[str, str]
    parent_children: list[dict[str, Any]]  # the demo parent's two children (as listed)
    pupils: list[dict[str, Any]]  # other children of the school, for the admin to enrol


async def club(client: httpx.AsyncClient, session: AsyncSession) -> Club:
    await seed(session, history=False)
    centre = await _centre(client)
    parent = await _login(client, "ouder@regenboog.demo")
    own = (await client.get("/children", headers=parent, params={"limit": 10})).json()["items"]
    pupils = (await client.get("/children", headers=centre.admin, params={"limit": 60})).json()[
        "items"
    ]
    own_ids = {c["id"] for c in own}
    today = datetime.now(AMS).date()

    def school_age(child: dict[str, Any]) -> bool:
        born = date.fromisoformat(child["dateOfBirth"])
        return 5 <= (today - born).days // 366 <= 11

    return Club(
        centre=centre,
        coach=await _login(client, "sport@regenboog.demo"),
        parent=parent,
        parent_children=sorted(own, key=lambda c: c["dateOfBirth"], reverse=True),
        pupils=[c for c in pupils if c["id"] not in own_ids and school_age(c)],
    )


async def activity(client: httpx.AsyncClient, c: Club, **more: Any) -> dict[str, Any]:
    body = {
        "centreId": c.centre.centre,
        "title": "Judo",
        "description": "Judo voor beginners in de speelzaal.",
        "category": "sport",
        "minAge": 4,
        "maxAge": 12,
        "capacity": 2,
        **more,
    }
    made = await client.post("/activities", headers=c.coach, json=body)
    assert made.status_code == 201, made.text
    return made.json()


def next_weekday(weekday: int, *, weeks: int = 1) -> date:
    """A date of that weekday (0 = Monday) at least a week on."""
    today = datetime.now(AMS).date()
    return today + timedelta(days=(weekday - today.weekday()) % 7 + 7 * weeks)


def school_weeks(weekday: int, weeks: int = 1) -> date:
    """The first date of that weekday, at least a week on, that starts `weeks` weeks in a row
    outside the demo centre's holidays."""
    day = next_weekday(weekday)
    while any(
        start <= day + timedelta(days=7 * week) <= end
        for week in range(weeks)
        for _, _, start, end in HOLIDAYS
    ):
        day += timedelta(days=7)
    return day


def at(day: date, hour: int, minute: int = 0) -> str:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=AMS).isoformat()
