"""Who reports on which centres, over which periods; the periods as SQL."""

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from sqlalchemy import (
    and_,
    case,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from kindcentraal.auth.principal import Principal
from kindcentraal.centre.models import ChildCentre
from kindcentraal.consent.models import TrajectoryType
from kindcentraal.db import utcnow
from kindcentraal.errors import InvalidInput
from kindcentraal.outcomes import policy
from kindcentraal.outcomes.cube import Cube
from kindcentraal.outcomes.periods import Span, default_start, spans
from kindcentraal.outcomes.schemas import (
    Cell,
    Interval,
)
from kindcentraal.support.models import (
    SupportTrajectory,
)
from kindcentraal.support.waiting import AMSTERDAM
from kindcentraal.tenant.models import Tenant

MAX_DAYS = 6 * 366
AGE_BANDS = (("0-3", 4), ("4-6", 7), ("7-9", 10), ("10-13", None))


async def threshold_of(session: AsyncSession, tenant_id: uuid.UUID) -> int:
    value = await session.scalar(select(Tenant.small_cell_threshold).where(Tenant.id == tenant_id))
    return max(5, value or 10)


# --- Who reports on what -----------------------------------------------------------------
@dataclass
class Scope:
    tenant_id: uuid.UUID
    centres: dict[uuid.UUID, str]  # the comparison: every centre of the municipality
    series_centres: set[uuid.UUID]
    managed: set[uuid.UUID]  # the caller's own centres: caseload is shown for these only
    spans: list[Span]
    window: Span
    trajectory_type: TrajectoryType | None
    threshold: int

    @property
    def first(self) -> datetime:
        return self.window.starts

    @property
    def after(self) -> datetime:
        return self.window.ends

    def period_number(self, key: str) -> int:
        return next(number for number, span in enumerate(self.spans) if span.key == key)

    def cube(self, groups: Sequence[str]) -> Cube:
        return Cube(
            series_centres=self.series_centres,
            periods=[span.key for span in self.spans],
            centres=list(self.centres),
            groups=list(groups),
        )


async def scope_of(
    session: AsyncSession,
    principal: Principal,
    centre_id: uuid.UUID | None,
    start: date | None,
    end: date | None,
    interval: Interval,
    trajectory_type: TrajectoryType | None,
) -> Scope:
    today = utcnow().astimezone(AMSTERDAM).date()
    last = end or today
    first = start or default_start(last)
    if last < first or (last - first).days > MAX_DAYS:
        raise InvalidInput.field(
            "to", "invalidPeriod", "`to` is on or after `from`, at most six years on.", "query"
        )
    periods = spans(first, last, interval)
    centres = {
        row.id: row.name
        for row in (
            await session.execute(
                select(ChildCentre.id, ChildCentre.name)
                .where(ChildCentre.tenant_id == principal.tenant_id)
                .order_by(ChildCentre.name, ChildCentre.id)
            )
        ).all()
    }
    readers = policy.readership(principal, centres)
    return Scope(
        tenant_id=principal.tenant_id,
        centres=centres,
        series_centres=set(policy.series_centres(readers, centre_id)),
        managed=set(readers.managed),
        spans=periods,
        window=Span("all", first, last),
        trajectory_type=trajectory_type,
        threshold=await threshold_of(session, principal.tenant_id),
    )


# --- Periods in SQL ----------------------------------------------------------------------
def bucket(column: Any, scope: Scope) -> ColumnElement[Any]:
    """The key of the period a moment falls in (null outside the window)."""
    return case(*[(column < span.ends, span.key) for span in scope.spans], else_=None)


def in_window(column: Any, scope: Scope) -> ColumnElement[bool]:
    return and_(column >= scope.first, column < scope.after)


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def trajectory_filter(scope: Scope) -> list[ColumnElement[bool]]:
    found = [SupportTrajectory.tenant_id == scope.tenant_id]
    if scope.trajectory_type is not None:
        found.append(SupportTrajectory.type == scope.trajectory_type)
    return found


def primary(value: int | None, threshold: int) -> Cell:
    if value is not None and 0 < value < threshold:
        return Cell(value=None, suppressed=True)
    return Cell(value=value)


# --- Periods by number -------------------------------------------------------------------
def first_period(condition: Callable[[Span], ColumnElement[bool]], scope: Scope) -> Any:
    """The number of the first period for which `condition(span)` holds in SQL (the count of
    periods when none does, or the value is null)."""
    return case(
        *[(condition(span), number) for number, span in enumerate(scope.spans)],
        else_=len(scope.spans),
    )


def moments_bounds(starts: Any, ends: Any, scope: Scope) -> tuple[Any, Any]:
    """(a, b): something from `starts` to `ends` (null: still going) overlaps the periods
    a <= p < b."""
    return (
        first_period(lambda span: starts < span.ends, scope),
        first_period(lambda span: ends < span.starts, scope),
    )


def days_bounds(first: Any, last: Any, scope: Scope) -> tuple[Any, Any]:
    """(a, b) for a stretch of days from `first` to `last` (null: no end), both inclusive."""
    return (
        first_period(lambda span: first <= span.last, scope),
        first_period(lambda span: last < span.first, scope),
    )


def numbers_within(begins: int, ends_before: int, scope: Scope) -> range:
    return range(max(begins, 0), min(ends_before, len(scope.spans)))


def within_window(begins: int, ends_before: int, scope: Scope) -> bool:
    return begins < len(scope.spans) and ends_before > 0


class Adds(Protocol):
    def add(self, centre: uuid.UUID, key: str, name: str, number: int, /) -> None: ...


def spread(
    target: Adds, scope: Scope, centre: uuid.UUID, name: str, begins: int, ends_before: int, n: int
) -> None:
    """Count `n` in every period a <= p < b, and in the window when they overlap it."""
    for period in numbers_within(begins, ends_before, scope):
        target.add(centre, scope.spans[period].key, name, n)
    if within_window(begins, ends_before, scope):
        target.add(centre, scope.window.key, name, n)
