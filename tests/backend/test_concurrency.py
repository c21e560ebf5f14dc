"""Concurrent requests on the embedded SQLite database: every read writes an audit event,
so parallel requests must queue for the write lock instead of failing."""

import asyncio
from pathlib import Path

import httpx
import pytest
import uvicorn
from alembic import command

from kindcentraal.audit.service import verify_chain
from kindcentraal.cli import alembic_config
from kindcentraal.config import Settings
from kindcentraal.db import Database
from kindcentraal.main import create_app
from kindcentraal.seed.demo import DEMO_PASSWORD, load_demo
from tests.backend.conftest import TEST_SECRET


async def test_parallel_reads_all_succeed_and_keep_the_chain(
    settings: Settings, tmp_path: Path
) -> None:
    if not settings.is_sqlite:
        pytest.skip("SQLite's single writer; PostgreSQL queues on the chain-head row lock")
    own = Settings(
        _env_file=None,  # type: ignore[call-arg]
        env="test",
        secret_key=TEST_SECRET,
        database_url=f"sqlite:///{tmp_path / 'parallel.db'}",
    )
    await asyncio.to_thread(command.upgrade, alembic_config(own.async_database_url), "head")
    await load_demo(own)
    server = uvicorn.Server(
        uvicorn.Config(create_app(own), host="127.0.0.1", port=0, log_level="warning")
    )
    task = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}/api/v1") as client:
            token = (
                await client.post(
                    "/auth/token",
                    data={"username": "ouder@regenboog.demo", "password": DEMO_PASSWORD},
                )
            ).json()["access_token"]
            headers = {"Authorization": f"Bearer {token}"}
            child_id = (await client.get("/children", headers=headers)).json()["items"][0]["id"]
            paths = ["", "/guardians", "/care-team", "/consents", "/access-log", "/contact-person"]
            responses = await asyncio.gather(
                *(
                    client.get(f"/children/{child_id}{path}", headers=headers)
                    for _ in range(5)
                    for path in paths
                )
            )
        assert [r.status_code for r in responses] == [200] * len(responses)
    finally:
        server.should_exit = True
        await task
    database = Database(own.async_database_url)
    async with database.sessionmaker() as session:
        checked, broken = await verify_chain(session)
    await database.dispose()
    assert broken is None
    assert checked >= len(responses)
