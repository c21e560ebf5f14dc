import uuid

from sqlalchemy import ForeignKey, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from kindcentraal.db import Base, TenantMixin


class Attachment(TenantMixin, Base):
    """A stored file: its uploader's until a message or an announcement claims it.
    The bytes live in the storage under `storage_key`, a random UUID, never the name."""

    __tablename__ = "attachment"

    owner_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )
    message_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("message.id", ondelete="CASCADE"), index=True
    )
    announcement_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("announcement.id", ondelete="CASCADE"), index=True
    )
    storage_key: Mapped[str] = mapped_column(String(64), unique=True)
    file_name: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
