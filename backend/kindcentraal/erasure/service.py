"""Erasure on request (AVG art. 17): what of a child's file can go, what must stay and why,
and the erasure itself as one unit of work with its outcome recorded.

Erasing deletes what no report counts and anonymises what the outcome reports count (the
dates, kinds and outcomes stay; texts, subjects and the links to other people go), so a report
over a past period gives the same figures before and after. Every statement is set-based: one
statement per kind of row, whatever the number of rows.
"""

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Table, and_, delete, func, insert, literal, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.selectable import ScalarSelect

from kindcentraal.activities.models import Enrolment, EnrolmentStatus, SessionAttendance
from kindcentraal.announcements.models import AnnouncementRecipientChild
from kindcentraal.attachments.models import Attachment
from kindcentraal.attendance.models import Absence, DailyAttendance
from kindcentraal.audit.models import AuditEventChild
from kindcentraal.auth.principal import Principal
from kindcentraal.careteam.models import CareTeamMember
from kindcentraal.changes.models import ChangeRecord
from kindcentraal.changes.service import ChangedResource, ChangeKind
from kindcentraal.child import service as child_service
from kindcentraal.child.models import Child, ContactPersonAssignment, Guardian
from kindcentraal.child.policy import ChildRelations
from kindcentraal.common.roles import OrganisationType
from kindcentraal.consent.models import Consent
from kindcentraal.erasure.categories import (
    ERASABLE,
    KEPT_REASONS,
    ErasureCategory,
    ErasureHandling,
    ErasureReason,
)
from kindcentraal.erasure.models import ErasureRequest
from kindcentraal.errors import Forbidden, InvalidInput, NotFound
from kindcentraal.family.models import DataExport, ExportStatus
from kindcentraal.messages.models import Message, MessageReceipt, MessageThread, ThreadParticipant
from kindcentraal.notification.models import Notification
from kindcentraal.organisation.models import Organisation
from kindcentraal.placement.models import Placement, PlacementKind
from kindcentraal.retention.models import LegalHold
from kindcentraal.support.models import Signal, SupportTrajectory
from kindcentraal.talks.models import TalkBooking, TalkRoundChild

RESOURCE = "erasure-request"
RECENT_REQUESTS = 100


def ensure_can_handle(relations: ChildRelations) -> None:
    """Erasure requests are handled by an administrator of the child's centre (the controller's
    point of contact for the guardians, AVG art. 12)."""
    if not relations.is_centre_admin:
        raise Forbidden("Only an administrator of the child's centre handles erasure requests.")


# --- What is there: the parts of each category, counted in one statement -----------------
def _threads(tenant_id: uuid.UUID, child_id: uuid.UUID) -> Any:
    return select(MessageThread.id).where(
        MessageThread.tenant_id == tenant_id, MessageThread.child_id == child_id
    )


def _messages(tenant_id: uuid.UUID, child_id: uuid.UUID) -> Any:
    return select(Message.id).where(
        Message.tenant_id == tenant_id, Message.thread_id.in_(_threads(tenant_id, child_id))
    )


def _of_child(model: Any, tenant_id: uuid.UUID, child_id: uuid.UUID) -> ColumnElement[bool]:
    return and_(model.tenant_id == tenant_id, model.child_id == child_id)


def _count(model: Any, *conditions: ColumnElement[bool]) -> Any:
    return select(func.count()).select_from(model).where(*conditions).scalar_subquery()


def _parts(tenant_id: uuid.UUID, child_id: uuid.UUID) -> dict[ErasureCategory, dict[str, Any]]:
    """Per category, per kind of row: a scalar count of the child's rows."""
    t, c = tenant_id, child_id
    return {
        ErasureCategory.MESSAGES: {
            "messageThreads": _count(MessageThread, _of_child(MessageThread, t, c)),
            "messages": _count(Message, Message.id.in_(_messages(t, c))),
            "attachments": _count(Attachment, Attachment.message_id.in_(_messages(t, c))),
            "announcements": _count(
                AnnouncementRecipientChild, _of_child(AnnouncementRecipientChild, t, c)
            ),
            "talkInvitations": _count(TalkRoundChild, _of_child(TalkRoundChild, t, c)),
            "talkBookings": _count(TalkBooking, _of_child(TalkBooking, t, c)),
            "notifications": _count(Notification, _of_child(Notification, t, c)),
        },
        ErasureCategory.ACTIVITIES: {
            "enrolments": _count(Enrolment, _of_child(Enrolment, t, c)),
            "sessionAttendance": _count(SessionAttendance, _of_child(SessionAttendance, t, c)),
        },
        ErasureCategory.DATA_EXPORTS: {
            "dataExports": _count(DataExport, _of_child(DataExport, t, c)),
        },
        ErasureCategory.PUPIL_RECORD: {
            "child": _count(Child, Child.tenant_id == t, Child.id == c),
            "placements": _count(Placement, _of_child(Placement, t, c)),
            "guardians": _count(Guardian, _of_child(Guardian, t, c)),
            "contactPersonHistory": _count(
                ContactPersonAssignment, _of_child(ContactPersonAssignment, t, c)
            ),
        },
        ErasureCategory.ATTENDANCE: {
            "absences": _count(Absence, _of_child(Absence, t, c)),
            "dailyAttendance": _count(DailyAttendance, _of_child(DailyAttendance, t, c)),
        },
        ErasureCategory.CARE: {
            "supportTrajectories": _count(SupportTrajectory, _of_child(SupportTrajectory, t, c)),
            "signals": _count(Signal, _of_child(Signal, t, c)),
            "careTeam": _count(CareTeamMember, _of_child(CareTeamMember, t, c)),
        },
        ErasureCategory.CONSENTS: {
            "consents": _count(Consent, _of_child(Consent, t, c)),
        },
        ErasureCategory.ACCESS_LOG: {
            "accessLogEvents": _count(
                AuditEventChild, AuditEventChild.tenant_id == t, AuditEventChild.child_id == c
            ),
        },
    }


def _has_school_placement(tenant_id: uuid.UUID, child_id: uuid.UUID) -> Any:
    return _count(
        Placement,
        _of_child(Placement, tenant_id, child_id),
        Placement.kind == PlacementKind.SCHOOL,
        Placement.organisation_id.in_(
            select(Organisation.id).where(Organisation.type == OrganisationType.SCHOOL)
        ),
    )


def legal_hold_filter(tenant_id: uuid.UUID, child_id: uuid.UUID) -> ScalarSelect[int]:
    """The number of the child's legal holds in force (kindcentraal.retention)."""
    return (
        select(func.count())
        .select_from(LegalHold)
        .where(*LegalHold.in_force(tenant_id, child_id))
        .scalar_subquery()
    )


@dataclass
class CategoryAssessment:
    category: ErasureCategory
    parts: dict[str, int]
    erasable: bool
    reason: ErasureReason | None

    @property
    def count(self) -> int:
        return sum(self.parts.values())


@dataclass
class Assessment:
    child_id: uuid.UUID
    on_legal_hold: bool
    categories: list[CategoryAssessment] = field(default_factory=list)

    def of(self, category: ErasureCategory) -> CategoryAssessment:
        return next(c for c in self.categories if c.category == category)


async def assess_child(
    session: AsyncSession, *, tenant_id: uuid.UUID, child_id: uuid.UUID
) -> Assessment:
    """Per category: how many rows the child has, whether a request can erase them, and if
    not, the legal reason (in one statement)."""
    parts = _parts(tenant_id, child_id)
    columns: list[Any] = []
    names: list[tuple[ErasureCategory, str]] = []
    for category, kinds in parts.items():
        for kind, subquery in kinds.items():
            columns.append(subquery.label(f"{category.value}__{kind}"))
            names.append((category, kind))
    columns.append(legal_hold_filter(tenant_id, child_id).label("holds"))
    columns.append(_has_school_placement(tenant_id, child_id).label("school"))
    row = (await session.execute(select(*columns))).one()
    values = list(row)
    on_hold = bool(values[-2])
    at_school = bool(values[-1])
    counted: dict[ErasureCategory, dict[str, int]] = {category: {} for category in parts}
    for (category, kind), value in zip(names, values[:-2], strict=True):
        counted[category][kind] = int(value or 0)
    assessment = Assessment(child_id=child_id, on_legal_hold=on_hold)
    for category in ErasureCategory:
        if on_hold:
            reason: ErasureReason | None = ErasureReason.LEGAL_HOLD
        elif category in ERASABLE:
            reason = None
        elif category == ErasureCategory.PUPIL_RECORD and not at_school:
            reason = ErasureReason.CHILDCARE_ADMINISTRATION
        else:
            reason = KEPT_REASONS[category]
        assessment.categories.append(
            CategoryAssessment(
                category=category, parts=counted[category], erasable=reason is None, reason=reason
            )
        )
    return assessment


# --- The erasure ---------------------------------------------------------------------------
@dataclass
class ErasedPart:
    kind: str
    handling: ErasureHandling
    count: int


@dataclass
class ErasureCounts:
    """What an erasure did, per category; the storage keys of files to remove after commit."""

    categories: dict[ErasureCategory, list[ErasedPart]] = field(default_factory=dict)
    storage_keys: list[str] = field(default_factory=list)


async def _run(session: AsyncSession, statement: Any) -> int:
    result = await session.execute(statement.execution_options(synchronize_session=False))
    return int(getattr(result, "rowcount", 0) or 0)


async def record_changes(
    session: AsyncSession,
    table: Table,
    *,
    resource: ChangedResource,
    change: ChangeKind,
    condition: ColumnElement[bool],
    child_id: uuid.UUID | None = None,
) -> None:
    """Change-log rows for the rows a Core statement is about to change or delete (the ORM
    flush hook that writes them otherwise does not see Core statements): API clients hear of
    it. `child_id`: the child the rows will belong to (a merge), else their own."""
    postgres = session.get_bind().dialect.name == "postgresql"
    uuid_type = ChangeRecord.resource_id.type
    source = select(
        table.c.tenant_id,
        table.c.organisation_id if "organisation_id" in table.c else literal(None, uuid_type),
        literal(child_id, uuid_type) if child_id is not None else table.c.child_id,
        literal(resource.value, ChangeRecord.resource.type),
        table.c.id,
        literal(change.value, ChangeRecord.change.type),
        literal(datetime.now(UTC), ChangeRecord.occurred_at.type),
        func.txid_current() if postgres else literal(None, ChangeRecord.tx_id.type),
    ).where(condition)
    await session.execute(
        insert(ChangeRecord).from_select(
            [
                "tenant_id",
                "organisation_id",
                "child_id",
                "resource",
                "resource_id",
                "change",
                "occurred_at",
                "tx_id",
            ],
            source,
        )
    )


async def _erase_messages(
    session: AsyncSession, t: uuid.UUID, c: uuid.UUID, now: datetime, counts: ErasureCounts
) -> list[ErasedPart]:
    """Threads and messages keep their moments and authors (the reports' time to a first
    answer); subjects, texts, files, read receipts and participants go. Announcement labels,
    talk invitations and bookings, and notifications about the child are deleted."""
    threads = _threads(t, c)
    messages = _messages(t, c)
    keys = await session.scalars(
        select(Attachment.storage_key).where(
            Attachment.tenant_id == t, Attachment.message_id.in_(messages)
        )
    )
    counts.storage_keys += list(keys)
    deleted = ErasureHandling.DELETED
    return [
        ErasedPart(
            "attachments",
            deleted,
            await _run(
                session,
                delete(Attachment).where(
                    Attachment.tenant_id == t, Attachment.message_id.in_(messages)
                ),
            ),
        ),
        ErasedPart(
            "readReceipts",
            deleted,
            await _run(
                session,
                delete(MessageReceipt).where(
                    MessageReceipt.tenant_id == t, MessageReceipt.message_id.in_(messages)
                ),
            ),
        ),
        ErasedPart(
            "messages",
            ErasureHandling.ANONYMISED,
            await _run(
                session,
                update(Message)
                .where(Message.tenant_id == t, Message.thread_id.in_(threads))
                .values(text="", withdrawn_at=func.coalesce(Message.withdrawn_at, now)),
            ),
        ),
        ErasedPart(
            "threadParticipants",
            deleted,
            await _run(
                session,
                delete(ThreadParticipant).where(
                    ThreadParticipant.tenant_id == t, ThreadParticipant.thread_id.in_(threads)
                ),
            ),
        ),
        ErasedPart(
            "messageThreads",
            ErasureHandling.ANONYMISED,
            await _run(
                session,
                update(MessageThread)
                .where(_of_child(MessageThread, t, c))
                .values(subject="", closed_at=func.coalesce(MessageThread.closed_at, now)),
            ),
        ),
        ErasedPart(
            "announcements",
            deleted,
            await _run(
                session,
                delete(AnnouncementRecipientChild).where(
                    _of_child(AnnouncementRecipientChild, t, c)
                ),
            ),
        ),
        ErasedPart(
            "talkBookings",
            deleted,
            await _run(session, delete(TalkBooking).where(_of_child(TalkBooking, t, c))),
        ),
        ErasedPart(
            "talkInvitations",
            deleted,
            await _run(session, delete(TalkRoundChild).where(_of_child(TalkRoundChild, t, c))),
        ),
        ErasedPart(
            "notifications",
            deleted,
            await _run(session, delete(Notification).where(_of_child(Notification, t, c))),
        ),
    ]


async def _erase_activities(
    session: AsyncSession, t: uuid.UUID, c: uuid.UUID, now: datetime, counts: ErasureCounts
) -> list[ErasedPart]:
    """Attendance at sessions and enrolments that never held a place go; an enrolment that
    held a place stays as the participation figures count it (it carries no text)."""
    not_counted = and_(_of_child(Enrolment, t, c), Enrolment.status != EnrolmentStatus.ENROLLED)
    await record_changes(
        session,
        Enrolment.__table__,  # type: ignore[arg-type]
        resource=ChangedResource.ENROLMENT,
        change=ChangeKind.DELETED,
        condition=not_counted,
    )
    attendance = await _run(
        session, delete(SessionAttendance).where(_of_child(SessionAttendance, t, c))
    )
    enrolments = await _run(session, delete(Enrolment).where(not_counted))
    kept = await session.scalar(
        select(func.count()).select_from(Enrolment).where(_of_child(Enrolment, t, c))
    )
    return [
        ErasedPart("sessionAttendance", ErasureHandling.DELETED, attendance),
        ErasedPart("enrolments", ErasureHandling.DELETED, enrolments),
        ErasedPart("enrolments", ErasureHandling.ANONYMISED, int(kept or 0)),
    ]


async def _erase_data_exports(
    session: AsyncSession, t: uuid.UUID, c: uuid.UUID, now: datetime, counts: ErasureCounts
) -> list[ErasedPart]:
    """The copies (art. 15 exports) go; the rows stay as the record that one was asked for."""
    changed = await _run(
        session,
        update(DataExport)
        .where(_of_child(DataExport, t, c))
        .values(content=None, status=ExportStatus.EXPIRED, expires_at=now),
    )
    return [ErasedPart("dataExports", ErasureHandling.ANONYMISED, changed)]


_ERASERS = {
    ErasureCategory.MESSAGES: _erase_messages,
    ErasureCategory.ACTIVITIES: _erase_activities,
    ErasureCategory.DATA_EXPORTS: _erase_data_exports,
}


async def erase_child_categories(
    session: AsyncSession,
    *,
    tenant_id: uuid.UUID,
    child_id: uuid.UUID,
    categories: Iterable[ErasureCategory],
    now: datetime | None = None,
) -> ErasureCounts:
    """Erase these erasable categories of one child, set-based, in the caller's transaction
    (flushes, never commits: all or nothing is the caller's unit of work). Kept categories
    are refused; the caller decides them with `assess_child`. Also for the retention purge."""
    moment = now or datetime.now(UTC)
    counts = ErasureCounts()
    for category in dict.fromkeys(categories):
        if category not in _ERASERS:
            raise ValueError(f"{category} is not erasable on request")
        counts.categories[category] = await _ERASERS[category](
            session, tenant_id, child_id, moment, counts
        )
    return counts


# --- The request -----------------------------------------------------------------------------
async def _handled_child(
    session: AsyncSession, principal: Principal, child_id: uuid.UUID, action: str
) -> tuple[Child, ChildRelations]:
    return await child_service.access_child(
        session,
        principal,
        child_id=child_id,
        resource=RESOURCE,
        action=action,
        ensure=ensure_can_handle,
    )


async def read_assessment(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID
) -> Assessment:
    """The assessment of a child the caller administers the centre of (else 404/403)."""
    child, relations = await _handled_child(session, principal, child_id, "read")
    assessment = await assess_child(session, tenant_id=principal.tenant_id, child_id=child.id)
    await child_service.log_access(
        session, principal, relations, child.id, resource="erasure-assessment", action="read"
    )
    return assessment


async def handle_request(
    session: AsyncSession,
    principal: Principal,
    *,
    child_id: uuid.UUID,
    categories: Sequence[ErasureCategory],
    request_received_on: date,
    note: str | None,
) -> tuple[ErasureRequest, list[str]]:
    """Answer a guardian's request: erase what may go, keep the rest with its reason, record
    the outcome; one unit of work. Returns the record and the files to remove after commit."""
    try:
        child, relations = await _handled_child(session, principal, child_id, "create")
    except NotFound as exc:
        invalid = InvalidInput.field("childId", "unknown_child", "No child of yours has this id.")
        invalid.after_rollback = exc.after_rollback
        raise invalid from None
    assessment = await assess_child(session, tenant_id=principal.tenant_id, child_id=child.id)
    asked = list(dict.fromkeys(categories))
    erasable = [c for c in asked if assessment.of(c).erasable]
    now = datetime.now(UTC)
    counts = await erase_child_categories(
        session, tenant_id=principal.tenant_id, child_id=child.id, categories=erasable, now=now
    )
    record = ErasureRequest(
        tenant_id=principal.tenant_id,
        centre_id=child.centre_id,
        child_id=child.id,
        handled_by_id=principal.user_id,
        handled_at=now,
        request_received_on=request_received_on,
        categories=[c.value for c in asked],
        erased={
            category.value: [
                {"kind": p.kind, "handling": p.handling.value, "count": p.count} for p in parts
            ]
            for category, parts in counts.categories.items()
        },
        kept={
            c.value: {"reason": reason.value, "count": assessment.of(c).count}
            for c in asked
            if (reason := assessment.of(c).reason) is not None
        },
        note=note,
    )
    session.add(record)
    await session.flush()
    await child_service.log_access(
        session,
        principal,
        relations,
        child.id,
        resource=RESOURCE,
        action="create",
        parts=[c.value for c in counts.categories],
    )
    return record, counts.storage_keys


async def list_requests(
    session: AsyncSession, principal: Principal, *, centre_id: uuid.UUID | None
) -> list[ErasureRequest]:
    """The most recent requests of the centres the caller administers (no child data)."""
    centres = set(principal.admin_centre_ids)
    if centre_id is not None:
        centres &= {centre_id}
    if not centres:
        return []
    rows = await session.scalars(
        select(ErasureRequest)
        .where(
            ErasureRequest.tenant_id == principal.tenant_id,
            ErasureRequest.centre_id.in_(centres),
        )
        .order_by(ErasureRequest.handled_at.desc(), ErasureRequest.id)
        .limit(RECENT_REQUESTS)
    )
    return list(rows)


async def read_request(
    session: AsyncSession, principal: Principal, *, request_id: uuid.UUID
) -> ErasureRequest:
    """One request, for the administrators of its centre; else 404."""
    record = await session.scalar(
        select(ErasureRequest).where(
            ErasureRequest.id == request_id,
            ErasureRequest.tenant_id == principal.tenant_id,
            ErasureRequest.centre_id.in_(principal.admin_centre_ids),
        )
    )
    if record is None:
        raise NotFound("erasure request")
    return record
