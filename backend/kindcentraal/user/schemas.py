import uuid
from typing import Literal

from pydantic import EmailStr, Field

from kindcentraal.auth.passwords import MIN_PASSWORD_LENGTH
from kindcentraal.auth.schemas import TwoFactorStatus
from kindcentraal.common.roles import OrganisationType, Role
from kindcentraal.common.schemas import ApiModel, ReadModel, Timestamps, UpdateModel

Language = Literal["nl", "en", "ar", "tr", "pl", "uk"]
PHONE_PATTERN = r"^\+?[0-9][0-9 ()-]{5,38}$"


class UserCreate(ApiModel):
    email: EmailStr
    display_name: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=MIN_PASSWORD_LENGTH, max_length=200)


class UserUpdate(UpdateModel):
    nullable = frozenset({"phone"})

    display_name: str | None = Field(default=None, min_length=1, max_length=200)
    phone: str | None = Field(
        default=None,
        pattern=PHONE_PATTERN,
        description="A work phone number; parents see it for their child's contact person.",
    )
    is_active: bool | None = Field(
        default=None, description="false disables the account; its sessions end at once."
    )


class UserRead(Timestamps):
    id: uuid.UUID
    email: str
    display_name: str
    phone: str | None
    is_active: bool


class MeUpdate(UpdateModel):
    language: Language | None = Field(
        default=None, description="The app's language for this account, remembered across devices."
    )


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
    language: Language | None = Field(
        description="The language this account chose; null: none chosen yet."
    )
    roles: list[Role]
    memberships: list[MembershipSummary]
    is_guardian: bool
    care_coordinator_centre_ids: list[uuid.UUID] = Field(
        description="The centres whose care coordinator (intern begeleider) the caller is."
    )
    two_factor: TwoFactorStatus
