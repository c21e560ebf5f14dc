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


class AccessVisit(ReadModel):
    """One visit to the child's file: consecutive events of one person from one organisation,
    at most 30 minutes apart. What a guardian reads in "who looked at my child's file"."""

    started_at: AwareDatetime
    ended_at: AwareDatetime
    actor_name: str
    organisation_name: str | None
    role: str | None
    event_count: int
    resources: list[str] = Field(description="The parts of the file read or changed, in order.")
    actions: list[str]
    denied: int = Field(description="How many of the visit's requests were refused.")
