"""Many-row inserts on the driver: the access log's rows, written by every audited request.

A Core `insert()` executed for many rows runs each row's parameters through SQLAlchemy's
execution context, one processor call per value: for an access-log batch (an event names up to
50 children, each a row of the child index) that was about 0.6 ms of Python per event, held
under the GIL while the event loop waited. Here the INSERT is compiled once per table, column
set and dialect by SQLAlchemy itself; a write converts each value with the column type's own
bind processor (the value SQLAlchemy would have sent) and hands the driver one statement:
- SQLite: one multi-row `VALUES` statement per chunk. An executemany would let the driver
  release and retake the GIL around every row, and a busy event loop made each retake wait;
- PostgreSQL: the driver's executemany (asyncpg pipelines it).
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection

# SQLite's limit on one statement's parameters is 32,766; a chunk stays far below it.
SQLITE_ROWS_PER_STATEMENT = 400

Processor = Callable[[Any], Any] | None


@dataclass(frozen=True)
class _Prepared:
    sql: str  # one row's INSERT, in the driver's parameter style
    prefix: str  # `INSERT INTO t (a, b) VALUES ` (SQLite: the multi-row form)
    row: str  # `(?, ?)` (SQLite: one row of the multi-row form)
    keys: tuple[str, ...]
    processors: tuple[Processor, ...]


_PREPARED: dict[tuple[str, str, tuple[str, ...]], _Prepared] = {}


def _prepare(table: Table, keys: tuple[str, ...], dialect: Dialect) -> _Prepared:
    cache_key = (table.name, dialect.name, keys)
    prepared = _PREPARED.get(cache_key)
    if prepared is not None:
        return prepared
    columns = [table.c[key] for key in keys]
    statement = insert(table).values({c.key: bindparam(c.key, type_=c.type) for c in columns})
    compiled = statement.compile(dialect=dialect)
    order = tuple(compiled.positiontup or ())
    if set(order) != set(keys):  # pragma: no cover - every column is one positional bind
        raise ValueError(f"unexpected parameters in {compiled}")
    sql = str(compiled)
    head, _, values = sql.partition(" VALUES ")
    prepared = _Prepared(
        sql=sql,
        prefix=f"{head} VALUES ",
        row=values,
        keys=order,
        processors=tuple(
            table.c[key].type.dialect_impl(dialect).bind_processor(dialect) for key in order
        ),
    )
    _PREPARED[cache_key] = prepared
    return prepared


def _converter(prepared: _Prepared) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """Converts rows in order; a value that is the same object as the previous row's in that
    column (an event's id, tenant and time on each of its child rows) is converted once."""
    last: list[Any] = [_UNSET] * len(prepared.keys)
    converted: list[Any] = [None] * len(prepared.keys)
    columns = tuple(enumerate(zip(prepared.keys, prepared.processors, strict=True)))

    def convert(row: Mapping[str, Any]) -> tuple[Any, ...]:
        for position, (key, process) in columns:
            value = row[key]
            if process is None:
                converted[position] = value
            elif value is not last[position]:
                last[position] = value
                converted[position] = process(value)
        return tuple(converted)

    return convert


_UNSET = object()


def _statements(
    table: Table, rows: Sequence[Mapping[str, Any]], dialect: Dialect
) -> list[tuple[str, Any]]:
    """(sql, parameters) pairs that insert the rows: parameters are one tuple (SQLite's
    multi-row statement) or a list of tuples (an executemany)."""
    if not rows:
        return []
    prepared = _prepare(table, tuple(rows[0]), dialect)
    convert = _converter(prepared)
    if dialect.name != "sqlite":
        return [(prepared.sql, [convert(row) for row in rows])]
    statements = []
    for start in range(0, len(rows), SQLITE_ROWS_PER_STATEMENT):
        chunk = rows[start : start + SQLITE_ROWS_PER_STATEMENT]
        flat: list[Any] = []
        for row in chunk:
            flat.extend(convert(row))
        sql = prepared.prefix + ", ".join([prepared.row] * len(chunk))
        statements.append((sql, tuple(flat)))
    return statements


def insert_rows(connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert the rows (dicts with the same keys) in the connection's transaction."""
    for sql, parameters in _statements(table, rows, connection.dialect):
        connection.exec_driver_sql(sql, parameters)


async def insert_rows_async(
    connection: AsyncConnection, table: Table, rows: Sequence[Mapping[str, Any]]
) -> None:
    """The same on an async connection."""
    for sql, parameters in _statements(table, rows, connection.dialect):
        await connection.exec_driver_sql(sql, parameters)
