"""What changed, for whom: the change log's vocabulary and the rows a client may see."""

import enum

from sqlalchemy import ColumnElement, func, or_, true

from kindcentraal.changes.models import ChangeRecord
from kindcentraal.common.scopes import ApiScope


class ChangeKind(enum.StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    DELETED = "deleted"


class ChangedResource(enum.StrEnum):
    CHILD = "child"
    PLACEMENT = "placement"
    ATTENDANCE = "attendance"
    BOOKING = "booking"
    ENROLMENT = "enrolment"
    CONSENT = "consent"


# The webhook event type of each resource; a child's own changes are in the feed only.
EVENT_TYPES: dict[ChangedResource, str] = {
    ChangedResource.PLACEMENT: "placement.changed",
    ChangedResource.ATTENDANCE: "attendance.recorded",
    ChangedResource.BOOKING: "booking.changed",
    ChangedResource.ENROLMENT: "enrolment.changed",
    ChangedResource.CONSENT: "consent.changed",
}
EVENT_RESOURCES = {event: resource for resource, event in EVENT_TYPES.items()}

# A client hears of a change when it holds one of these scopes. A consent's change says only
# that what the client may see of the child changed: it is a child-reading client's business.
SCOPES_FOR_RESOURCE: dict[ChangedResource, frozenset[str]] = {
    ChangedResource.CHILD: frozenset({ApiScope.CHILDREN_READ}),
    ChangedResource.CONSENT: frozenset({ApiScope.CHILDREN_READ}),
    ChangedResource.PLACEMENT: frozenset({ApiScope.PLACEMENTS_READ, ApiScope.PLACEMENTS_WRITE}),
    ChangedResource.ATTENDANCE: frozenset({ApiScope.ATTENDANCE_WRITE}),
    ChangedResource.BOOKING: frozenset({ApiScope.BOOKINGS_READ, ApiScope.BOOKINGS_WRITE}),
    ChangedResource.ENROLMENT: frozenset({ApiScope.ACTIVITIES_READ}),
}


def resources_for_scopes(scopes: frozenset[str]) -> list[str]:
    return [r.value for r, needed in SCOPES_FOR_RESOURCE.items() if not needed.isdisjoint(scopes)]


def settled(dialect_name: str) -> ColumnElement[bool]:
    """Rows that can no longer be overtaken: on PostgreSQL a sequence number is taken at insert
    but becomes visible at commit, so a reader that moved past seq 11 while seq 10 was still
    uncommitted would never see 10. Rows of transactions older than every running one are safe.
    SQLite has one writer at a time: every committed row is settled."""
    if dialect_name != "postgresql":
        return true()
    horizon = func.txid_snapshot_xmin(func.txid_current_snapshot())
    # A transaction's own rows are settled for itself (a unit of work that wrote and reads).
    return or_(ChangeRecord.tx_id < horizon, ChangeRecord.tx_id == func.txid_current_if_assigned())


# --- The changes feed ---------------------------------------------------------------------

# Change records are kept this long; a cursor is valid for at least CURSOR_DAYS.
RETENTION_DAYS = 35
CURSOR_DAYS = 30
