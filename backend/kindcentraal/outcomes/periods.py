"""The periods of a report: months, terms or school years (1 August to 31 July), cut to the
report's window. Terms are the school year in three: August to November, December to March,
April to July."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property

from kindcentraal.outcomes.schemas import Interval
from kindcentraal.support.waiting import AMSTERDAM

TERM_STARTS = (8, 12, 4)  # months


@dataclass(frozen=True)
class Span:
    key: str
    first: date
    last: date

    @cached_property
    def starts(self) -> datetime:
        return midnight(self.first)

    @cached_property
    def ends(self) -> datetime:
        """The first moment after the span (local midnight after its last day)."""
        return midnight(self.last + timedelta(days=1))


def midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=AMSTERDAM)


def school_year_of(day: date) -> int:
    """The calendar year the school year of `day` began in."""
    return day.year if day.month >= 8 else day.year - 1


def default_start(today: date) -> date:
    """1 August two school years back: two whole school years and the one running."""
    return date(school_year_of(today) - 2, 8, 1)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _period_at(day: date, interval: Interval) -> tuple[str, date, date]:
    if interval == Interval.MONTH:
        first = date(day.year, day.month, 1)
        return f"{day.year}-{day.month:02d}", first, _add_months(first, 1) - timedelta(days=1)
    year = school_year_of(day)
    label = f"{year}-{year + 1}"
    if interval == Interval.SCHOOL_YEAR:
        return label, date(year, 8, 1), date(year + 1, 7, 31)
    starts = [date(year, 8, 1), date(year, 12, 1), date(year + 1, 4, 1), date(year + 1, 8, 1)]
    for number in range(3):
        if starts[number] <= day < starts[number + 1]:
            return (
                f"{label}-T{number + 1}",
                starts[number],
                starts[number + 1] - timedelta(days=1),
            )
    raise AssertionError("a day lies in one of the three terms")


def spans(first: date, last: date, interval: Interval) -> list[Span]:
    found = []
    day = first
    while day <= last:
        key, start, end = _period_at(day, interval)
        found.append(Span(key, max(start, first), min(end, last)))
        day = end + timedelta(days=1)
    return found
