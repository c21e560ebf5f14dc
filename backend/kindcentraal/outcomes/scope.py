"""Who reports on which centres, over which periods; the periods as SQL."""

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from operator import attrgetter
from typing import Any, Protocol

from sqlalchemy import (
    Date,
    DateTime,
    String,
    and_,
    case,
    func,
    literal,
    select,
    type_coerce,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement, Grouping

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
    dialect: str = "sqlite"  # how periods are found in SQL (`first_period`)

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
        dialect=session.get_bind().dialect.name,
    )


# --- Periods in SQL ----------------------------------------------------------------------
Threshold = Callable[[Span], date]  # a span's day or moment, rising with the spans

ENDS: Threshold = attrgetter("ends")
STARTS: Threshold = attrgetter("starts")
FIRST: Threshold = attrgetter("first")
LAST: Threshold = attrgetter("last")


def first_period(
    value: Any, scope: Scope, threshold: Threshold, *, inclusive: bool = False
) -> ColumnElement[int]:
    """The number of the first period whose threshold lies beyond the value (`value <
    threshold`; with `inclusive`, `value <= threshold`): the count of periods when none does,
    or the value is null.

    PostgreSQL finds it with `width_bucket` over the thresholds as one array parameter: a
    binary search per row instead of a CASE of one test per period (a report by month has 29;
    100,000 children were 58 tests each), and one statement for any number of periods.
    Elsewhere it is that CASE."""
    count = len(scope.spans)
    limits = [threshold(span) for span in scope.spans]
    if scope.dialect != "postgresql":
        tests = [value <= limit if inclusive else value < limit for limit in limits]
        return case(*[(test, number) for number, test in enumerate(tests)], else_=count)
    # width_bucket counts the thresholds at or under the value: the periods the value is not
    # below. `value <= t` is `value < t + one step` (a day, or PostgreSQL's microsecond).
    moments = bool(limits) and isinstance(limits[0], datetime)
    if inclusive:
        step = timedelta(microseconds=1) if moments else timedelta(days=1)
        limits = [limit + step for limit in limits]
    kind = ARRAY(DateTime(timezone=True)) if moments else ARRAY(Date)
    return func.coalesce(func.width_bucket(value, literal(limits, kind)), count)


def bucket(column: Any, scope: Scope) -> ColumnElement[Any]:
    """The key of the period a moment falls in (null outside the window)."""
    if scope.dialect != "postgresql":
        return case(*[(column < span.ends, span.key) for span in scope.spans], else_=None)
    # `($1::VARCHAR[])[i]`: arrays count from 1; past the last period i is out of range: null.
    keys = type_coerce(
        Grouping(literal([span.key for span in scope.spans], ARRAY(String))), ARRAY(String)
    )
    return keys[first_period(column, scope, ENDS) + 1]


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
def moments_bounds(starts: Any, ends: Any, scope: Scope) -> tuple[Any, Any]:
    """(a, b): something from `starts` to `ends` (null: still going) overlaps the periods
    a <= p < b."""
    return (
        first_period(starts, scope, ENDS),
        first_period(ends, scope, STARTS),
    )


def days_bounds(first: Any, last: Any, scope: Scope) -> tuple[Any, Any]:
    """(a, b) for a stretch of days from `first` to `last` (null: no end), both inclusive."""
    return (
        first_period(first, scope, LAST, inclusive=True),
        first_period(last, scope, FIRST),
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
