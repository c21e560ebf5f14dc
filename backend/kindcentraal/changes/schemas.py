import uuid

from pydantic import AwareDatetime, Field

from kindcentraal.changes.service import ChangedResource, ChangeKind
from kindcentraal.common.schemas import ReadModel


class ChangeRead(ReadModel):
    type: ChangedResource = Field(description="The kind of resource that changed.")
    id: uuid.UUID = Field(description="The resource's id: read it at its own path.")
    change: ChangeKind
    child_id: uuid.UUID | None
    occurred_at: AwareDatetime


class ChangesPage(ReadModel):
    """A page of the changes feed. Unlike other lists, `nextCursor` is always there: it is the
    place to ask again from, later, also when nothing changed."""

    items: list[ChangeRead]
    next_cursor: str = Field(description="Pass as `since` on the next call; valid 30 days.")
    has_more: bool = Field(description="More changes wait now: ask again at once.")
