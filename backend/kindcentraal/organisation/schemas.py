import uuid

from pydantic import Field

from kindcentraal.common.schemas import ApiModel, ReadModel, Timestamps, UpdateModel
from kindcentraal.organisation.models import OrganisationType, Role


class OrganisationCreate(ApiModel):
    name: str = Field(min_length=1, max_length=200)
    type: OrganisationType
    centre_ids: list[uuid.UUID] = Field(
        default_factory=list, max_length=50, description="The centres it takes part in."
    )


class OrganisationUpdate(UpdateModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    type: OrganisationType | None = None
    centre_ids: list[uuid.UUID] | None = Field(default=None, max_length=50)


class OrganisationRead(Timestamps):
    id: uuid.UUID
    name: str
    type: OrganisationType
    centre_ids: list[uuid.UUID]


class MembershipCreate(ApiModel):
    user_id: uuid.UUID
    organisation_id: uuid.UUID
    role: Role


class MembershipUpdate(UpdateModel):
    role: Role | None = None


class ProfessionalRead(ReadModel):
    """Who works for an organisation, by name: for choosing a coordinator or a team member."""

    user_id: uuid.UUID
    display_name: str
    role: Role


class MembershipRead(Timestamps):
    id: uuid.UUID
    user_id: uuid.UUID
    organisation_id: uuid.UUID
    role: Role
