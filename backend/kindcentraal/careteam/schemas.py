import uuid
from datetime import date
from typing import Self

from pydantic import Field, model_validator

from kindcentraal.common.schemas import ApiModel, IsoDate, ReadModel, UpdateModel


class CareTeamMemberCreate(ApiModel):
    user_id: uuid.UUID
    organisation_id: uuid.UUID = Field(description="The organisation the member acts for.")
    role: str = Field(min_length=1, max_length=100, examples=["logopedist"])
    since_date: IsoDate | None = Field(default=None, description="Defaults to today.")
    until_date: IsoDate | None = None
    trajectory_id: uuid.UUID | None = Field(
        default=None,
        description="Join the team of this support trajectory of the child (the role is the "
        "member's part in it); needs a care-team or trajectory consent for the organisation.",
    )

    @model_validator(mode="after")
    def _until_after_since(self) -> Self:
        since = self.since_date or date.today()
        if self.until_date is not None and self.until_date < since:
            raise ValueError("untilDate lies before sinceDate")
        return self


class CareTeamMemberUpdate(UpdateModel):
    nullable = frozenset({"until_date"})

    role: str | None = Field(default=None, min_length=1, max_length=100)
    until_date: IsoDate | None = None


class CareTeamMemberRead(ReadModel):
    id: uuid.UUID
    child_id: uuid.UUID
    user_id: uuid.UUID
    display_name: str
    organisation_id: uuid.UUID
    organisation_name: str
    role: str
    since_date: date
    until_date: date | None
    trajectory_id: uuid.UUID | None
    consent_in_force: bool = Field(
        description="Whether a guardian's care-team consent for the organisation is in force now."
    )
