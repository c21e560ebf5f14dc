"""The access log on the real request path: read-only requests in parallel, their events in
one group commit, the sealer, and fail-closed behaviour. Each test runs a real app (uvicorn)
on a database of its own, on SQLite and on PostgreSQL."""

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest
import uvicorn
from alembic import command
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from kindcentraal.audit import writer
from kindcentraal.audit.models import AuditEvent, AuditPending, AuditSeal
from kindcentraal.audit.service import verify_log
from kindcentraal.audit.writer import seal_all
from kindcentraal.cli import alembic_config
from kindcentraal.config import Settings
from kindcentraal.db import Database
from kindcentraal.main import create_app
from kindcentraal.seed.demo import DEMO_PASSWORD, load_demo
from tests.backend.conftest import TEST_SECRET


@dataclass
class Live:
    client: httpx.AsyncClient
    database: Database
    settings: Settings

    async def token(self, email: str) -> dict[str, str]:
        response = await self.client.post(
            "/auth/token", data={"username": email, "password": DEMO_PASSWORD}
        )
        return {"Authorization": f"Bearer {response.json()['access_token']}"}

    async def count(self, model: type) -> int:
        async with self.database.sessionmaker() as session:
            return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def _serve(settings: Settings) -> AsyncIterator[Live]:
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=0, log_level="warning")
    )
    task = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    database = Database(settings.async_database_url)
    try:
        async with httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{port}/api/v1", timeout=60
        ) as client:
            yield Live(client, database, settings)
    finally:
        server.should_exit = True
        await task
        await database.dispose()


def _settings(url: str, *, seal_interval: float) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        env="test",
        secret_key=TEST_SECRET,
        database_url=url,
        audit_seal_interval_seconds=seal_interval,
    )


@pytest.fixture
async def live(empty_database: str) -> AsyncIterator[Live]:
    """The demo data behind a real app whose sealer only runs when a test calls it."""
    settings = _settings(empty_database, seal_interval=0)
    await asyncio.to_thread(command.upgrade, alembic_config(settings.async_database_url), "head")
    await load_demo(settings)
    async for live in _serve(settings):
        yield live


async def test_fifty_parallel_reads_make_fifty_events_and_a_log_that_verifies(
    live: Live,
) -> None:
    headers = await live.token("ouder@regenboog.demo")
    child_id = (await live.client.get("/children", headers=headers)).json()["items"][0]["id"]
    before = await live.count(AuditEvent)
    responses = await asyncio.gather(
        *(live.client.get(f"/children/{child_id}", headers=headers) for _ in range(50))
    )
    assert [r.status_code for r in responses] == [200] * 50
    assert await live.count(AuditEvent) - before == 50
    sealed = await seal_all(live.database.sessionmaker)
    assert sealed >= 50
    async with live.database.sessionmaker() as session:
        result = await verify_log(session)
    assert result.broken is None
    assert result.checked == await live.count(AuditEvent)
    assert result.sealed == result.checked  # nothing left waiting after the seal
    assert await live.count(AuditPending) == 0


async def test_parallel_reads_of_every_part_all_answer(live: Live) -> None:
    headers = await live.token("ouder@regenboog.demo")
    child_id = (await live.client.get("/children", headers=headers)).json()["items"][0]["id"]
    paths = ["", "/guardians", "/care-team", "/consents", "/access-log", "/contact-person"]
    before = await live.count(AuditEvent)
    responses = await asyncio.gather(
        *(
            live.client.get(f"/children/{child_id}{path}", headers=headers)
            for _ in range(5)
            for path in paths
        )
    )
    assert [r.status_code for r in responses] == [200] * len(responses)
    assert await live.count(AuditEvent) - before == len(responses)


async def test_a_denied_read_is_logged_through_the_group_commit(live: Live) -> None:
    headers = await live.token("ouder@regenboog.demo")
    missing = "00000000-0000-4000-8000-000000000000"
    before = await live.count(AuditEvent)
    response = await live.client.get(f"/children/{missing}", headers=headers)
    assert response.status_code == 404
    async with live.database.sessionmaker() as session:
        newest = await session.scalar(
            select(AuditEvent).order_by(AuditEvent.occurred_at.desc()).limit(1)
        )
    assert await live.count(AuditEvent) == before + 1
    assert newest is not None and (newest.result, newest.child_ids) == ("denied", [missing])


async def _refuse_audit_inserts(live: Live) -> None:
    """A real database failure on the access log's table (not a mock)."""
    async with live.database.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            await conn.execute(
                text(
                    "CREATE TRIGGER audit_event_refuse_insert BEFORE INSERT ON audit_event "
                    "BEGIN SELECT RAISE(ABORT, 'access log down'); END"
                )
            )
        else:
            await conn.execute(
                text(
                    "CREATE FUNCTION refuse_insert() RETURNS trigger LANGUAGE plpgsql AS "
                    "$$ BEGIN RAISE EXCEPTION 'access log down'; END $$"
                )
            )
            await conn.execute(
                text(
                    "CREATE TRIGGER audit_event_refuse_insert BEFORE INSERT ON audit_event "
                    "FOR EACH ROW EXECUTE FUNCTION refuse_insert()"
                )
            )


async def test_when_the_access_log_cannot_be_written_nothing_is_served_or_kept(
    live: Live,
) -> None:
    headers = await live.token("beheer@regenboog.demo")
    child = (await live.client.get("/children", headers=headers)).json()["items"][0]
    await _refuse_audit_inserts(live)

    read = await live.client.get(f"/children/{child['id']}", headers=headers)
    assert read.status_code == 503
    assert read.headers["content-type"] == "application/problem+json"
    assert child["familyName"] not in read.text

    write = await live.client.patch(
        f"/children/{child['id']}", json={"givenName": "Veranderd"}, headers=headers
    )
    assert write.status_code >= 500
    async with live.database.sessionmaker() as session:
        given_name = await session.scalar(
            text("SELECT given_name FROM child WHERE family_name = :f AND given_name = :g"),
            {"f": child["familyName"], "g": "Veranderd"},
        )
    assert given_name is None  # the change did not outlive its missing event


async def test_the_api_seals_new_events_within_two_seconds(empty_database: str) -> None:
    settings = _settings(empty_database, seal_interval=0.5)
    await asyncio.to_thread(command.upgrade, alembic_config(settings.async_database_url), "head")
    await load_demo(settings)
    async for live in _serve(settings):
        headers = await live.token("leerkracht@regenboog.demo")
        assert (await live.client.get("/children", headers=headers)).status_code == 200
        for _ in range(40):
            if await live.count(AuditPending) == 0:
                break
            await asyncio.sleep(0.05)
        assert await live.count(AuditPending) == 0
        assert await live.count(AuditSeal) >= 1


async def test_a_read_only_unit_of_work_cannot_write(live: Live) -> None:
    """GET requests run read-only: the database itself refuses a write by mistake."""
    with pytest.raises(DBAPIError):
        async with live.database.session(read_only=True) as session:
            await session.execute(text("DELETE FROM login_failure"))


async def test_a_read_waits_for_the_sqlite_write_lock_off_the_event_loop(live: Live) -> None:
    """On SQLite the group commit waits for the write lock on a thread of its own: while
    another connection holds the lock, the read is not answered (its event is not on disk
    yet), and the server keeps answering other requests on the same event loop."""
    if not live.settings.is_sqlite:
        pytest.skip("SQLite's single write lock")
    headers = await live.token("leerkracht@regenboog.demo")
    before = await live.count(AuditEvent)
    path = live.settings.async_database_url.split(":///", 1)[1]
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        read = asyncio.create_task(live.client.get("/children", headers=headers))
        await asyncio.sleep(0.5)
        assert not read.done()
        assert (await live.client.get("/")).status_code == 200
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    response = await read
    assert response.status_code == 200
    assert await live.count(AuditEvent) == before + 1


async def _log_statistics(live: Live) -> float:
    """What the planner knows of the number of access-log events."""
    async with live.database.sessionmaker() as session:
        if live.settings.is_sqlite:
            found = await session.scalar(
                text("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'audit_event'")
            )
        else:
            found = await session.scalar(
                text("SELECT reltuples FROM pg_class WHERE relname = 'audit_event'")
            )
    return float(found or 0)


async def test_the_sealer_refreshes_the_logs_statistics_after_its_first_events(
    live: Live, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new installation analysed the log's tables empty; the sealer corrects that once the
    first events are in, so PostgreSQL stops checking each new row's event with a scan."""
    monkeypatch.setattr(writer, "LOG_STATISTICS_AFTER_EVENTS", 3)
    assert await _log_statistics(live) <= 0
    headers = await live.token("leerkracht@regenboog.demo")
    for _ in range(3):
        assert (await live.client.get("/children", headers=headers)).status_code == 200
    sealer = asyncio.create_task(writer.run_sealer(live.database.sessionmaker, 0.05))
    try:
        for _ in range(100):
            if await _log_statistics(live) > 0:
                break
            await asyncio.sleep(0.05)
    finally:
        sealer.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await sealer
    assert await _log_statistics(live) > 0
