import uuid

from pydantic import EmailStr, Field

from kindcentraal.auth.passwords import MIN_PASSWORD_LENGTH
from kindcentraal.auth.schemas import TwoFactorStatus
from kindcentraal.common.roles import OrganisationType, Role
from kindcentraal.common.schemas import ApiModel, ReadModel, Timestamps, UpdateModel


class UserCreate(ApiModel):
    email: EmailStr
    display_name: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=MIN_PASSWORD_LENGTH, max_length=200)


class UserUpdate(UpdateModel):
    display_name: str | None = Field(default=None, min_length=1, max_length=200)
    is_active: bool | None = Field(
        default=None, description="false disables the account; its sessions end at once."
    )


class UserRead(Timestamps):
    id: uuid.UUID
    email: str
    display_name: str
    is_active: bool


class MembershipSummary(ReadModel):
    id: uuid.UUID
    organisation_id: uuid.UUID
    organisation_name: str
    organisation_type: OrganisationType
    role: Role


class MeRead(ReadModel):
    id: uuid.UUID
    tenant_id: uuid.UUID
    email: str
    display_name: str
    roles: list[Role]
    memberships: list[MembershipSummary]
    is_guardian: bool
    care_coordinator_centre_ids: list[uuid.UUID] = Field(
        description="The centres whose care coordinator (intern begeleider) the caller is."
    )
    two_factor: TwoFactorStatus
