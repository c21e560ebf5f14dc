"""Buildings, rooms, the centre's holiday calendar and room bookings.

A booking's times are stored in UTC; a recurring booking is one row per occurrence, all naming
their series, so an occurrence can be cancelled or moved on its own. Two confirmed bookings of
one room never overlap: on PostgreSQL an exclusion constraint says so; on SQLite, where writes
are serialised, the service checks it in the writing transaction.
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
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    Uuid,
    false,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ExcludeConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kindcentraal.db import Base, TenantMixin, UTCDateTime, str_enum


class RoomType(enum.StrEnum):
    CLASSROOM = "classroom"
    GYM = "gym"
    OFFICE = "office"
    TEAM_ROOM = "team_room"
    TECHNIQUE = "technique"
    CRAFTS = "crafts"
    GROUP_ROOM = "group_room"
    LIBRARY = "library"
    MEETING = "meeting"
    OTHER = "other"


class HolidayKind(enum.StrEnum):
    SCHOOL_HOLIDAY = "school_holiday"
    STUDY_DAY = "study_day"


class BookingStatus(enum.StrEnum):
    REQUESTED = "requested"
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"


class Building(TenantMixin, Base):
    __tablename__ = "building"

    centre_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("child_centre.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    gross_floor_area_m2: Mapped[float | None] = mapped_column(Float)


class Room(TenantMixin, Base):
    __tablename__ = "room"
    __table_args__ = (
        CheckConstraint("capacity IS NULL OR capacity > 0", name="capacity_positive"),
    )

    building_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("building.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    type: Mapped[RoomType] = mapped_column(str_enum(RoomType, "room_type"))
    floor_area_m2: Mapped[float | None] = mapped_column(Float)
    capacity: Mapped[int | None] = mapped_column(Integer)
    owner_organisation_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    features: Mapped[list[str]] = mapped_column(JSON, default=list)
    # {"monday": {"opens": "07:30", "closes": "18:30"}, ...}; a day left out is closed.
    opening_hours: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Organisation types that may book it (OrganisationType values).
    bookable_by: Mapped[list[str]] = mapped_column(JSON, default=list)
    needs_approval: Mapped[bool] = mapped_column(Boolean, default=False)
    # Bookings not checked in within 15 minutes of their start are released (no-shows).
    check_in_required: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Holiday(TenantMixin, Base):
    """A school holiday or a study day of one centre; dates inclusive."""

    __tablename__ = "holiday"
    __table_args__ = (CheckConstraint("end_date >= start_date", name="ends_after_start"),)

    centre_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("child_centre.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[HolidayKind] = mapped_column(str_enum(HolidayKind, "holiday_kind"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)


class BookingSeries(TenantMixin, Base):
    """What a recurring booking was asked as: its rule and its exceptions."""

    __tablename__ = "booking_series"

    room_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("room.id", ondelete="CASCADE"), index=True
    )
    recurrence: Mapped[str] = mapped_column(String(500))
    skip_holidays: Mapped[bool] = mapped_column(Boolean)
    skip_dates: Mapped[list[str]] = mapped_column(JSON, default=list)


class Booking(TenantMixin, Base):
    __tablename__ = "booking"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        Index("ix_booking_room_starts", "room_id", "starts_at"),
        ExcludeConstraint(
            (text("room_id"), "="),
            (func.tstzrange(text("starts_at"), text("ends_at"), "[)"), "&&"),
            using="gist",
            where="status = 'confirmed'",
            name="ex_booking_no_overlap",
        ).ddl_if(dialect="postgresql"),
    )

    room_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("room.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    booked_by_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="RESTRICT"), index=True
    )
    purpose: Mapped[str] = mapped_column(String(300))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[BookingStatus] = mapped_column(str_enum(BookingStatus, "booking_status"))
    attendees: Mapped[int | None] = mapped_column(Integer)
    series_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("booking_series.id", ondelete="SET NULL"), index=True
    )
    # For the activities issue; no foreign key until activities exist.
    activity_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    trajectory_session_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("trajectory_session.id", ondelete="SET NULL")
    )
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Set with status cancelled when a booking was released unused: a no-show.
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class RoomNorm(TenantMixin, Base):
    """The tenant's floor-area norm and its idea of "after school"; absent: the defaults."""

    __tablename__ = "room_norm"
    __table_args__ = (UniqueConstraint("tenant_id"),)

    base_m2: Mapped[float] = mapped_column(Float)
    per_pupil_m2: Mapped[float] = mapped_column(Float)
    after_school_from: Mapped[str] = mapped_column(String(5))  # "15:00", local time
    wednesday_afternoon_from: Mapped[str] = mapped_column(String(5))  # "12:00"


class CalendarFeed(TenantMixin, Base):
    """A secret, revocable iCalendar address: one organisation's bookings, or one room's as that
    organisation sees them. Only the token's hash is kept."""

    __tablename__ = "calendar_feed"

    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    room_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("room.id", ondelete="CASCADE"), index=True
    )
    created_by_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
