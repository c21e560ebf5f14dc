"""Uploads checked by content, claimed by a message, read through what owns them.

An upload belongs to its uploader until a message claims it (`claim`); from then on whoever
may read that message may read the file (`authorise_read`, the one place to extend when
announcements carry files too). The bytes go to the storage under a random key.
"""

import re
import unicodedata
import uuid
from collections.abc import AsyncGenerator, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

import filetype
from fastapi import Request
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from kindcentraal.announcements import policy as announcement_policy
from kindcentraal.announcements.models import Announcement
from kindcentraal.attachments.models import Attachment
from kindcentraal.attachments.schemas import ALLOWED_TYPES, MAX_SIZE, AttachmentRead
from kindcentraal.audit import service as audit
from kindcentraal.auth.principal import Principal
from kindcentraal.child import service as child_service
from kindcentraal.errors import AppError, InvalidInput, NotFound
from kindcentraal.messages import policy as message_policy
from kindcentraal.messages.models import Message, MessageThread
from kindcentraal.storage import Storage, StorageError

RESOURCE = "attachments"
# What a multipart body may carry around the file: boundaries, part headers, a long name.
ENVELOPE = 64 * 1024
_EXTENSIONS = {
    "application/pdf": (".pdf",),
    "image/jpeg": (".jpg", ".jpeg", ".jpe"),
    "image/png": (".png",),
}
_DECLARED_ALIASES = {"image/jpg": "image/jpeg", "image/pjpeg": "image/jpeg"}
_UNSAFE = re.compile(r'["\\/:*?<>|;\x00-\x1f\x7f]')


class StorageUnavailable(AppError):
    status = 503
    code = "storage_unavailable"
    title = "Storage unavailable"


class PayloadTooLarge(InvalidInput):
    status = 413
    code = "payload_too_large"
    title = "Payload too large"


def _too_large() -> PayloadTooLarge:
    return PayloadTooLarge(
        [
            {
                "in": "body",
                "location": "#/file",
                "code": "too_large",
                "detail": "A file is at most 10 MB.",
            }
        ],
        "A file is at most 10 MB.",
    )


def _file_error(code: str, detail: str) -> InvalidInput:
    return InvalidInput.field("file", code, detail)


def clean_file_name(name: str | None, content_type: str) -> str:
    """The last path segment without control or quoting characters, at most 200 characters;
    the type's extension when it has none."""
    raw = unicodedata.normalize("NFC", name or "")
    raw = PureWindowsPath(PurePosixPath(raw).name).name
    cleaned = "".join(
        "_" if _UNSAFE.match(ch) or unicodedata.category(ch).startswith("C") else ch for ch in raw
    ).strip(" .")
    if not cleaned:
        cleaned = "bijlage"
    stem, dot, suffix = cleaned.rpartition(".")
    if not dot:
        cleaned = cleaned + _EXTENSIONS[content_type][0]
    if len(cleaned) > 200:
        stem, dot, suffix = cleaned.rpartition(".")
        cleaned = stem[: 200 - len(suffix) - 1] + "." + suffix if dot else cleaned[:200]
    return cleaned


def _detected_type(head: bytes, name: str | None, declared: str | None) -> str:
    """The type read from the content; the name's extension and the declared type must agree."""
    kind = filetype.guess(head)
    detected: str | None = str(kind.mime) if kind is not None else None
    if detected not in ALLOWED_TYPES:
        raise _file_error("unsupported_type", "Only PDF, JPEG and PNG files can be attached.")
    assert detected is not None
    suffix = PurePosixPath(PureWindowsPath(name or "").name).suffix.lower()
    if suffix and suffix not in _EXTENSIONS[detected]:
        raise _file_error(
            "type_mismatch", "The file's content does not match its name (extension)."
        )
    declared = (declared or "").split(";")[0].strip().lower()
    declared = _DECLARED_ALIASES.get(declared, declared)
    if declared and declared != "application/octet-stream" and declared != detected:
        raise _file_error("type_mismatch", "The file's content does not match its declared type.")
    return detected


async def _limited(request: Request) -> AsyncGenerator[bytes, None]:
    """The request body, refused once it passes the file limit plus a multipart envelope:
    never more than that is read."""
    received = 0
    async for chunk in request.stream():
        received += len(chunk)
        if received > MAX_SIZE + ENVELOPE:
            raise _too_large()
        yield chunk


async def _the_file(request: Request) -> UploadFile:
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > MAX_SIZE + ENVELOPE:
        raise _too_large()
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise _file_error("missing", "Send the file as multipart/form-data in the field `file`.")
    parser = MultiPartParser(request.headers, _limited(request), max_files=1, max_fields=2)
    try:
        form = await parser.parse()
    except MultiPartException:
        raise _file_error("invalid", "The multipart body could not be read.") from None
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise _file_error("missing", "Send the file in the multipart field `file`.")
    return upload


async def upload(
    session: AsyncSession, principal: Principal, storage: Storage, request: Request
) -> Attachment:
    """Store one PDF, JPEG or PNG of at most 10 MB, typed by its content; nothing is stored
    when it is refused."""
    upload_file = await _the_file(request)
    try:
        data = await upload_file.read(MAX_SIZE + 1)
        if len(data) > MAX_SIZE:
            raise _too_large()
        if not data:
            raise _file_error("empty", "The file is empty.")
        content_type = _detected_type(
            data[:262], upload_file.filename, upload_file.headers.get("content-type")
        )
    finally:
        await upload_file.close()
    key = uuid.uuid4().hex
    attachment = Attachment(
        tenant_id=principal.tenant_id,
        owner_id=principal.user_id,
        storage_key=key,
        file_name=clean_file_name(upload_file.filename, content_type),
        content_type=content_type,
        size=len(data),
    )
    await storage.put(key, data, content_type=content_type)
    session.add(attachment)
    await session.flush()
    await audit.record_write(session, principal, resource=RESOURCE, action="create")
    return attachment


async def claim(
    session: AsyncSession,
    principal: Principal,
    attachment_ids: Sequence[uuid.UUID],
    *,
    message_id: uuid.UUID | None = None,
    announcement_id: uuid.UUID | None = None,
    field: str = "attachmentIds",
) -> list[Attachment]:
    """Give the caller's unclaimed uploads to what carries them (exactly one of a message or
    an announcement); any other id is a 400 on `field/<index>`."""
    if (message_id is None) == (announcement_id is None):
        raise ValueError("claim for exactly one owner")
    if not attachment_ids:
        return []
    rows = await session.scalars(
        select(Attachment).where(
            Attachment.id.in_(list(attachment_ids)),
            Attachment.tenant_id == principal.tenant_id,
            Attachment.owner_id == principal.user_id,
            *_unclaimed(),
        )
    )
    found = {a.id: a for a in rows.all()}
    claimed: list[Attachment] = []
    for index, attachment_id in enumerate(attachment_ids):
        attachment = found.pop(attachment_id, None)
        if attachment is None:
            raise InvalidInput.field(
                f"{field}/{index}",
                "unknown_reference",
                "No such upload of yours, or it is attached already.",
            )
        _set_owner(attachment, message_id=message_id, announcement_id=announcement_id)
        claimed.append(attachment)
    await session.flush()
    return claimed


def _unclaimed() -> list[Any]:
    """Conditions of an upload nothing carries yet."""
    return [Attachment.message_id.is_(None), Attachment.announcement_id.is_(None)]


def _set_owner(
    attachment: Attachment, *, message_id: uuid.UUID | None, announcement_id: uuid.UUID | None
) -> None:
    attachment.message_id = message_id
    attachment.announcement_id = announcement_id


@dataclass(frozen=True)
class ReadGrant:
    """Why the caller may read a file: for the access log."""

    child_id: uuid.UUID | None


async def authorise_read(
    session: AsyncSession, principal: Principal, attachment: Attachment
) -> ReadGrant:
    """May the caller read this file? Through what carries it: a message of a thread the
    caller sees (not withdrawn); an upload nothing carries yet only for its uploader.
    Anything else is a 404. An announcement's file: whoever sees the announcement."""
    if attachment.message_id is not None:
        child_id = await session.scalar(
            message_policy.visible_threads(principal)
            .with_only_columns(MessageThread.child_id)
            .join(Message, Message.thread_id == MessageThread.id)
            .where(Message.id == attachment.message_id, Message.withdrawn_at.is_(None))
        )
        if child_id is None:
            raise NotFound("attachment")
        return ReadGrant(child_id=child_id)
    if attachment.announcement_id is not None:
        # An announcement is no child's file: its recipients, sender and centre admins.
        visible = await session.scalar(
            select(Announcement.id).where(
                Announcement.id == attachment.announcement_id,
                announcement_policy.visible(principal),
            )
        )
        if visible is None:
            raise NotFound("attachment")
        return ReadGrant(child_id=None)
    if attachment.message_id is None and attachment.owner_id == principal.user_id:
        return ReadGrant(child_id=None)
    raise NotFound("attachment")


async def read_content(
    session: AsyncSession, principal: Principal, storage: Storage, attachment_id: uuid.UUID
) -> tuple[Attachment, bytes]:
    """The file and its bytes, for a caller `authorise_read` allows; each read is logged."""
    attachment = await session.scalar(
        select(Attachment).where(
            Attachment.id == attachment_id, Attachment.tenant_id == principal.tenant_id
        )
    )
    if attachment is None:
        raise NotFound("attachment")
    grant = await authorise_read(session, principal, attachment)
    if grant.child_id is not None:
        _, relations = await child_service.access_child_row(
            session, principal, child_id=grant.child_id, resource=RESOURCE, action="read"
        )
        await child_service.log_access(
            session, principal, relations, grant.child_id, resource=RESOURCE, action="read"
        )
    else:
        await audit.record(session, audit.actor_of(principal), resource=RESOURCE, action="read")
    try:
        data = await storage.get(attachment.storage_key)
    except StorageError:
        raise StorageUnavailable("The file could not be read from the storage.") from None
    return attachment, data


def read_model(attachment: Attachment) -> AttachmentRead:
    return AttachmentRead.model_validate(attachment)
