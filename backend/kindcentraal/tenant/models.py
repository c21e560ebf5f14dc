from sqlalchemy import JSON, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from kindcentraal.db import Base, TimestampMixin


class Tenant(TimestampMixin, Base):
    """A municipality running the platform; every other row belongs to one."""

    __tablename__ = "tenant"

    name: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    # Roles whose members must enrol a second factor before anything else.
    mandatory_two_factor_roles: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The outcome reports publish no count of children under this (never below 5).
    small_cell_threshold: Mapped[int] = mapped_column(Integer, default=10, server_default="10")
    # How long a parent stays signed in on their own device (1-90 days; docs/sessions.md).
    parent_session_days: Mapped[int] = mapped_column(Integer, default=30, server_default="30")
