"""The record of an erasure request (AVG art. 17): who handled it, when, what went and what
was kept with its legal reason. Counts and category names only, never erased content."""

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from kindcentraal.db import Base, TenantMixin, UTCDateTime


class ErasureRequest(TenantMixin, Base):
    """One guardian's request for one child, as a centre admin handled it.

    `child_id` has no foreign key: the record must outlive the child's record (the proof that
    the request was answered, AVG art. 5(2) and 12(3))."""

    __tablename__ = "erasure_request"
    __table_args__ = (
        Index("ix_erasure_request_tenant_centre_handled", "tenant_id", "centre_id", "handled_at"),
        Index("ix_erasure_request_tenant_child", "tenant_id", "child_id"),
    )

    centre_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("child_centre.id", ondelete="CASCADE")
    )
    child_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    handled_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="SET NULL")
    )
    handled_at: Mapped[datetime] = mapped_column(UTCDateTime)
    request_received_on: Mapped[date] = mapped_column(Date)
    # The category keys the guardian asked for.
    categories: Mapped[list[str]] = mapped_column(JSON)
    # Per erased category: {"erased": n, "anonymised": n}.
    erased: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Per kept category: {"reason": key, "count": n}.
    kept: Mapped[dict[str, Any]] = mapped_column(JSON)
    # The admin's own note on how the request came in (no content of the child's file).
    note: Mapped[str | None] = mapped_column(String(500))
