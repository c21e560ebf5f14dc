"""The child-identity migration where a municipality already has a BSN twice: the rest is
built, the unique index left out; `kindcentraal bsn-index` builds it once the records are
merged (docs/erasure.md)."""

import asyncio

import pytest
from alembic import command
from sqlalchemy import inspect, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.child.identity import BSN_INDEX, build_bsn_index
from kindcentraal.child.models import Child
from kindcentraal.cli import alembic_config
from kindcentraal.db import make_engine
from tests.backend.factories import make_centre, make_child, make_tenant

BSN = "123456782"


async def _register_twice(url: str) -> list[object]:
    engine = make_engine(url)
    async with AsyncSession(engine, expire_on_commit=False) as session, session.begin():
        tenant = await make_tenant(session)
        centre = await make_centre(session, tenant)
        children = [await make_child(session, centre, bsn=BSN) for _ in range(2)]
        ids = [child.id for child in children]
    await engine.dispose()
    return ids


async def _indexes(url: str) -> set[str]:
    engine = make_engine(url)
    async with engine.connect() as conn:
        names = await conn.run_sync(
            lambda sync: {index["name"] for index in inspect(sync).get_indexes("child")}
        )
    await engine.dispose()
    return {str(name) for name in names}


async def _build(url: str, *, clear: object | None = None) -> int:
    engine = make_engine(url)
    async with AsyncSession(engine) as session, session.begin():
        if clear is not None:
            await session.execute(update(Child).where(Child.id == clear).values(bsn=None))
        twice = await build_bsn_index(session)
    await engine.dispose()
    return twice


async def _add_again(url: str, child_id: object) -> None:
    engine = make_engine(url)
    try:
        async with AsyncSession(engine) as session, session.begin():
            await session.execute(update(Child).where(Child.id == child_id).values(bsn=BSN))
    finally:
        await engine.dispose()


def test_duplicates_leave_the_index_out_until_they_are_merged(empty_database: str) -> None:
    config = alembic_config(empty_database)
    command.upgrade(config, "e14b00000001")
    _first, second = asyncio.run(_register_twice(empty_database))
    command.upgrade(config, "head")
    assert BSN_INDEX not in asyncio.run(_indexes(empty_database))
    # Refused while the number is held twice (counts only), built once it is not.
    assert asyncio.run(_build(empty_database)) == 1
    assert asyncio.run(_build(empty_database, clear=second)) == 0
    assert BSN_INDEX in asyncio.run(_indexes(empty_database))
    with pytest.raises(IntegrityError):
        asyncio.run(_add_again(empty_database, second))
