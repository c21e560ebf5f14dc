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

from sqlalchemy import Connection, Date, and_, event, func, literal, select, update
from sqlalchemy.orm import Session, UOWTransaction

from kindcentraal.child.models import Child
from kindcentraal.common.roles import OrganisationType
from kindcentraal.organisation.models import Organisation
from kindcentraal.placement.models import Placement, PlacementKind

NO_END = date(9999, 12, 31)


def stays_update(child_ids: Iterable[uuid.UUID] | None = None) -> Any:
    """UPDATE child SET the four dates, for these children (None: every child)."""
    no_end = literal(NO_END, Date)
    school = and_(
        Placement.kind == PlacementKind.SCHOOL,
        Placement.organisation_id.in_(
            select(Organisation.id).where(Organisation.type == OrganisationType.SCHOOL)
        ),
    )
    own = Placement.child_id == Child.id
    statement = update(Child).values(
        stay_from=select(func.min(Placement.start_date)).where(own).scalar_subquery(),
        stay_until=select(func.max(func.coalesce(Placement.end_date, no_end)))
        .where(own)
        .scalar_subquery(),
        school_from=select(func.min(Placement.start_date)).where(own, school).scalar_subquery(),
        school_until=select(func.max(func.coalesce(Placement.end_date, no_end)))
        .where(own, school)
        .scalar_subquery(),
    )
    if child_ids is not None:
        statement = statement.where(Child.id.in_(list(child_ids)))
    return statement.execution_options(synchronize_session=False)


def refresh_stays(connection: Connection, child_ids: Iterable[uuid.UUID] | None = None) -> None:
    connection.execute(stays_update(child_ids))


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
