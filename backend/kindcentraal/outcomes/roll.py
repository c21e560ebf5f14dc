"""The centres' rolls: how many children (and pupils) a centre had in a period or on a
period's last day, and how many of them had a contact person then.

One scan of the children: each child row carries its stay (kindcentraal.placement.stays), and
the database places each stay by the periods it began and ended in and counts children per
centre and placing. Only those counts come out, never a child.
"""

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import case, func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.child.models import Child, ContactPersonAssignment
from kindcentraal.outcomes.scope import ENDS, FIRST, LAST, Scope, first_period

LONG_AGO = datetime(1900, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Placing:
    """Children of one centre whose stay overlaps periods `begins` <= p < `ends_before`, and
    lasts past the last day of periods `begins` <= p < `on_end_before`; the same for their
    school placements; covered by a contact person from period `covered_from` on."""

    centre_id: uuid.UUID
    begins: int
    ends_before: int
    on_end_before: int
    school_begins: int
    school_on_end_before: int
    covered_from: int
    children: int


@dataclass
class Roll:
    placings: list[Placing]
    periods: int
    _in: dict[int | None, dict[uuid.UUID, int]] = field(default_factory=dict)
    _pupils: dict[tuple[uuid.UUID, int], int] | None = None

    def children_in(self, centres: Iterable[uuid.UUID], period: int | None) -> int:
        """Children with a placement during period number `period` (None: the whole
        window), counted once per period: every cell of a table asks."""
        per_centre = self._in.get(period)
        if per_centre is None:
            per_centre = defaultdict(int)
            for p in self.placings:
                if period is None:
                    inside = p.begins < self.periods and p.ends_before > 0
                else:
                    inside = p.begins <= period < p.ends_before
                if inside:
                    per_centre[p.centre_id] += p.children
            self._in[period] = per_centre
        return sum(per_centre.get(centre, 0) for centre in centres)

    def children_on(self, centres: Iterable[uuid.UUID], period: int) -> tuple[int, int]:
        """Children placed on the last day of period number `period`, and how many of them
        had a contact person."""
        wanted = set(centres)
        placed = covered = 0
        for p in self.placings:
            if p.centre_id in wanted and p.begins <= period < p.on_end_before:
                placed += p.children
                if p.covered_from <= period:
                    covered += p.children
        return placed, covered

    def pupils_on(self, centre: uuid.UUID, period: int) -> int:
        if self._pupils is None:
            self._pupils = defaultdict(int)
            for p in self.placings:
                for number in range(
                    max(p.school_begins, 0), min(p.school_on_end_before, self.periods)
                ):
                    self._pupils[(p.centre_id, number)] += p.children
        return self._pupils.get((centre, period), 0)


async def roll_of(session: AsyncSession, scope: Scope) -> Roll:
    """A child counts as covered from its first contact person on, if it has one now."""
    first_contact = (
        select(
            ContactPersonAssignment.child_id.label("child_id"),
            func.min(ContactPersonAssignment.started_at).label("started_at"),
        )
        .where(ContactPersonAssignment.tenant_id == scope.tenant_id)
        .group_by(ContactPersonAssignment.child_id)
        .subquery()
    )
    covered_since = case(
        (
            Child.contact_person_id.is_not(None),
            func.coalesce(
                first_contact.c.started_at,
                Child.contact_person_since,
                literal(LONG_AGO, Child.contact_person_since.type),
            ),
        ),
    )
    columns: list[Any] = [
        first_period(Child.stay_from, scope, LAST, inclusive=True),
        first_period(Child.stay_until, scope, FIRST),
        first_period(Child.stay_until, scope, LAST),
        first_period(Child.school_from, scope, LAST, inclusive=True),
        first_period(Child.school_until, scope, LAST),
        first_period(covered_since, scope, ENDS),
    ]
    rows = await session.execute(
        select(Child.centre_id, *columns, func.count())
        .outerjoin(first_contact, first_contact.c.child_id == Child.id)
        .where(Child.tenant_id == scope.tenant_id, Child.stay_from.is_not(None))
        .group_by(Child.centre_id, *columns)
    )
    return Roll([Placing(*row) for row in rows.all()], len(scope.spans))


def children_for(roll: Roll, scope: Scope, key: tuple[str, object, object]) -> int:
    """The children a cell's rate is per: the series' centres in the period, or the centre
    over the whole window."""
    view, where, _ = key
    if view == "s":
        return roll.children_in(scope.series_centres, scope.period_number(str(where)))
    return roll.children_in([where], None)  # type: ignore[list-item]
