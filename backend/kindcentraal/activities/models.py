"""Activities after school: what a partner offers, its sessions in the centre's rooms, who is
enrolled or waiting, and who came.

A session is a room booking (the rooms capability's rules and conflicts apply) with the
activity's name on it. An enrolment is `enrolled` while it holds a place and `waitlisted` while
it waits; the waiting list is first come, first served (`requested_at`, then id), and moves up
by itself when a place frees.
"""

import enum
import uuid
from datetime import date, datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from kindcentraal.db import Base, TenantMixin, UTCDateTime, str_enum


class ActivityCategory(enum.StrEnum):
    SPORT = "sport"
    CULTURE = "culture"
    MEDIA = "media"
    WELFARE = "welfare"
    STUDY_SUPPORT = "study_support"
    NATURE = "nature"
    OTHER = "other"


class EnrolmentStatus(enum.StrEnum):
    ENROLLED = "enrolled"
    WAITLISTED = "waitlisted"
    CANCELLED = "cancelled"


class SessionAttendanceStatus(enum.StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"


class Activity(TenantMixin, Base):
    __tablename__ = "activity"
    __table_args__ = (
        CheckConstraint("capacity >= 1", name="capacity_positive"),
        CheckConstraint("cost_cents IS NULL OR cost_cents >= 0", name="cost_not_negative"),
        CheckConstraint(
            "min_age IS NULL OR max_age IS NULL OR min_age <= max_age", name="age_range"
        ),
        CheckConstraint(
            "enrolment_opens IS NULL OR enrolment_closes IS NULL "
            "OR enrolment_opens <= enrolment_closes",
            name="window_order",
        ),
        Index("ix_activity_tenant_centre", "tenant_id", "centre_id"),
    )

    centre_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("child_centre.id", ondelete="CASCADE")
    )
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[ActivityCategory] = mapped_column(
        str_enum(ActivityCategory, "activity_category")
    )
    min_age: Mapped[int | None] = mapped_column(Integer)
    max_age: Mapped[int | None] = mapped_column(Integer)
    # The groups it is for (school classes); empty: every group of the age range.
    group_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    capacity: Mapped[int] = mapped_column(Integer)
    cost_cents: Mapped[int | None] = mapped_column(Integer)
    enrolment_opens: Mapped[date | None] = mapped_column(Date)
    enrolment_closes: Mapped[date | None] = mapped_column(Date)
    created_by_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="RESTRICT")
    )


class ActivitySession(TenantMixin, Base):
    """One meeting of an activity: its room booking and, copied from it, when and where."""

    __tablename__ = "activity_session"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        Index("ix_activity_session_activity_starts", "activity_id", "starts_at"),
        Index("ix_activity_session_tenant_starts", "tenant_id", "starts_at"),
    )

    activity_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("activity.id", ondelete="CASCADE")
    )
    booking_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("booking.id", ondelete="SET NULL"), index=True
    )
    room_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("room.id", ondelete="SET NULL")
    )
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Enrolment(TenantMixin, Base):
    __tablename__ = "enrolment"
    __table_args__ = (
        # One place or one place in the queue per child and activity.
        Index(
            "uq_enrolment_active",
            "activity_id",
            "child_id",
            unique=True,
            sqlite_where=text("status != 'cancelled'"),
            postgresql_where=text("status != 'cancelled'"),
        ),
        Index("ix_enrolment_activity_status_requested", "activity_id", "status", "requested_at"),
        Index("ix_enrolment_child", "child_id"),
    )

    activity_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("activity.id", ondelete="CASCADE")
    )
    child_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("child.id", ondelete="CASCADE"))
    status: Mapped[EnrolmentStatus] = mapped_column(str_enum(EnrolmentStatus, "enrolment_status"))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    enrolled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    enrolled_by_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="RESTRICT")
    )


class SessionAttendance(TenantMixin, Base):
    __tablename__ = "session_attendance"
    __table_args__ = (UniqueConstraint("session_id", "child_id"),)

    session_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("activity_session.id", ondelete="CASCADE")
    )
    child_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("child.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[SessionAttendanceStatus] = mapped_column(
        str_enum(SessionAttendanceStatus, "session_attendance_status")
    )
    recorded_by_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="RESTRICT")
    )
