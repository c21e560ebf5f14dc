"""Support inside the centre: signals, trajectories and everything hanging on a trajectory.

Nothing here is overwritten where history matters: transitions are rows, a corrected note is a
new version beside the old one, and goal progress is a list of entries.
"""

import enum
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    event,
)
from sqlalchemy.orm import Mapped, Mapper, mapped_column

from kindcentraal.consent.models import TrajectoryType
from kindcentraal.db import Base, TenantMixin, UTCDateTime, str_enum


class SignalCategory(enum.StrEnum):
    LANGUAGE_SPEECH = "language_speech"
    BEHAVIOUR = "behaviour"
    DEVELOPMENT = "development"
    HOME_SITUATION = "home_situation"
    HEALTH = "health"
    LEARNING = "learning"
    OTHER = "other"


class SignalDecision(enum.StrEnum):
    DISCUSSED_WITH_PARENTS = "discussed_with_parents"
    WATCH = "watch"
    SUPPORT_REQUESTED = "support_requested"
    NO_ACTION = "no_action"


class TrajectoryStatus(enum.StrEnum):
    REQUESTED = "requested"
    INTAKE = "intake"
    ACTIVE = "active"
    EVALUATION = "evaluation"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class TrajectoryLocation(enum.StrEnum):
    IN_CENTRE = "in_centre"
    AT_HOME = "at_home"
    AT_PARTNER = "at_partner"
    ONLINE = "online"


class TrajectoryOutcome(enum.StrEnum):
    GOALS_REACHED = "goals_reached"
    CONTINUED_IN_CENTRE = "continued_in_centre"
    REFERRED_OUT = "referred_out"
    STOPPED_BY_FAMILY = "stopped_by_family"
    OTHER = "other"


class ReferralDestination(enum.StrEnum):
    SPECIALISED_YOUTH_CARE = "specialised_youth_care"
    GGZ = "ggz"
    SPECIAL_EDUCATION = "special_education"
    MEDICAL = "medical"
    OTHER = "other"


class GoalStatus(enum.StrEnum):
    OPEN = "open"
    REACHED = "reached"
    ADJUSTED = "adjusted"
    DROPPED = "dropped"


class SessionLocation(enum.StrEnum):
    CENTRE_ROOM = "centre_room"
    HOME = "home"
    PARTNER = "partner"
    ONLINE = "online"


class Attendance(enum.StrEnum):
    PLANNED = "planned"
    ATTENDED = "attended"
    ABSENT = "absent"
    CANCELLED = "cancelled"


class NoteKind(enum.StrEnum):
    NOTE = "note"
    EVALUATION = "evaluation"
    TEAM_MEETING = "team_meeting"


class NoteVisibility(enum.StrEnum):
    TEAM = "team"
    TEAM_AND_GUARDIANS = "team_and_guardians"


class CareCoordinator(TenantMixin, Base):
    """A care coordinator (intern begeleider) of a centre: sees and decides the centre's signals
    and starts support, beside each child's contact person."""

    __tablename__ = "care_coordinator"
    __table_args__ = (UniqueConstraint("tenant_id", "centre_id", "user_id"),)

    centre_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("child_centre.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )


class Signal(TenantMixin, Base):
    """What a professional (or a parent) sees in a child, and what the contact person decided."""

    __tablename__ = "signal"
    __table_args__ = (
        CheckConstraint("(decision IS NULL) = (decided_at IS NULL)", name="decision_has_a_moment"),
        Index("ix_signal_tenant_child_created", "tenant_id", "child_id", "created_at"),
    )

    child_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("child.id", ondelete="CASCADE"))
    author_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="RESTRICT"), index=True
    )
    author_organisation_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("organisation.id", ondelete="SET NULL")
    )
    category: Mapped[SignalCategory] = mapped_column(str_enum(SignalCategory, "signal_category"))
    description: Mapped[str] = mapped_column(Text)
    from_guardians: Mapped[bool] = mapped_column(Boolean, default=False)
    requested_type: Mapped[TrajectoryType | None] = mapped_column(
        str_enum(TrajectoryType, "trajectory_type")
    )
    decision: Mapped[SignalDecision | None] = mapped_column(
        str_enum(SignalDecision, "signal_decision")
    )
    decision_reason: Mapped[str | None] = mapped_column(String(1000))
    review_on: Mapped[date | None] = mapped_column(Date)
    decided_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="RESTRICT")
    )
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    trajectory_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("support_trajectory.id", ondelete="SET NULL")
    )


class SupportTrajectory(TenantMixin, Base):
    """Support for one child, of one type, given by one organisation, from request to close."""

    __tablename__ = "support_trajectory"
    __table_args__ = (
        CheckConstraint(
            "(status = 'closed') = (outcome IS NOT NULL)", name="closed_has_an_outcome"
        ),
        CheckConstraint(
            "(outcome = 'referred_out') = (referral_destination IS NOT NULL)",
            name="referral_only_when_referred_out",
        ),
        Index("ix_support_trajectory_tenant_child", "tenant_id", "child_id"),
        Index(
            "ix_support_trajectory_tenant_status_requested", "tenant_id", "status", "requested_at"
        ),
        # The board's order: walked in order, a page stops after its rows instead of sorting
        # every trajectory of the municipality.
        Index("ix_support_trajectory_tenant_requested", "tenant_id", "requested_at", "id"),
    )

    child_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("child.id", ondelete="CASCADE"))
    type: Mapped[TrajectoryType] = mapped_column(str_enum(TrajectoryType, "trajectory_type"))
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    coordinator_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )
    requested_by_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="RESTRICT")
    )
    reason: Mapped[str] = mapped_column(String(2000))
    location: Mapped[TrajectoryLocation] = mapped_column(
        str_enum(TrajectoryLocation, "trajectory_location")
    )
    status: Mapped[TrajectoryStatus] = mapped_column(
        str_enum(TrajectoryStatus, "trajectory_status")
    )
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    intake_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    outcome: Mapped[TrajectoryOutcome | None] = mapped_column(
        str_enum(TrajectoryOutcome, "trajectory_outcome")
    )
    referral_destination: Mapped[ReferralDestination | None] = mapped_column(
        str_enum(ReferralDestination, "referral_destination")
    )
    referral_reason: Mapped[str | None] = mapped_column(String(1000))
    # Working days from request to intake and to start, stored when the step is reached
    # (`support.waiting.stamp_working_days`): the outcome reports aggregate them in the
    # database, which cannot count Dutch working days in local time by itself.
    intake_working_days: Mapped[int | None] = mapped_column(Integer)
    start_working_days: Mapped[int | None] = mapped_column(Integer)


@event.listens_for(SupportTrajectory, "before_insert")
@event.listens_for(SupportTrajectory, "before_update")
def _stamp_working_days(_mapper: Mapper[Any], _connection: Any, target: SupportTrajectory) -> None:
    """Keep the stored waiting times in step with the moments, however a trajectory is written
    through the ORM (loaders that insert rows directly fill them with `days_between`)."""
    from kindcentraal.support.waiting import days_between  # waiting imports these models

    target.intake_working_days = days_between(target.requested_at, target.intake_at)
    target.start_working_days = days_between(target.requested_at, target.started_at)


class TrajectoryTransition(TenantMixin, Base):
    """One status change: when, by whom, from what to what."""

    __tablename__ = "trajectory_transition"

    trajectory_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("support_trajectory.id", ondelete="CASCADE"), index=True
    )
    from_status: Mapped[TrajectoryStatus | None] = mapped_column(
        str_enum(TrajectoryStatus, "trajectory_from_status")
    )
    to_status: Mapped[TrajectoryStatus] = mapped_column(
        str_enum(TrajectoryStatus, "trajectory_status")
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    by_user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="RESTRICT")
    )


class TrajectoryNorm(TenantMixin, Base):
    """The tenant's waiting-time norm for one trajectory type, in working days from request."""

    __tablename__ = "trajectory_norm"
    __table_args__ = (UniqueConstraint("tenant_id", "type"),)

    type: Mapped[TrajectoryType] = mapped_column(str_enum(TrajectoryType, "trajectory_type"))
    intake_within_days: Mapped[int] = mapped_column(Integer)
    start_within_days: Mapped[int] = mapped_column(Integer)


class TrajectoryGoal(TenantMixin, Base):
    __tablename__ = "trajectory_goal"

    trajectory_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("support_trajectory.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(String(2000))
    target_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[GoalStatus] = mapped_column(str_enum(GoalStatus, "goal_status"))
    shared_with_daily_team: Mapped[bool] = mapped_column(Boolean, default=False)
    # What the teacher or pedagogisch medewerker can do in the class or group.
    daily_team_advice: Mapped[str | None] = mapped_column(String(2000))
    created_by_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="RESTRICT")
    )


class GoalProgress(TenantMixin, Base):
    __tablename__ = "goal_progress"

    goal_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("trajectory_goal.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="RESTRICT")
    )
    text: Mapped[str] = mapped_column(String(2000))


class TrajectorySession(TenantMixin, Base):
    __tablename__ = "trajectory_session"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        Index(
            "ix_trajectory_session_tenant_professional_start",
            "tenant_id",
            "professional_id",
            "starts_at",
        ),
    )

    trajectory_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("support_trajectory.id", ondelete="CASCADE"), index=True
    )
    professional_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="RESTRICT")
    )
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    location: Mapped[SessionLocation] = mapped_column(str_enum(SessionLocation, "session_location"))
    location_detail: Mapped[str | None] = mapped_column(String(200))
    attendance: Mapped[Attendance] = mapped_column(str_enum(Attendance, "attendance"))


class TrajectoryNote(TenantMixin, Base):
    """A note, evaluation or team meeting. Never edited: a correction is a new version that
    names the one it replaces; both are kept."""

    __tablename__ = "trajectory_note"

    trajectory_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("support_trajectory.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="RESTRICT")
    )
    kind: Mapped[NoteKind] = mapped_column(str_enum(NoteKind, "note_kind"))
    visibility: Mapped[NoteVisibility] = mapped_column(str_enum(NoteVisibility, "note_visibility"))
    text: Mapped[str] = mapped_column(Text)
    # A team meeting (MDO): who took part (names and roles, the guardians included), decided.
    participants: Mapped[list[str] | None] = mapped_column(JSON)
    decisions: Mapped[str | None] = mapped_column(Text)
    replaces_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("trajectory_note.id", ondelete="RESTRICT"), unique=True
    )
