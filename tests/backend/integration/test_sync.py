"""Sync for childcare systems: bulk placements (all or nothing), attendance, the changes
feed, and optimistic concurrency with ETags."""

import base64
import uuid
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.attendance.models import DailyAttendance
from kindcentraal.changes.models import ChangeRecord
from kindcentraal.changes.schemas import ChangesPage
from kindcentraal.placement.models import Placement, PlacementKind
from tests.backend.assertions import assert_problem
from tests.backend.factories import World, make_child, make_placement
from tests.backend.integration.helpers import client_token, register

TODAY = date.today()
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def item(child: Any, organisation: Any, **change: Any) -> dict[str, Any]:
    return {
        "childId": str(child.id),
        "organisationId": str(organisation.id),
        "kind": "out_of_school_care",
        "startDate": TODAY.isoformat(),
        "days": ["monday", "tuesday"],
        **change,
    }


async def count(session: AsyncSession, model: Any) -> int:
    return await session.scalar(select(func.count()).select_from(model)) or 0


async def children(session: AsyncSession, world: World, n: int) -> list[Any]:
    """Children of the childcare organisation (at its daycare since last year)."""
    made = []
    for i in range(n):
        child = await make_child(session, world.centre, given_name=f"Kind{i}", family_name="Bso")
        await make_placement(
            session,
            child,
            world.childcare,
            kind=PlacementKind.DAYCARE,
            start_date=TODAY - timedelta(days=365),
        )
        made.append(child)
    return made


async def test_bulk_placements_are_all_or_nothing_with_errors_per_item(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    registered = await register(client, session, world)
    headers = await client_token(client, registered)
    kids = await children(session, world, 3)
    before = await count(session, Placement)
    bad = [
        item(kids[0], world.childcare, externalId="p-0"),
        item(kids[1], world.school, externalId="p-1"),  # not the client's organisation
        item(kids[2], world.childcare, startDate="2026-13-01"),  # no such date
    ]
    response = await client.post("/placements/bulk", json={"items": bad}, headers=headers)
    assert_problem(response, 400)
    locations = {e["location"] for e in response.json()["errors"]}
    assert "#/items/2/startDate" in locations
    assert await count(session, Placement) == before

    semantic = [item(kids[0], world.childcare), item(kids[1], world.school)]
    response = await client.post("/placements/bulk", json={"items": semantic}, headers=headers)
    assert_problem(response, 400)
    assert [e["location"] for e in response.json()["errors"]] == ["#/items/1/organisationId"]
    assert await count(session, Placement) == before

    good = [item(k, world.childcare, externalId=f"p-{i}") for i, k in enumerate(kids)]
    created = await client.post("/placements/bulk", json={"items": good}, headers=headers)
    assert created.status_code == 200, created.text
    assert (created.json()["created"], created.json()["updated"]) == (3, 0)
    assert await count(session, Placement) == before + 3

    # The same keys again: an upsert changes them, it adds nothing.
    good[1]["endDate"] = (TODAY + timedelta(days=90)).isoformat()
    again = await client.post("/placements/bulk", json={"items": good}, headers=headers)
    assert again.status_code == 200, again.text
    assert (again.json()["created"], again.json()["updated"]) == (0, 3)
    assert again.json()["items"][1]["endDate"] == good[1]["endDate"]
    assert await count(session, Placement) == before + 3

    twice = [item(kids[0], world.childcare, externalId="p-9")] * 2
    response = await client.post("/placements/bulk", json={"items": twice}, headers=headers)
    assert_problem(response, 400)
    assert [e["location"] for e in response.json()["errors"]] == ["#/items/1/externalId"]

    too_many = {"items": [item(kids[0], world.childcare)] * 501}
    assert_problem(await client.post("/placements/bulk", json=too_many, headers=headers), 400)


async def test_a_stale_etag_answers_412_and_changes_nothing(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    registered = await register(client, session, world)
    headers = await client_token(client, registered)
    placement = await session.scalar(
        select(Placement).where(Placement.child_id == world.toddler.id)
    )
    assert placement is not None
    read = await client.get(f"/placements/{placement.id}", headers=headers)
    assert read.status_code == 200, read.text
    etag = read.headers["etag"]
    first = await client.patch(
        f"/placements/{placement.id}",
        json={"days": ["monday"]},
        headers={**headers, "If-Match": etag},
    )
    assert first.status_code == 200, first.text
    assert first.headers["etag"] != etag
    stale = await client.patch(
        f"/placements/{placement.id}",
        json={"days": ["friday"]},
        headers={**headers, "If-Match": etag},
    )
    assert_problem(stale, 412)
    now = await client.get(f"/placements/{placement.id}", headers=headers)
    assert now.json()["days"] == ["monday"]
    assert now.headers["etag"] == first.headers["etag"]
    gone = await client.delete(f"/placements/{placement.id}", headers={**headers, "If-Match": etag})
    assert_problem(gone, 412)


async def test_attendance_in_bulk_feeds_the_daily_attendance(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    registered = await register(client, session, world, scopes=["attendance:write"])
    headers = await client_token(client, registered)
    at = datetime.combine(TODAY, time(8, 15), AMSTERDAM).isoformat()
    out = datetime.combine(TODAY, time(17, 30), AMSTERDAM).isoformat()
    good = {
        "items": [
            {
                "childId": str(world.toddler.id),
                "date": TODAY.isoformat(),
                "checkedInAt": at,
                "checkedOutAt": out,
            }
        ]
    }
    wrong = {
        "items": [
            good["items"][0],
            {"childId": str(world.pupil.id), "date": TODAY.isoformat(), "checkedInAt": at},
        ]
    }
    before = await count(session, DailyAttendance)
    refused = await client.post("/daily-attendance/bulk", json=wrong, headers=headers)
    assert_problem(refused, 400)
    assert [e["location"] for e in refused.json()["errors"]] == ["#/items/1/childId"]
    assert await count(session, DailyAttendance) == before
    done = await client.post("/daily-attendance/bulk", json=good, headers=headers)
    assert done.status_code == 200, done.text
    assert done.json()["items"][0]["organisationId"] == str(world.childcare.id)
    assert await count(session, DailyAttendance) == before + 1


async def feed(
    client: httpx.AsyncClient, headers: dict[str, str], since: str | None = None
) -> dict[str, Any]:
    params = {"since": since} if since else {}
    response = await client.get("/changes", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def test_the_changes_feed_lists_what_the_client_may_see_from_a_cursor(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    registered = await register(
        client, session, world, scopes=["placements:read", "placements:write"]
    )
    headers = await client_token(client, registered)
    kids = await children(session, world, 2)
    start = (await feed(client, headers))["nextCursor"]
    while True:  # everything before this test: skip
        page = await feed(client, headers, start)
        start = page["nextCursor"]
        if not page["hasMore"]:
            break
    made = await client.post(
        "/placements/bulk",
        json={"items": [item(k, world.childcare) for k in kids]},
        headers=headers,
    )
    assert made.status_code == 200, made.text
    # A teacher places a pupil at the school: not this client's business.
    school = await client.post(
        "/placements",
        json=item(kids[0], world.school, kind="school"),
        headers=world.headers("centre_admin"),
    )
    assert school.status_code == 201, school.text
    page = await feed(client, headers, start)
    ids = [(c["type"], c["id"], c["change"]) for c in page["items"]]
    assert ids == [("placement", p["id"], "created") for p in made.json()["items"]]
    assert page["hasMore"] is False
    # The feed answers again from its cursor: nothing new.
    assert (await feed(client, headers, page["nextCursor"]))["items"] == []
    # A consent's change, a child's own: not for a client without children:read.
    assert all(c["type"] == "placement" for c in page["items"])
    assert_problem(await client.get("/changes", headers=world.headers("centre_admin")), 403)


async def test_cursors_expire_after_30_days_and_junk_is_refused(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    registered = await register(client, session, world, scopes=["children:read"])
    headers = await client_token(client, registered)
    old = int((datetime.now(UTC) - timedelta(days=31)).timestamp())
    expired = base64.urlsafe_b64encode(f"0.1.{old}".encode()).decode().rstrip("=")
    assert_problem(await client.get("/changes", params={"since": expired}, headers=headers), 410)
    assert_problem(await client.get("/changes", params={"since": "!!"}, headers=headers), 400)


async def test_every_change_is_recorded_in_its_own_transaction(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    """A change made by a person in the SPA is in the log too, and a refused bulk leaves no
    record behind."""
    before = await count(session, ChangeRecord)
    kid = await make_child(session, world.centre, given_name="Nieuw", family_name="Kind")
    recorded = await count(session, ChangeRecord)
    assert recorded == before + 1  # the child itself
    made = await client.post(
        "/placements", json=item(kid, world.childcare), headers=world.headers("centre_admin")
    )
    assert made.status_code == 201, made.text
    row = await session.scalar(
        select(ChangeRecord).where(ChangeRecord.resource_id == uuid.UUID(made.json()["id"]))
    )
    assert row is not None and row.organisation_id == world.childcare.id
    assert row.child_id == kid.id and row.change == "created"
    registered = await register(client, session, world)
    headers = await client_token(client, registered)
    after = await count(session, ChangeRecord)
    refused = await client.post(
        "/placements/bulk",
        json={"items": [item(kid, world.childcare), item(kid, world.school)]},
        headers=headers,
    )
    assert_problem(refused, 400)
    assert await count(session, ChangeRecord) == after


async def test_the_feed_page_json_is_the_models_json(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    """The feed writes its page without models (speed); the document's model says the same."""
    registered = await register(client, session, world, scopes=["placements:read"])
    headers = await client_token(client, registered)
    await children(session, world, 2)
    page = await feed(client, headers)
    assert page["items"], page
    assert ChangesPage.model_validate(page).model_dump(mode="json", by_alias=True) == page
