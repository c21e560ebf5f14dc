"""The manifest's checksums are the same for the same data on SQLite and PostgreSQL: every
table of the models, every column type, filled with the same generated rows on both."""

import asyncio
import datetime as dt
import decimal
import os
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Connection,
    Date,
    Enum,
    Float,
    ForeignKeyConstraint,
    Integer,
    Interval,
    LargeBinary,
    MetaData,
    Numeric,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
    Uuid,
    create_engine,
    text,
)
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from kindcentraal.backup.manifest import Contents, contents
from kindcentraal.config import Settings
from kindcentraal.db import Base, UTCDateTime

pytestmark = pytest.mark.skipif(
    os.environ.get("KC_TEST_DB") != "postgresql", reason="compares SQLite with PostgreSQL"
)
ROWS = 3
KEPT = (PrimaryKeyConstraint, ForeignKeyConstraint, UniqueConstraint)
NAMESPACE = uuid.UUID("6f1c2a3e-0000-4000-8000-000000000000")
EPOCH = dt.datetime(2026, 3, 29, 0, 30, 15, 123456, tzinfo=dt.UTC)


def _value(table: Table, column: Column[Any], row: int) -> Any:
    kind = column.type
    if isinstance(kind, Enum):
        return kind.enums[row % len(kind.enums)]
    if isinstance(kind, Uuid):
        return uuid.uuid5(NAMESPACE, f"{table.name}.{column.name}.{row}")
    if isinstance(kind, UTCDateTime):
        # Across the change to summer time in Amsterdam, with microseconds.
        return EPOCH + dt.timedelta(hours=row, microseconds=row)
    if isinstance(kind, Date):
        return dt.date(2026, 2, 27) + dt.timedelta(days=row)
    if isinstance(kind, Boolean):
        return row % 2 == 0
    if isinstance(kind, Integer | BigInteger):
        return row + 1
    if isinstance(kind, Float):
        return 12.5 + row / 3
    if isinstance(kind, Numeric):
        return decimal.Decimal("12.50") + row
    if isinstance(kind, Time):
        return dt.time(8, 30, row, row)
    if isinstance(kind, Interval):
        return dt.timedelta(days=row, seconds=1.5)
    if isinstance(kind, JSON):
        return {"b": [row, 2.5, "é"], "a": None, "nested": {"z": True, "y": "ü"}}
    if isinstance(kind, LargeBinary):
        return bytes([0, 255, row])
    if isinstance(kind, String | Text):
        length = getattr(kind, "length", None) or 40
        return f"{row}é-{table.name}"[:length]
    raise AssertionError(f"no generated value for {table.name}.{column.name}: {kind!r}")


def _schema() -> MetaData:
    """The models' tables without CHECK and exclusion constraints: generated rows ignore the
    rules between columns (a checksum does not care); every column and its type stay."""
    schema = MetaData(naming_convention=Base.metadata.naming_convention)
    for model in Base.metadata.sorted_tables:
        table = model.to_metadata(schema)
        for constraint in list(table.constraints):
            if not isinstance(constraint, KEPT):
                table.constraints.remove(constraint)
    return schema


def _fill(connection: Connection) -> None:
    for table in Base.metadata.sorted_tables:
        rows = [{c.name: _value(table, c, row) for c in table.columns} for row in range(ROWS)]
        connection.execute(table.insert(), rows)


def _sqlite(folder: Path) -> Contents:
    engine = create_engine(f"sqlite:///{folder / 'same.db'}", poolclass=NullPool)
    _schema().create_all(engine)
    with engine.begin() as connection:
        _fill(connection)
    with engine.connect() as connection:
        found = contents(connection)
    engine.dispose()
    return found


async def _postgresql(settings: Settings) -> Contents:
    name = f"same_{uuid.uuid4().hex[:8]}"
    admin = create_async_engine(
        settings.async_database_url, poolclass=NullPool, isolation_level="AUTOCOMMIT"
    )
    async with admin.connect() as connection:
        await connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine = create_async_engine(
        f"{settings.async_database_url.rsplit('/', 1)[0]}/{name}", poolclass=NullPool
    )
    try:
        async with engine.begin() as connection:
            await connection.execute(text("CREATE EXTENSION IF NOT EXISTS btree_gist"))
            await connection.run_sync(_schema().create_all)
            # The generated rows refer to rows that do not exist: no foreign-key triggers.
            await connection.execute(text("SET LOCAL session_replication_role = replica"))
            await connection.run_sync(_fill)
        async with engine.connect() as connection:
            return await connection.run_sync(contents)
    finally:
        await engine.dispose()
        async with admin.connect() as connection:
            await connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        await admin.dispose()


def test_the_same_rows_give_the_same_checksums_on_sqlite_and_postgresql(
    settings: Settings, tmp_path: Path
) -> None:
    on_sqlite = _sqlite(tmp_path)
    on_postgresql = asyncio.run(_postgresql(settings))
    assert set(on_sqlite.tables) == set(on_postgresql.tables) == set(Base.metadata.tables)
    assert all(t.rows == ROWS for t in on_sqlite.tables.values())
    differing = sorted(
        name for name, table in on_sqlite.tables.items() if on_postgresql.tables[name] != table
    )
    assert differing == []
    assert on_sqlite.seal_heads == on_postgresql.seal_heads != {}
