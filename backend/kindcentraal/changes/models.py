"""The change log behind the changes feed and the webhooks: one row per changed resource,
written in the same transaction as the change (a transactional outbox)."""

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from kindcentraal.db import Base, UTCDateTime

# SQLite numbers rows only through an INTEGER PRIMARY KEY; PostgreSQL gets a bigint identity.
Sequence64 = BigInteger().with_variant(Integer(), "sqlite")


class ChangeRecord(Base):
    """A resource that changed: what, which, how, when. Thin by design: ids, never content.

    `organisation_id` names the organisation whose clients hear of it (a placement's, a
    booking's, an attendance's); None: the clients of every organisation placing `child_id`.
    """

    __tablename__ = "change_record"
    __table_args__ = (
        Index("ix_change_record_tenant_seq", "tenant_id", "seq"),
        Index("ix_change_record_occurred_at", "occurred_at"),
    )

    seq: Mapped[int] = mapped_column(Sequence64, primary_key=True, autoincrement=True)
    tenant_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("tenant.id", ondelete="CASCADE"))
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    child_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    resource: Mapped[str] = mapped_column(String(30))
    resource_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    change: Mapped[str] = mapped_column(String(10))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # PostgreSQL: the writing transaction's id. Readers take only rows of transactions older
    # than every one still running, so a row committed late never slips behind a cursor.
    tx_id: Mapped[int | None] = mapped_column(BigInteger)
