import uuid
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, Field

from kindcentraal.attachments.schemas import AttachmentRead
from kindcentraal.common.schemas import ApiModel, ReadModel

MAX_TEXT = 5000


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("the text is empty")
    return value.strip()


MessageText = Annotated[
    str,
    Field(min_length=1, max_length=MAX_TEXT, description="1 to 5,000 characters, not only spaces."),
    AfterValidator(_not_blank),
]
Subject = Annotated[
    str,
    Field(min_length=1, max_length=200, description="1 to 200 characters."),
    AfterValidator(_not_blank),
]


class ThreadCreate(ApiModel):
    subject: Subject
    text: MessageText
    guardian_ids: list[uuid.UUID] | None = Field(
        default=None,
        max_length=20,
        description="Only when the contact person opens the thread: the guardians (their "
        "`GuardianRead.id`) to write to; default all of the child's guardians.",
    )
    attachment_ids: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=10,
        description="Files uploaded by the caller (`POST /attachments`) and not yet used.",
    )


class MessageCreate(ApiModel):
    text: MessageText
    attachment_ids: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=10,
        description="Files uploaded by the caller (`POST /attachments`) and not yet used.",
    )


class ParticipantCreate(ApiModel):
    user_id: uuid.UUID = Field(
        description="A care-team member of the child whose organisation has the guardians' "
        "care-team consent in force."
    )


class ThreadChild(ReadModel):
    id: uuid.UUID
    given_name: str


class ParticipantRead(ReadModel):
    user_id: uuid.UUID
    display_name: str
    joined_at: AwareDatetime
    left_at: AwareDatetime | None = Field(
        description="Set when the participant left (e.g. a contact-person handover)."
    )


class ReadReceipt(ReadModel):
    user_id: uuid.UUID
    display_name: str
    read_at: AwareDatetime


class MessageRead(ReadModel):
    id: uuid.UUID
    thread_id: uuid.UUID
    author_id: uuid.UUID | None
    author_name: str | None
    created_at: AwareDatetime
    text: str | None = Field(description="Null when the message was withdrawn.")
    withdrawn: bool
    attachments: list[AttachmentRead] = Field(description="Empty when withdrawn.")
    read_by: list[ReadReceipt] = Field(
        description="The other participants who read it, and when they first did."
    )


class ThreadSummary(ReadModel):
    id: uuid.UUID
    subject: str
    child: ThreadChild
    participants: list[ParticipantRead] = Field(description="The current participants.")
    last_message_at: AwareDatetime = Field(description="When the newest message was written.")
    unread_count: int = Field(description="Messages of others the caller has not read yet.")
    closed: bool
    created_at: AwareDatetime


class ThreadRead(ThreadSummary):
    messages: list[MessageRead] = Field(description="Oldest first.")
    can_close: bool = Field(
        description="The caller is the child's contact person: closes and reopens the thread."
    )


class UnreadCount(ReadModel):
    unread_count: int = Field(description="Unread messages in all of the caller's threads.")
