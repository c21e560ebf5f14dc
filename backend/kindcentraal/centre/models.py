from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kindcentraal.db import Base, TenantMixin


class ChildCentre(TenantMixin, Base):
    """An integrated child centre (IKC/IMO): one or more buildings, many partners."""

    __tablename__ = "child_centre"
    __table_args__ = (UniqueConstraint("tenant_id", "name"),)

    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
