"""Driver writes store exactly what SQLAlchemy's own insert stores, on both databases: the
access log's rows read back equal through the ORM, also past one SQLite statement's chunk."""

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal import driver_writes
from kindcentraal.audit import service as audit
from kindcentraal.audit.models import AuditEvent, AuditEventChild, AuditPending
from tests.backend.factories import World


def _rows(table: Table, rows: list[Any]) -> list[dict[str, Any]]:
    return [{column.key: getattr(row, column.key) for column in table.columns} for row in rows]


async def _read(session: AsyncSession, table: Table, where: Any) -> list[dict[str, Any]]:
    found = (await session.execute(select(table).where(where).order_by(*table.primary_key))).all()
    return _rows(table, list(found))


async def test_an_event_reads_back_as_the_orm_insert_stores_it(
    session: AsyncSession, world: World
) -> None:
    actor = audit.Actor(
        tenant_id=world.tenant.id,
        user_id=world.teacher.id,
        organisation_id=world.school.id,
        role="teacher",
        on_behalf_of=None,
        origin_ip="192.0.2.7",
    )
    children = [world.pupil.id, world.toddler.id]
    when = datetime(2026, 3, 29, 0, 59, 59, 123456, tzinfo=UTC)  # the night of DST
    through_driver = audit.build_event(
        actor, resource="child", action="read", child_ids=children, parts=["consents"], basis="x"
    )
    through_orm = audit.build_event(
        actor, resource="child", action="read", child_ids=children, occurred_at=when, basis=None
    )
    await audit.write_events(session, through_driver)
    connection = await session.connection()
    for table, rows in audit.event_tables(through_orm):
        await connection.execute(insert(table), rows)

    for rows in (through_driver, through_orm):
        event_id = rows.events[0]["id"]
        event = cast_table(AuditEvent)
        stored = await _read(session, event, event.c.id == event_id)
        assert stored == [
            {key: rows.events[0][key] for key in [column.key for column in event.columns]}
        ]
        child_table = cast_table(AuditEventChild)
        stored_children = await _read(session, child_table, child_table.c.event_id == event_id)
        assert sorted(stored_children, key=lambda r: str(r["child_id"])) == sorted(
            rows.children, key=lambda r: str(r["child_id"])
        )
        pending = cast_table(AuditPending)
        assert await _read(session, pending, pending.c.event_id == event_id) == rows.pending
    # The stored hash still matches the stored content: the log verifies.
    stored_event = await session.get(AuditEvent, through_driver.events[0]["id"])
    assert stored_event is not None
    assert audit.event_hash(stored_event) == stored_event.hash


async def test_many_rows_span_several_statements_and_keep_each_value(
    session: AsyncSession, world: World
) -> None:
    """More rows than one SQLite statement carries; consecutive rows share some values (the
    converter reuses a value converted for the previous row only when it is the same)."""
    actor = audit.Actor(tenant_id=world.tenant.id, user_id=world.teacher.id, role="teacher")
    start = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    batch = audit.EventRows()
    count = driver_writes.SQLITE_ROWS_PER_STATEMENT + 37
    for index in range(count):
        batch.extend(
            audit.build_event(
                actor,
                resource="child",
                action="list",
                child_ids=[world.pupil.id] if index % 2 else [],
                basis=f"batch {index}",
                occurred_at=start + timedelta(seconds=index // 3),
            )
        )
    await audit.write_events(session, batch)

    event = cast_table(AuditEvent)
    ids = [row["id"] for row in batch.events]
    stored = {row["id"]: row for row in await _read(session, event, event.c.id.in_(ids))}
    assert len(stored) == count
    for row in batch.events:
        assert stored[row["id"]] == {
            key: row[key] for key in [column.key for column in event.columns]
        }
    child_table = cast_table(AuditEventChild)
    stored_children = await _read(session, child_table, child_table.c.event_id.in_(ids))
    assert len(stored_children) == len(batch.children) == count // 2
    assert {(r["event_id"], r["occurred_at"]) for r in stored_children} == {
        (r["event_id"], r["occurred_at"]) for r in batch.children
    }


def test_one_statement_per_chunk_on_sqlite() -> None:
    from sqlalchemy.dialects import sqlite

    table = cast_table(AuditPending)
    rows = [
        {"event_id": uuid.uuid4(), "tenant_id": uuid.UUID(int=1)}
        for _ in range(driver_writes.SQLITE_ROWS_PER_STATEMENT * 2 + 1)
    ]
    statements = driver_writes._statements(table, rows, sqlite.dialect())
    assert [len(parameters) for _, parameters in statements] == [
        driver_writes.SQLITE_ROWS_PER_STATEMENT * 2,
        driver_writes.SQLITE_ROWS_PER_STATEMENT * 2,
        2,
    ]
    assert statements[-1][1] == (rows[-1]["event_id"].hex, uuid.UUID(int=1).hex)


def cast_table(model: Any) -> Table:
    table: Table = model.__table__
    return table
