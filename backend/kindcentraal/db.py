"""Engine, declarative base and the one-unit-of-work-per-request session dependency."""

import asyncio
import enum
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar

from sqlalchemy import DateTime, Enum, ForeignKey, MetaData, Uuid, create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator

from kindcentraal.driver_reads import READER, Reader
from kindcentraal.sqlite_inline import inline_url, sync_url

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps always leave the database timezone-aware (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


def str_enum(cls: type[enum.StrEnum], name: str) -> Enum:
    """An enum stored as its string value with a CHECK constraint, portable across databases."""
    return Enum(
        cls,
        name=name,
        native_enum=False,
        length=40,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
        create_constraint=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class TimestampMixin:
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class TenantMixin(TimestampMixin):
    """Every tenant-owned row carries tenant_id: the future distribution key."""

    @declared_attr
    def tenant_id(cls) -> Mapped[uuid.UUID]:
        return mapped_column(Uuid, ForeignKey("tenant.id", ondelete="CASCADE"), index=True)


def _configure_sqlite(
    engine: Engine, *, foreign_keys: bool = True, read_only: bool = False
) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide where transactions begin (savepoints work).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=5000")
        if read_only:
            # A read-only request cannot write, even by mistake: SQLite itself refuses.
            cursor.execute("PRAGMA query_only=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers: IMMEDIATE takes the write lock up front and waits for it (busy_timeout); a
        # deferred BEGIN upgrading to a writer mid-transaction fails at once under concurrency.
        # Readers: a deferred BEGIN is a WAL snapshot that takes no lock at all.
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


READERS = 4
POSTGRESQL_READERS = 20
POSTGRESQL_WRITERS = 8


def make_engine(url: str, *, foreign_keys: bool = True, read_only: bool = False) -> AsyncEngine:
    """The async engine of one role. On SQLite, readers run inline on the event loop (see
    sqlite_inline); writers go through aiosqlite's thread."""
    is_sqlite = url.startswith("sqlite")
    if is_sqlite:
        _ensure_sqlite_dir(url)
        # SQLite has one writer: one write connection, so writers queue in order on the pool
        # instead of polling the file lock. Readers run side by side on WAL snapshots.
        in_memory = url.endswith(":memory:")
        size = READERS if read_only else 1
        pool = {} if in_memory else {"pool_size": size, "max_overflow": 0, "pool_timeout": 60}
        inline = read_only and not in_memory
        engine = create_async_engine(inline_url(url) if inline else url, **pool)
        _configure_sqlite(engine.sync_engine, foreign_keys=foreign_keys, read_only=read_only)
    else:
        # Connections are kept, not opened per burst: overflow connections are closed on
        # return, and a new PostgreSQL backend per request under load cost milliseconds.
        # No pre-ping (a round trip per checkout): a dropped connection fails its request
        # and the pool invalidates it.
        size = POSTGRESQL_READERS if read_only else POSTGRESQL_WRITERS
        # The server itself refuses writes on a reader's connections, also for the driver
        # reads (driver_reads), which run outside any transaction SQLAlchemy begins.
        connect_args = (
            {"server_settings": {"default_transaction_read_only": "on"}} if read_only else {}
        )
        engine = create_async_engine(
            url,
            pool_size=size,
            max_overflow=size // 2,
            pool_timeout=60,
            pool_pre_ping=False,
            connect_args=connect_args,
        )
    return engine


def make_sqlite_log_engine(url: str) -> Engine:
    """A synchronous SQLite writer for the access log's group commit, used from one thread.

    A batch is one transaction of a few statements; through aiosqlite each statement was a
    round trip through a busy event loop (35-50 ms a batch under load). On its own thread the
    whole batch is one hand-over, and SQLite inserts the rows on the second core while the
    loop serves requests. It waits for the write lock there, never on the loop.
    """
    engine = create_engine(sync_url(url), pool_size=1, max_overflow=0, pool_timeout=60)
    # Many rows as one multi-row INSERT, not an executemany: the driver releases and retakes
    # the GIL around every row, and a busy event loop made each retake wait (80 µs a row
    # under load instead of 14 µs).
    engine.dialect.use_insertmanyvalues_wo_returning = True
    _configure_sqlite(engine)
    return engine


def _ensure_sqlite_dir(url: str) -> None:
    from pathlib import Path

    path = url.split(":///", 1)[1] if ":///" in url else ""
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)


async def refresh_statistics(session: AsyncSession) -> None:
    """Refresh the query planner's statistics, in the caller's transaction.

    SQLite keeps none until ANALYZE runs; without them it chose a tenant-wide index over the
    per-child one in the children list (9 ms instead of 0.4 ms a query on the demo data).
    A sampled ANALYZE stays fast on a municipality-sized database.
    """
    if session.get_bind().dialect.name == "sqlite":
        await session.execute(text("PRAGMA analysis_limit=1000"))
    await session.execute(text("ANALYZE"))


class DeferredWork(Protocol):
    """Work a unit of work hands on after its transaction (the access log's group commit)."""

    def start(self, session: AsyncSession) -> None: ...

    async def complete(self, session: AsyncSession) -> None: ...


@asynccontextmanager
async def unit_of_work(
    session: AsyncSession, *, deferred: DeferredWork | None = None
) -> AsyncIterator[AsyncSession]:
    """Commit when the handler succeeded, roll back on any exception.

    An error may carry `after_rollback` work (a denied-access audit event): it runs in a
    fresh transaction after the rollback and is committed on its own. With `deferred`, the
    unit of work also completes that work (durably) before it returns; if that fails, it
    raises, so the request fails closed.
    """
    if deferred is not None:
        deferred.start(session)
    try:
        yield session
        if _has_work(session):
            await session.commit()
        if deferred is not None:
            await deferred.complete(session)
    except BaseException as exc:
        await session.rollback()
        follow_up = getattr(exc, "after_rollback", None)
        if follow_up is not None:
            if deferred is not None:
                deferred.start(session)  # what the failed request recorded is void
            await follow_up(session)
            await session.commit()
            if deferred is not None:
                await deferred.complete(session)
        raise


# A read-only unit of work on PostgreSQL: where its independent reads may take sessions of their
# own (`read_concurrently`).
READ_SESSIONS = "kindcentraal.db.read_sessions"
Result = TypeVar("Result")


async def read_concurrently(
    session: AsyncSession, *reads: Callable[[AsyncSession], Awaitable[Result]]
) -> list[Result]:
    """Independent reads of one read-only unit of work, each in a session of its own at the
    same time: PostgreSQL runs them on separate backends, so on separate cores. Elsewhere
    (SQLite, whose reads run on the event loop anyway; a unit of work that writes; the test
    suite's single connection) they run one after another in the unit of work's session.
    Each read sees committed data, as every statement of a READ COMMITTED session does."""
    factory: async_sessionmaker[AsyncSession] | None = session.info.get(READ_SESSIONS)
    if factory is None:
        return [await read(session) for read in reads]

    async def run(read: Callable[[AsyncSession], Awaitable[Result]]) -> Result:
        async with factory() as own:
            return await read(own)

    try:
        async with asyncio.TaskGroup() as group:  # one failing read cancels the others
            tasks = [group.create_task(run(read)) for read in reads]
    except BaseExceptionGroup as failed:
        # The request fails as that read failed (a 4xx stays a 4xx), not as a group.
        raise failed.exceptions[0] from None
    return [task.result() for task in tasks]


def _has_work(session: AsyncSession) -> bool:
    """Whether committing would do anything. A GET that read through the driver never began
    a transaction here; its commit (and close) would still cost a greenlet round each."""
    return session.in_transaction() or bool(session.new or session.dirty or session.deleted)


class Database:
    """Holds the engines and session factories of one running app."""

    def __init__(self, url: str) -> None:
        # Every mapper, and the change log's flush hook: whatever writes through a Database
        # (API, worker, CLI, seeds) records its changes for API clients. Imported here, at
        # run time, because the models import this module.
        import kindcentraal.models  # noqa: F401

        self.engine = make_engine(url)
        self.sessionmaker = async_sessionmaker(self.engine, expire_on_commit=False)
        self.read_engine = make_engine(url, read_only=True)
        self.read_sessionmaker = async_sessionmaker(self.read_engine, expire_on_commit=False)
        self.reader = Reader(self.read_engine)
        # An in-memory database is one connection no second engine could share.
        file_sqlite = url.startswith("sqlite") and not url.endswith(":memory:")
        self.log_engine = make_sqlite_log_engine(url) if file_sqlite else None

    @asynccontextmanager
    async def session(
        self, *, read_only: bool = False, deferred: DeferredWork | None = None
    ) -> AsyncIterator[AsyncSession]:
        """A unit of work. Enter it with `async with` so that a handler's exception reaches it
        (an `async for` over a generator would swallow the exception and skip its follow-up)."""
        factory = self.read_sessionmaker if read_only else self.sessionmaker
        session = factory()
        try:
            async with unit_of_work(session, deferred=deferred) as unit:
                if read_only:
                    session.info[READER] = self.reader
                    if self.read_engine.dialect.name == "postgresql":
                        session.info[READ_SESSIONS] = self.read_sessionmaker
                yield unit
        finally:
            if _has_work(session) or session.identity_map:
                # Shielded: a cancelled request still hands its connection back.
                await asyncio.shield(session.close())

    async def dispose(self) -> None:
        await self.engine.dispose()
        await self.read_engine.dispose()
        if self.log_engine is not None:
            self.log_engine.dispose()
