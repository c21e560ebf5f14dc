"""Periods in SQL: PostgreSQL's `width_bucket` over one array of thresholds places every value
in the same period as the portable CASE, at and around each threshold, before and after the
window and for nulls; and the report's independent reads run side by side on the server."""

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Date, DateTime, literal, null, select, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from kindcentraal.db import Database, read_concurrently
from kindcentraal.errors import InvalidInput
from kindcentraal.outcomes.periods import Span, spans
from kindcentraal.outcomes.scope import ENDS, FIRST, LAST, STARTS, Scope, bucket, first_period
from kindcentraal.support.waiting import AMSTERDAM
from tests.backend.conftest import _backend

postgresql_only = pytest.mark.skipif(
    _backend() != "postgresql", reason="width_bucket is PostgreSQL's; SQLite uses the CASE"
)


def _scope(dialect: str, interval: str = "month") -> Scope:
    periods = spans(date(2025, 8, 1), date(2026, 7, 31), interval)  # type: ignore[arg-type]
    return Scope(
        tenant_id=uuid.UUID(int=1),
        centres={},
        series_centres=set(),
        managed=set(),
        spans=periods,
        window=Span("all", periods[0].first, periods[-1].last),
        trajectory_type=None,
        threshold=10,
        dialect=dialect,
    )


def _days(scope: Scope) -> list[date | None]:
    """Every threshold day, the days either side of it, far before and after, and null."""
    found: set[date] = {date(1990, 1, 1), date(2040, 1, 1)}
    for span in scope.spans:
        for day in (span.first, span.last):
            found |= {day - timedelta(days=1), day, day + timedelta(days=1)}
    return [*sorted(found), None]


def _moments(scope: Scope) -> list[datetime | None]:
    found: set[datetime] = {datetime(1990, 1, 1, tzinfo=UTC), datetime(2040, 1, 1, tzinfo=UTC)}
    for span in scope.spans:
        for moment in (span.starts, span.ends):
            step = timedelta(microseconds=1)
            found |= {moment - step, moment, moment + step, moment + timedelta(hours=5)}
    return [*sorted(found), None]


async def _both(connection: AsyncConnection, make: Any, values: list[Any], kind: Any) -> None:
    portable, postgresql = _scope("sqlite"), _scope("postgresql")
    for value in values:
        operand = literal(value, kind) if value is not None else null().cast(kind)
        expected = (await connection.execute(select(make(operand, portable)))).scalar()
        found = (await connection.execute(select(make(operand, postgresql)))).scalar()
        assert found == expected, (value, found, expected)


# Days against a span's first or last day; moments against its first or first-after moment.
DAYS = (_days, Date)
MOMENTS = (_moments, DateTime(timezone=True))


@postgresql_only
@pytest.mark.parametrize(
    ("threshold", "values"), [(FIRST, DAYS), (LAST, DAYS), (STARTS, MOMENTS), (ENDS, MOMENTS)]
)
@pytest.mark.parametrize("inclusive", [False, True])
async def test_values_fall_in_the_same_period_both_ways(
    connection: AsyncConnection, threshold: Any, values: Any, inclusive: bool
) -> None:
    make_values, kind = values
    await _both(
        connection,
        lambda value, scope: first_period(value, scope, threshold, inclusive=inclusive),
        make_values(_scope("sqlite")),
        kind,
    )


@postgresql_only
async def test_a_moment_gets_the_same_period_key_both_ways(connection: AsyncConnection) -> None:
    await _both(connection, bucket, _moments(_scope("sqlite")), DateTime(timezone=True))
    # and the keys are the spans' own: a moment in March 2026 (local time) is in "2026-03"
    scope = _scope("postgresql")
    march = datetime(2026, 3, 1, 0, 30, tzinfo=AMSTERDAM)
    key = (await connection.execute(select(bucket(literal(march, DateTime(True)), scope)))).scalar()
    assert key == next(span.key for span in scope.spans if span.first == date(2026, 3, 1))


async def _backend_pid(session: AsyncSession) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return (await session.execute(text("SELECT pg_backend_pid()"))).scalar()
    return id(await session.connection())


@pytest.fixture
async def database(migrated: str) -> AsyncIterator[Database]:
    """The server's own Database on the test database: pooled sessions, as in production."""
    found = Database(migrated)
    yield found
    await found.dispose()


async def test_reads_run_side_by_side_on_postgresql_and_in_turn_elsewhere(
    database: Database,
) -> None:
    async with database.session(read_only=True) as session:
        own = await _backend_pid(session)
        first, second = await read_concurrently(session, _backend_pid, _backend_pid)
    if _backend() == "postgresql":  # each read on a backend of its own
        assert len({own, first, second}) == 3
    else:  # SQLite: in the unit of work's own session
        assert first == second == own


async def test_a_failing_read_fails_the_request_as_itself(database: Database) -> None:
    async def refused(_: AsyncSession) -> None:
        raise InvalidInput.field("to", "invalidPeriod", "wrong", "query")

    async with database.session(read_only=True) as session:
        with pytest.raises(InvalidInput):
            await read_concurrently(session, _backend_pid, refused)
