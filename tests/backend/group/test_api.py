"""/groups: school classes and childcare groups, managed by their organisation or centre."""

import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.child.models import Child
from kindcentraal.group.models import Group
from tests.backend.assertions import assert_problem
from tests.backend.factories import World, make_centre, make_group

GROUP_KEYS = {"id", "centreId", "organisationId", "name", "kind", "grade", "createdAt", "updatedAt"}


async def group_row(session: AsyncSession, group_id: Any) -> tuple[str, int | None] | None:
    row = (
        await session.execute(select(Group.name, Group.grade).where(Group.id == group_id))
    ).one_or_none()
    return None if row is None else (row[0], row[1])


async def count_groups(session: AsyncSession, name: str) -> int:
    return await session.scalar(select(func.count()).select_from(Group).where(Group.name == name))


def new_group(world: World, **change: Any) -> dict[str, Any]:
    return {
        "centreId": str(world.centre.id),
        "organisationId": str(world.school.id),
        "name": "Groep 7b",
        "kind": "school_class",
        "grade": 7,
        **change,
    }


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/groups"),
        ("POST", "/groups"),
        ("GET", "/groups/{id}"),
        ("PATCH", "/groups/{id}"),
        ("DELETE", "/groups/{id}"),
    ],
)
async def test_anonymous_401(
    client: httpx.AsyncClient, world: World, session: AsyncSession, method: str, path: str
) -> None:
    body = None
    if method == "POST":
        body = new_group(world)
    elif method == "PATCH":
        body = {"name": "Anoniem"}
    response = await client.request(method, path.format(id=world.group.id), json=body)
    assert_problem(response, 401)
    assert await group_row(session, world.group.id) == (world.group.name, 5)
    assert await count_groups(session, "Groep 7b") == 0


# --- list ---------------------------------------------------------------------------------


async def test_list_groups_of_own_tenant(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    opvang = await make_group(session, world.centre, world.childcare, grade=None, name="Dolfijnen")
    await make_group(session, world.other_centre, world.other_school, grade=3)
    response = await client.get("/groups", headers=world.headers("parent"))
    assert response.status_code == 200
    body = response.json()
    assert body["nextCursor"] is None
    assert [g["id"] for g in body["items"]] == [str(opvang.id), str(world.group.id)]  # by name
    assert all(set(g) == GROUP_KEYS for g in body["items"])
    school_class = body["items"][1]
    assert school_class["kind"] == "school_class"
    assert school_class["grade"] == 5
    assert school_class["centreId"] == str(world.centre.id)
    assert school_class["organisationId"] == str(world.school.id)
    assert body["items"][0]["kind"] == "childcare_group"
    assert body["items"][0]["grade"] is None


async def test_list_groups_filters(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    second = await make_centre(session, world.tenant)
    opvang = await make_group(session, world.centre, world.childcare, grade=None)
    elsewhere = await make_group(session, second, world.school, grade=8)
    headers = world.headers("teacher")

    async def ids(**params: str) -> set[str]:
        response = await client.get("/groups", params=params, headers=headers)
        assert response.status_code == 200, response.text
        return {g["id"] for g in response.json()["items"]}

    assert await ids(centreId=str(second.id)) == {str(elsewhere.id)}
    assert await ids(organisationId=str(world.childcare.id)) == {str(opvang.id)}
    assert await ids(kind="school_class") == {str(world.group.id), str(elsewhere.id)}
    assert await ids(kind="childcare_group", centreId=str(world.centre.id)) == {str(opvang.id)}
    assert await ids(centreId=str(world.other_centre.id)) == set()


@pytest.mark.parametrize(
    ("params", "location"),
    [({"kind": "klas"}, "kind"), ({"centreId": "1"}, "centreId"), ({"cursor": "e30"}, "cursor")],
)
async def test_list_bad_query_400(
    client: httpx.AsyncClient, world: World, params: dict[str, str], location: str
) -> None:
    response = await client.get("/groups", params=params, headers=world.headers("teacher"))
    assert_problem(response, 400, location=location, where="query")


async def test_pagination(client: httpx.AsyncClient, world: World, session: AsyncSession) -> None:
    created = [
        await make_group(session, world.centre, world.school, grade=g, name=f"Groep {g}")
        for g in (1, 2, 3, 4)
    ]
    # the same names at another centre and in another tenant
    second = await make_centre(session, world.tenant)
    twins = [
        await make_group(session, second, world.school, grade=g, name=f"Groep {g}") for g in (1, 2)
    ]
    await make_group(session, world.other_centre, world.other_school, grade=1, name="Groep 1")
    expected = {str(g.id) for g in [*created, *twins, world.group]}
    seen: list[str] = []
    names: list[str] = []
    cursor = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 3}
        if cursor:
            params["cursor"] = cursor
        response = await client.get("/groups", params=params, headers=world.headers("pm"))
        assert response.status_code == 200, response.text
        items = response.json()["items"]
        assert len(items) <= 3
        seen += [g["id"] for g in items]
        names += [g["name"] for g in items]
        pages += 1
        cursor = response.json()["nextCursor"]
        if cursor is None:
            break
    assert pages == 3
    assert len(seen) == len(set(seen)) == 7
    assert set(seen) == expected
    assert names == sorted(names)


# --- read ---------------------------------------------------------------------------------


async def test_read_group(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get(f"/groups/{world.group.id}", headers=world.headers("analyst"))
    assert response.status_code == 200
    body = response.json()
    assert set(body) == GROUP_KEYS
    assert body["id"] == str(world.group.id)
    assert body["name"] == world.group.name
    assert body["grade"] == 5
    assert body["kind"] == "school_class"


async def test_read_invisible_group_404(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    foreign = await make_group(session, world.other_centre, world.other_school, grade=2)
    for who, group_id in (
        ("centre_admin", foreign.id),
        ("other_admin", world.group.id),
        ("teacher", uuid.uuid4()),
    ):
        assert_problem(await client.get(f"/groups/{group_id}", headers=world.headers(who)), 404)
    response = await client.get("/groups/groep-5", headers=world.headers("teacher"))
    assert_problem(response, 400, location="groupId", where="path")


# --- create -------------------------------------------------------------------------------


async def test_org_admin_creates_school_class(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    response = await client.post(
        "/groups", json=new_group(world), headers=world.headers("school_admin")
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert set(body) == GROUP_KEYS
    assert body["name"] == "Groep 7b"
    assert body["grade"] == 7
    assert body["kind"] == "school_class"
    assert body["centreId"] == str(world.centre.id)
    assert body["organisationId"] == str(world.school.id)
    assert await group_row(session, uuid.UUID(body["id"])) == ("Groep 7b", 7)
    read = await client.get(f"/groups/{body['id']}", headers=world.headers("teacher"))
    assert read.json() == body


async def test_centre_admin_creates_childcare_group(
    client: httpx.AsyncClient, world: World
) -> None:
    body = new_group(
        world, organisationId=str(world.childcare.id), name="Vlinders", kind="childcare_group"
    )
    del body["grade"]
    response = await client.post("/groups", json=body, headers=world.headers("centre_admin"))
    assert response.status_code == 201, response.text
    assert response.json()["kind"] == "childcare_group"
    assert response.json()["grade"] is None
    assert response.json()["organisationId"] == str(world.childcare.id)


@pytest.mark.parametrize(
    ("who", "organisation"),
    [
        ("teacher", "school"),
        ("pm", "childcare"),
        ("logopedist", "care"),
        ("parent", "school"),
        ("school_admin", "childcare"),  # an admin, but of another organisation
    ],
)
async def test_create_forbidden_403(
    client: httpx.AsyncClient, world: World, session: AsyncSession, who: str, organisation: str
) -> None:
    body = new_group(world, organisationId=str(getattr(world, organisation).id))
    response = await client.post("/groups", json=body, headers=world.headers(who))
    assert_problem(response, 403)
    assert await count_groups(session, "Groep 7b") == 0


@pytest.mark.parametrize(
    ("change", "location", "code"),
    [
        ({"grade": 9}, "#/grade", "less_than_equal"),
        ({"grade": 0}, "#/grade", "greater_than_equal"),
        ({"grade": "zeven"}, "#/grade", "int_parsing"),
        ({"kind": "klas"}, "#/kind", "enum"),
        ({"name": ""}, "#/name", "string_too_short"),
        ({"name": None}, "#/name", "string_type"),
        ({"centreId": None}, "#/centreId", "uuid_type"),
        ({"teacherId": str(uuid.uuid4())}, "#/teacherId", "extra_forbidden"),
        # a childcare group has no grade: a rule over two fields, reported on the body
        ({"kind": "childcare_group", "grade": 2}, "#", "value_error"),
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
    before = await session.scalar(select(func.count()).select_from(Group))
    response = await client.post(
        "/groups", json=new_group(world, **change), headers=world.headers("centre_admin")
    )
    assert_problem(response, 400, location=location, code=code)
    assert await session.scalar(select(func.count()).select_from(Group)) == before


@pytest.mark.parametrize(
    ("change", "location"),
    [("centreId", "#/centreId"), ("organisationId", "#/organisationId")],
)
async def test_create_with_unknown_reference_400(
    client: httpx.AsyncClient, world: World, session: AsyncSession, change: str, location: str
) -> None:
    foreign = world.other_centre.id if change == "centreId" else world.other_school.id
    for reference in (foreign, uuid.uuid4()):
        response = await client.post(
            "/groups",
            json=new_group(world, **{change: str(reference)}),
            headers=world.headers("centre_admin"),
        )
        assert_problem(response, 400, location=location, code="unknown_reference")
    assert await count_groups(session, "Groep 7b") == 0


async def test_create_duplicate_name_in_centre_409(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    response = await client.post(
        "/groups",
        json=new_group(world, name=world.group.name),
        headers=world.headers("school_admin"),
    )
    assert_problem(response, 409)
    assert await count_groups(session, world.group.name) == 1
    # the same name at another centre is fine
    second = await make_centre(session, world.tenant)
    response = await client.post(
        "/groups",
        json=new_group(world, name=world.group.name, centreId=str(second.id)),
        headers=world.headers("centre_admin"),
    )
    assert response.status_code == 201
    assert await count_groups(session, world.group.name) == 2


# --- update -------------------------------------------------------------------------------


async def test_org_admin_renames_and_regrades(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    response = await client.patch(
        f"/groups/{world.group.id}",
        json={"name": "Groep 6a", "grade": 6},
        headers=world.headers("school_admin"),
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["name"], body["grade"], body["kind"]) == ("Groep 6a", 6, "school_class")
    assert await group_row(session, world.group.id) == ("Groep 6a", 6)

    response = await client.patch(
        f"/groups/{world.group.id}", json={"grade": None}, headers=world.headers("centre_admin")
    )
    assert response.status_code == 200
    assert response.json()["grade"] is None
    assert response.json()["name"] == "Groep 6a"
    assert await group_row(session, world.group.id) == ("Groep 6a", None)


async def test_grade_on_childcare_group_400(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    opvang = await make_group(session, world.centre, world.childcare, grade=None, name="Egels")
    response = await client.patch(
        f"/groups/{opvang.id}",
        json={"name": "Egeltjes", "grade": 3},
        headers=world.headers("centre_admin"),
    )
    assert_problem(response, 400, location="#/grade", code="not_applicable")
    assert await group_row(session, opvang.id) == ("Egels", None)
    # renaming alone, or an explicit null grade, is fine
    response = await client.patch(
        f"/groups/{opvang.id}",
        json={"name": "Egeltjes", "grade": None},
        headers=world.headers("centre_admin"),
    )
    assert response.status_code == 200
    assert (response.json()["name"], response.json()["grade"]) == ("Egeltjes", None)


@pytest.mark.parametrize(
    ("body", "location", "code"),
    [
        ({"name": None}, "#/name", "value_error"),
        ({"name": ""}, "#/name", "string_too_short"),
        ({"grade": 12}, "#/grade", "less_than_equal"),
        ({"kind": "childcare_group"}, "#/kind", "extra_forbidden"),
        ({"centreId": str(uuid.uuid4())}, "#/centreId", "extra_forbidden"),
    ],
)
async def test_update_bad_body_400(
    client: httpx.AsyncClient,
    world: World,
    session: AsyncSession,
    body: dict[str, Any],
    location: str,
    code: str,
) -> None:
    response = await client.patch(
        f"/groups/{world.group.id}", json=body, headers=world.headers("school_admin")
    )
    assert_problem(response, 400, location=location, code=code)
    assert await group_row(session, world.group.id) == (world.group.name, 5)


async def test_rename_to_taken_name_409(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    other = await make_group(session, world.centre, world.school, grade=4, name="Groep 4")
    response = await client.patch(
        f"/groups/{other.id}",
        json={"name": world.group.name, "grade": 5},
        headers=world.headers("school_admin"),
    )
    assert_problem(response, 409)
    assert await group_row(session, other.id) == ("Groep 4", 4)
    response = await client.patch(
        f"/groups/{other.id}", json={"name": "Groep 4"}, headers=world.headers("school_admin")
    )
    assert response.status_code == 200


@pytest.mark.parametrize("who", ["teacher", "pm", "logopedist", "parent", "analyst"])
async def test_update_forbidden_403(
    client: httpx.AsyncClient, world: World, session: AsyncSession, who: str
) -> None:
    response = await client.patch(
        f"/groups/{world.group.id}", json={"name": "Gekaapt"}, headers=world.headers(who)
    )
    assert_problem(response, 403)
    assert await group_row(session, world.group.id) == (world.group.name, 5)


async def test_admin_of_another_organisation_may_not_update(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    opvang = await make_group(session, world.centre, world.childcare, grade=None, name="Uilen")
    response = await client.patch(
        f"/groups/{opvang.id}", json={"name": "Gekaapt"}, headers=world.headers("school_admin")
    )
    assert_problem(response, 403)
    assert await group_row(session, opvang.id) == ("Uilen", None)


async def test_update_other_tenants_group_404(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    foreign = await make_group(session, world.other_centre, world.other_school, grade=2, name="G2")
    response = await client.patch(
        f"/groups/{foreign.id}", json={"name": "Gekaapt"}, headers=world.headers("centre_admin")
    )
    assert_problem(response, 404)
    response = await client.patch(
        f"/groups/{world.group.id}", json={"name": "Gekaapt"}, headers=world.headers("other_admin")
    )
    assert_problem(response, 404)
    assert await group_row(session, foreign.id) == ("G2", 2)
    assert await group_row(session, world.group.id) == (world.group.name, 5)


# --- delete -------------------------------------------------------------------------------


async def test_delete_keeps_the_children_without_a_group(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    response = await client.delete(
        f"/groups/{world.group.id}", headers=world.headers("school_admin")
    )
    assert response.status_code == 204
    assert await group_row(session, world.group.id) is None
    assert await session.scalar(select(Child.group_id).where(Child.id == world.pupil.id)) is None
    child = await client.get(f"/children/{world.pupil.id}", headers=world.headers("teacher"))
    assert child.status_code == 200
    assert child.json()["groupId"] is None
    assert_problem(
        await client.get(f"/groups/{world.group.id}", headers=world.headers("teacher")), 404
    )


@pytest.mark.parametrize(
    ("who", "status"),
    [("teacher", 403), ("pm", 403), ("parent", 403), ("other_admin", 404)],
)
async def test_delete_refused(
    client: httpx.AsyncClient, world: World, session: AsyncSession, who: str, status: int
) -> None:
    response = await client.delete(f"/groups/{world.group.id}", headers=world.headers(who))
    assert_problem(response, status)
    assert await group_row(session, world.group.id) == (world.group.name, 5)
    assert (
        await session.scalar(select(Child.group_id).where(Child.id == world.pupil.id))
        == world.group.id
    )


async def test_delete_other_tenants_group_404(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    foreign = await make_group(session, world.other_centre, world.other_school, grade=2, name="G2")
    response = await client.delete(f"/groups/{foreign.id}", headers=world.headers("centre_admin"))
    assert_problem(response, 404)
    assert await group_row(session, foreign.id) == ("G2", 2)
