import enum
import uuid
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kindcentraal.db import Base, TenantMixin, UTCDateTime, str_enum
from kindcentraal.user.models import User


class Child(TenantMixin, Base):
    """A child aged 0-13 in a centre; the record everything else hangs on."""

    __tablename__ = "child"
    __table_args__ = (
        # One child per BSN in a municipality (kindcentraal.child.identity); many without.
        Index(
            "uq_child_tenant_id_bsn",
            "tenant_id",
            "bsn",
            unique=True,
            sqlite_where=text("bsn IS NOT NULL"),
            postgresql_where=text("bsn IS NOT NULL"),
        ),
    )

    centre_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("child_centre.id", ondelete="RESTRICT"), index=True
    )
    group_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("child_group.id", ondelete="SET NULL"), index=True
    )
    given_name: Mapped[str] = mapped_column(String(100))
    family_name: Mapped[str] = mapped_column(String(150), index=True)
    date_of_birth: Mapped[date] = mapped_column(Date)
    # Only where an organisation's legal task needs it; read through its own endpoint.
    bsn: Mapped[str | None] = mapped_column(String(9))
    # A column, so a child can never have two contact persons.
    contact_person_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )
    contact_person_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    contact_person: Mapped[User | None] = relationship(lazy="raise")
    # The child's stay, kept from its placements (kindcentraal.placement.stays): first start
    # and last end (9999-12-31: no end), of all placements and of school placements.
    stay_from: Mapped[date | None] = mapped_column(Date)
    stay_until: Mapped[date | None] = mapped_column(Date)
    school_from: Mapped[date | None] = mapped_column(Date)
    school_until: Mapped[date | None] = mapped_column(Date)

    @property
    def has_bsn(self) -> bool:
        return self.bsn is not None


class GuardianRelation(enum.StrEnum):
    PARENT = "parent"
    FOSTER_PARENT = "foster_parent"
    GUARDIAN = "guardian"
    OTHER = "other"


class Guardian(TenantMixin, Base):
    """A parent or guardian of a child, with or without parental authority (gezag)."""

    __tablename__ = "guardian"
    __table_args__ = (UniqueConstraint("tenant_id", "child_id", "user_id"),)

    child_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("child.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    relation: Mapped[GuardianRelation] = mapped_column(
        str_enum(GuardianRelation, "guardian_relation")
    )
    has_parental_authority: Mapped[bool] = mapped_column(Boolean)
    user: Mapped[User] = relationship(lazy="raise")


class ContactPersonAssignment(TenantMixin, Base):
    """One period in which a professional was the child's contact person: the history of
    handovers. The handover note is for the new contact person only."""

    __tablename__ = "contact_person_assignment"
    __table_args__ = (
        Index("ix_contact_person_assignment_child", "tenant_id", "child_id", "started_at"),
    )

    child_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("child.id", ondelete="CASCADE"))
    user_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="SET NULL")
    )
    assigned_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="SET NULL")
    )
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    handover_note: Mapped[str | None] = mapped_column(Text)
