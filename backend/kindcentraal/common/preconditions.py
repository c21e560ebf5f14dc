"""Optimistic concurrency (RFC 9110 §13): a GET answers an ETag; an update or delete that
sends `If-Match` with an ETag that is no longer current answers 412 and changes nothing."""

import hashlib
import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import Header

from kindcentraal.errors import PreconditionFailed

IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=1000,
        description="The ETag of your last read: the change applies only while it is current "
        "(else 412).",
    ),
]
# The 200 answer's ETag header, for the OpenAPI document.
ETAG_HEADER: dict[int | str, dict[str, Any]] = {
    200: {
        "headers": {
            "ETag": {
                "description": "The version of the resource; send it back as If-Match.",
                "schema": {"type": "string"},
            }
        }
    }
}


def etag_of(resource_id: uuid.UUID, updated_at: datetime) -> str:
    """A strong validator from the row's identity and last change."""
    digest = hashlib.sha256(f"{resource_id}:{updated_at.isoformat()}".encode()).hexdigest()
    return f'"{digest[:20]}"'


def require_match(if_match: str | None, resource_id: uuid.UUID, updated_at: datetime) -> None:
    """No header: no condition. `*` matches any current resource; otherwise one of the listed
    ETags must be the current one (weak ETags never match: §13.1.1 uses strong comparison)."""
    if if_match is None:
        return
    current = etag_of(resource_id, updated_at)
    offered = [tag.strip() for tag in if_match.split(",")]
    if "*" in offered or current in offered:
        return
    raise PreconditionFailed(
        "The resource changed since you read it (If-Match): read it again and retry."
    )
