import enum
import uuid
from datetime import date

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Index, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from kindcentraal.db import Base, TenantMixin, str_enum


class PlacementKind(enum.StrEnum):
    SCHOOL = "school"
    DAYCARE = "daycare"
    PRESCHOOL = "preschool"
    OUT_OF_SCHOOL_CARE = "out_of_school_care"


class Weekday(enum.StrEnum):
    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"


class Placement(TenantMixin, Base):
    """A child's enrolment at an organisation; it grants that organisation's staff access."""

    __tablename__ = "placement"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="end_after_start"),
        # A childcare provider's system knows a placement by its own key.
        Index(
            "uq_placement_organisation_external",
            "organisation_id",
            "external_id",
            unique=True,
        ),
    )

    child_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("child.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[PlacementKind] = mapped_column(str_enum(PlacementKind, "placement_kind"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    days: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The hours on those days, local "HH:MM"; None: the kind's usual hours (after-school care:
    # from the end of the school day until 18:30).
    # The childcare group the child goes to (a BSO group); its "Vandaag" list shows the child.
    group_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("child_group.id", ondelete="SET NULL"), index=True
    )
    from_time: Mapped[str | None] = mapped_column(String(5))
    until_time: Mapped[str | None] = mapped_column(String(5))
    # The placement's key in the organisation's own system (set by its API client), if any.
    external_id: Mapped[str | None] = mapped_column(String(100))
