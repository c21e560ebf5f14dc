from typing import Any

from sqlalchemy import JSON, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kindcentraal.db import Base, TenantMixin


class ChildCentre(TenantMixin, Base):
    """An integrated child centre (IKC/IMO): one or more buildings, many partners."""

    __tablename__ = "child_centre"
    __table_args__ = (UniqueConstraint("tenant_id", "name"),)

    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    # School hours per weekday, local time ({"monday": {"opens": "08:30", "closes": "14:30"}});
    # None: the usual Dutch week (DEFAULT_SCHOOL_HOURS).
    school_hours: Mapped[dict[str, Any] | None] = mapped_column(JSON)
