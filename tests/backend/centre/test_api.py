"""/child-centres: any user of the municipality reads them; centre admins manage them."""

import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.centre.models import ChildCentre
from kindcentraal.group.models import Group
from kindcentraal.organisation.models import OrganisationCentre
from tests.backend.assertions import assert_problem
from tests.backend.factories import World, make_centre, make_group

READ_KEYS = {"id", "name", "address", "createdAt", "updatedAt"}


async def centre_row(session: AsyncSession, centre_id: Any) -> tuple[str, str | None] | None:
    row = (
        await session.execute(
            select(ChildCentre.name, ChildCentre.address).where(ChildCentre.id == centre_id)
        )
    ).one_or_none()
    return None if row is None else (row[0], row[1])


async def count_named(session: AsyncSession, name: str) -> int:
    return await session.scalar(
        select(func.count()).select_from(ChildCentre).where(ChildCentre.name == name)
    )


async def administered_centre(session: AsyncSession, world: World, name: str) -> ChildCentre:
    """A new centre the school takes part in, so the world's centre admin administers it."""
    centre = await make_centre(session, world.tenant, name=name)
    session.add(
        OrganisationCentre(
            tenant_id=world.tenant.id, organisation_id=world.school.id, centre_id=centre.id
        )
    )
    await session.flush()
    return centre


# --- authentication -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/child-centres"),
        ("POST", "/child-centres"),
        ("GET", "/child-centres/{id}"),
        ("PATCH", "/child-centres/{id}"),
        ("DELETE", "/child-centres/{id}"),
    ],
)
async def test_anonymous_caller_gets_401(
    client: httpx.AsyncClient, world: World, session: AsyncSession, method: str, path: str
) -> None:
    body = {"name": "Anoniem"} if method in {"POST", "PATCH"} else None
    response = await client.request(method, path.format(id=world.centre.id), json=body)
    assert_problem(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"
    assert await centre_row(session, world.centre.id) == (world.centre.name, "Straat 1")
    assert await count_named(session, "Anoniem") == 0


async def test_invalid_token_gets_401(client: httpx.AsyncClient) -> None:
    response = await client.get(
        "/child-centres", headers={"Authorization": "Bearer not-a-real-token"}
    )
    assert_problem(response, 401)


# --- list ---------------------------------------------------------------------------------


async def test_list_shows_own_tenant_only_sorted_by_name(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    await make_centre(session, world.tenant, name="Aaa eerste")
    await make_centre(session, world.tenant, name="Zzz laatste")
    response = await client.get("/child-centres", headers=world.headers("parent"))
    assert response.status_code == 200
    body = response.json()
    assert body["nextCursor"] is None
    names = [c["name"] for c in body["items"]]
    assert names == sorted([world.centre.name, "Aaa eerste", "Zzz laatste"])
    ids = {c["id"] for c in body["items"]}
    assert str(world.other_centre.id) not in ids
    assert all(set(c) == READ_KEYS for c in body["items"])


async def test_other_tenant_sees_only_its_own_centre(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await client.get("/child-centres", headers=world.headers("other_teacher"))
    assert response.status_code == 200
    assert [c["id"] for c in response.json()["items"]] == [str(world.other_centre.id)]


async def test_list_filters_on_part_of_the_name_case_insensitively(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    wanted = await make_centre(session, world.tenant, name="IKC De Regenboog")
    await make_centre(session, world.tenant, name="IKC Zonnebloem")
    await make_centre(session, world.other_tenant, name="IKC Regenboog Elders")
    response = await client.get(
        "/child-centres", params={"q": "regenBOOG"}, headers=world.headers("teacher")
    )
    assert response.status_code == 200
    assert [c["id"] for c in response.json()["items"]] == [str(wanted.id)]


async def test_list_filter_treats_percent_literally(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    await make_centre(session, world.tenant, name="Centrum 100% Kind")
    response = await client.get(
        "/child-centres", params={"q": "%"}, headers=world.headers("teacher")
    )
    assert response.status_code == 200
    assert [c["name"] for c in response.json()["items"]] == ["Centrum 100% Kind"]


async def test_pagination_walks_every_centre_once(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    created = [await make_centre(session, world.tenant, name=f"Pagina {i}") for i in range(5)]
    # sorts between ours, but belongs to the other municipality
    await make_centre(session, world.other_tenant, name="Pagina 2b")
    expected = {str(c.id) for c in created} | {str(world.centre.id)}
    seen: list[str] = []
    names: list[str] = []
    cursor = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        response = await client.get(
            "/child-centres", params=params, headers=world.headers("teacher")
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert len(body["items"]) <= 2
        seen += [c["id"] for c in body["items"]]
        names += [c["name"] for c in body["items"]]
        pages += 1
        cursor = body["nextCursor"]
        if cursor is None:
            break
    assert pages >= 3
    assert len(seen) == len(set(seen))
    assert set(seen) == expected
    assert names == sorted(names)


@pytest.mark.parametrize("cursor", ["not-a-cursor!", "WyJhIl0", "WyJhIiwgIm5vLXV1aWQiXQ"])
async def test_invalid_cursor_is_400(client: httpx.AsyncClient, world: World, cursor: str) -> None:
    # garbage, a one-element list, and a list whose id is not a UUID
    response = await client.get(
        "/child-centres", params={"cursor": cursor}, headers=world.headers("teacher")
    )
    assert_problem(response, 400, location="cursor", code="invalid_cursor", where="query")


@pytest.mark.parametrize("limit", ["0", "101", "many"])
async def test_invalid_limit_is_400(client: httpx.AsyncClient, world: World, limit: str) -> None:
    response = await client.get(
        "/child-centres", params={"limit": limit}, headers=world.headers("teacher")
    )
    assert_problem(response, 400, location="limit", where="query")


# --- read ---------------------------------------------------------------------------------


async def test_read_centre(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get(
        f"/child-centres/{world.centre.id}", headers=world.headers("analyst")
    )
    assert response.status_code == 200
    body = response.json()
    assert set(body) == READ_KEYS
    assert body["id"] == str(world.centre.id)
    assert body["name"] == world.centre.name
    assert body["address"] == "Straat 1"


@pytest.mark.parametrize("who", ["centre_admin", "other_admin"])
async def test_read_invisible_centre_is_404(
    client: httpx.AsyncClient, world: World, who: str
) -> None:
    foreign = world.other_centre if who == "centre_admin" else world.centre
    response = await client.get(f"/child-centres/{foreign.id}", headers=world.headers(who))
    assert_problem(response, 404)
    response = await client.get(f"/child-centres/{uuid.uuid4()}", headers=world.headers(who))
    assert_problem(response, 404)


async def test_read_malformed_id_is_400(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get("/child-centres/not-a-uuid", headers=world.headers("teacher"))
    assert_problem(response, 400, location="centreId", where="path")


# --- create -------------------------------------------------------------------------------


async def test_centre_admin_creates_centre(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    response = await client.post(
        "/child-centres",
        json={"name": "IKC Nieuw", "address": "Laan 3"},
        headers=world.headers("centre_admin"),
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert set(body) == READ_KEYS
    assert body["name"] == "IKC Nieuw"
    assert body["address"] == "Laan 3"
    assert await centre_row(session, uuid.UUID(body["id"])) == ("IKC Nieuw", "Laan 3")
    read = await client.get(f"/child-centres/{body['id']}", headers=world.headers("teacher"))
    assert read.status_code == 200
    assert read.json() == body
    # the other municipality never sees it
    foreign = await client.get(f"/child-centres/{body['id']}", headers=world.headers("other_admin"))
    assert_problem(foreign, 404)


async def test_create_without_address(client: httpx.AsyncClient, world: World) -> None:
    response = await client.post(
        "/child-centres", json={"name": "IKC Zonder Adres"}, headers=world.headers("centre_admin")
    )
    assert response.status_code == 201
    assert response.json()["address"] is None


@pytest.mark.parametrize("who", ["school_admin", "teacher", "pm", "analyst", "parent"])
async def test_only_centre_admins_create(
    client: httpx.AsyncClient, world: World, session: AsyncSession, who: str
) -> None:
    response = await client.post(
        "/child-centres", json={"name": "IKC Verboden"}, headers=world.headers(who)
    )
    assert_problem(response, 403)
    assert await count_named(session, "IKC Verboden") == 0


@pytest.mark.parametrize(
    ("body", "location", "code"),
    [
        ({"name": 123}, "#/name", "string_type"),
        ({"name": ""}, "#/name", "string_too_short"),
        ({"name": "x" * 201}, "#/name", "string_too_long"),
        ({}, "#/name", "missing"),
        ({"name": "IKC Fout", "colour": "blue"}, "#/colour", "extra_forbidden"),
        ({"name": "IKC Fout", "address": ["Straat"]}, "#/address", "string_type"),
    ],
)
async def test_create_bad_body_is_400(
    client: httpx.AsyncClient,
    world: World,
    session: AsyncSession,
    body: dict[str, Any],
    location: str,
    code: str,
) -> None:
    before = await session.scalar(select(func.count()).select_from(ChildCentre))
    response = await client.post("/child-centres", json=body, headers=world.headers("centre_admin"))
    assert_problem(response, 400, location=location, code=code)
    assert await session.scalar(select(func.count()).select_from(ChildCentre)) == before


async def test_create_invalid_json_is_400(client: httpx.AsyncClient, world: World) -> None:
    response = await client.post(
        "/child-centres",
        content=b'{"name": ',
        headers={**world.headers("centre_admin"), "Content-Type": "application/json"},
    )
    body = assert_problem(response, 400)
    assert body["errors"][0]["code"] == "json_invalid"


async def test_create_duplicate_name_is_409(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    response = await client.post(
        "/child-centres", json={"name": world.centre.name}, headers=world.headers("centre_admin")
    )
    assert_problem(response, 409)
    assert await count_named(session, world.centre.name) == 1


async def test_name_of_another_tenants_centre_is_free(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await client.post(
        "/child-centres",
        json={"name": world.other_centre.name},
        headers=world.headers("centre_admin"),
    )
    assert response.status_code == 201
    assert response.json()["name"] == world.other_centre.name


# --- update -------------------------------------------------------------------------------


async def test_centre_admin_renames_centre(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    response = await client.patch(
        f"/child-centres/{world.centre.id}",
        json={"name": "IKC Hernoemd"},
        headers=world.headers("centre_admin"),
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["name"] == "IKC Hernoemd"
    assert body["address"] == "Straat 1"  # not sent, so kept
    assert body["id"] == str(world.centre.id)
    assert await centre_row(session, world.centre.id) == ("IKC Hernoemd", "Straat 1")


async def test_address_may_be_cleared_with_null(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    response = await client.patch(
        f"/child-centres/{world.centre.id}",
        json={"address": None},
        headers=world.headers("centre_admin"),
    )
    assert response.status_code == 200
    assert response.json()["address"] is None
    assert response.json()["name"] == world.centre.name
    assert await centre_row(session, world.centre.id) == (world.centre.name, None)


async def test_keeping_its_own_name_is_no_conflict(client: httpx.AsyncClient, world: World) -> None:
    response = await client.patch(
        f"/child-centres/{world.centre.id}",
        json={"name": world.centre.name, "address": "Plein 9"},
        headers=world.headers("centre_admin"),
    )
    assert response.status_code == 200
    assert response.json()["address"] == "Plein 9"


@pytest.mark.parametrize("who", ["school_admin", "teacher", "pm", "logopedist", "parent"])
async def test_update_by_non_admin_is_403(
    client: httpx.AsyncClient, world: World, session: AsyncSession, who: str
) -> None:
    response = await client.patch(
        f"/child-centres/{world.centre.id}", json={"name": "Gekaapt"}, headers=world.headers(who)
    )
    assert_problem(response, 403)
    assert await centre_row(session, world.centre.id) == (world.centre.name, "Straat 1")


async def test_update_by_admin_of_another_centre_is_403(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    # a centre no organisation of the centre admin takes part in
    unrelated = await make_centre(session, world.tenant, name="IKC Elders")
    response = await client.patch(
        f"/child-centres/{unrelated.id}",
        json={"name": "Gekaapt"},
        headers=world.headers("centre_admin"),
    )
    assert_problem(response, 403)
    assert await centre_row(session, unrelated.id) == ("IKC Elders", "Straat 1")


async def test_update_other_tenants_centre_is_404(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    response = await client.patch(
        f"/child-centres/{world.other_centre.id}",
        json={"name": "Gekaapt"},
        headers=world.headers("centre_admin"),
    )
    assert_problem(response, 404)
    response = await client.patch(
        f"/child-centres/{world.centre.id}",
        json={"name": "Gekaapt"},
        headers=world.headers("other_admin"),
    )
    assert_problem(response, 404)
    assert await centre_row(session, world.other_centre.id) == (world.other_centre.name, "Straat 1")
    assert await centre_row(session, world.centre.id) == (world.centre.name, "Straat 1")


@pytest.mark.parametrize(
    ("body", "location", "code"),
    [
        ({"name": None}, "#/name", "value_error"),
        ({"name": 5}, "#/name", "string_type"),
        ({"name": ""}, "#/name", "string_too_short"),
        ({"name": "IKC Nieuw", "id": str(uuid.uuid4())}, "#/id", "extra_forbidden"),
    ],
)
async def test_update_bad_body_is_400_and_changes_nothing(
    client: httpx.AsyncClient,
    world: World,
    session: AsyncSession,
    body: dict[str, Any],
    location: str,
    code: str,
) -> None:
    response = await client.patch(
        f"/child-centres/{world.centre.id}", json=body, headers=world.headers("centre_admin")
    )
    assert_problem(response, 400, location=location, code=code)
    assert await centre_row(session, world.centre.id) == (world.centre.name, "Straat 1")


async def test_rename_to_taken_name_is_409(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    other = await administered_centre(session, world, "IKC Tweede")
    response = await client.patch(
        f"/child-centres/{other.id}",
        json={"name": world.centre.name, "address": "Nieuw"},
        headers=world.headers("centre_admin"),
    )
    assert_problem(response, 409)
    assert await centre_row(session, other.id) == ("IKC Tweede", "Straat 1")


async def test_created_centre_is_administered_by_its_creator(
    client: httpx.AsyncClient, world: World
) -> None:
    admin = world.headers("centre_admin")
    created = await client.post("/child-centres", json={"name": "IKC Start"}, headers=admin)
    assert created.status_code == 201
    centre_id = created.json()["id"]
    # the creator's organisation takes part in the new centre at once
    school = await client.get(f"/organisations/{world.school.id}", headers=admin)
    assert centre_id in school.json()["centreIds"]
    response = await client.patch(
        f"/child-centres/{centre_id}", json={"address": "Weg 1"}, headers=admin
    )
    assert response.status_code == 200
    assert response.json()["address"] == "Weg 1"


# --- delete -------------------------------------------------------------------------------


async def test_centre_admin_deletes_empty_centre_with_its_groups(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    centre = await administered_centre(session, world, "IKC Leeg")
    group = await make_group(session, centre, world.school, grade=3)
    response = await client.delete(
        f"/child-centres/{centre.id}", headers=world.headers("centre_admin")
    )
    assert response.status_code == 204
    assert response.content == b""
    assert await centre_row(session, centre.id) is None
    assert await session.scalar(select(func.count()).where(Group.id == group.id)) == 0
    read = await client.get(f"/child-centres/{centre.id}", headers=world.headers("centre_admin"))
    assert_problem(read, 404)


async def test_centre_with_children_cannot_be_deleted(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    response = await client.delete(
        f"/child-centres/{world.centre.id}", headers=world.headers("centre_admin")
    )
    assert_problem(response, 409)
    assert await centre_row(session, world.centre.id) == (world.centre.name, "Straat 1")
    children = await client.get("/children", headers=world.headers("centre_admin"))
    assert {c["givenName"] for c in children.json()["items"]} == {"Pim", "Tess", "Fay"}


@pytest.mark.parametrize("who", ["school_admin", "teacher", "parent"])
async def test_delete_by_non_admin_is_403(
    client: httpx.AsyncClient, world: World, session: AsyncSession, who: str
) -> None:
    centre = await administered_centre(session, world, "IKC Blijft")
    response = await client.delete(f"/child-centres/{centre.id}", headers=world.headers(who))
    assert_problem(response, 403)
    assert await centre_row(session, centre.id) == ("IKC Blijft", "Straat 1")


async def test_delete_other_tenants_centre_is_404(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    response = await client.delete(
        f"/child-centres/{world.other_centre.id}", headers=world.headers("centre_admin")
    )
    assert_problem(response, 404)
    response = await client.delete(
        f"/child-centres/{uuid.uuid4()}", headers=world.headers("centre_admin")
    )
    assert_problem(response, 404)
    assert await centre_row(session, world.other_centre.id) is not None
