import uuid

from pydantic import AwareDatetime, Field

from kindcentraal.common.schemas import ReadModel


class AccessLogEntry(ReadModel):
    """One read or change of the child's file, as guardians see it."""

    id: uuid.UUID
    occurred_at: AwareDatetime
    actor_name: str
    organisation_name: str | None
    role: str | None
    resource: str
    action: str
    parts: list[str] = Field(
        description="The parts of the file one request read together (`?expand=`), if any."
    )
    result: str
