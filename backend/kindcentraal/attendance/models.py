"""Absence reports and daily attendance at school and after-school care.

One absence report by a guardian reaches everyone who has the child on those days: the group's
teacher, the after-school group, the activities' staff. Daily attendance is the check-in and
check-out at the school or the BSO, per day and organisation.
"""

import enum
import uuid
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from kindcentraal.db import Base, TenantMixin, UTCDateTime, str_enum


class AbsenceReason(enum.StrEnum):
    ILL = "ill"
    APPOINTMENT = "appointment"
    OTHER = "other"


class Absence(TenantMixin, Base):
    __tablename__ = "absence"
    __table_args__ = (
        CheckConstraint("to_date >= from_date", name="to_after_from"),
        Index("ix_absence_child_dates", "child_id", "from_date", "to_date"),
        Index("ix_absence_tenant_dates", "tenant_id", "from_date", "to_date"),
    )

    child_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("child.id", ondelete="CASCADE"))
    from_date: Mapped[date] = mapped_column(Date)
    to_date: Mapped[date] = mapped_column(Date)
    reason: Mapped[AbsenceReason] = mapped_column(str_enum(AbsenceReason, "absence_reason"))
    note: Mapped[str | None] = mapped_column(String(500))
    reported_by_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="RESTRICT")
    )
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class DailyAttendance(TenantMixin, Base):
    """A child's day at one organisation (school or BSO): in and out."""

    __tablename__ = "daily_attendance"
    __table_args__ = (
        UniqueConstraint("child_id", "organisation_id", "day"),
        CheckConstraint(
            "checked_out_at IS NULL OR checked_in_at IS NULL OR checked_out_at >= checked_in_at",
            name="out_after_in",
        ),
        Index("ix_daily_attendance_tenant_day", "tenant_id", "day"),
    )

    child_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("child.id", ondelete="CASCADE"))
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("organisation.id", ondelete="CASCADE")
    )
    day: Mapped[date] = mapped_column(Date)
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    checked_out_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    recorded_by_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="RESTRICT")
    )
