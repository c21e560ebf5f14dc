import uuid
from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

import kindcentraal.support.models  # noqa: F401 - the table trajectory_id refers to
from kindcentraal.db import Base, TenantMixin
from kindcentraal.organisation.models import Organisation
from kindcentraal.user.models import User


class CareTeamMember(TenantMixin, Base):
    """A professional on a child's care team, for their organisation, for a period."""

    __tablename__ = "care_team_member"
    __table_args__ = (
        CheckConstraint("until_date IS NULL OR until_date >= since_date", name="until_after_since"),
    )

    child_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("child.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(100))
    # A member of one support trajectory's team (role: their part in it); None: the care team.
    trajectory_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("support_trajectory.id", ondelete="CASCADE"), index=True
    )
    since_date: Mapped[date] = mapped_column(Date)
    until_date: Mapped[date | None] = mapped_column(Date)
    user: Mapped[User] = relationship(lazy="raise")
    organisation: Mapped[Organisation] = relationship(lazy="raise")
