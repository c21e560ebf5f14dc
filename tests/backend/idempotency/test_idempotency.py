"""Idempotency-Key over real HTTP: a real app (uvicorn) on a database of its own, because the
keys are claimed and kept in transactions of their own, next to the request's unit of work."""

import asyncio
import json
import tempfile
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from alembic import command
from fastapi import FastAPI, Request, Response
from sqlalchemy import event, func, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from kindcentraal.auth.dependencies import get_reader
from kindcentraal.cli import alembic_config
from kindcentraal.config import Settings
from kindcentraal.db import Database, make_engine, utcnow
from kindcentraal.driver_reads import Reader
from kindcentraal.group.models import Group
from kindcentraal.idempotency import service as idempotency_service
from kindcentraal.idempotency.models import IdempotencyKey
from kindcentraal.main import create_app
from kindcentraal.placement.models import Placement
from tests.backend.assertions import assert_problem
from tests.backend.conftest import TEST_SECRET
from tests.backend.factories import World, build_world
from tests.backend.integration.helpers import (
    ALL_SCOPES,
    Registered,
    client_token,
    org_admin_headers,
)

PROBE = "/idempotency-probe"


@dataclass
class Probe:
    """A test-only route with a response of any size, counting its runs."""

    calls: int = 0

    async def endpoint(self, request: Request) -> Response:
        self.calls += 1
        await request.body()
        size = int(request.query_params.get("size", "0"))
        return Response(b"x" * size, status_code=201, media_type="application/octet-stream")


@dataclass
class Live:
    client: httpx.AsyncClient
    api: FastAPI
    database: Database
    world: World
    probe: Probe = field(default_factory=Probe)

    def headers(self, who: str, key: str | None = None) -> dict[str, str]:
        headers = self.world.headers(who)
        if key is not None:
            headers["Idempotency-Key"] = key
        return headers

    async def groups_named(self, name: str) -> int:
        async with self.database.sessionmaker() as session:
            found = await session.scalar(
                select(func.count()).select_from(Group).where(Group.name == name)
            )
        return int(found or 0)

    async def key_rows(self, key: str) -> list[IdempotencyKey]:
        async with self.database.sessionmaker() as session:
            return list(
                await session.scalars(select(IdempotencyKey).where(IdempotencyKey.key == key))
            )

    async def age_key(self, key: str, by: timedelta) -> None:
        async with self.database.sessionmaker() as session, session.begin():
            await session.execute(
                update(IdempotencyKey)
                .where(IdempotencyKey.key == key)
                .values(created_at=utcnow() - by)
            )


@asynccontextmanager
async def _fresh_database(settings: Settings) -> AsyncIterator[str]:
    """A database of this module's own (the empty_database fixture, once per module)."""
    if settings.is_sqlite:
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite+aiosqlite:///{Path(folder) / 'idempotency.db'}"
        return
    name = f"idem_{uuid.uuid4().hex[:8]}"
    admin = make_engine(settings.async_database_url)
    async with admin.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{settings.async_database_url.rsplit('/', 1)[0]}/{name}"
    finally:
        async with admin.connect() as conn:
            await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        await admin.dispose()


@pytest.fixture(scope="module")
async def live(settings: Settings) -> AsyncIterator[Live]:
    async with _fresh_database(settings) as url:
        await asyncio.to_thread(command.upgrade, alembic_config(url), "head")
        app = create_app(
            Settings(
                _env_file=None,  # type: ignore[call-arg]
                env="test",
                secret_key=TEST_SECRET,
                database_url=url,
                audit_seal_interval_seconds=0,
            )
        )
        api: FastAPI = app.state.api
        database: Database = app.state.database
        probe = Probe()
        api.add_api_route(PROBE, probe.endpoint, methods=["POST"])
        async with database.sessionmaker() as session, session.begin():
            world = await build_world(session, secret=TEST_SECRET)
        server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=0, lifespan="off", log_level="warning")
        )
        task = asyncio.create_task(server.serve())
        while not server.started:
            await asyncio.sleep(0.01)
        port = server.servers[0].sockets[0].getsockname()[1]
        try:
            async with httpx.AsyncClient(
                base_url=f"http://127.0.0.1:{port}/api/v1", timeout=60
            ) as client:
                yield Live(client, api, database, world, probe)
        finally:
            server.should_exit = True
            await task
            await database.dispose()


@pytest.fixture(autouse=True)
def _no_overrides(live: Live) -> Any:
    yield
    live.api.dependency_overrides.clear()


def new_group(live: Live, name: str, *, other_tenant: bool = False) -> dict[str, Any]:
    world = live.world
    return {
        "centreId": str(world.other_centre.id if other_tenant else world.centre.id),
        "organisationId": str(world.other_school.id if other_tenant else world.school.id),
        "name": name,
        "kind": "school_class",
        "grade": 3,
    }


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def assert_replay_of(replay: httpx.Response, first: httpx.Response) -> None:
    assert replay.status_code == first.status_code
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.headers["content-type"] == first.headers["content-type"]
    assert replay.content == first.content


# --- the kept response ---------------------------------------------------------------------


async def test_a_repeated_request_gets_the_kept_response_and_runs_once(live: Live) -> None:
    key, name = unique("key"), unique("Groep")
    headers = live.headers("centre_admin", key)
    first = await live.client.post("/groups", json=new_group(live, name), headers=headers)
    assert first.status_code == 201, first.text
    assert "idempotent-replayed" not in first.headers
    again = await live.client.post("/groups", json=new_group(live, name), headers=headers)
    assert_replay_of(again, first)
    assert again.headers["api-version"]  # the outer headers are the app's, as always
    assert await live.groups_named(name) == 1
    [row] = await live.key_rows(key)
    assert (row.status_code, row.tenant_id) == (201, live.world.tenant.id)
    assert row.caller_id == live.world.centre_admin.id


async def test_the_key_with_another_request_is_422_and_runs_nothing(live: Live) -> None:
    key, name, other = unique("key"), unique("Groep"), unique("Groep")
    headers = live.headers("centre_admin", key)
    first = await live.client.post("/groups", json=new_group(live, name), headers=headers)
    assert first.status_code == 201
    changed = await live.client.post("/groups", json=new_group(live, other), headers=headers)
    body = assert_problem(changed, 422)
    assert body["type"].endswith("/idempotency-key-reused")
    assert body["reason"] == "idempotencyKeyReused"
    # the same body elsewhere (another query string) is another request too
    elsewhere = await live.client.post(
        "/groups?extra=1", json=new_group(live, name), headers=headers
    )
    assert_problem(elsewhere, 422)
    assert await live.groups_named(other) == 0
    assert await live.groups_named(name) == 1


async def test_patch_is_kept_too(live: Live) -> None:
    created = await live.client.post(
        "/groups", json=new_group(live, unique("Groep")), headers=live.headers("centre_admin")
    )
    group_id = created.json()["id"]
    key, renamed = unique("key"), unique("Hernoemd")
    headers = live.headers("centre_admin", key)
    first = await live.client.patch(f"/groups/{group_id}", json={"name": renamed}, headers=headers)
    assert first.status_code == 200, first.text
    again = await live.client.patch(f"/groups/{group_id}", json={"name": renamed}, headers=headers)
    assert_replay_of(again, first)
    other = await live.client.patch(f"/groups/{group_id}", json={"grade": 4}, headers=headers)
    assert_problem(other, 422)


async def test_a_400_is_kept_and_replayed(live: Live) -> None:
    key = unique("key")
    headers = live.headers("centre_admin", key)
    invalid = {**new_group(live, ""), "grade": 12}
    first = await live.client.post("/groups", json=invalid, headers=headers)
    assert_problem(first, 400)
    again = await live.client.post("/groups", json=invalid, headers=headers)
    assert_replay_of(again, first)
    [row] = await live.key_rows(key)
    assert row.status_code == 400


# --- answers that are not kept ---------------------------------------------------------------


async def test_a_409_is_not_kept_so_a_retry_runs_again(live: Live) -> None:
    name = unique("Groep")
    taken = await live.client.post(
        "/groups", json=new_group(live, name), headers=live.headers("centre_admin")
    )
    assert taken.status_code == 201
    key = unique("key")
    headers = live.headers("centre_admin", key)
    conflict = await live.client.post("/groups", json=new_group(live, name), headers=headers)
    assert_problem(conflict, 409)
    assert await live.key_rows(key) == []
    renamed = await live.client.patch(
        f"/groups/{taken.json()['id']}",
        json={"name": unique("Anders")},
        headers=live.headers("centre_admin"),
    )
    assert renamed.status_code == 200
    retry = await live.client.post("/groups", json=new_group(live, name), headers=headers)
    assert retry.status_code == 201, retry.text
    assert "idempotent-replayed" not in retry.headers
    assert await live.groups_named(name) == 1


class WriteRefused(Exception):
    pass


async def test_a_5xx_is_not_kept_so_a_retry_runs_again(live: Live) -> None:
    key, name = unique("key"), unique("Groep")

    def refuse(session: Session, *_: object) -> None:
        # A database failure in the route's own unit of work, for this group only.
        if any(isinstance(new, Group) and new.name == name for new in session.new):
            raise WriteRefused

    headers = live.headers("centre_admin", key)
    event.listen(Session, "before_flush", refuse)
    try:
        failed = await live.client.post("/groups", json=new_group(live, name), headers=headers)
    finally:
        event.remove(Session, "before_flush", refuse)
    assert_problem(failed, 500)
    assert await live.key_rows(key) == []
    assert await live.groups_named(name) == 0
    retry = await live.client.post("/groups", json=new_group(live, name), headers=headers)
    assert retry.status_code == 201, retry.text
    assert "idempotent-replayed" not in retry.headers
    assert await live.groups_named(name) == 1


async def test_a_response_over_2_mb_is_sent_but_not_kept(live: Live) -> None:
    key, before = unique("key"), live.probe.calls
    headers = live.headers("centre_admin", key)
    size = 2 * 1024 * 1024 + 1
    for _ in range(2):
        response = await live.client.post(f"{PROBE}?size={size}", headers=headers)
        assert response.status_code == 201
        assert len(response.content) == size
        assert "idempotent-replayed" not in response.headers
    assert live.probe.calls == before + 2
    assert await live.key_rows(key) == []
    small = unique("key")
    for _ in range(2):
        response = await live.client.post(f"{PROBE}?size=10", headers=live.headers("pm", small))
    assert response.headers["idempotent-replayed"] == "true"
    assert live.probe.calls == before + 3


async def test_a_request_body_over_12_mb_runs_without_idempotency(live: Live) -> None:
    key, before = unique("key"), live.probe.calls
    headers = live.headers("centre_admin", key)
    body = b"x" * (12 * 1024 * 1024 + 1)
    for _ in range(2):
        response = await live.client.post(PROBE, content=body, headers=headers)
        assert response.status_code == 201
        assert "idempotent-replayed" not in response.headers
    assert live.probe.calls == before + 2
    assert await live.key_rows(key) == []


# --- in progress: concurrent first use -----------------------------------------------------


async def test_a_retry_while_the_first_request_runs_is_409(live: Live) -> None:
    """A genuine concurrent pair: the first request is held at its unit of work (after the key
    was claimed) until the second has been answered."""
    entered, release = asyncio.Event(), asyncio.Event()

    async def held_reader(request: Request) -> Reader:
        # The route's own dependencies (its caller's principal) wait here.
        entered.set()
        await release.wait()
        reader: Reader = request.app.state.database.reader
        return reader

    live.api.dependency_overrides[get_reader] = held_reader
    key, name = unique("key"), unique("Groep")
    headers = live.headers("centre_admin", key)
    first = asyncio.create_task(
        live.client.post("/groups", json=new_group(live, name), headers=headers)
    )
    try:
        await asyncio.wait_for(entered.wait(), 30)
        second = await live.client.post("/groups", json=new_group(live, name), headers=headers)
    finally:
        release.set()
    body = assert_problem(second, 409)
    assert second.headers["retry-after"] == "1"
    assert body["type"].endswith("/idempotency-key-in-use")
    assert body["reason"] == "idempotencyKeyInUse"
    done = await first
    assert done.status_code == 201, done.text
    third = await live.client.post("/groups", json=new_group(live, name), headers=headers)
    assert_replay_of(third, done)
    assert await live.groups_named(name) == 1


async def test_concurrent_first_uses_run_the_request_once(live: Live) -> None:
    key, name = unique("key"), unique("Groep")
    headers = live.headers("centre_admin", key)
    responses = await asyncio.gather(
        *(
            live.client.post("/groups", json=new_group(live, name), headers=headers)
            for _ in range(8)
        )
    )
    ran = [r for r in responses if r.status_code == 201 and "idempotent-replayed" not in r.headers]
    assert len(ran) == 1, [(r.status_code, r.headers.get("idempotent-replayed")) for r in responses]
    for response in responses:
        if response is ran[0]:
            continue
        if response.status_code == 409:
            assert response.json()["reason"] == "idempotencyKeyInUse"
        else:
            assert_replay_of(response, ran[0])
    assert await live.groups_named(name) == 1


async def test_a_key_in_progress_waits_and_an_abandoned_one_is_taken_over(live: Live) -> None:
    key, name = unique("key"), unique("Groep")
    content = json.dumps(new_group(live, name)).encode()
    async with live.database.sessionmaker() as session, session.begin():
        session.add(
            IdempotencyKey(
                tenant_id=live.world.tenant.id,
                caller_id=live.world.centre_admin.id,
                key=key,
                fingerprint=idempotency_service.fingerprint_request(
                    method="POST", path="/groups", query=b"", body=content
                ),
            )
        )
    headers = {**live.headers("centre_admin", key), "Content-Type": "application/json"}
    waiting = await live.client.post("/groups", content=content, headers=headers)
    assert_problem(waiting, 409)
    assert await live.groups_named(name) == 0
    await live.age_key(key, timedelta(minutes=6))  # the request that held it died
    taken = await live.client.post("/groups", content=content, headers=headers)
    assert taken.status_code == 201, taken.text
    assert await live.groups_named(name) == 1
    [row] = await live.key_rows(key)
    assert row.status_code == 201


# --- scope, expiry, validation -------------------------------------------------------------


async def test_callers_use_the_same_key_independently(live: Live) -> None:
    key = unique("key")
    names = [unique("Groep") for _ in range(3)]
    calls = [
        ("centre_admin", new_group(live, names[0])),
        ("school_admin", new_group(live, names[1])),
        ("other_admin", new_group(live, names[2], other_tenant=True)),
    ]
    for who, body in calls:
        response = await live.client.post("/groups", json=body, headers=live.headers(who, key))
        assert response.status_code == 201, (who, response.text)
        assert "idempotent-replayed" not in response.headers
    for name in names:
        assert await live.groups_named(name) == 1
    assert len(await live.key_rows(key)) == 3


async def test_machine_clients_are_callers_of_their_own(live: Live) -> None:
    world = live.world
    async with live.database.sessionmaker() as session, session.begin():
        admin = await org_admin_headers(session, world, world.childcare)
    key = unique("key")
    registered = []
    for name in ("Planning", "Facturatie"):
        # the answer holds the client's secret: the route marks it no-store, it is never kept
        response = await live.client.post(
            f"/organisations/{world.childcare.id}/api-clients",
            json={"name": name, "scopes": ALL_SCOPES},
            headers={**admin, "Idempotency-Key": key},
        )
        assert response.status_code == 201, response.text
        assert "idempotent-replayed" not in response.headers
        body = response.json()
        registered.append(Registered(body["clientId"], body["clientSecret"], body, admin))
    assert await live.key_rows(key) == []

    starts = date.today() + timedelta(days=40)
    firsts = []
    for offset, client in enumerate(registered):
        headers = {**await client_token(live.client, client), "Idempotency-Key": key}
        placement = {
            "childId": str(world.toddler.id),
            "organisationId": str(world.childcare.id),
            "kind": "daycare",
            "startDate": (starts + timedelta(days=100 * offset)).isoformat(),
            "endDate": (starts + timedelta(days=100 * offset + 50)).isoformat(),
            "days": ["tuesday"],
        }
        first = await live.client.post("/placements", json=placement, headers=headers)
        assert first.status_code == 201, first.text
        assert "idempotent-replayed" not in first.headers
        again = await live.client.post("/placements", json=placement, headers=headers)
        assert_replay_of(again, first)
        firsts.append(uuid.UUID(first.json()["id"]))
    async with live.database.sessionmaker() as session:
        created = await session.scalar(
            select(func.count()).select_from(Placement).where(Placement.id.in_(firsts))
        )
    assert created == 2
    rows = await live.key_rows(key)
    assert len({row.caller_id for row in rows}) == 2
    assert {row.status_code for row in rows} == {201}


async def test_an_expired_key_counts_as_new_and_is_purged(live: Live) -> None:
    key, name, later = unique("key"), unique("Groep"), unique("Groep")
    headers = live.headers("centre_admin", key)
    first = await live.client.post("/groups", json=new_group(live, name), headers=headers)
    assert first.status_code == 201
    await live.age_key(key, timedelta(hours=25))
    # another request with the key: not 422, the old use has expired
    again = await live.client.post("/groups", json=new_group(live, later), headers=headers)
    assert again.status_code == 201, again.text
    assert "idempotent-replayed" not in again.headers
    assert await live.groups_named(later) == 1
    [row] = await live.key_rows(key)
    assert row.created_at > utcnow() - timedelta(minutes=1)

    await live.age_key(key, timedelta(hours=25))
    fresh = unique("key")
    await live.client.post(
        "/groups",
        json=new_group(live, unique("Groep")),
        headers=live.headers("centre_admin", fresh),
    )
    async with live.database.sessionmaker() as session, session.begin():
        purged = await idempotency_service.purge_expired_keys(session)
    assert purged >= 1
    assert await live.key_rows(key) == []
    assert len(await live.key_rows(fresh)) == 1


@pytest.mark.parametrize(
    "value",
    [b"", b"x" * 256, "sleutel-\u00e9".encode(), b"tab\there", b'"open', b'"a"b"', b'""'],
)
async def test_an_invalid_key_is_400_and_runs_nothing(live: Live, value: bytes) -> None:
    name = unique("Groep")
    response = await live.client.post(
        "/groups",
        content=json.dumps(new_group(live, name)).encode(),
        headers=[
            ("Authorization", live.headers("centre_admin")["Authorization"]),
            ("Content-Type", "application/json"),
            ("Idempotency-Key", value),
        ],
    )
    assert_problem(response, 400, location="Idempotency-Key", where="header")
    assert await live.groups_named(name) == 0


async def test_two_keys_are_400(live: Live) -> None:
    response = await live.client.post(
        "/groups",
        json=new_group(live, unique("Groep")),
        headers=[
            ("Authorization", live.headers("centre_admin")["Authorization"]),
            ("Idempotency-Key", "a"),
            ("Idempotency-Key", "b"),
        ],
    )
    assert_problem(response, 400, location="Idempotency-Key", where="header")


async def test_the_longest_key_and_a_quoted_key_are_valid(live: Live) -> None:
    longest = "k" * 255
    response = await live.client.post(
        "/groups", json=new_group(live, unique("Groep")), headers=live.headers("pm", longest)
    )
    assert_problem(response, 403)  # pm is no administrator: the route answered, nothing kept
    key, name = unique("key"), unique("Groep")
    first = await live.client.post(
        "/groups", json=new_group(live, name), headers=live.headers("centre_admin", f'"{key}"')
    )
    assert first.status_code == 201
    # the RFC 8941 string "abc" is the key abc
    again = await live.client.post(
        "/groups", json=new_group(live, name), headers=live.headers("centre_admin", key)
    )
    assert_replay_of(again, first)


async def test_without_a_valid_token_the_key_has_no_effect(live: Live) -> None:
    key = unique("key")
    for headers in (
        {"Idempotency-Key": key},
        {"Idempotency-Key": key, "Authorization": "Bearer not-a-token"},
    ):
        response = await live.client.post(
            "/groups", json=new_group(live, unique("Groep")), headers=headers
        )
        assert_problem(response, 401)
    assert await live.key_rows(key) == []


async def test_credentials_are_never_kept(live: Live) -> None:
    key = unique("key")
    headers = live.headers("analyst", key)
    for _ in range(2):
        response = await live.client.post("/me/two-factor/enrolment", headers=headers)
        assert response.status_code < 500
        assert "idempotent-replayed" not in response.headers
    assert await live.key_rows(key) == []


async def test_a_get_is_untouched(live: Live) -> None:
    key = unique("key")
    response = await live.client.get("/groups", headers=live.headers("centre_admin", key))
    assert response.status_code == 200
    assert "idempotent-replayed" not in response.headers
    assert await live.key_rows(key) == []


# --- on the test's own connection (the `client` fixture) ------------------------------------


async def test_keys_work_in_the_tests_own_transaction(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    """The app's session dependency is overridden there: keys are kept through it, in the
    test's transaction, and rolled back with it."""
    key, name = unique("key"), unique("Groep")
    headers = {**world.headers("centre_admin"), "Idempotency-Key": key}
    body = {
        "centreId": str(world.centre.id),
        "organisationId": str(world.school.id),
        "name": name,
        "kind": "school_class",
        "grade": 3,
    }
    first = await client.post("/groups", json=body, headers=headers)
    assert first.status_code == 201, first.text
    again = await client.post("/groups", json=body, headers=headers)
    assert_replay_of(again, first)
    reused = await client.post("/groups", json={**body, "name": unique("Groep")}, headers=headers)
    assert_problem(reused, 422)
    assert await session.scalar(select(func.count()).where(Group.name == name)) == 1
    stored = await session.scalar(select(IdempotencyKey).where(IdempotencyKey.key == key))
    assert stored is not None and stored.status_code == 201
