"""The purge: what is past its term is erased or de-identified, in batches of set-based
statements (ids of at most `batch` rows, then one UPDATE or DELETE over them), never row by row
through the ORM.

Every step selects rows that are past their term AND still hold what the step removes, and
never rows of a child under a legal hold. So a step is idempotent, a dry run counts exactly
what a run would change, and a run interrupted between batches resumes where it stopped.

Rows that the outcome reports count (children, trajectories, signals, notes, consents,
messages, enrolments, care-team periods, bookings) are de-identified, never deleted: their
dates, types and outcomes stay, their names, texts and free-text fields go. So a report over a
past period gives the same figures before and after a purge (docs/retention.md).
"""

import logging
import uuid
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import (
    String,
    and_,
    cast,
    delete,
    exists,
    func,
    insert,
    literal,
    null,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from kindcentraal.activities.models import (
    ActivitySession,
    Enrolment,
    EnrolmentStatus,
    SessionAttendance,
)
from kindcentraal.announcements.models import (
    Announcement,
    AnnouncementRecipient,
    AnnouncementRecipientChild,
)
from kindcentraal.attachments.models import Attachment
from kindcentraal.attendance.models import Absence, DailyAttendance
from kindcentraal.audit import service as audit
from kindcentraal.audit.models import (
    AuditEvent,
    AuditEventChild,
    AuditSeal,
    AuditSealEvent,
)
from kindcentraal.auth.models import AuthSession, LoginFailure, RefreshToken
from kindcentraal.child.models import Child, ContactPersonAssignment, Guardian
from kindcentraal.consent.models import Consent
from kindcentraal.family.models import DataExport
from kindcentraal.messages.models import Message, MessageReceipt, MessageThread
from kindcentraal.notification.models import Notification
from kindcentraal.organisation.models import Membership
from kindcentraal.outbox.models import MailStatus, OutboxMail
from kindcentraal.placement.models import Placement
from kindcentraal.retention.models import (
    AnonymisedChild,
    AuditLogCut,
    LegalHold,
)
from kindcentraal.retention.models import (
    RetentionCategory as C,
)
from kindcentraal.rooms.models import Booking
from kindcentraal.storage.base import Storage
from kindcentraal.support.models import (
    GoalProgress,
    Signal,
    SupportTrajectory,
    TrajectoryGoal,
    TrajectoryNote,
    TrajectorySession,
    TrajectoryStatus,
    TrajectoryTransition,
)
from kindcentraal.talks.models import TalkBooking, TalkRoundChild
from kindcentraal.user.models import User
from kindcentraal.webhooks.models import DeliveryStatus, WebhookDelivery

log = logging.getLogger("kindcentraal.retention")

BATCH = 500
# What a de-identified name reads; never a real name.
REMOVED = "—"
# A de-identified account's password hash: no password ever matches it.
NO_PASSWORD = "!"  # noqa: S105 - a marker, not a secret


class AccessLogBroken(Exception):
    """The purge found a seal that does not verify; it drops nothing of that tenant's log."""


@dataclass(frozen=True)
class Scope:
    """One tenant's terms at one moment."""

    tenant_id: uuid.UUID
    now: datetime
    months: dict[C, int]
    # Set once a run has de-identified every record due: "gone" is then the register alone,
    # the same set the longer question gives before (and in a dry run), asked much faster.
    settled: bool = False

    def moment(self, category: C) -> datetime:
        return self.now - relativedelta(months=self.months[category])

    def day(self, category: C) -> date:
        return (self.now.astimezone(UTC) - relativedelta(months=self.months[category])).date()

    # --- Whose data ------------------------------------------------------------------------
    def held(self) -> Any:
        return select(LegalHold.child_id).where(*LegalHold.in_force(self.tenant_id))

    def anonymised(self) -> Any:
        return select(AnonymisedChild.child_id).where(AnonymisedChild.tenant_id == self.tenant_id)

    def _left(self, pupils: bool, category: C) -> ColumnElement[bool]:
        """Children that left the centre (their last placement ended) before the term of
        `category`; a child never placed counts from its registration."""
        if pupils:
            return and_(Child.school_from.is_not(None), Child.stay_until < self.day(category))
        moment = self.moment(C.CHILDCARE_RECORD)
        return and_(
            Child.school_from.is_(None),
            or_(
                Child.stay_until < self.day(C.CHILDCARE_RECORD),
                and_(Child.stay_until.is_(None), Child.created_at < moment),
            ),
        )

    def care_kept(self) -> Any:
        """Trajectories still within the care term (or still running): they keep their
        child's record, which the Jeugdwet and the WGBO keep as long as the care file."""
        return select(SupportTrajectory.child_id).where(
            SupportTrajectory.tenant_id == self.tenant_id,
            or_(
                SupportTrajectory.status.not_in(
                    (TrajectoryStatus.CLOSED, TrajectoryStatus.CANCELLED)
                ),
                trajectory_ended_at() >= self.moment(C.CARE_TRAJECTORY),
            ),
        )

    def record_due(self, pupils: bool) -> ColumnElement[bool]:
        category = C.PUPIL_BASIC if pupils else C.CHILDCARE_RECORD
        return and_(
            Child.tenant_id == self.tenant_id,
            Child.id.not_in(self.held()),
            Child.id.not_in(self.anonymised()),
            self._left(pupils, category),
            Child.id.not_in(self.care_kept()),
        )

    def file_due(self, pupils: bool) -> ColumnElement[bool]:
        category = C.PUPIL_FILE if pupils else C.CHILDCARE_RECORD
        return and_(
            Child.tenant_id == self.tenant_id,
            Child.id.not_in(self.held()),
            or_(self._left(pupils, category), self.record_due(pupils)),
        )

    def gone(self) -> Any:
        """Children de-identified, or about to be in this run (not under a hold)."""
        if self.settled:
            return select(AnonymisedChild.child_id).where(
                AnonymisedChild.tenant_id == self.tenant_id,
                AnonymisedChild.child_id.not_in(self.held()),
            )
        return select(Child.id).where(
            Child.tenant_id == self.tenant_id,
            Child.id.not_in(self.held()),
            or_(
                Child.id.in_(self.anonymised()),
                self.record_due(True),
                self.record_due(False),
            ),
        )


def trajectory_ended_at() -> ColumnElement[Any]:
    """When a closed or cancelled trajectory ended: its closing moment, else its last status
    change (a cancelled one), else its request."""
    last_change = (
        select(func.max(TrajectoryTransition.at))
        .where(TrajectoryTransition.trajectory_id == SupportTrajectory.id)
        .scalar_subquery()
    )
    return func.coalesce(SupportTrajectory.closed_at, last_change, SupportTrajectory.requested_at)


# --- Steps ---------------------------------------------------------------------------------
Where = Callable[[Scope], ColumnElement[bool]]


@dataclass(frozen=True)
class Step:
    """One table's part of a category: the rows due (past term, not held, still holding what
    goes) and what happens to them (`change`: an UPDATE's values; None: DELETE)."""

    category: C
    name: str
    model: Any
    due: Where
    change: Callable[[Scope], dict[str, Any]] | None = None
    # Attachments: the stored bytes go too, after the rows.
    files: bool = False
    # Extra rows written beside each batch (the de-identified children's register).
    also: Callable[[Scope, Sequence[Any]], Any] | None = None

    @property
    def key(self) -> Any:
        return self.model.child_id if self.model is AnonymisedChild else self.model.id

    def rows(self, scope: "Scope") -> ColumnElement[bool]:
        """The rows due, always within the scope's tenant (no step need say so itself)."""
        return and_(self.model.tenant_id == scope.tenant_id, self.due(scope))


def _children(scope: Scope, category: C, *, record: bool) -> Any:
    pupils = category != C.CHILDCARE_RECORD
    due = scope.record_due(pupils) if record else scope.file_due(pupils)
    return select(Child.id).where(due)


def _aged_session_attendance(s: Scope) -> ColumnElement[bool]:
    return SessionAttendance.session_id.in_(
        select(ActivitySession.id).where(
            ActivitySession.tenant_id == s.tenant_id,
            ActivitySession.starts_at < s.moment(C.ACTIVITY_DATA),
        )
    )


def _aged_daily_attendance(s: Scope) -> ColumnElement[bool]:
    return DailyAttendance.day < s.day(C.ACTIVITY_DATA)


def _aged_absence(s: Scope) -> ColumnElement[bool]:
    return Absence.to_date < s.day(C.ACTIVITY_DATA)


def _aged_enrolment(s: Scope) -> ColumnElement[bool]:
    return Enrolment.requested_at < s.moment(C.ACTIVITY_DATA)


def _aged_notification(s: Scope) -> ColumnElement[bool]:
    return Notification.created_at < s.moment(C.NOTIFICATIONS)


def _file_steps(category: C) -> list[Step]:
    """The file around a child that left: what the school's or childcare's file holds beside
    the child's basic data. Counted rows stay de-identified; the rest goes. Rows that their
    own category's term already takes are left to that category, so each row is counted
    once (the dry run's counts are the run's)."""

    def kids(scope: Scope) -> Any:
        return _children(scope, category, record=False)

    return [
        Step(
            category,
            "signal",
            Signal,
            lambda s: and_(
                Signal.tenant_id == s.tenant_id,
                Signal.child_id.in_(kids(s)),
                Signal.trajectory_id.is_(None),
                Signal.description != "",
            ),
            lambda s: {"description": "", "decision_reason": None},
        ),
        Step(
            category,
            "talk_booking",
            TalkBooking,
            lambda s: and_(TalkBooking.tenant_id == s.tenant_id, TalkBooking.child_id.in_(kids(s))),
        ),
        Step(
            category,
            "talk_round_child",
            TalkRoundChild,
            lambda s: and_(
                TalkRoundChild.tenant_id == s.tenant_id, TalkRoundChild.child_id.in_(kids(s))
            ),
        ),
        Step(
            category,
            "contact_person_assignment",
            ContactPersonAssignment,
            lambda s: and_(
                ContactPersonAssignment.tenant_id == s.tenant_id,
                ContactPersonAssignment.child_id.in_(kids(s)),
                ContactPersonAssignment.handover_note.is_not(None),
            ),
            lambda s: {"handover_note": None},
        ),
        Step(
            category,
            "data_export",
            DataExport,
            lambda s: and_(DataExport.tenant_id == s.tenant_id, DataExport.child_id.in_(kids(s))),
        ),
        Step(
            category,
            "notification",
            Notification,
            lambda s: and_(
                Notification.tenant_id == s.tenant_id,
                Notification.child_id.in_(kids(s)),
                ~_aged_notification(s),
            ),
        ),
        Step(
            category,
            "consent",
            Consent,
            lambda s: and_(
                Consent.tenant_id == s.tenant_id,
                Consent.child_id.in_(kids(s)),
                Consent.note.is_not(None),
            ),
            lambda s: {"note": None},
        ),
        Step(
            category,
            "absence",
            Absence,
            lambda s: and_(
                Absence.tenant_id == s.tenant_id, Absence.child_id.in_(kids(s)), ~_aged_absence(s)
            ),
        ),
        Step(
            category,
            "daily_attendance",
            DailyAttendance,
            lambda s: and_(
                DailyAttendance.tenant_id == s.tenant_id,
                DailyAttendance.child_id.in_(kids(s)),
                ~_aged_daily_attendance(s),
            ),
        ),
        Step(
            category,
            "session_attendance",
            SessionAttendance,
            lambda s: and_(
                SessionAttendance.tenant_id == s.tenant_id,
                SessionAttendance.child_id.in_(kids(s)),
                ~_aged_session_attendance(s),
            ),
        ),
        Step(
            category,
            "enrolment",
            Enrolment,
            lambda s: and_(
                Enrolment.tenant_id == s.tenant_id,
                Enrolment.child_id.in_(kids(s)),
                Enrolment.status != EnrolmentStatus.ENROLLED,
                ~_aged_enrolment(s),
            ),
        ),
    ]


def _record_steps(category: C) -> list[Step]:
    """The child's basic data: the record becomes a shell without name, BSN or outside
    keys."""

    def kids(scope: Scope) -> Any:
        return _children(scope, category, record=True)

    def register(s: Scope, ids: Sequence[Any]) -> Any:
        return insert(AnonymisedChild).values(
            [{"child_id": i, "tenant_id": s.tenant_id, "anonymised_at": s.now} for i in ids]
        )

    return [
        Step(
            category,
            "placement",
            Placement,
            lambda s: and_(
                Placement.tenant_id == s.tenant_id,
                Placement.child_id.in_(kids(s)),
                Placement.external_id.is_not(None),
            ),
            lambda s: {"external_id": None},
        ),
        Step(
            category,
            "child",
            Child,
            lambda s: Child.id.in_(kids(s)),
            lambda s: {"given_name": REMOVED, "family_name": REMOVED, "bsn": None},
            also=register,
        ),
    ]


def _guardian_accounts(s: Scope) -> ColumnElement[bool]:
    """Accounts of guardians whose every child is (or now becomes) a shell, who work nowhere."""
    gone = s.gone()
    return and_(
        User.tenant_id == s.tenant_id,
        User.password_hash != NO_PASSWORD,
        exists().where(Guardian.user_id == User.id, Guardian.child_id.in_(gone)),
        ~exists().where(Guardian.user_id == User.id, Guardian.child_id.not_in(gone)),
        ~exists().where(Membership.user_id == User.id),
    )


def _anonymous_account(s: Scope) -> dict[str, Any]:
    return {
        "email": literal("removed-") + cast(User.id, String) + literal("@invalid"),
        "display_name": REMOVED,
        "password_hash": NO_PASSWORD,
        "is_active": False,
        "phone": None,
        "totp_secret": None,
        "totp_pending_secret": None,
        "totp_enabled_at": None,
        "language": None,
    }


def _thread_due(s: Scope) -> Any:
    return select(MessageThread.id).where(
        MessageThread.tenant_id == s.tenant_id,
        MessageThread.child_id.not_in(s.held()),
        or_(
            MessageThread.last_message_at < s.moment(C.MESSAGES),
            MessageThread.child_id.in_(s.gone()),
        ),
    )


def _messages_of_due_threads(s: Scope) -> Any:
    return select(Message.id).where(Message.thread_id.in_(_thread_due(s)))


def _announcement_due(s: Scope) -> Any:
    held_recipient = (
        select(AnnouncementRecipient.announcement_id)
        .join(
            AnnouncementRecipientChild,
            AnnouncementRecipientChild.recipient_id == AnnouncementRecipient.id,
        )
        .where(AnnouncementRecipientChild.child_id.in_(s.held()))
    )
    return select(Announcement.id).where(
        Announcement.tenant_id == s.tenant_id,
        Announcement.published_at < s.moment(C.ANNOUNCEMENTS),
        Announcement.id.not_in(held_recipient),
    )


def _trajectory_due(s: Scope) -> Any:
    return select(SupportTrajectory.id).where(
        SupportTrajectory.tenant_id == s.tenant_id,
        SupportTrajectory.child_id.not_in(s.held()),
        SupportTrajectory.status.in_((TrajectoryStatus.CLOSED, TrajectoryStatus.CANCELLED)),
        trajectory_ended_at() < s.moment(C.CARE_TRAJECTORY),
    )


def _session_ended(s: Scope) -> ColumnElement[bool]:
    last_token = (
        select(func.max(RefreshToken.expires_at))
        .where(RefreshToken.session_id == AuthSession.id)
        .scalar_subquery()
    )
    ended = func.coalesce(AuthSession.revoked_at, last_token, AuthSession.created_at)
    return and_(AuthSession.tenant_id == s.tenant_id, ended < s.moment(C.SIGN_IN))


def _not_held(column: Any, s: Scope) -> ColumnElement[bool]:
    return or_(column.is_(None), column.not_in(s.held()))


STEPS: tuple[Step, ...] = (
    # Care first: its texts go at 20 years, before a record that waited for them goes.
    Step(
        C.CARE_TRAJECTORY,
        "goal_progress",
        GoalProgress,
        lambda s: GoalProgress.goal_id.in_(
            select(TrajectoryGoal.id).where(TrajectoryGoal.trajectory_id.in_(_trajectory_due(s)))
        ),
    ),
    Step(
        C.CARE_TRAJECTORY,
        "trajectory_goal",
        TrajectoryGoal,
        lambda s: TrajectoryGoal.trajectory_id.in_(_trajectory_due(s)),
    ),
    Step(
        C.CARE_TRAJECTORY,
        "trajectory_note",
        TrajectoryNote,
        lambda s: and_(
            TrajectoryNote.trajectory_id.in_(_trajectory_due(s)), TrajectoryNote.text != ""
        ),
        lambda s: {"text": "", "participants": null(), "decisions": None},
    ),
    Step(
        C.CARE_TRAJECTORY,
        "trajectory_session",
        TrajectorySession,
        lambda s: and_(
            TrajectorySession.trajectory_id.in_(_trajectory_due(s)),
            TrajectorySession.location_detail.is_not(None),
        ),
        lambda s: {"location_detail": None},
    ),
    Step(
        C.CARE_TRAJECTORY,
        "signal",
        Signal,
        lambda s: and_(Signal.trajectory_id.in_(_trajectory_due(s)), Signal.description != ""),
        lambda s: {"description": "", "decision_reason": None},
    ),
    Step(
        C.CARE_TRAJECTORY,
        "support_trajectory",
        SupportTrajectory,
        lambda s: and_(
            SupportTrajectory.id.in_(_trajectory_due(s)),
            or_(SupportTrajectory.reason != "", SupportTrajectory.referral_reason.is_not(None)),
        ),
        lambda s: {"reason": "", "referral_reason": None},
    ),
    *_file_steps(C.PUPIL_FILE),
    *_file_steps(C.CHILDCARE_RECORD),
    *_record_steps(C.PUPIL_BASIC),
    *_record_steps(C.CHILDCARE_RECORD),
    # A record's threads go with it, whatever their own term.
    Step(
        C.MESSAGES,
        "attachment",
        Attachment,
        lambda s: and_(
            Attachment.message_id.in_(_messages_of_due_threads(s)),
        ),
        files=True,
    ),
    Step(
        C.MESSAGES,
        "message_receipt",
        MessageReceipt,
        lambda s: and_(
            MessageReceipt.message_id.in_(_messages_of_due_threads(s)),
        ),
    ),
    Step(
        C.MESSAGES,
        "message",
        Message,
        lambda s: and_(
            Message.thread_id.in_(_thread_due(s)),
            Message.text != "",
        ),
        lambda s: {"text": ""},
    ),
    Step(
        C.MESSAGES,
        "message_thread",
        MessageThread,
        lambda s: and_(MessageThread.id.in_(_thread_due(s)), MessageThread.subject != ""),
        lambda s: {"subject": ""},
    ),
    # A family's account goes with its last child's record (counted with the pupil records).
    Step(C.PUPIL_BASIC, "guardian_account", User, _guardian_accounts, _anonymous_account),
    Step(
        C.ANNOUNCEMENTS,
        "attachment",
        Attachment,
        lambda s: and_(
            Attachment.announcement_id.in_(_announcement_due(s)),
        ),
        files=True,
    ),
    # Its recipients (who read and confirmed) go with it, by the foreign keys' cascade.
    Step(
        C.ANNOUNCEMENTS,
        "announcement",
        Announcement,
        lambda s: Announcement.id.in_(_announcement_due(s)),
    ),
    Step(
        C.ACTIVITY_DATA,
        "session_attendance",
        SessionAttendance,
        lambda s: and_(
            SessionAttendance.child_id.not_in(s.held()),
            _aged_session_attendance(s),
        ),
    ),
    Step(
        C.ACTIVITY_DATA,
        "daily_attendance",
        DailyAttendance,
        lambda s: and_(
            DailyAttendance.child_id.not_in(s.held()),
            _aged_daily_attendance(s),
        ),
    ),
    Step(
        C.ACTIVITY_DATA,
        "absence",
        Absence,
        lambda s: and_(
            Absence.child_id.not_in(s.held()),
            _aged_absence(s),
        ),
    ),
    # Enrolled places stay (the participation figures count them); requests that never
    # became a place go.
    Step(
        C.ACTIVITY_DATA,
        "enrolment",
        Enrolment,
        lambda s: and_(
            Enrolment.child_id.not_in(s.held()),
            Enrolment.status != EnrolmentStatus.ENROLLED,
            _aged_enrolment(s),
        ),
    ),
    Step(
        C.BOOKINGS,
        "booking",
        Booking,
        lambda s: and_(
            Booking.ends_at < s.moment(C.BOOKINGS),
            Booking.purpose != "",
        ),
        lambda s: {"purpose": ""},
    ),
    Step(
        C.NOTIFICATIONS,
        "notification",
        Notification,
        lambda s: and_(
            _aged_notification(s),
            _not_held(Notification.child_id, s),
        ),
    ),
    Step(
        C.DELIVERY_LOGS,
        "outbox_mail",
        OutboxMail,
        lambda s: and_(
            OutboxMail.status != MailStatus.PENDING,
            OutboxMail.created_at < s.moment(C.DELIVERY_LOGS),
        ),
    ),
    Step(
        C.DELIVERY_LOGS,
        "webhook_delivery",
        WebhookDelivery,
        lambda s: and_(
            WebhookDelivery.status != DeliveryStatus.PENDING,
            WebhookDelivery.occurred_at < s.moment(C.DELIVERY_LOGS),
            _not_held(WebhookDelivery.child_id, s),
        ),
    ),
    # Its refresh tokens go with it, by the foreign key's cascade.
    Step(C.SIGN_IN, "auth_session", AuthSession, _session_ended),
)


# Steps after the last record step run on a settled scope (see Scope.settled).
SETTLED_FROM = max(n for n, step in enumerate(STEPS) if step.model is Child) + 1

# --- Running -------------------------------------------------------------------------------
Transaction = Callable[[], AbstractAsyncContextManager[AsyncSession]]
Progress = Callable[[str], None]


@dataclass
class Tally:
    """Rows per category (and per table), never their content."""

    rows: dict[C, int] = field(default_factory=dict)
    tables: dict[str, int] = field(default_factory=dict)

    def add(self, category: C, table: str, number: int) -> None:
        self.rows[category] = self.rows.get(category, 0) + number
        key = f"{category.value}.{table}"
        self.tables[key] = self.tables.get(key, 0) + number

    @property
    def total(self) -> int:
        return sum(self.rows.values())


async def count_step(session: AsyncSession, scope: Scope, step: Step) -> int:
    statement = select(func.count()).select_from(step.model).where(step.rows(scope))
    return int(await session.scalar(statement) or 0)


async def run_step_batch(
    session: AsyncSession, scope: Scope, step: Step, *, batch: int
) -> tuple[int, list[str]]:
    """One batch of a step: at most `batch` rows; answers their number and, for attachments,
    the storage keys whose bytes are to go once the batch has committed."""
    columns = [step.key]
    if step.files:
        columns.append(Attachment.storage_key)
    rows = (await session.execute(select(*columns).where(step.rows(scope)).limit(batch))).all()
    if not rows:
        return 0, []
    ids = [row[0] for row in rows]
    if step.change is None:
        await session.execute(
            delete(step.model).where(step.key.in_(ids)).execution_options(synchronize_session=False)
        )
    else:
        await session.execute(
            update(step.model)
            .where(step.key.in_(ids))
            .values(**step.change(scope))
            .execution_options(synchronize_session=False)
        )
    if step.also is not None:
        await session.execute(step.also(scope, ids))
    return len(ids), [row[1] for row in rows] if step.files else []


async def purge_tenant(
    transaction: Transaction,
    scope: Scope,
    *,
    dry_run: bool = False,
    batch: int = BATCH,
    storage: Storage | None = None,
    progress: Progress | None = None,
) -> Tally:
    """Every step for one tenant, each to the end in batches of one transaction each."""
    tally = Tally()
    if dry_run:
        async with transaction() as session:
            for step in STEPS:
                number = await count_step(session, scope, step)
                if number:
                    tally.add(step.category, step.name, number)
    for index, step in enumerate(STEPS if not dry_run else ()):
        step_scope = replace(scope, settled=True) if index >= SETTLED_FROM else scope
        while True:
            async with transaction() as session:
                number, keys = await run_step_batch(session, step_scope, step, batch=batch)
            if number:
                tally.add(step.category, step.name, number)
                if progress is not None:
                    progress(f"{step.category.value}: {tally.rows[step.category]} rows")
            if keys and storage is not None:
                await _delete_files(storage, keys)
            if number < batch:
                break
    cut = await purge_access_log(
        transaction, scope, dry_run=dry_run, batch=batch * 10, progress=progress
    )
    if cut:
        tally.add(C.ACCESS_LOG, "audit_event", cut)
    return tally


async def _delete_files(storage: Storage, keys: Sequence[str]) -> None:
    failed = 0
    for key in keys:
        try:
            await storage.delete(key)
        except Exception:  # the row is gone; the bytes are unreachable and retried never
            failed += 1
    if failed:
        log.error("retention: %s attachment files could not be deleted", failed)


async def purge_login_failures(
    transaction: Transaction, *, before: datetime, dry_run: bool, batch: int = BATCH
) -> int:
    """Failed logins name no tenant: they go after the longest sign-in term of any tenant."""
    due = LoginFailure.created_at < before
    if dry_run:
        async with transaction() as session:
            return int(
                await session.scalar(select(func.count()).select_from(LoginFailure).where(due)) or 0
            )
    total = 0
    while True:
        async with transaction() as session:
            ids = list(await session.scalars(select(LoginFailure.id).where(due).limit(batch)))
            if ids:
                await session.execute(delete(LoginFailure).where(LoginFailure.id.in_(ids)))
        total += len(ids)
        if len(ids) < batch:
            return total


# --- The access log ------------------------------------------------------------------------
async def _anchor(session: AsyncSession, tenant_id: uuid.UUID) -> tuple[int, str]:
    cut = (
        await session.execute(
            select(AuditLogCut.seal_number, AuditLogCut.seal_hash)
            .where(AuditLogCut.tenant_id == tenant_id)
            .order_by(AuditLogCut.seal_number.desc())
            .limit(1)
        )
    ).first()
    return (int(cut[0]), str(cut[1])) if cut else (0, audit.GENESIS_HASH)


async def _seals_due(
    session: AsyncSession, scope: Scope, after: int, *, events: int
) -> list[AuditSeal]:
    """The oldest seals after the anchor, all sealed before the term, in an unbroken run of
    numbers, up to about `events` events, stopping before a seal that names a held child."""
    seals = list(
        await session.scalars(
            select(AuditSeal)
            .where(
                AuditSeal.tenant_id == scope.tenant_id,
                AuditSeal.number > after,
                AuditSeal.sealed_at < scope.moment(C.ACCESS_LOG),
            )
            .order_by(AuditSeal.number)
            .limit(50)
        )
    )
    chosen: list[AuditSeal] = []
    total = 0
    for seal in seals:
        if seal.number != after + len(chosen) + 1:
            break
        if chosen and total + seal.event_count > events:
            break
        names_held = await session.scalar(
            select(
                exists().where(
                    AuditSealEvent.seal_id == seal.id,
                    AuditEventChild.event_id == AuditSealEvent.event_id,
                    AuditEventChild.child_id.in_(scope.held()),
                )
            )
        )
        if names_held:
            break
        chosen.append(seal)
        total += seal.event_count
    return chosen


async def _verify_seals(
    session: AsyncSession, seals: Sequence[AuditSeal], previous_hash: str
) -> list[uuid.UUID]:
    """Check the seals to be dropped as `audit verify` would; answers their events' ids."""
    event_ids: list[uuid.UUID] = []
    for seal in seals:
        rows = (
            await session.execute(
                select(*AuditEvent.__table__.c)
                .join(AuditSealEvent, AuditSealEvent.event_id == AuditEvent.id)
                .where(AuditSealEvent.seal_id == seal.id)
                .order_by(AuditSealEvent.ordinal)
            )
        ).all()
        hashes = [row.hash for row in rows]
        if (
            seal.previous_hash != previous_hash
            or audit.seal_hash(seal) != seal.hash
            or any(audit.event_hash(row) != row.hash for row in rows)
            or len(rows) != seal.event_count
            or audit.events_digest(hashes) != seal.events_hash
        ):
            raise AccessLogBroken(f"seal {seal.number} does not verify")
        previous_hash = seal.hash
        event_ids += [row.id for row in rows]
    return event_ids


async def purge_access_log(
    transaction: Transaction,
    scope: Scope,
    *,
    dry_run: bool = False,
    batch: int = BATCH * 10,
    progress: Progress | None = None,
) -> int:
    """Drop whole seals older than the term, oldest first, each run of seals in one
    transaction: first a cut records the last dropped seal's number and hash (the anchor the
    remaining chain starts from), then the seals' rows go, which the log's triggers allow only
    at or below a cut. A seal that does not verify stops the purge of this tenant's log."""
    dropped = 0
    while True:
        async with transaction() as session:
            after, previous_hash = await _anchor(session, scope.tenant_id)
            if dry_run:
                return await _count_rest(session, scope, after)
            seals = await _seals_due(session, scope, after, events=batch)
            if not seals:
                return dropped
            event_ids = await _verify_seals(session, seals, previous_hash)
            last = seals[-1]
            session.add(
                AuditLogCut(
                    tenant_id=scope.tenant_id,
                    seal_number=last.number,
                    seal_hash=last.hash,
                    last_sealed_at=last.sealed_at,
                    cut_at=scope.now,
                    events=len(event_ids),
                )
            )
            await session.flush()
            seal_ids = [seal.id for seal in seals]
            for start in range(0, len(event_ids), BATCH):
                part = event_ids[start : start + BATCH]
                await session.execute(
                    delete(AuditEventChild).where(AuditEventChild.event_id.in_(part))
                )
            await session.execute(
                delete(AuditSealEvent).where(AuditSealEvent.seal_id.in_(seal_ids))
            )
            for start in range(0, len(event_ids), BATCH):
                part = event_ids[start : start + BATCH]
                await session.execute(delete(AuditEvent).where(AuditEvent.id.in_(part)))
            await session.execute(delete(AuditSeal).where(AuditSeal.id.in_(seal_ids)))
            for seal in seals:
                session.expunge(seal)
        dropped += len(event_ids)
        if progress is not None:
            progress(f"access_log: {dropped} events")


async def _count_rest(session: AsyncSession, scope: Scope, after: int) -> int:
    """The events a run would drop: the unbroken run of due seals after the anchor, up to a
    seal that names a held child."""
    total = 0
    while True:
        seals = await _seals_due(session, scope, after, events=10**9)
        if not seals:
            return total
        total += sum(seal.event_count for seal in seals)
        after = seals[-1].number
