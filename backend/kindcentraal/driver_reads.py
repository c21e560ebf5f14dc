"""The hottest reads, on the driver: Core statements compiled once, run on a pooled connection.

Every authenticated request loads its caller, and every screen of children reads through the
relation policy. Through the ORM session each such statement cost 150-500 µs of Python
(execution context, cache key of a large statement, row objects) around 5-250 µs of work in
the database. Here a statement is compiled once per dialect by SQLAlchemy itself, with its
bind and result processors; a read renders the caller's values positionally, runs on the
driver connection (sqlite3 or asyncpg) borrowed from the engine's pool, and converts each
row with the column types' own result processors, so rows hold the same values the ORM
would give.

Reads here run outside the request's transaction, each on its own snapshot (PostgreSQL's
READ COMMITTED does the same per statement), so they would not see a unit of work's own
uncommitted changes. `fetch(session, query, params)` therefore picks the path by the unit of
work: through the driver in a read-only one (every GET), through the session in one that may
write. The caller of a request is loaded through the driver before anything is written.
"""

import threading
from collections import namedtuple
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import CompoundSelect, Select
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession
from sqlalchemy.pool import Pool
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.util import greenlet_spawn

READER = "kindcentraal.driver_reads.reader"

Processor = Callable[[Any], Any] | None


@dataclass(frozen=True)
class _Slot:
    """Where one positional parameter's value comes from."""

    name: str  # the statement's parameter (for an expanded list: the list's name)
    index: int | None  # position in that list, for an expanded IN
    process: Processor
    fixed: bool = False  # a literal of the statement itself, not a parameter of the call
    value: Any = None  # that literal, processed


@dataclass(frozen=True)
class _Rendering:
    sql: str
    slots: tuple[_Slot, ...]


class _Prepared:
    """One statement compiled for one dialect."""

    def __init__(
        self,
        statement: Select[*tuple[Any, ...]] | CompoundSelect[*tuple[Any, ...]],
        dialect: Dialect,
        names: Sequence[str],
    ) -> None:
        self.compiled: SQLCompiler = statement.compile(dialect=dialect)
        self.dialect = dialect
        self.bind_processors: dict[str, Processor] = {
            key: bind.type.dialect_impl(dialect).bind_processor(dialect)
            for key, bind in self.compiled.binds.items()
        }
        self.expanding = tuple(key for key, bind in self.compiled.binds.items() if bind.expanding)
        self.result_processors: tuple[Processor, ...] = tuple(
            _result_processor(column.type, dialect) for column in statement.selected_columns
        )
        # Only the columns with a processor are converted; the others pass as they came.
        self.processed: tuple[tuple[int, Callable[[Any], Any]], ...] = tuple(
            (position, process)
            for position, process in enumerate(self.result_processors)
            if process is not None
        )
        self.row: Any = namedtuple("Row", names, rename=True)  # type: ignore[misc]
        self.renderings: dict[tuple[int, ...], _Rendering] = {}
        self._lock = threading.Lock()

    def render(self, params: Mapping[str, Any]) -> tuple[str, list[Any]]:
        lengths = tuple(len(params[key]) if key in params else -1 for key in self.expanding)
        rendering = self.renderings.get(lengths)
        if rendering is None:
            rendering = self._render(params, lengths)
        args: list[Any] = []
        for slot in rendering.slots:
            if slot.fixed:
                args.append(slot.value)
                continue
            value = params[slot.name] if slot.index is None else params[slot.name][slot.index]
            args.append(value if slot.process is None else slot.process(value))
        return rendering.sql, args

    def _render(self, params: Mapping[str, Any], lengths: tuple[int, ...]) -> _Rendering:
        """The SQL for lists of these lengths, from SQLAlchemy's own expansion."""
        state = self.compiled.construct_expanded_state(dict(params))
        origin = {
            expanded: (name, position)
            for name, names in state.parameter_expansion.items()
            for position, expanded in enumerate(names)
        }
        slots = []
        for key in state.positiontup or ():
            name, index = origin.get(key, (key, None))
            process = state.processors.get(key) or self.bind_processors.get(name)
            if name in params:
                slots.append(_Slot(name, index, process))
            else:
                value = state.parameters[key]
                processed = process(value) if process is not None else value
                slots.append(_Slot(key, None, None, fixed=True, value=processed))
        rendering = _Rendering(state.statement, tuple(slots))
        with self._lock:
            self.renderings[lengths] = rendering
        return rendering

    def rows(self, raw: Sequence[Sequence[Any]]) -> list[Any]:
        processed = self.processed
        make = self.row._make
        rows = []
        for record in raw:
            values = list(record)
            for position, process in processed:
                values[position] = process(values[position])
            rows.append(make(values))
        return rows


def _result_processor(column_type: Any, dialect: Dialect) -> Processor:
    return cast(Processor, column_type.dialect_impl(dialect).result_processor(dialect, None))


def entity_columns(model: type[Any]) -> list[Any]:
    """The mapped columns of an ORM class, by attribute name: a column query's rows then
    read like the objects (`row.since_date`)."""
    return [getattr(model, attribute.key) for attribute in model.__mapper__.column_attrs]


class Query:
    """A SELECT compiled once per dialect; its rows are named tuples of its columns."""

    def __init__(
        self, statement: Select[*tuple[Any, ...]] | CompoundSelect[*tuple[Any, ...]]
    ) -> None:
        self.statement = statement
        self.names = tuple(statement.selected_columns.keys())
        self._prepared: dict[str, _Prepared] = {}

    def prepared(self, dialect: Dialect) -> _Prepared:
        prepared = self._prepared.get(dialect.name)
        if prepared is None:
            prepared = _Prepared(self.statement, dialect, self.names)
            self._prepared[dialect.name] = prepared
        return prepared


class Reader:
    """Runs queries on connections of the read-only engine's pool."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.dialect: Dialect = engine.sync_engine.dialect
        self.pool: Pool = engine.sync_engine.pool
        self.inline = self.dialect.name == "sqlite"

    async def all(self, query: Query, params: Mapping[str, Any]) -> list[Any]:
        prepared = query.prepared(self.dialect)
        sql, args = prepared.render(params)
        return prepared.rows(await self._fetch(sql, args))

    async def _fetch(self, sql: str, args: list[Any]) -> list[Any]:
        if self.inline:
            return cast(list[Any], await greenlet_spawn(self._sqlite, sql, args))
        return await self._asyncpg(sql, args)

    def _sqlite(self, sql: str, args: list[Any]) -> list[Any]:
        # In a greenlet: a pool that must wait for a connection awaits it there.
        connection = self.pool.connect()
        try:
            driver: Any = connection.driver_connection
            return cast(list[Any], driver.execute(sql, args).fetchall())
        finally:
            connection.close()

    async def _asyncpg(self, sql: str, args: list[Any]) -> list[Any]:
        connection = await greenlet_spawn(self.pool.connect)
        try:
            driver: Any = connection.driver_connection
            return cast(list[Any], await driver.fetch(sql, *args))
        except BaseException as exc:
            if _connection_lost(exc):
                await greenlet_spawn(connection.invalidate, exc)
            raise
        finally:
            await greenlet_spawn(connection.close)


class ConnectionReader(Reader):
    """A reader on one connection, inside its transaction: the test suite runs every request
    in the test's own uncommitted transaction, which no pooled connection could see. The same
    compiled statements, parameters and row conversion; only the driver call differs
    (aiosqlite in the tests, sqlite3 in the server)."""

    def __init__(self, connection: AsyncConnection) -> None:
        self.dialect = connection.dialect
        self.connection = connection

    async def _fetch(self, sql: str, args: list[Any]) -> list[Any]:
        raw: Any = (await self.connection.get_raw_connection()).driver_connection
        if self.dialect.name == "postgresql":
            return cast(list[Any], await raw.fetch(sql, *args))
        cursor = await raw.execute(sql, args)
        return cast(list[Any], await cursor.fetchall())


def _connection_lost(exc: BaseException) -> bool:
    try:
        import asyncpg
    except ImportError:  # pragma: no cover - asyncpg is a dependency
        return False
    return isinstance(
        exc, OSError | asyncpg.exceptions.ConnectionDoesNotExistError | asyncpg.InterfaceError
    )


async def fetch(session: AsyncSession, query: Query, params: Mapping[str, Any]) -> Sequence[Any]:
    """The query's rows in the request's unit of work: through the driver in a read-only one
    (a GET), through the session in one that may write, so it sees its own changes. Either
    way the rows carry the query's column names."""
    found: Reader | None = session.info.get(READER)
    if found is not None:
        return await found.all(query, params)
    return list((await session.execute(query.statement, params)).all())


async def fetch_first(session: AsyncSession, query: Query, params: Mapping[str, Any]) -> Any:
    rows = await fetch(session, query, params)
    return rows[0] if rows else None
