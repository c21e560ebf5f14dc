import enum
import uuid

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from kindcentraal.db import Base, TenantMixin, str_enum


class GroupKind(enum.StrEnum):
    SCHOOL_CLASS = "school_class"
    CHILDCARE_GROUP = "childcare_group"


class Group(TenantMixin, Base):
    """A school class (groep 1-8) or a childcare group."""

    __tablename__ = "child_group"
    __table_args__ = (
        UniqueConstraint("tenant_id", "centre_id", "name"),
        CheckConstraint("grade IS NULL OR (grade >= 1 AND grade <= 8)", name="grade_range"),
    )

    centre_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("child_centre.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[GroupKind] = mapped_column(str_enum(GroupKind, "group_kind"))
    grade: Mapped[int | None] = mapped_column(Integer)
