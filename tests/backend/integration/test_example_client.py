"""The example client (examples/childcare_sync.py) runs against a real test server: a real app
(uvicorn) on a database of its own with committed data, because Idempotency-Key claims and the
changes feed's settled rows need committed transactions; the webhook worker's own code delivers
to a receiver built on the example's `receive_webhook`."""

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
import uvicorn
from alembic import command
from examples import childcare_sync
from fastapi import FastAPI
from sqlalchemy import select
from standardwebhooks.webhooks import WebhookVerificationError

from kindcentraal.attendance.models import DailyAttendance
from kindcentraal.cli import alembic_config
from kindcentraal.config import Settings
from kindcentraal.db import Database
from kindcentraal.integration.usage import ClientLimits
from kindcentraal.main import create_app
from kindcentraal.organisation.models import Role
from kindcentraal.placement.models import Placement, PlacementKind
from kindcentraal.webhooks import service as webhook_service
from kindcentraal.webhooks.delivery import deliver_all, signature
from tests.backend.conftest import TEST_SECRET
from tests.backend.factories import (
    World,
    build_world,
    make_child,
    make_placement,
    make_user,
    token_for,
)
from tests.backend.integration.helpers import ALL_SCOPES

CONTRACTS = {contract["contract"] for contract in childcare_sync.OWN_CONTRACTS}


@dataclass
class Live:
    url: str
    api: FastAPI
    database: Database
    settings: Settings
    world: World
    children: set[uuid.UUID]
    org_admin: dict[str, str]


@dataclass
class Receiver:
    """A webhook endpoint on a loopback port that hands every delivery to the example's
    `receive_webhook`: 204 once verified, 400 when not."""

    secret: str = ""
    seen: set[str] = field(default_factory=set)
    events: list[dict[str, Any]] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    repeats: int = 0
    refused: int = 0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        body, more = b"", True
        while more:
            message = await receive()
            body, more = body + message.get("body", b""), message.get("more_body", False)
        headers = {name.decode(): value.decode() for name, value in scope["headers"]}
        status = 204
        try:
            event = childcare_sync.receive_webhook(self.secret, headers, body, self.seen)
            self.ids.append(headers["webhook-id"])
            if event is None:
                self.repeats += 1
            else:
                self.events.append(event)
        except WebhookVerificationError:
            self.refused, status = self.refused + 1, 400
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": b""})


async def serve(app: Any) -> tuple[uvicorn.Server, asyncio.Task[None], int]:
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=0, lifespan="off", log_level="warning")
    )
    task = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    return server, task, server.servers[0].sockets[0].getsockname()[1]


@pytest.fixture
async def live(empty_database: str) -> AsyncIterator[Live]:
    own = Settings(
        _env_file=None,  # type: ignore[call-arg]
        env="test",
        secret_key=TEST_SECRET,
        database_url=empty_database,
        audit_seal_interval_seconds=0,
        rooms_release_interval_seconds=0,
        webhooks_allow_private_networks=True,
        # Tight, so that the example meets a 429 and retries its POST with the same key.
        api_client_rate_limit="2/second",
    )
    await asyncio.to_thread(command.upgrade, alembic_config(own.async_database_url), "head")
    app = create_app(own)
    database: Database = app.state.database
    async with database.sessionmaker() as session, session.begin():
        world = await build_world(session, secret=TEST_SECRET)
        admin = await make_user(session, world.tenant, roles=[(world.childcare, Role.ORG_ADMIN)])
        org_admin = {
            "Authorization": f"Bearer {await token_for(session, admin, secret=TEST_SECRET)}"
        }
        # At the organisation's daycare since last year: the after-school care placements
        # of the example can only be for children the client sees.
        children = set()
        for name in ("Aalders", "Bakker", "Claes"):
            child = await make_child(session, world.centre, given_name="Kind", family_name=name)
            await make_placement(
                session,
                child,
                world.childcare,
                kind=PlacementKind.DAYCARE,
                start_date=date.today() - timedelta(days=365),
            )
            children.add(child.id)
    server, task, port = await serve(app)
    try:
        yield Live(
            f"http://127.0.0.1:{port}/api/v1",
            app.state.api,
            database,
            own,
            world,
            children,
            org_admin,
        )
    finally:
        server.should_exit = True
        await task
        await database.dispose()


async def test_the_example_syncs_against_the_test_server(
    live: Live, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = live.world
    receiver = Receiver()
    hook_server, hook_task, hook_port = await serve(receiver)
    async with httpx.AsyncClient(base_url=live.url, timeout=30) as http:
        registered = await http.post(
            f"/organisations/{world.childcare.id}/api-clients",
            json={"name": "Planning (example)", "scopes": ALL_SCOPES},
            headers=live.org_admin,
        )
        assert registered.status_code == 201, registered.text
        client = registered.json()
        subscribed = await http.post(
            "/webhook-subscriptions",
            json={
                "url": f"http://127.0.0.1:{hook_port}/hook",
                "eventTypes": ["placement.changed", "attendance.recorded"],
                "clientId": client["clientId"],
            },
            headers=live.org_admin,
        )
        assert subscribed.status_code == 201, subscribed.text
        receiver.secret = subscribed.json()["secret"]
        config = childcare_sync.Config(
            base_url=live.url,
            client_id=client["clientId"],
            client_secret=client["clientSecret"],
            cursor_file=tmp_path / "cursor.txt",
        )
        try:
            first = await asyncio.to_thread(childcare_sync.run, config)

            # Placements created under the example's own keys, for children placed with the
            # organisation; today's attendance for the same children.
            async with live.database.sessionmaker() as session:
                placements = list(
                    await session.scalars(
                        select(Placement).where(Placement.external_id.in_(CONTRACTS))
                    )
                )
                attendance = list(
                    await session.scalars(
                        select(DailyAttendance).where(
                            DailyAttendance.day == datetime.now(ZoneInfo("Europe/Amsterdam")).date()
                        )
                    )
                )
            assert {p.external_id for p in placements} == CONTRACTS
            assert all(p.organisation_id == world.childcare.id for p in placements)
            assert all(p.kind == PlacementKind.OUT_OF_SCHOOL_CARE for p in placements)
            children = {p.child_id for p in placements}
            assert len(children) == 3
            assert children <= live.children | {world.toddler.id}
            assert {a.child_id for a in attendance} == children
            assert all(a.organisation_id == world.childcare.id for a in attendance)
            assert (first.created, first.updated, first.attendance) == (3, 0, 3)
            # The rate limit answered 429 at least once; the retry with the same key ran.
            assert first.retries >= 1

            # The feed was followed to its end: it held the new placements and attendance,
            # and from the stored cursor nothing more waits.
            placement_ids = {str(p.id) for p in placements}
            seen = {(c["type"], c["id"]) for c in first.changes}
            assert {("placement", i) for i in placement_ids} <= seen
            assert {c["childId"] for c in first.changes if c["type"] == "attendance"} == {
                str(i) for i in children
            }
            cursor = config.cursor_file.read_text()
            assert cursor
            live.api.state.client_limits = ClientLimits("1200/minute")
            token = await http.post(
                "/auth/token",
                data={"grant_type": "client_credentials"},
                auth=(client["clientId"], client["clientSecret"]),
            )
            assert token.status_code == 200, token.text
            bearer = {"Authorization": f"Bearer {token.json()['access_token']}"}
            rest = await http.get("/changes", params={"since": cursor}, headers=bearer)
            assert rest.status_code == 200, rest.text
            assert (rest.json()["items"], rest.json()["hasMore"]) == ([], False)

            # A second round, after one contract changed in "our system": the same keys
            # update what is there, and the feed reads on from the stored cursor, so only
            # that change comes.
            changed = {**childcare_sync.OWN_CONTRACTS[0], "days": ["wednesday"]}
            contracts = [changed, *childcare_sync.OWN_CONTRACTS[1:]]
            monkeypatch.setattr(childcare_sync, "OWN_CONTRACTS", contracts)
            second = await asyncio.to_thread(childcare_sync.run, config)
            assert (second.created, second.updated) == (0, 3)
            (moved,) = [p for p in placements if p.external_id == changed["contract"]]
            assert [(c["type"], c["id"], c["change"]) for c in second.changes] == [
                ("placement", str(moved.id), "updated")
            ]
            assert config.cursor_file.read_text() != cursor
            async with live.database.sessionmaker() as session:
                again = list(
                    await session.scalars(
                        select(Placement).where(Placement.external_id.in_(CONTRACTS))
                    )
                )
            assert len(again) == 3
            assert {p.id: p.days for p in again}[moved.id] == ["wednesday"]

            # The worker delivers; the example's receiver verifies every delivery.
            assert await deliver_all(live.database.sessionmaker, live.settings) > 0
            assert receiver.refused == 0
            events = {(e["type"], e["data"]["id"]) for e in receiver.events}
            assert {("placement.changed", i) for i in placement_ids} <= events
            assert any(e["type"] == "attendance.recorded" for e in receiver.events)

            # At least once: a replayed delivery comes with the same webhook-id and is
            # dropped as a repeat.
            deliveries = await http.get(
                f"/webhook-subscriptions/{subscribed.json()['id']}/deliveries",
                headers=live.org_admin,
            )
            assert deliveries.status_code == 200, deliveries.text
            delivery = deliveries.json()["items"][0]
            replayed = await http.post(
                f"/webhook-deliveries/{delivery['id']}/replay", headers=live.org_admin
            )
            assert replayed.status_code == 202, replayed.text
            unique = len(receiver.events)
            assert await deliver_all(live.database.sessionmaker, live.settings) == 1
            assert (receiver.repeats, len(receiver.events), receiver.refused) == (1, unique, 0)
            assert len(set(receiver.ids)) == unique
        finally:
            hook_server.should_exit = True
            await hook_task


def signed(secret: str, body: bytes, *, at: datetime | None = None) -> dict[str, str]:
    """Headers as the webhook worker signs a delivery."""
    at = at or datetime.now(UTC)
    return {
        "webhook-id": "msg_42",
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": signature([secret], "msg_42", at, body),
    }


def test_the_example_verifies_what_the_worker_signs_and_refuses_the_rest() -> None:
    secret, other = webhook_service.new_secret(), webhook_service.new_secret()
    event = {
        "type": "placement.changed",
        "timestamp": datetime.now(UTC).isoformat(),
        "data": {"id": str(uuid.uuid4()), "childId": None, "organisationId": None},
    }
    body = json.dumps(event, separators=(",", ":")).encode()
    seen: set[str] = set()
    assert childcare_sync.receive_webhook(secret, signed(secret, body), body, seen) == event
    assert childcare_sync.receive_webhook(secret, signed(secret, body), body, seen) is None

    tampered = body.replace(b"placement", b"booking")
    stale = signed(secret, body, at=datetime.now(UTC) - timedelta(minutes=6))
    malformed = {**signed(secret, body), "webhook-signature": "v1-not-a-signature"}
    for headers, payload in (
        (signed(secret, body), tampered),
        (signed(other, body), body),
        (stale, body),
        (malformed, body),
        ({"webhook-id": "msg_42"}, body),
    ):
        with pytest.raises(WebhookVerificationError):
            childcare_sync.receive_webhook(secret, headers, payload, set())

    # During a rotation a delivery carries two signatures; either secret verifies it.
    at = datetime.now(UTC)
    both = {
        "webhook-id": "msg_43",
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": signature([other, secret], "msg_43", at, body),
    }
    assert childcare_sync.receive_webhook(secret, both, body, set()) == event
    assert childcare_sync.main(["--verify-sample"]) == 0
