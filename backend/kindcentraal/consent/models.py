import enum
import uuid
from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from kindcentraal.db import Base, TenantMixin, UTCDateTime, str_enum


class ConsentPurpose(enum.StrEnum):
    CARE_TEAM = "care_team"
    TRAJECTORY = "trajectory"
    INFORMATION_SHARING = "information_sharing"
    PHOTOS = "photos"


class TrajectoryType(enum.StrEnum):
    LOGOPEDIE = "logopedie"
    OPVOEDONDERSTEUNING = "opvoedondersteuning"
    JEUGDHULP = "jeugdhulp"
    PASSEND_ONDERWIJS = "passend_onderwijs"
    FYSIOTHERAPIE = "fysiotherapie"
    ERGOTHERAPIE = "ergotherapie"
    GGZ_JEUGD = "ggz_jeugd"
    SCHOOLMAATSCHAPPELIJK_WERK = "schoolmaatschappelijk_werk"
    OTHER = "other"


class Consent(TenantMixin, Base):
    """A guardian's consent for one organisation, for one purpose.

    Rows are never overwritten: a withdrawal stamps `withdrawn_at` once, a renewal is a new row.
    """

    __tablename__ = "consent"
    __table_args__ = (
        CheckConstraint(
            "(purpose = 'trajectory') = (trajectory_type IS NOT NULL)",
            name="type_only_for_trajectories",
        ),
    )

    child_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("child.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    purpose: Mapped[ConsentPurpose] = mapped_column(str_enum(ConsentPurpose, "consent_purpose"))
    trajectory_type: Mapped[TrajectoryType | None] = mapped_column(
        str_enum(TrajectoryType, "trajectory_type")
    )
    given_by_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="RESTRICT")
    )
    # From 12 to 15 the child consents too (WGBO); recorded beside the guardian.
    child_also_consented: Mapped[bool] = mapped_column(Boolean, default=False)
    given_at: Mapped[datetime] = mapped_column(UTCDateTime)
    valid_until: Mapped[date | None] = mapped_column(Date)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdrawn_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="RESTRICT")
    )
    note: Mapped[str | None] = mapped_column(String(500))
