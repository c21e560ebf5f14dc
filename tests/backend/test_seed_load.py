"""`seed load`: the demo centre exactly as `seed demo` writes it, 39 more centres, children up
to --children, and an access log that is sealed and verifies, on a fresh database."""

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
import uvicorn
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select

from kindcentraal.audit.models import AuditEvent, AuditEventChild, AuditPending, AuditSeal
from kindcentraal.audit.service import verify_log
from kindcentraal.centre.models import ChildCentre
from kindcentraal.child.models import Child, Guardian
from kindcentraal.cli import alembic_config
from kindcentraal.config import Settings
from kindcentraal.consent.models import Consent
from kindcentraal.db import Database
from kindcentraal.main import create_app
from kindcentraal.models import Base
from kindcentraal.placement.models import Placement
from kindcentraal.seed.demo import DEMO_PASSWORD
from kindcentraal.seed.load import CENTRES, LoadRefused, load
from kindcentraal.seed.outcomes_demo import KOMPAS_CENTRE
from kindcentraal.user.models import User
from tests.backend.conftest import TEST_SECRET

CHILDREN = 2_000
EVENTS = 20_000
PER_SEAL = 5_000


@pytest.fixture
async def loaded(empty_database: str) -> AsyncIterator[Settings]:
    own = Settings(
        _env_file=None,  # type: ignore[call-arg]
        env="test",
        secret_key=TEST_SECRET,
        database_url=empty_database,
        audit_seal_interval_seconds=0,
    )
    await asyncio.to_thread(command.upgrade, alembic_config(own.async_database_url), "head")
    summary = await load(own, children=CHILDREN, events=EVENTS, events_per_seal=PER_SEAL)
    assert summary.counts["children"] == CHILDREN
    assert summary.counts["access-log events"] == EVENTS
    yield own


async def _login(client: httpx.AsyncClient, email: str) -> dict[str, str]:
    answer = await client.post("/auth/token", data={"username": email, "password": DEMO_PASSWORD})
    assert answer.status_code == 200, email
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


async def test_load_builds_a_sealed_municipality(loaded: Settings) -> None:
    database = Database(loaded.async_database_url)
    try:
        async with database.sessionmaker() as session:

            async def count(model: object) -> int:
                return int(await session.scalar(select(func.count()).select_from(model)) or 0)

            # The 40 centres, and the demo's comparison school without integrated care.
            assert await count(ChildCentre) == CENTRES + 1
            assert await count(Child) == CHILDREN
            demo_centre = await session.scalar(
                select(ChildCentre.id).where(ChildCentre.name == "IKC De Regenboog")
            )
            in_demo_centre = await session.scalar(
                select(func.count()).select_from(Child).where(Child.centre_id == demo_centre)
            )
            assert in_demo_centre == 205  # exactly `seed demo`
            assert CHILDREN * 1.3 < await count(Guardian) < CHILDREN * 2
            assert await count(Placement) > CHILDREN
            assert await count(User) > CHILDREN
            consents = await count(Consent)
            withdrawn = await session.scalar(
                select(func.count()).select_from(Consent).where(Consent.withdrawn_at.is_not(None))
            )
            assert 0 < (withdrawn or 0) < consents / 3
            # The generated centres' share of consents; the demo's two centres carry school
            # years of support history (a consent per trajectory) and are left out of it.
            demo_children = select(Child.id).where(
                Child.centre_id.in_(
                    select(ChildCentre.id).where(
                        ChildCentre.name.in_(["IKC De Regenboog", KOMPAS_CENTRE])
                    )
                )
            )
            generated = CHILDREN - (
                await session.scalar(
                    select(func.count()).select_from(Child).where(Child.id.in_(demo_children))
                )
                or 0
            )
            generated_consents = consents - (
                await session.scalar(
                    select(func.count())
                    .select_from(Consent)
                    .where(Consent.child_id.in_(demo_children))
                )
                or 0
            )
            assert generated * 0.05 < generated_consents < generated * 0.25
            assert await count(AuditEvent) == EVENTS
            assert await count(AuditEventChild) > EVENTS
            assert await count(AuditPending) == 0  # nothing left for the API's sealer
            assert await count(AuditSeal) == EVENTS // PER_SEAL
            lists = await session.scalar(
                select(func.count())
                .select_from(AuditEvent)
                .where(AuditEvent.resource == "child", AuditEvent.action == "list")
            )
            assert 0 < (lists or 0) < EVENTS * 0.2
            result = await verify_log(session)

            def drift(sync_conn):  # type: ignore[no-untyped-def]
                context = MigrationContext.configure(sync_conn, opts={"compare_type": True})
                return compare_metadata(context, Base.metadata)

            # The bulk path's dropped and rebuilt keys and indexes are all back.
            assert await (await session.connection()).run_sync(drift) == []
        assert result.broken is None
        assert result.checked == result.sealed == EVENTS
        assert [number for number, _ in result.heads.values()] == [EVENTS // PER_SEAL]
    finally:
        await database.dispose()

    server = uvicorn.Server(
        uvicorn.Config(create_app(loaded), host="127.0.0.1", port=0, log_level="warning")
    )
    task = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}/api/v1") as client:
            teacher = await _login(client, "leerkracht@regenboog.demo")
            first = (await client.get("/children", headers=teacher)).json()
            assert len(first["items"]) == 25
            assert {c["centreId"] for c in first["items"]} == {str(demo_centre)}
            second = await client.get(
                "/children", params={"cursor": first["nextCursor"]}, headers=teacher
            )
            assert second.status_code == 200
            parent = await _login(client, "ouder@regenboog.demo")
            own = (await client.get("/children", headers=parent)).json()["items"]
            assert len(own) == 2
            log = await client.get(f"/children/{own[0]['id']}/access-log", headers=parent)
            assert log.status_code == 200
            assert log.json()["items"]  # the loaded history of the demo parent's child
    finally:
        server.should_exit = True
        await task


async def test_load_refuses_a_database_with_data(loaded: Settings) -> None:
    with pytest.raises(LoadRefused):
        await load(loaded, children=CHILDREN, events=0)


async def test_production_refuses_benchmark_data() -> None:
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        env="production",
        secret_key="p" * 48,
        database_url="postgresql://nowhere/kc",
    )
    with pytest.raises(LoadRefused):
        await load(settings, children=CHILDREN, events=EVENTS)
