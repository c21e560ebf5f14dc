import uuid
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Path, Request, Response

from kindcentraal.attachments import service
from kindcentraal.attachments.schemas import AttachmentRead
from kindcentraal.auth.dependencies import SessionDep, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.common.responses import problems
from kindcentraal.policy.registry import declare
from kindcentraal.storage.dependency import StorageDep

router = APIRouter(tags=["attachments"])
AttachmentId = Annotated[uuid.UUID, Path(alias="attachmentId")]

UPLOAD = declare(
    "attachments.create",
    resource="attachments",
    action="create",
    rows="any logged-in user; the upload is theirs until a message of theirs uses it",
)
READ_CONTENT = declare(
    "attachments.content",
    resource="attachments",
    action="read",
    rows="who may read what carries it (a thread's participants and the child's contact "
    "person); an unused upload: its uploader",
)

_UPLOAD_BODY = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {
                    "file": {
                        "type": "string",
                        "format": "binary",
                        "description": "A PDF, JPEG or PNG of at most 10 MB; the type is read "
                        "from the content and must agree with the name and declared type.",
                    }
                },
            }
        }
    },
}


@router.post(
    "/attachments",
    status_code=201,
    response_model=AttachmentRead,
    responses=problems(400, 401, 413),
    openapi_extra={"requestBody": _UPLOAD_BODY},
)
async def upload_attachment(
    request: Request,
    principal: Annotated[Principal, Depends(guard(UPLOAD))],
    session: SessionDep,
    storage: StorageDep,
) -> AttachmentRead:
    """Upload a file (multipart field `file`) to attach to a message with `attachmentIds`:
    PDF, JPEG or PNG, at most 10 MB, typed by its content; refused files store nothing."""
    attachment = await service.upload(session, principal, storage, request)
    return service.read_model(attachment)


def _disposition(name: str) -> str:
    fallback = "".join(ch if ch.isascii() and ch.isprintable() else "_" for ch in name)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


@router.get(
    "/attachments/{attachmentId}/content",
    responses={
        200: {
            "description": "The file, as a download.",
            "content": {"application/pdf": {}, "image/jpeg": {}, "image/png": {}},
        },
        **problems(400, 401, 404),
    },
)
async def read_attachment_content(
    attachment_id: AttachmentId,
    principal: Annotated[Principal, Depends(guard(READ_CONTENT))],
    session: SessionDep,
    storage: StorageDep,
) -> Response:
    """The file, for whoever may read the message carrying it (or its uploader while unused);
    each download is in the access log."""
    attachment, data = await service.read_content(session, principal, storage, attachment_id)
    return Response(
        content=data,
        media_type=attachment.content_type,
        headers={
            "Content-Disposition": _disposition(attachment.file_name),
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'",
            "Cache-Control": "private, no-store",
        },
    )
