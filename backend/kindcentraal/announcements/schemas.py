import uuid
from datetime import datetime
from typing import Literal, Self

from pydantic import Field, field_validator, model_validator

from kindcentraal.attachments.schemas import AttachmentRead
from kindcentraal.common.schemas import ApiModel, ReadModel


def _not_blank(value: str) -> str:
    stripped = value.strip()
    if not stripped:
        raise ValueError("may not be empty")
    return stripped


class AnnouncementCreate(ApiModel):
    """Exactly one audience: `groupId` (a school class or a BSO group) or `centreId`."""

    title: str = Field(min_length=1, max_length=200)
    text: str = Field(min_length=1, max_length=10_000)
    group_id: uuid.UUID | None = Field(
        default=None, description="The families of this group's children (school class or BSO)."
    )
    centre_id: uuid.UUID | None = Field(
        default=None, description="The families of every child of the centre (its admins only)."
    )
    requires_confirmation: bool = Field(
        default=False, description="Ask each family to confirm they read it."
    )
    attachment_ids: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=5,
        description="Your uploads (`POST /attachments`) to send along: PDF, JPEG or PNG.",
    )

    _strip = field_validator("title", "text")(_not_blank)

    @model_validator(mode="after")
    def _one_audience(self) -> Self:
        if (self.group_id is None) == (self.centre_id is None):
            raise ValueError("give exactly one of groupId and centreId")
        return self


class ChildLabel(ReadModel):
    id: uuid.UUID
    given_name: str


class AnnouncementCounts(ReadModel):
    """For the sender and the centre's admins: how many families received, read, confirmed."""

    recipients: int
    read: int
    confirmed: int


class AnnouncementRead(ReadModel):
    """An announcement. For a family: the children it concerns, and whether they read and
    confirmed it; for its sender and the centre's admins: the counts."""

    id: uuid.UUID
    title: str
    text: str
    audience: Literal["group", "centre"]
    centre_id: uuid.UUID
    group_id: uuid.UUID | None
    group_name: str | None
    sender_name: str | None
    published_at: datetime
    requires_confirmation: bool
    children: list[ChildLabel] = Field(
        description="The caller's own children it concerns (empty for staff)."
    )
    read: bool
    confirmed: bool
    read_at: datetime | None
    confirmed_at: datetime | None
    counts: AnnouncementCounts | None = Field(
        description="For the sender and the centre's admins; null for families."
    )
    attachments: list[AttachmentRead] = Field(
        description="Download each at `GET /attachments/{attachmentId}/content`."
    )


class AnnouncementRecipientRead(ReadModel):
    """One family that received it, with the children it concerns."""

    user_id: uuid.UUID
    display_name: str
    children: list[ChildLabel]
    read_at: datetime | None
    confirmed_at: datetime | None
