"""Test database built by the real migrations; each test in a rolled-back transaction.

KC_TEST_DB=sqlite (default) or postgresql selects the database; the API is served by
uvicorn on a loopback port in the test's event loop, so tests speak real HTTP.
"""

import asyncio
import atexit
import logging
import os
import shutil
import tempfile
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from alembic import command
from fastapi import BackgroundTasks, FastAPI, Request
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from kindcentraal.auth.dependencies import (
    SAFE_METHODS,
    Job,
    Jobs,
    JobSessions,
    get_jobs,
    get_reader,
    get_session,
)
from kindcentraal.cli import alembic_config
from kindcentraal.config import Settings
from kindcentraal.db import make_engine, unit_of_work
from kindcentraal.driver_reads import READER, ConnectionReader, Reader
from kindcentraal.main import create_app
from tests.backend.factories import World
from tests.backend.pg import find_bindir, throwaway_cluster

TEST_SECRET = "test-secret-" + "x" * 40


# Files the tests store (attachments) go to a folder of the run, never the project's var/.
_FILES = tempfile.mkdtemp(prefix="kc-test-files-")
os.environ.setdefault("KC_STORAGE_URL", f"file:{_FILES}")
atexit.register(shutil.rmtree, _FILES, ignore_errors=True)


def _backend() -> str:
    return os.environ.get("KC_TEST_DB", "sqlite")


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    if _backend() == "postgresql":
        if find_bindir() is None:
            if os.environ.get("CI") == "true":
                pytest.fail("PostgreSQL is required under CI=true")
            pytest.skip("PostgreSQL is not installed")
        with throwaway_cluster() as url:
            yield url
        return
    with tempfile.TemporaryDirectory(prefix="kc-test-") as folder:
        yield f"sqlite:///{Path(folder) / 'test.db'}"


@pytest.fixture(scope="session")
def settings(database_url: str) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        env="test",
        database_url=database_url,
        secret_key=TEST_SECRET,
    )


@pytest.fixture
async def empty_database(settings: Settings) -> AsyncIterator[str]:
    """A database of its own (async URL), for tests that need committed data or real apps."""
    if settings.is_sqlite:
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite+aiosqlite:///{Path(folder) / 'fresh.db'}"
        return
    name = f"fresh_{uuid.uuid4().hex[:8]}"
    admin = make_engine(settings.async_database_url)
    async with admin.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    base = settings.async_database_url.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    async with admin.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    await admin.dispose()


@pytest.fixture(scope="session")
def migrated(settings: Settings) -> str:
    """Upgrade the empty database to head with the real migrations, once per run."""
    command.upgrade(alembic_config(settings.async_database_url), "head")
    return settings.async_database_url


@pytest.fixture(scope="session")
async def engine(migrated: str) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(migrated)
    yield engine
    await engine.dispose()


@pytest.fixture
async def connection(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    async with engine.connect() as conn:
        transaction = await conn.begin()
        yield conn
        if transaction.is_active:
            await transaction.rollback()


@pytest.fixture
async def session(connection: AsyncConnection) -> AsyncIterator[AsyncSession]:
    """The one session of the test: factories and the app's requests share it."""
    async with AsyncSession(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    ) as session:
        yield session


@pytest.fixture(scope="session")
def app(settings: Settings) -> FastAPI:
    return create_app(settings)


@asynccontextmanager
async def serving(app: FastAPI) -> AsyncIterator[str]:
    """`app` on a real uvicorn server at a free port (no lifespan); yields its base URL."""
    config = uvicorn.Config(app, host="127.0.0.1", port=0, lifespan="off", log_level="warning")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


@pytest.fixture(scope="session")
async def server(app: FastAPI) -> AsyncIterator[str]:
    async with serving(app) as base:
        yield base


class _Turns:
    """One connection serves the test's requests and the jobs they leave running (an export):
    they take turns on it, a unit of work at a time, as the database's locks would make them.
    Re-entrant per task: a request's own reads run inside its turn."""

    def __init__(self) -> None:
        self._lock = asyncio.Lock()
        self._owner: asyncio.Task[Any] | None = None

    @asynccontextmanager
    async def __call__(self) -> AsyncIterator[None]:
        task = asyncio.current_task()
        if self._owner is task:
            yield
            return
        async with self._lock:
            self._owner = task
            try:
                yield
            finally:
                self._owner = None


class RunningJobs:
    """The jobs requests left running, so a test can wait until none is (`idle`) before it
    rolls back what they would read."""

    def __init__(self, sessions: JobSessions) -> None:
        self.sessions = sessions
        self.pending = 0
        self._idle = asyncio.Event()
        self._idle.set()

    def bound(self, background: BackgroundTasks) -> Jobs:
        tracker = self

        class _Tracked(Jobs):
            def start(self, job: Job) -> None:
                tracker.pending += 1
                tracker._idle.clear()

                async def tracked(sessions: JobSessions) -> None:
                    try:
                        await job(sessions)
                    finally:
                        tracker.pending -= 1
                        if tracker.pending == 0:
                            tracker._idle.set()

                self.background.add_task(tracked, self.sessions)

        return _Tracked(background, self.sessions)

    async def idle(self) -> None:
        await self._idle.wait()


class _TurnReader(ConnectionReader):
    def __init__(self, connection: AsyncConnection, turns: _Turns) -> None:
        super().__init__(connection)
        self.turns = turns

    async def _fetch(self, sql: str, args: list[Any]) -> list[Any]:
        async with self.turns():
            return await super()._fetch(sql, args)


def serve_on_connection(
    api: FastAPI,
    connection: AsyncConnection,
    *,
    before: Callable[[], Awaitable[None]] | None = None,
) -> None:
    """Every request of `api` runs on the test's connection, in the test's transaction (a
    savepoint of its own), and its driver reads too; `before` runs first (the test's flush).
    Background jobs get units of work on the same connection, taking turns with requests."""
    turns = _Turns()
    reader = _TurnReader(connection, turns)

    async def test_session(request: Request) -> AsyncIterator[AsyncSession]:
        async with turns():
            if before is not None:
                await before()
            async with (
                AsyncSession(
                    bind=connection,
                    join_transaction_mode="create_savepoint",
                    expire_on_commit=False,
                ) as request_session,
                unit_of_work(request_session) as unit,
            ):
                if request.method in SAFE_METHODS:  # as the server: driver reads only in GETs
                    request_session.info[READER] = reader
                yield unit

    async def test_reader() -> Reader:
        if before is not None:
            async with turns():
                await before()
        return reader

    @asynccontextmanager
    async def job_session() -> AsyncIterator[AsyncSession]:
        async with (
            turns(),
            AsyncSession(
                bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
            ) as job,
            unit_of_work(job) as unit,
        ):
            yield unit

    running = RunningJobs(job_session)
    api.state.test_jobs = running

    async def test_jobs(background: BackgroundTasks) -> Jobs:
        return running.bound(background)

    api.dependency_overrides[get_session] = test_session
    api.dependency_overrides[get_reader] = test_reader
    api.dependency_overrides[get_jobs] = test_jobs


@pytest.fixture
async def client(
    app: FastAPI, server: str, connection: AsyncConnection, session: AsyncSession
) -> AsyncIterator[httpx.AsyncClient]:
    """Each request gets its own session on the test's connection (a nested savepoint),
    so a request that rolls back never touches what the test itself wrote."""
    api: FastAPI = app.state.api

    serve_on_connection(api, connection, before=session.flush)
    async with httpx.AsyncClient(base_url=f"{server}/api/v1", timeout=30) as http:
        yield http
    api.dependency_overrides.clear()


@pytest.fixture
async def world(session: AsyncSession) -> World:
    from tests.backend.factories import build_world

    return await build_world(session, secret=TEST_SECRET)


class _LogCapture(logging.Handler):
    """Everything any logger emits at INFO and above during the whole run."""

    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = self.format(record)
        if record.exc_info:
            text += "\n" + logging.Formatter().formatException(record.exc_info)
        self.lines.append(text)


LOG_CAPTURE = _LogCapture()
logging.getLogger().addHandler(LOG_CAPTURE)
logging.getLogger().setLevel(logging.INFO)
# The test client's own request log is not the application's; it shows the URLs we send.
logging.getLogger("httpx").setLevel(logging.WARNING)
# Values the factories put into records: none may ever reach a log line.
PERSONAL_MARKERS = (
    "Pupil",
    "Toddler",
    "Former",
    "111222333",
    "123456782",
    "@example.test",
    "Correct-horse-battery-9",
    "eyJhbGci",
    "Regenboog-demo-2026",
)


def personal_data_in_logs() -> list[str]:
    return [line for line in LOG_CAPTURE.lines if any(m in line for m in PERSONAL_MARKERS)]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The logs of the whole suite hold no personal data (names, BSN, emails, tokens)."""
    leaks = personal_data_in_logs()
    if leaks:
        print("\nPERSONAL DATA IN LOGS:\n" + "\n".join(leaks[:20]))
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
