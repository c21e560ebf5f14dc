"""Every domain's models, imported for Alembic and the mapper registry."""

from kindcentraal.activities.models import (
    Activity,
    ActivitySession,
    Enrolment,
    SessionAttendance,
)
from kindcentraal.announcements.models import (
    Announcement,
    AnnouncementRecipient,
    AnnouncementRecipientChild,
)
from kindcentraal.attachments.models import Attachment
from kindcentraal.attendance.models import Absence, DailyAttendance
from kindcentraal.audit.models import (
    AuditEvent,
    AuditEventChild,
    AuditPending,
    AuditSeal,
    AuditSealEvent,
    AuditSealHead,
)
from kindcentraal.auth.models import AuthSession, LoginFailure, RecoveryCode, RefreshToken
from kindcentraal.careteam.models import CareTeamMember
from kindcentraal.centre.models import ChildCentre
from kindcentraal.changes.models import ChangeRecord
from kindcentraal.child.models import Child, ContactPersonAssignment, Guardian
from kindcentraal.consent.models import Consent
from kindcentraal.db import Base
from kindcentraal.erasure.models import ErasureRequest
from kindcentraal.family.models import DataExport
from kindcentraal.group.models import Group
from kindcentraal.idempotency.models import IdempotencyKey
from kindcentraal.integration.models import (
    ApiClient,
    ApiClientError,
    ApiClientSecret,
    ApiClientUsage,
)
from kindcentraal.messages.models import Message, MessageReceipt, MessageThread, ThreadParticipant
from kindcentraal.notification.models import Notification
from kindcentraal.organisation.models import Membership, Organisation, OrganisationCentre
from kindcentraal.outbox.models import NotificationSetting, OutboxMail
from kindcentraal.placement.models import Placement
from kindcentraal.retention.models import AnonymisedChild, AuditLogCut, LegalHold, RetentionRule
from kindcentraal.rooms.models import (
    Booking,
    BookingSeries,
    Building,
    CalendarFeed,
    Holiday,
    Room,
    RoomNorm,
)
from kindcentraal.support.models import (
    CareCoordinator,
    GoalProgress,
    Signal,
    SupportTrajectory,
    TrajectoryGoal,
    TrajectoryNorm,
    TrajectoryNote,
    TrajectorySession,
    TrajectoryTransition,
)
from kindcentraal.talks.models import TalkBooking, TalkRound, TalkRoundChild, TalkSlot
from kindcentraal.tenant.models import Tenant
from kindcentraal.user.models import User
from kindcentraal.webhooks.models import WebhookDelivery, WebhookSubscription, WebhookWatermark

__all__ = [
    "Absence",
    "Activity",
    "ActivitySession",
    "Announcement",
    "AnnouncementRecipient",
    "AnnouncementRecipientChild",
    "AnonymisedChild",
    "ApiClient",
    "ApiClientError",
    "ApiClientSecret",
    "ApiClientUsage",
    "Attachment",
    "AuditEvent",
    "AuditEventChild",
    "AuditLogCut",
    "AuditPending",
    "AuditSeal",
    "AuditSealEvent",
    "AuditSealHead",
    "AuthSession",
    "Base",
    "Booking",
    "BookingSeries",
    "Building",
    "CalendarFeed",
    "CareCoordinator",
    "CareTeamMember",
    "ChangeRecord",
    "Child",
    "ChildCentre",
    "Consent",
    "ContactPersonAssignment",
    "DailyAttendance",
    "DataExport",
    "Enrolment",
    "ErasureRequest",
    "GoalProgress",
    "Group",
    "Guardian",
    "Holiday",
    "IdempotencyKey",
    "LegalHold",
    "LoginFailure",
    "Membership",
    "Message",
    "MessageReceipt",
    "MessageThread",
    "Notification",
    "NotificationSetting",
    "Organisation",
    "OrganisationCentre",
    "OutboxMail",
    "Placement",
    "RecoveryCode",
    "RefreshToken",
    "RetentionRule",
    "Room",
    "RoomNorm",
    "SessionAttendance",
    "Signal",
    "SupportTrajectory",
    "TalkBooking",
    "TalkRound",
    "TalkRoundChild",
    "TalkSlot",
    "Tenant",
    "ThreadParticipant",
    "TrajectoryGoal",
    "TrajectoryNorm",
    "TrajectoryNote",
    "TrajectorySession",
    "TrajectoryTransition",
    "User",
    "WebhookDelivery",
    "WebhookSubscription",
    "WebhookWatermark",
]

# The change log's flush hook, wherever the models are used (API, worker, CLI, seeds).
import kindcentraal.changes.tracking
import kindcentraal.placement.stays  # noqa: F401
