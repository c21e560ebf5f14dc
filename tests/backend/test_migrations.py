"""The migrations build exactly the models' schema, and downgrade cleanly, on both databases."""

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import AsyncEngine

from kindcentraal.cli import alembic_config
from kindcentraal.db import make_engine
from kindcentraal.models import Base


async def test_migrated_schema_matches_the_models(engine: AsyncEngine) -> None:
    def diff(sync_conn):  # type: ignore[no-untyped-def]
        context = MigrationContext.configure(sync_conn, opts={"compare_type": True})
        return compare_metadata(context, Base.metadata)

    async with engine.connect() as conn:
        assert await conn.run_sync(diff) == []


async def _tables(url: str) -> set[str]:
    engine = make_engine(url)
    async with engine.connect() as conn:
        names = await conn.run_sync(lambda sync: set(inspect(sync).get_table_names()))
    await engine.dispose()
    return names - {"alembic_version"}


def test_upgrade_downgrade_upgrade(empty_database: str) -> None:
    import asyncio

    config = alembic_config(empty_database)
    command.upgrade(config, "head")
    assert asyncio.run(_tables(empty_database)) == set(Base.metadata.tables)
    command.downgrade(config, "base")
    assert asyncio.run(_tables(empty_database)) == set()
    command.upgrade(config, "head")
    assert asyncio.run(_tables(empty_database)) == set(Base.metadata.tables)


async def test_sqlite_runs_with_foreign_keys_wal_and_full_sync(engine: AsyncEngine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite pragmas")
    async with engine.connect() as conn:
        assert (await conn.exec_driver_sql("PRAGMA foreign_keys")).scalar() == 1
        assert (await conn.exec_driver_sql("PRAGMA journal_mode")).scalar() == "wal"
        assert (await conn.exec_driver_sql("PRAGMA synchronous")).scalar() == 2  # FULL
