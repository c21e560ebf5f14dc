"""Webhooks end to end: a real app on a database of its own (committed data: the fan-out reads
only settled rows, which a test's open transaction would never let through on PostgreSQL),
real receivers on loopback ports, and the worker's own code delivering."""

import asyncio
import json
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from alembic import command
from fastapi import FastAPI
from sqlalchemy import text, update

from kindcentraal.cli import alembic_config
from kindcentraal.common.scopes import ApiScope
from kindcentraal.config import Settings
from kindcentraal.db import Database, make_engine, utcnow
from kindcentraal.main import create_app
from kindcentraal.organisation.models import Role
from kindcentraal.placement.models import Placement, PlacementKind
from kindcentraal.webhooks.delivery import deliver_all
from kindcentraal.webhooks.models import WebhookSubscription
from tests.backend.conftest import TEST_SECRET
from tests.backend.factories import World, build_world, make_user, token_for

ALL_SCOPES = [scope.value for scope in ApiScope]


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    at: float
    status: int = 0

    @property
    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Receiver:
    """An HTTP server on a loopback port that records every request. `answer` decides the
    status (and headers) of each; while `down` it is not listening at all."""

    answer: Callable[[Received], tuple[int, dict[str, str]]] = lambda _r: (204, {})
    requests: list[Received] = field(default_factory=list)
    port: int = 0
    delay: float = 0.0
    _server: uvicorn.Server | None = None
    _task: asyncio.Task[None] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        chunks = []
        while True:
            message = await receive()
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        received = Received(
            path=scope["path"],
            headers={k.decode().lower(): v.decode() for k, v in scope["headers"]},
            body=b"".join(chunks),
            at=time.time(),
        )
        self.requests.append(received)
        if self.delay:
            await asyncio.sleep(self.delay)
        status, headers = self.answer(received)
        received.status = status
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(k.encode(), v.encode()) for k, v in headers.items()],
            }
        )
        await send({"type": "http.response.body", "body": b""})

    async def start(self) -> None:
        config = uvicorn.Config(
            self, host="127.0.0.1", port=self.port, lifespan="off", log_level="warning"
        )
        self._server = uvicorn.Server(config)
        self._task = asyncio.create_task(self._server.serve())
        while not self._server.started:
            if self._task.done():
                self._task.result()
            await asyncio.sleep(0.01)
        self.port = self._server.servers[0].sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None and self._task is not None:
            self._server.should_exit = True
            await self._task
            self._server = self._task = None

    def ids(self, path: str = "/hook") -> list[str]:
        return [r.headers["webhook-id"] for r in self.requests if r.path == path]


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    started = Receiver()
    await started.start()
    yield started
    await started.stop()


@dataclass
class Live:
    client: httpx.AsyncClient
    api: FastAPI
    database: Database
    settings: Settings
    world: World
    org_admin: dict[str, str]

    def headers(self, who: str) -> dict[str, str]:
        return self.world.headers(who)

    async def register(self, scopes: list[str] | None = None) -> "Machine":
        """An API client of the childcare organisation, registered over HTTP, with a token."""
        response = await self.client.post(
            f"/organisations/{self.world.childcare.id}/api-clients",
            json={"name": f"Planning {uuid.uuid4().hex[:6]}", "scopes": scopes or ALL_SCOPES},
            headers=self.org_admin,
        )
        assert response.status_code == 201, response.text
        body = response.json()
        token = await self.client.post(
            "/auth/token",
            data={
                "grant_type": "client_credentials",
                "client_id": body["clientId"],
                "client_secret": body["clientSecret"],
                "scope": " ".join(scopes or ALL_SCOPES),
            },
        )
        assert token.status_code == 200, token.text
        headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
        return Machine(body["clientId"], headers)

    async def subscribe(
        self, machine: "Machine", url: str, event_types: list[str] | None = None
    ) -> dict[str, Any]:
        response = await self.client.post(
            "/webhook-subscriptions",
            json={"url": url, "eventTypes": event_types or ["placement.changed"]},
            headers=machine.headers,
        )
        assert response.status_code == 201, response.text
        body: dict[str, Any] = response.json()
        return body

    async def placement(self) -> uuid.UUID:
        """A placement of the toddler at the childcare organisation (one change)."""
        async with self.database.sessionmaker() as session, session.begin():
            placement = Placement(
                tenant_id=self.world.tenant.id,
                child_id=self.world.toddler.id,
                organisation_id=self.world.childcare.id,
                kind=PlacementKind.DAYCARE,
                start_date=date.today() - timedelta(days=10),
                days=["monday"],
            )
            session.add(placement)
        return placement.id

    async def change(self, placement_id: uuid.UUID, count: int = 1) -> None:
        """`count` committed changes of the placement, one transaction each (the flush hook
        writes each one's change record)."""
        for _ in range(count):
            async with self.database.sessionmaker() as session, session.begin():
                row = await session.get(Placement, placement_id)
                assert row is not None
                row.days = ["saturday"] if row.days != ["saturday"] else ["sunday"]

    async def deliver(self, settings: Settings | None = None) -> int:
        return await deliver_all(self.database.sessionmaker, settings or self.settings)

    async def execute(self, sql: str, **params: Any) -> Any:
        async with self.database.sessionmaker() as session, session.begin():
            return (await session.execute(text(sql), params)).all()


@dataclass
class Machine:
    client_id: str
    headers: dict[str, str]


def live_settings(url: str, **extra: Any) -> Settings:
    values: dict[str, Any] = {
        "env": "test",
        "secret_key": TEST_SECRET,
        "database_url": url,
        "audit_seal_interval_seconds": 0,
        "rooms_release_interval_seconds": 0,
        "webhooks_allow_private_networks": True,
        **extra,
    }
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


async def _fresh_url(settings: Settings) -> tuple[str, Callable[[], Any]]:
    if settings.is_sqlite:
        folder = tempfile.mkdtemp(prefix="kc-webhooks-")
        return f"sqlite:///{Path(folder) / 'webhooks.db'}", lambda: None
    name = f"webhooks_{uuid.uuid4().hex[:8]}"
    admin = make_engine(settings.async_database_url)
    async with admin.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text(f'CREATE DATABASE "{name}"'))

    async def drop() -> None:
        async with admin.connect() as conn:
            await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        await admin.dispose()

    return f"{settings.database_url.rsplit('/', 1)[0]}/{name}", drop


@pytest.fixture(scope="module")
async def live(settings: Settings) -> AsyncIterator[Live]:
    url, drop = await _fresh_url(settings)
    own = live_settings(url)
    await asyncio.to_thread(command.upgrade, alembic_config(own.async_database_url), "head")
    app = create_app(own)
    api: FastAPI = app.state.api
    database: Database = app.state.database
    async with database.sessionmaker() as session, session.begin():
        world = await build_world(session, secret=TEST_SECRET)
        admin = await make_user(session, world.tenant, roles=[(world.childcare, Role.ORG_ADMIN)])
        org_admin = {
            "Authorization": f"Bearer {await token_for(session, admin, secret=TEST_SECRET)}"
        }
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
            yield Live(client, api, database, own, world, org_admin)
    finally:
        server.should_exit = True
        await task
        await database.dispose()
        result = drop()
        if asyncio.iscoroutine(result):
            await result


@pytest.fixture(autouse=True)
async def _quiet_afterwards(request: pytest.FixtureRequest) -> AsyncIterator[None]:
    """What one test subscribed never receives the next test's changes."""
    yield
    if "live" not in request.fixturenames:
        return
    live: Live = request.getfixturevalue("live")
    live.api.state.settings = live.settings
    async with live.database.sessionmaker() as session, session.begin():
        await session.execute(
            update(WebhookSubscription)
            .where(WebhookSubscription.disabled_at.is_(None))
            .values(disabled_at=utcnow(), disabled_reason="manual")
        )
