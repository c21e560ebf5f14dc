import enum
import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from kindcentraal.db import Base, TenantMixin, UTCDateTime, str_enum


class ExportStatus(enum.StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    READY = "ready"
    FAILED = "failed"
    EXPIRED = "expired"


class DataExport(TenantMixin, Base):
    """An AVG (art. 15) export a guardian asked for. The file is a copy of special-category
    data: it is kept only until `expires_at`, then erased (the row stays as the record)."""

    __tablename__ = "data_export"
    __table_args__ = (Index("ix_data_export_tenant_requester", "tenant_id", "requested_by_id"),)

    child_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("child.id", ondelete="CASCADE"))
    requested_by_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="CASCADE")
    )
    status: Mapped[ExportStatus] = mapped_column(str_enum(ExportStatus, "export_status"))
    progress: Mapped[int] = mapped_column(Integer, default=0)
    care_data_included: Mapped[bool] = mapped_column(Boolean)
    content: Mapped[str | None] = mapped_column(Text)
    ready_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
