"""/placements: a child's enrolment at an organisation, seen through the child."""

import base64
import json
import uuid
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.placement.models import Placement, PlacementKind
from tests.backend.assertions import assert_problem
from tests.backend.factories import World, make_child, make_placement

PLACEMENT_KEYS = {
    "id",
    "childId",
    "organisationId",
    "kind",
    "startDate",
    "endDate",
    "days",
    "groupId",
    "fromTime",
    "untilTime",
    "externalId",
    "createdAt",
    "updatedAt",
}
TODAY = date.today()


async def placement_id(session: AsyncSession, child: Any, organisation: Any) -> uuid.UUID:
    found = await session.scalar(
        select(Placement.id).where(
            Placement.child_id == child.id, Placement.organisation_id == organisation.id
        )
    )
    assert found is not None
    return found


async def stored(session: AsyncSession, placement: Any) -> tuple[date, date | None, list[str]]:
    row = (
        await session.execute(
            select(Placement.start_date, Placement.end_date, Placement.days).where(
                Placement.id == placement
            )
        )
    ).one()
    return row[0], row[1], list(row[2])


async def count_placements(session: AsyncSession, child: Any) -> int:
    return await session.scalar(
        select(func.count()).select_from(Placement).where(Placement.child_id == child.id)
    )


async def listed(client: httpx.AsyncClient, headers: dict[str, str], **params: str) -> set[str]:
    response = await client.get("/placements", params=params, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["nextCursor"] is None
    return {p["id"] for p in response.json()["items"]}


def cursor_of(*values: str) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(values)).encode()).decode().rstrip("=")


def new_placement(world: World, **change: Any) -> dict[str, Any]:
    return {
        "childId": str(world.pupil.id),
        "organisationId": str(world.school.id),
        "kind": "school",
        "startDate": (TODAY + timedelta(days=30)).isoformat(),
        "endDate": (TODAY + timedelta(days=400)).isoformat(),
        "days": ["monday", "wednesday"],
        **change,
    }


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/placements"),
        ("POST", "/placements"),
        ("GET", "/placements/{id}"),
        ("PATCH", "/placements/{id}"),
        ("DELETE", "/placements/{id}"),
    ],
)
async def test_anonymous_401(
    client: httpx.AsyncClient, world: World, session: AsyncSession, method: str, path: str
) -> None:
    target = await placement_id(session, world.pupil, world.school)
    before = await stored(session, target)
    body = None
    if method == "POST":
        body = new_placement(world)
    elif method == "PATCH":
        body = {"endDate": TODAY.isoformat()}
    response = await client.request(method, path.format(id=target), json=body)
    assert_problem(response, 401)
    assert await stored(session, target) == before
    assert await count_placements(session, world.pupil) == 1


# --- visibility ---------------------------------------------------------------------------


async def test_list_shape(client: httpx.AsyncClient, world: World, session: AsyncSession) -> None:
    response = await client.get("/placements", headers=world.headers("parent"))
    assert response.status_code == 200
    body = response.json()
    assert body["nextCursor"] is None
    [item] = body["items"]
    assert set(item) == PLACEMENT_KEYS
    assert item["id"] == str(await placement_id(session, world.pupil, world.school))
    assert item["childId"] == str(world.pupil.id)
    assert item["organisationId"] == str(world.school.id)
    assert item["kind"] == "school"
    assert item["startDate"] == (TODAY - timedelta(days=100)).isoformat()
    assert item["endDate"] is None
    assert item["days"] == ["monday", "tuesday"]


async def test_parent_sees_placements_of_own_child_only(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    daycare = await make_placement(
        session, world.pupil, world.childcare, kind=PlacementKind.DAYCARE
    )
    school = await placement_id(session, world.pupil, world.school)
    expected = {str(school), str(daycare.id)}
    assert await listed(client, world.headers("parent")) == expected
    # a guardian without parental authority still sees the child
    assert await listed(client, world.headers("parent_without_authority")) == expected
    assert await listed(client, world.headers("outsider_parent")) == set()


async def test_teacher_sees_placements_of_children_placed_at_the_school_only(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    school = await placement_id(session, world.pupil, world.school)
    # a child only in the childcare, another whose school placement ended
    toddler = await placement_id(session, world.toddler, world.childcare)
    former = await placement_id(session, world.former_pupil, world.school)
    headers = world.headers("teacher")
    assert await listed(client, headers) == {str(school)}
    for hidden in (toddler, former):
        assert_problem(await client.get(f"/placements/{hidden}", headers=headers), 404)
    assert await listed(client, headers, childId=str(world.toddler.id)) == set()
    assert await listed(client, headers, organisationId=str(world.childcare.id)) == set()


async def test_staff_see_through_their_own_organisation(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    toddler = await placement_id(session, world.toddler, world.childcare)
    assert await listed(client, world.headers("pm")) == {str(toddler)}
    # no relation to any child: nothing
    assert await listed(client, world.headers("logopedist")) == set()
    assert await listed(client, world.headers("analyst")) == set()


async def test_centre_admin_sees_every_placement_of_the_centre(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    expected = {
        str(await placement_id(session, world.pupil, world.school)),
        str(await placement_id(session, world.toddler, world.childcare)),
        str(await placement_id(session, world.former_pupil, world.school)),
    }
    assert await listed(client, world.headers("centre_admin")) == expected
    other = await placement_id(session, world.other_child, world.other_school)
    assert await listed(client, world.headers("other_admin")) == {str(other)}
    assert str(other) not in expected


async def test_read_placement(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    target = await placement_id(session, world.toddler, world.childcare)
    response = await client.get(f"/placements/{target}", headers=world.headers("pm"))
    assert response.status_code == 200
    body = response.json()
    assert set(body) == PLACEMENT_KEYS
    assert body["id"] == str(target)
    assert body["childId"] == str(world.toddler.id)
    assert body["kind"] == "daycare"


@pytest.mark.parametrize(
    ("who", "child", "organisation"),
    [
        ("parent", "toddler", "childcare"),
        ("outsider_parent", "pupil", "school"),
        ("pm", "pupil", "school"),
        ("logopedist", "pupil", "school"),
        ("centre_admin", "other_child", "other_school"),
        ("other_admin", "pupil", "school"),
    ],
)
async def test_read_invisible_placement_404(
    client: httpx.AsyncClient,
    world: World,
    session: AsyncSession,
    who: str,
    child: str,
    organisation: str,
) -> None:
    target = await placement_id(session, getattr(world, child), getattr(world, organisation))
    response = await client.get(f"/placements/{target}", headers=world.headers(who))
    assert_problem(response, 404)


async def test_read_unknown_or_malformed_id(client: httpx.AsyncClient, world: World) -> None:
    headers = world.headers("centre_admin")
    assert_problem(await client.get(f"/placements/{uuid.uuid4()}", headers=headers), 404)
    response = await client.get("/placements/42", headers=headers)
    assert_problem(response, 400, location="placementId", where="path")


# --- list filters and pages ---------------------------------------------------------------


async def test_list_filters(client: httpx.AsyncClient, world: World, session: AsyncSession) -> None:
    school = await placement_id(session, world.pupil, world.school)  # from 100 days ago, open
    toddler = await placement_id(session, world.toddler, world.childcare)  # idem
    former = await placement_id(session, world.former_pupil, world.school)  # -700 .. -30
    future = await make_placement(
        session,
        world.pupil,
        world.childcare,
        kind=PlacementKind.OUT_OF_SCHOOL_CARE,
        start_date=TODAY + timedelta(days=10),
        end_date=TODAY + timedelta(days=20),
    )
    headers = world.headers("centre_admin")

    assert await listed(client, headers, childId=str(world.pupil.id)) == {
        str(school),
        str(future.id),
    }
    assert await listed(client, headers, organisationId=str(world.school.id)) == {
        str(school),
        str(former),
    }
    assert await listed(
        client, headers, childId=str(world.pupil.id), organisationId=str(world.childcare.id)
    ) == {str(future.id)}

    def day(offset: int) -> str:
        return (TODAY + timedelta(days=offset)).isoformat()

    assert await listed(client, headers, activeOn=day(0)) == {str(school), str(toddler)}
    assert await listed(client, headers, activeOn=day(-30)) == {
        str(school),
        str(toddler),
        str(former),
    }  # the end date itself counts
    assert await listed(client, headers, activeOn=day(-31)) == {
        str(school),
        str(toddler),
        str(former),
    }
    assert await listed(client, headers, activeOn=day(-150)) == {str(former)}
    assert await listed(client, headers, activeOn=day(-701)) == set()
    assert await listed(client, headers, activeOn=day(10)) == {
        str(school),
        str(toddler),
        str(future.id),
    }  # the start date itself counts
    assert await listed(client, headers, activeOn=day(21)) == {str(school), str(toddler)}
    assert await listed(
        client, headers, activeOn=day(15), organisationId=str(world.childcare.id)
    ) == {str(toddler), str(future.id)}
    # other tenants' ids filter to nothing
    assert await listed(client, headers, childId=str(world.other_child.id)) == set()
    assert await listed(client, headers, organisationId=str(world.other_school.id)) == set()


@pytest.mark.parametrize(
    ("params", "location", "code"),
    [
        ({"activeOn": "gisteren"}, "activeOn", None),
        ({"activeOn": "2024-02-30"}, "activeOn", None),
        ({"childId": "pim"}, "childId", "uuid_parsing"),
        ({"organisationId": "1"}, "organisationId", "uuid_parsing"),
        ({"limit": "1000"}, "limit", "less_than_equal"),
        # well-formed, but its sort value is not a date
        ({"cursor": cursor_of("geen-datum", str(uuid.UUID(int=0)))}, "cursor", "invalid_cursor"),
        ({"cursor": "x" * 501}, "cursor", "string_too_long"),
    ],
)
async def test_list_bad_query_400(
    client: httpx.AsyncClient,
    world: World,
    params: dict[str, str],
    location: str,
    code: str | None,
) -> None:
    response = await client.get("/placements", params=params, headers=world.headers("teacher"))
    assert_problem(response, 400, location=location, code=code, where="query")


async def test_pagination(client: httpx.AsyncClient, world: World, session: AsyncSession) -> None:
    # same start dates on purpose: the id breaks the tie between them
    start = TODAY - timedelta(days=5)
    extra = [
        await make_placement(session, world.pupil, org, start_date=start + timedelta(days=i % 2))
        for i, org in enumerate([world.childcare, world.care, world.municipality, world.childcare])
    ]
    second_child = await make_child(session, world.centre)
    extra.append(await make_placement(session, second_child, world.school, start_date=start))
    await make_placement(session, world.other_child, world.other_school, start_date=start)
    expected = {str(p.id) for p in extra} | {
        str(await placement_id(session, world.pupil, world.school))
    }
    seen: list[str] = []
    starts: list[str] = []
    cursor = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        response = await client.get("/placements", params=params, headers=world.headers("teacher"))
        assert response.status_code == 200, response.text
        items = response.json()["items"]
        assert len(items) <= 2
        seen += [p["id"] for p in items]
        starts += [p["startDate"] for p in items]
        pages += 1
        cursor = response.json()["nextCursor"]
        if cursor is None:
            break
    assert pages == 3
    assert len(seen) == len(set(seen)) == 6
    assert set(seen) == expected
    assert starts == sorted(starts)


# --- create -------------------------------------------------------------------------------


async def test_staff_place_a_visible_child_at_their_own_organisation(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    response = await client.post(
        "/placements", json=new_placement(world), headers=world.headers("teacher")
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert set(body) == PLACEMENT_KEYS
    assert body["childId"] == str(world.pupil.id)
    assert body["organisationId"] == str(world.school.id)
    assert body["kind"] == "school"
    assert body["startDate"] == (TODAY + timedelta(days=30)).isoformat()
    assert body["endDate"] == (TODAY + timedelta(days=400)).isoformat()
    assert body["days"] == ["monday", "wednesday"]
    assert await stored(session, uuid.UUID(body["id"])) == (
        TODAY + timedelta(days=30),
        TODAY + timedelta(days=400),
        ["monday", "wednesday"],
    )
    read = await client.get(f"/placements/{body['id']}", headers=world.headers("parent"))
    assert read.json() == body


async def test_childcare_staff_place_their_child(client: httpx.AsyncClient, world: World) -> None:
    body = new_placement(
        world,
        childId=str(world.toddler.id),
        organisationId=str(world.childcare.id),
        kind="preschool",
        endDate=None,
        days=[],
    )
    response = await client.post("/placements", json=body, headers=world.headers("pm"))
    assert response.status_code == 201, response.text
    assert response.json()["kind"] == "preschool"
    assert response.json()["endDate"] is None
    assert response.json()["days"] == []


async def test_centre_admin_places_anywhere(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    body = new_placement(world, organisationId=str(world.care.id), kind="out_of_school_care")
    response = await client.post("/placements", json=body, headers=world.headers("centre_admin"))
    assert response.status_code == 201, response.text
    assert response.json()["organisationId"] == str(world.care.id)
    assert await count_placements(session, world.pupil) == 2


@pytest.mark.parametrize(
    ("who", "child", "organisation"),
    [
        ("teacher", "pupil", "childcare"),  # staff, but of another organisation
        ("school_admin", "pupil", "care"),
        ("pm", "toddler", "school"),
        ("parent", "pupil", "school"),  # sees the child, places nowhere
    ],
)
async def test_placing_at_another_organisation_403(
    client: httpx.AsyncClient,
    world: World,
    session: AsyncSession,
    who: str,
    child: str,
    organisation: str,
) -> None:
    body = new_placement(
        world,
        childId=str(getattr(world, child).id),
        organisationId=str(getattr(world, organisation).id),
    )
    before = await count_placements(session, getattr(world, child))
    response = await client.post("/placements", json=body, headers=world.headers(who))
    assert_problem(response, 403)
    assert await count_placements(session, getattr(world, child)) == before


@pytest.mark.parametrize(
    ("who", "child"),
    [
        ("teacher", "toddler"),  # exists, but the teacher has no relation with it
        ("teacher", "former_pupil"),
        ("logopedist", "pupil"),
        ("centre_admin", "other_child"),  # another tenant
    ],
)
async def test_placing_an_invisible_child_is_a_field_error(
    client: httpx.AsyncClient, world: World, session: AsyncSession, who: str, child: str
) -> None:
    target = getattr(world, child)
    before = await count_placements(session, target)
    response = await client.post(
        "/placements",
        json=new_placement(world, childId=str(target.id)),
        headers=world.headers(who),
    )
    assert_problem(response, 400, location="#/childId", code="unknown_reference")
    assert await count_placements(session, target) == before


async def test_placing_at_an_unknown_organisation_is_a_field_error(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    for organisation in (world.other_school.id, uuid.uuid4()):
        response = await client.post(
            "/placements",
            json=new_placement(world, organisationId=str(organisation)),
            headers=world.headers("centre_admin"),
        )
        assert_problem(response, 400, location="#/organisationId", code="unknown_reference")
    assert await count_placements(session, world.pupil) == 1


@pytest.mark.parametrize(
    ("change", "location", "code"),
    [
        (
            {"startDate": TODAY.isoformat(), "endDate": (TODAY - timedelta(days=1)).isoformat()},
            "#",
            "value_error",
        ),
        ({"days": ["monday", "monday"]}, "#", "value_error"),
        ({"days": ["maandag"]}, "#/days/0", "enum"),
        ({"days": "monday"}, "#/days", "list_type"),
        ({"fromTime": "25:00"}, "#/fromTime", "string_pattern_mismatch"),
        ({"kind": "holiday"}, "#/kind", "enum"),
        ({"startDate": "1-2-2026"}, "#/startDate", "value_error"),
        ({"startDate": None}, "#/startDate", "value_error"),
        ({"childId": 5}, "#/childId", "uuid_type"),
        ({"hours": 12}, "#/hours", "extra_forbidden"),
    ],
)
async def test_create_bad_body_400(
    client: httpx.AsyncClient,
    world: World,
    session: AsyncSession,
    change: dict[str, Any],
    location: str,
    code: str,
) -> None:
    response = await client.post(
        "/placements", json=new_placement(world, **change), headers=world.headers("centre_admin")
    )
    assert_problem(response, 400, location=location, code=code)
    assert await count_placements(session, world.pupil) == 1


async def test_end_before_start_is_reported_on_create(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await client.post(
        "/placements",
        json=new_placement(world, startDate="2026-09-01", endDate="2026-08-31"),
        headers=world.headers("teacher"),
    )
    body = assert_problem(response, 400)
    assert any("endDate" in e["detail"] for e in body["errors"])


# --- update -------------------------------------------------------------------------------


async def test_teacher_ends_a_placement_at_the_school(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    target = await placement_id(session, world.pupil, world.school)
    end = TODAY + timedelta(days=60)
    response = await client.patch(
        f"/placements/{target}",
        json={"endDate": end.isoformat(), "days": ["friday"]},
        headers=world.headers("teacher"),
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["endDate"] == end.isoformat()
    assert body["startDate"] == (TODAY - timedelta(days=100)).isoformat()  # kept
    assert body["days"] == ["friday"]
    assert body["kind"] == "school"
    assert await stored(session, target) == (TODAY - timedelta(days=100), end, ["friday"])

    # null reopens it
    response = await client.patch(
        f"/placements/{target}", json={"endDate": None}, headers=world.headers("teacher")
    )
    assert response.status_code == 200
    assert response.json()["endDate"] is None
    assert response.json()["days"] == ["friday"]
    assert (await stored(session, target))[1] is None


async def test_end_before_existing_start_400(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    target = await placement_id(session, world.pupil, world.school)
    before = await stored(session, target)
    response = await client.patch(
        f"/placements/{target}",
        json={"endDate": (TODAY - timedelta(days=101)).isoformat()},
        headers=world.headers("teacher"),
    )
    assert_problem(response, 400, location="#/endDate", code="end_before_start")
    assert await stored(session, target) == before


async def test_start_after_existing_end_400(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    target = await placement_id(session, world.former_pupil, world.school)
    before = await stored(session, target)
    response = await client.patch(
        f"/placements/{target}",
        json={"startDate": TODAY.isoformat()},
        headers=world.headers("centre_admin"),
    )
    assert_problem(response, 400, location="#/endDate", code="end_before_start")
    assert await stored(session, target) == before
    # moving both together is fine
    response = await client.patch(
        f"/placements/{target}",
        json={"startDate": TODAY.isoformat(), "endDate": None},
        headers=world.headers("centre_admin"),
    )
    assert response.status_code == 200
    assert (response.json()["startDate"], response.json()["endDate"]) == (TODAY.isoformat(), None)


@pytest.mark.parametrize(
    ("body", "location", "code"),
    [
        ({"startDate": None}, "#/startDate", "value_error"),
        ({"days": None}, "#/days", "value_error"),
        ({"startDate": "2026-05-02", "endDate": "2026-05-01"}, "#", "value_error"),
        ({"days": ["friday", "friday"]}, "#", "value_error"),
        ({"organisationId": str(uuid.uuid4())}, "#/organisationId", "extra_forbidden"),
        ({"kind": "daycare"}, "#/kind", "extra_forbidden"),
        ({"endDate": "morgen"}, "#/endDate", None),
    ],
)
async def test_update_bad_body_400(
    client: httpx.AsyncClient,
    world: World,
    session: AsyncSession,
    body: dict[str, Any],
    location: str,
    code: str | None,
) -> None:
    target = await placement_id(session, world.pupil, world.school)
    before = await stored(session, target)
    response = await client.patch(
        f"/placements/{target}", json=body, headers=world.headers("centre_admin")
    )
    assert_problem(response, 400, location=location, code=code)
    assert await stored(session, target) == before


async def test_staff_may_not_change_another_organisations_placement(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    daycare = await make_placement(
        session, world.pupil, world.childcare, kind=PlacementKind.DAYCARE
    )
    before = await stored(session, daycare.id)
    # the teacher sees it (the pupil is at the school) but it is the childcare's placement
    assert (
        await client.get(f"/placements/{daycare.id}", headers=world.headers("teacher"))
    ).status_code == 200
    for method in ("PATCH", "DELETE"):
        response = await client.request(
            method,
            f"/placements/{daycare.id}",
            json={"endDate": TODAY.isoformat()} if method == "PATCH" else None,
            headers=world.headers("teacher"),
        )
        assert_problem(response, 403)
    assert await stored(session, daycare.id) == before


@pytest.mark.parametrize("who", ["parent", "parent_without_authority"])
async def test_parents_may_not_change_placements(
    client: httpx.AsyncClient, world: World, session: AsyncSession, who: str
) -> None:
    target = await placement_id(session, world.pupil, world.school)
    before = await stored(session, target)
    response = await client.patch(
        f"/placements/{target}", json={"endDate": TODAY.isoformat()}, headers=world.headers(who)
    )
    assert_problem(response, 403)
    assert_problem(await client.delete(f"/placements/{target}", headers=world.headers(who)), 403)
    assert await stored(session, target) == before


@pytest.mark.parametrize(
    ("who", "child", "organisation"),
    [
        ("teacher", "toddler", "childcare"),
        ("teacher", "former_pupil", "school"),  # ended: the teacher no longer sees the child
        ("outsider_parent", "pupil", "school"),
        ("centre_admin", "other_child", "other_school"),
        ("other_admin", "pupil", "school"),
    ],
)
async def test_change_invisible_placement_404(
    client: httpx.AsyncClient,
    world: World,
    session: AsyncSession,
    who: str,
    child: str,
    organisation: str,
) -> None:
    target = await placement_id(session, getattr(world, child), getattr(world, organisation))
    before = await stored(session, target)
    response = await client.patch(
        f"/placements/{target}", json={"days": ["sunday"]}, headers=world.headers(who)
    )
    assert_problem(response, 404)
    assert_problem(await client.delete(f"/placements/{target}", headers=world.headers(who)), 404)
    assert await stored(session, target) == before


# --- delete -------------------------------------------------------------------------------


async def test_staff_delete_a_placement_of_their_organisation(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    target = await placement_id(session, world.pupil, world.school)
    response = await client.delete(f"/placements/{target}", headers=world.headers("teacher"))
    assert response.status_code == 204
    assert await count_placements(session, world.pupil) == 0
    # with the placement gone, the teacher no longer sees the child or its placements
    assert await listed(client, world.headers("teacher")) == set()
    assert_problem(
        await client.get(f"/children/{world.pupil.id}", headers=world.headers("teacher")), 404
    )
    # the parent still sees the child, now without placements
    assert await listed(client, world.headers("parent")) == set()


async def test_centre_admin_deletes_any_placement_of_the_centre(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    target = await placement_id(session, world.toddler, world.childcare)
    response = await client.delete(f"/placements/{target}", headers=world.headers("centre_admin"))
    assert response.status_code == 204
    assert await count_placements(session, world.toddler) == 0
    assert_problem(
        await client.get(f"/placements/{target}", headers=world.headers("centre_admin")), 404
    )
