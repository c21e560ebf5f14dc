"""A child's stay at the centre, kept on the child row: from its first placement's start to
its last placement's end, and the same for school placements at a school. The outcome reports
count a centre's children in a period from these four dates, in one scan of the children
instead of grouping every placement per child (docs/outcomes.md).

Kept in step by a flush hook: any flush that adds, changes or deletes placements recomputes
the stays of their children in the same transaction. Loaders that insert placements without
the ORM call `refresh_stays` themselves.
"""

import uuid
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import Connection, Date, and_, case, event, func, literal, select, update
from sqlalchemy.orm import Session, UOWTransaction

from kindcentraal.child.models import Child
from kindcentraal.common.roles import OrganisationType
from kindcentraal.organisation.models import Organisation
from kindcentraal.placement.models import Placement, PlacementKind

NO_END = date(9999, 12, 31)


def stays_updates(child_ids: Iterable[uuid.UUID] | None = None) -> list[Any]:
    """The statements that set the four dates for these children (None: every child): clear
    them, then fill them from the placements grouped per child, set-based (UPDATE ... FROM),
    so that a whole municipality is one pass and not a query per child."""
    no_end = literal(NO_END, Date)
    school = and_(
        Placement.kind == PlacementKind.SCHOOL,
        Placement.organisation_id.in_(
            select(Organisation.id).where(Organisation.type == OrganisationType.SCHOOL)
        ),
    )
    until = func.coalesce(Placement.end_date, no_end)
    stays = select(
        Placement.child_id.label("child_id"),
        func.min(Placement.start_date).label("stay_from"),
        func.max(until).label("stay_until"),
        func.min(case((school, Placement.start_date))).label("school_from"),
        func.max(case((school, until))).label("school_until"),
    ).group_by(Placement.child_id)
    clear = update(Child).values(
        stay_from=None, stay_until=None, school_from=None, school_until=None
    )
    if child_ids is not None:
        ids = list(child_ids)
        stays = stays.where(Placement.child_id.in_(ids))
        clear = clear.where(Child.id.in_(ids))
    found = stays.subquery()
    fill = (
        update(Child)
        .where(Child.id == found.c.child_id)
        .values(
            stay_from=found.c.stay_from,
            stay_until=found.c.stay_until,
            school_from=found.c.school_from,
            school_until=found.c.school_until,
        )
    )
    return [statement.execution_options(synchronize_session=False) for statement in (clear, fill)]


def refresh_stays(connection: Connection, child_ids: Iterable[uuid.UUID] | None = None) -> None:
    for statement in stays_updates(child_ids):
        connection.execute(statement)


@event.listens_for(Session, "before_flush")
def _remember_children(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    touched = {
        obj.child_id
        for obj in (*session.new, *session.dirty, *session.deleted)
        if isinstance(obj, Placement) and obj.child_id is not None
    }
    if touched:
        session.info.setdefault(_TOUCHED, set()).update(touched)


@event.listens_for(Session, "after_flush_postexec")
def _refresh_touched(session: Session, _flush: UOWTransaction) -> None:
    touched = session.info.pop(_TOUCHED, None)
    if touched:
        refresh_stays(session.connection(), touched)


_TOUCHED = "kindcentraal.placement.stays.touched"
