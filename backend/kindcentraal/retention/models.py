"""The retention schedule's tenant overrides, legal holds on children, the children the purge
has de-identified, and the cuts of the access log (docs/retention.md)."""

import enum
import uuid
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, UniqueConstraint, Uuid, text
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql.elements import ColumnElement

from kindcentraal.db import Base, TenantMixin, UTCDateTime, str_enum


class RetentionCategory(enum.StrEnum):
    PUPIL_FILE = "pupil_file"
    PUPIL_BASIC = "pupil_basic"
    CHILDCARE_RECORD = "childcare_record"
    CARE_TRAJECTORY = "care_trajectory"
    CONSENTS = "consents"
    MESSAGES = "messages"
    ANNOUNCEMENTS = "announcements"
    ACTIVITY_DATA = "activity_data"
    BOOKINGS = "bookings"
    NOTIFICATIONS = "notifications"
    DELIVERY_LOGS = "delivery_logs"
    SIGN_IN = "sign_in"
    ACCESS_LOG = "access_log"


class RetentionRule(TenantMixin, Base):
    """A tenant's own term for one category; without a row the documented default holds."""

    __tablename__ = "retention_rule"
    __table_args__ = (UniqueConstraint("tenant_id", "category"),)

    category: Mapped[RetentionCategory] = mapped_column(
        str_enum(RetentionCategory, "retention_category")
    )
    months: Mapped[int] = mapped_column(Integer)
    updated_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="SET NULL")
    )


class LegalHold(TenantMixin, Base):
    """A stop on the purge for one child, set by a centre admin with a reason; released, never
    deleted, so the history of holds stays."""

    __tablename__ = "legal_hold"
    __table_args__ = (
        Index("ix_legal_hold_tenant_child", "tenant_id", "child_id"),
        # At most one hold in force per child.
        Index(
            "uq_legal_hold_active",
            "child_id",
            unique=True,
            sqlite_where=text("released_at IS NULL"),
            postgresql_where=text("released_at IS NULL"),
        ),
    )

    child_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("child.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(String(500))
    set_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="SET NULL")
    )
    set_at: Mapped[datetime] = mapped_column(UTCDateTime)
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    released_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="SET NULL")
    )

    @classmethod
    def in_force(
        cls, tenant_id: uuid.UUID, child_id: uuid.UUID | None = None
    ) -> list[ColumnElement[bool]]:
        """The holds in force in a municipality (of one child, given its id): the one rule the
        purge, erasure, merges and deleting a record all stop at."""
        conditions = [cls.tenant_id == tenant_id, cls.released_at.is_(None)]
        if child_id is not None:
            conditions.append(cls.child_id == child_id)
        return conditions


class AnonymisedChild(Base):
    """A child whose record the purge de-identified: the row stays as a shell that the
    outcome reports count (centre, dates), without name, BSN or texts."""

    __tablename__ = "anonymised_child"

    child_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("child.id", ondelete="CASCADE"), primary_key=True
    )
    tenant_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("tenant.id", ondelete="CASCADE"), index=True
    )
    anonymised_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AuditLogCut(Base):
    """The access log's oldest seals dropped past their term: the last dropped seal's number
    and hash, the anchor the remaining chain starts from. Append-only; `audit verify` checks
    the first remaining seal against the newest cut."""

    __tablename__ = "audit_log_cut"
    __table_args__ = (UniqueConstraint("tenant_id", "seal_number"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    tenant_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("tenant.id", ondelete="RESTRICT"), index=True
    )
    seal_number: Mapped[int] = mapped_column(BigInteger)
    seal_hash: Mapped[str] = mapped_column(String(64))
    last_sealed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    cut_at: Mapped[datetime] = mapped_column(UTCDateTime)
    events: Mapped[int] = mapped_column(Integer)
