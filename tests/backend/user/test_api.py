"""/users: administrators create and list accounts; everyone reads their own."""

import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.user.models import User
from tests.backend.assertions import assert_problem
from tests.backend.factories import World, make_user

USER_KEYS = {"id", "email", "displayName", "phone", "isActive", "createdAt", "updatedAt"}
NEW_PASSWORD = "Lang-genoeg-wachtwoord-42"


async def count_users(session: AsyncSession, email: str | None = None) -> int:
    statement = select(func.count()).select_from(User)
    if email is not None:
        statement = statement.where(func.lower(User.email) == email.lower())
    return await session.scalar(statement)


def tenant_users(world: World) -> set[str]:
    return {
        str(u.id)
        for u in (
            world.centre_admin,
            world.school_admin,
            world.teacher,
            world.pm,
            world.logopedist,
            world.analyst,
            world.parent,
            world.parent_without_authority,
            world.outsider_parent,
        )
    }


@pytest.mark.parametrize(
    ("method", "path"), [("GET", "/users"), ("POST", "/users"), ("GET", "/users/{id}")]
)
async def test_anonymous_401(
    client: httpx.AsyncClient, world: World, session: AsyncSession, method: str, path: str
) -> None:
    body = (
        {"email": "anon@basisschool.nl", "displayName": "Anoniem", "password": NEW_PASSWORD}
        if method == "POST"
        else None
    )
    response = await client.request(method, path.format(id=world.teacher.id), json=body)
    assert_problem(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"
    assert await count_users(session, "anon@basisschool.nl") == 0


async def test_expired_session_401(client: httpx.AsyncClient, world: World) -> None:
    headers = world.headers("teacher")
    assert (await client.post("/auth/logout", headers=headers)).status_code == 204
    assert_problem(await client.get("/users", headers=headers), 401)


# --- list ---------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["centre_admin", "school_admin"])
async def test_admins_list_every_account_of_the_tenant(
    client: httpx.AsyncClient, world: World, who: str
) -> None:
    response = await client.get("/users", params={"limit": 100}, headers=world.headers(who))
    assert response.status_code == 200
    body = response.json()
    assert body["nextCursor"] is None
    assert {u["id"] for u in body["items"]} == tenant_users(world)
    assert all(set(u) == USER_KEYS for u in body["items"])
    names = [u["displayName"] for u in body["items"]]
    assert names == sorted(names)
    teacher = next(u for u in body["items"] if u["id"] == str(world.teacher.id))
    assert teacher["email"] == world.teacher.email
    assert teacher["displayName"] == world.teacher.display_name
    assert teacher["isActive"] is True


@pytest.mark.parametrize("who", ["teacher", "pm", "logopedist", "analyst", "parent"])
async def test_others_list_only_themselves(
    client: httpx.AsyncClient, world: World, who: str
) -> None:
    response = await client.get("/users", headers=world.headers(who))
    assert response.status_code == 200
    assert [u["id"] for u in response.json()["items"]] == [str(getattr(world, who).id)]


async def test_other_tenant_admin_lists_its_own_accounts(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await client.get("/users", headers=world.headers("other_admin"))
    assert {u["id"] for u in response.json()["items"]} == {
        str(world.other_admin.id),
        str(world.other_teacher.id),
    }


async def test_list_filters_on_name_or_email(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    by_name = await make_user(session, world.tenant, name="Marieke de Vries")
    by_email = await make_user(session, world.tenant, email="m.devries@school.test")
    await make_user(session, world.other_tenant, name="Marieke de Vries")
    response = await client.get(
        "/users", params={"q": "DEVRIES"}, headers=world.headers("centre_admin")
    )
    assert [u["id"] for u in response.json()["items"]] == [str(by_email.id)]
    response = await client.get(
        "/users", params={"q": "de vries"}, headers=world.headers("centre_admin")
    )
    assert [u["id"] for u in response.json()["items"]] == [str(by_name.id)]
    # the filter does not widen what a non-admin sees
    response = await client.get("/users", params={"q": "e"}, headers=world.headers("teacher"))
    assert [u["id"] for u in response.json()["items"]] == [str(world.teacher.id)]


async def test_pagination(client: httpx.AsyncClient, world: World, session: AsyncSession) -> None:
    # equal display names: the id decides the order within them
    for _ in range(3):
        await make_user(session, world.tenant, name="Zelfde Naam")
    await make_user(session, world.other_tenant, name="Zelfde Naam")
    seen: list[str] = []
    pages = 0
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 4}
        if cursor:
            params["cursor"] = cursor
        response = await client.get("/users", params=params, headers=world.headers("centre_admin"))
        assert response.status_code == 200, response.text
        body = response.json()
        assert len(body["items"]) <= 4
        seen += [u["id"] for u in body["items"]]
        pages += 1
        cursor = body["nextCursor"]
        if not cursor:
            break
    assert pages == 3
    assert len(seen) == len(set(seen)) == 12
    expected = set(
        (await session.scalars(select(User.id).where(User.tenant_id == world.tenant.id))).all()
    )
    assert {uuid.UUID(i) for i in seen} == expected


@pytest.mark.parametrize(
    ("params", "location", "code"),
    [
        ({"cursor": "bm9wZQ"}, "cursor", "invalid_cursor"),
        ({"limit": "-1"}, "limit", "greater_than_equal"),
        ({"q": "x" * 101}, "q", "string_too_long"),
    ],
)
async def test_list_bad_query_400(
    client: httpx.AsyncClient, world: World, params: dict[str, str], location: str, code: str
) -> None:
    response = await client.get("/users", params=params, headers=world.headers("centre_admin"))
    assert_problem(response, 400, location=location, code=code, where="query")


# --- read ---------------------------------------------------------------------------------


async def test_everyone_reads_their_own_account(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get(f"/users/{world.parent.id}", headers=world.headers("parent"))
    assert response.status_code == 200
    body = response.json()
    assert set(body) == USER_KEYS  # never a password hash
    assert body["id"] == str(world.parent.id)
    assert body["email"] == world.parent.email
    assert body["displayName"] == world.parent.display_name


async def test_admin_reads_any_account_of_the_tenant(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await client.get(f"/users/{world.pm.id}", headers=world.headers("school_admin"))
    assert response.status_code == 200
    assert response.json()["email"] == world.pm.email


@pytest.mark.parametrize(
    ("who", "target"),
    [
        ("teacher", "school_admin"),
        ("parent", "teacher"),
        ("pm", "parent"),
        ("centre_admin", "other_teacher"),
        ("other_admin", "teacher"),
    ],
)
async def test_invisible_account_404(
    client: httpx.AsyncClient, world: World, who: str, target: str
) -> None:
    response = await client.get(f"/users/{getattr(world, target).id}", headers=world.headers(who))
    assert_problem(response, 404)


async def test_unknown_and_malformed_ids(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get(f"/users/{uuid.uuid4()}", headers=world.headers("centre_admin"))
    assert_problem(response, 404)
    response = await client.get("/users/me", headers=world.headers("centre_admin"))
    assert_problem(response, 400, location="userId", where="path")


# --- create -------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["centre_admin", "school_admin"])
async def test_admin_creates_account(
    client: httpx.AsyncClient, world: World, session: AsyncSession, who: str
) -> None:
    response = await client.post(
        "/users",
        json={
            "email": "Nieuwe.Collega@Basisschool.NL",
            "displayName": "Nieuwe Collega",
            "password": NEW_PASSWORD,
        },
        headers=world.headers(who),
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert set(body) == USER_KEYS
    assert body["email"] == "nieuwe.collega@basisschool.nl"
    assert body["displayName"] == "Nieuwe Collega"
    assert body["isActive"] is True
    stored = (
        await session.execute(
            select(User.tenant_id, User.password_hash).where(User.id == uuid.UUID(body["id"]))
        )
    ).one()
    assert stored.tenant_id == world.tenant.id
    assert NEW_PASSWORD not in stored.password_hash
    # the account works: log in and read oneself
    token = await client.post(
        "/auth/token",
        data={
            "grant_type": "password",
            "username": "nieuwe.collega@basisschool.nl",
            "password": NEW_PASSWORD,
        },
    )
    assert token.status_code == 200, token.text
    own = await client.get(
        f"/users/{body['id']}",
        headers={"Authorization": f"Bearer {token.json()['access_token']}"},
    )
    assert own.status_code == 200
    assert own.json() == body
    # and an administrator of the other municipality never sees it
    foreign = await client.get(f"/users/{body['id']}", headers=world.headers("other_admin"))
    assert_problem(foreign, 404)


@pytest.mark.parametrize("who", ["teacher", "pm", "logopedist", "analyst", "parent"])
async def test_non_admin_may_not_create_accounts(
    client: httpx.AsyncClient, world: World, session: AsyncSession, who: str
) -> None:
    response = await client.post(
        "/users",
        json={
            "email": "stiekem@basisschool.nl",
            "displayName": "Stiekem",
            "password": NEW_PASSWORD,
        },
        headers=world.headers(who),
    )
    assert_problem(response, 403)
    assert await count_users(session, "stiekem@basisschool.nl") == 0


@pytest.mark.parametrize(
    ("change", "location", "code"),
    [
        ({"email": "geen-adres"}, "#/email", "value_error"),
        ({"email": None}, "#/email", "string_type"),
        ({"password": "kort"}, "#/password", "string_too_short"),
        ({"password": 123456789012345}, "#/password", "string_type"),
        ({"displayName": ""}, "#/displayName", "string_too_short"),
        ({"display_name": "Snake"}, "#/display_name", "extra_forbidden"),
        ({"isActive": False}, "#/isActive", "extra_forbidden"),
        ({"role": "centre_admin"}, "#/role", "extra_forbidden"),
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
    body = {
        "email": "fout@basisschool.nl",
        "displayName": "Fout",
        "password": NEW_PASSWORD,
        **change,
    }
    before = await count_users(session)
    response = await client.post("/users", json=body, headers=world.headers("centre_admin"))
    problem = assert_problem(response, 400, location=location, code=code)
    assert await count_users(session) == before
    # the rejected password is never echoed back
    assert NEW_PASSWORD not in response.text
    assert len(problem["errors"]) == 1


async def test_missing_fields_are_each_reported(client: httpx.AsyncClient, world: World) -> None:
    response = await client.post("/users", json={}, headers=world.headers("centre_admin"))
    body = assert_problem(response, 400)
    assert {(e["location"], e["code"]) for e in body["errors"]} == {
        ("#/email", "missing"),
        ("#/displayName", "missing"),
        ("#/password", "missing"),
    }


@pytest.mark.parametrize("sent", ["juf.anna@basisschool.nl", "Juf.ANNA@BasisSchool.nl"])
async def test_duplicate_email_409_ignoring_case(
    client: httpx.AsyncClient, world: World, session: AsyncSession, sent: str
) -> None:
    await make_user(session, world.tenant, email="juf.anna@basisschool.nl")
    response = await client.post(
        "/users",
        json={"email": sent, "displayName": "Dubbel", "password": NEW_PASSWORD},
        headers=world.headers("centre_admin"),
    )
    assert_problem(response, 409)
    assert await count_users(session, "juf.anna@basisschool.nl") == 1
    dubbel = select(func.count()).select_from(User).where(User.display_name == "Dubbel")
    assert await session.scalar(dubbel) == 0


async def test_email_of_another_tenant_is_free(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    await make_user(session, world.other_tenant, email="naamgenoot@basisschool.nl")
    response = await client.post(
        "/users",
        json={
            "email": "naamgenoot@basisschool.nl",
            "displayName": "Naamgenoot",
            "password": NEW_PASSWORD,
        },
        headers=world.headers("centre_admin"),
    )
    assert response.status_code == 201, response.text
    assert await count_users(session, "naamgenoot@basisschool.nl") == 2
