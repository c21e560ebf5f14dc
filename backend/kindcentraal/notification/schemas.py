import uuid

from pydantic import AwareDatetime, Field

from kindcentraal.common.schemas import ApiModel, ReadModel
from kindcentraal.notification.models import NotificationKind


class NotificationRead(ReadModel):
    id: uuid.UUID
    kind: NotificationKind
    text: str = Field(description="What happened, in plain words; never care content.")
    child_id: uuid.UUID | None = Field(description="Null for a notification about a booking.")
    child_name: str | None
    trajectory_id: uuid.UUID | None
    signal_id: uuid.UUID | None
    booking_id: uuid.UUID | None
    read: bool
    created_at: AwareDatetime


class NotificationUpdate(ApiModel):
    read: bool


class NotificationPage(ReadModel):
    items: list[NotificationRead]
    next_cursor: str | None
    unread_count: int = Field(description="All unread notifications, for the header badge.")
