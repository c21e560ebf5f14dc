"""Every change of a resource that API clients hear about is written to the change log in the
flush that writes the change itself: same transaction, so no change without its record and
no record without its change, whichever code path made it (a client, a person in the SPA,
the worker). Core UPDATE/DELETE statements bypass this: none touch these tables (checked in
tests/backend/integration/test_changes.py)."""

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event, func
from sqlalchemy.orm import Session, UOWTransaction

from kindcentraal.activities.models import Enrolment
from kindcentraal.attendance.models import DailyAttendance
from kindcentraal.changes.models import ChangeRecord
from kindcentraal.changes.service import ChangedResource, ChangeKind
from kindcentraal.child.models import Child
from kindcentraal.consent.models import Consent
from kindcentraal.placement.models import Placement
from kindcentraal.rooms.models import Booking

# Per tracked class: the resource, the organisation whose clients hear of it (None: those of
# every organisation placing the child), and the child.
Describe = Callable[[Any], tuple[ChangedResource, uuid.UUID | None, uuid.UUID | None]]
TRACKED: dict[type, Describe] = {
    Placement: lambda p: (ChangedResource.PLACEMENT, p.organisation_id, p.child_id),
    DailyAttendance: lambda a: (ChangedResource.ATTENDANCE, a.organisation_id, a.child_id),
    Booking: lambda b: (ChangedResource.BOOKING, b.organisation_id, None),
    Enrolment: lambda e: (ChangedResource.ENROLMENT, None, e.child_id),
    Consent: lambda c: (ChangedResource.CONSENT, None, c.child_id),
    Child: lambda c: (ChangedResource.CHILD, None, c.id),
}


def _records(session: Session) -> list[ChangeRecord]:
    now = datetime.now(UTC)
    changes: list[tuple[Any, ChangeKind]] = [(o, ChangeKind.CREATED) for o in session.new]
    changes += [
        (o, ChangeKind.UPDATED)
        for o in session.dirty
        if type(o) in TRACKED and session.is_modified(o, include_collections=False)
    ]
    changes += [(o, ChangeKind.DELETED) for o in session.deleted]
    postgres = session.get_bind().dialect.name == "postgresql"
    records = []
    for obj, kind in changes:
        describe = TRACKED.get(type(obj))
        if describe is None:
            continue
        if obj.id is None:
            obj.id = uuid.uuid4()
        resource, organisation_id, child_id = describe(obj)
        records.append(
            ChangeRecord(
                tenant_id=obj.tenant_id,
                organisation_id=organisation_id,
                child_id=child_id,
                resource=resource.value,
                resource_id=obj.id,
                change=kind.value,
                occurred_at=now,
                tx_id=func.txid_current() if postgres else None,
            )
        )
    return records


@event.listens_for(Session, "before_flush")
def _record_changes(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    records = _records(session)
    if records:
        session.add_all(records)
