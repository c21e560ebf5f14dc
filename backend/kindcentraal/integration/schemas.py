import uuid
from datetime import date

from pydantic import AwareDatetime, Field, field_validator

from kindcentraal.common.schemas import ApiModel, ReadModel
from kindcentraal.common.scopes import ApiScope

ClientName = Field(min_length=1, max_length=100, description="How the organisation knows it.")


def _unique(scopes: list[ApiScope]) -> list[ApiScope]:
    return sorted(set(scopes))


class ApiClientCreate(ApiModel):
    name: str = ClientName
    scopes: list[ApiScope] = Field(min_length=1, max_length=len(ApiScope))

    _scopes = field_validator("scopes")(_unique)


class ApiClientUpdate(ApiModel):
    name: str | None = Field(default=None, min_length=1, max_length=100)
    scopes: list[ApiScope] | None = Field(default=None, min_length=1, max_length=len(ApiScope))

    @field_validator("scopes")
    @classmethod
    def _unique_scopes(cls, scopes: list[ApiScope] | None) -> list[ApiScope] | None:
        return _unique(scopes) if scopes is not None else None


class SecretRotation(ApiModel):
    overlap_hours: int = Field(
        default=24,
        ge=0,
        le=168,
        description="How long the current secrets keep working beside the new one (0: ends "
        "them now).",
    )


class ApiClientSecretRead(ReadModel):
    id: uuid.UUID
    hint: str = Field(description="The secret's first characters, to tell secrets apart.")
    created_at: AwareDatetime
    expires_at: AwareDatetime | None


class UsageDay(ReadModel):
    day: date
    calls: int
    errors: int


class ApiClientErrorRead(ReadModel):
    occurred_at: AwareDatetime
    method: str
    route: str = Field(description="The route's template, e.g. /placements/{placementId}.")
    status: int


class ApiClientRead(ReadModel):
    client_id: uuid.UUID
    organisation_id: uuid.UUID
    name: str
    scopes: list[ApiScope]
    created_at: AwareDatetime
    revoked_at: AwareDatetime | None
    last_used_at: AwareDatetime | None = Field(description="The last token issued.")
    secrets: list[ApiClientSecretRead] = Field(description="Secrets that still work.")
    usage: list[UsageDay] = Field(description="Calls and errors per day, last 14 days.")
    recent_errors: list[ApiClientErrorRead] = Field(description="The last 20 failed calls.")


class ApiClientCreated(ApiClientRead):
    client_secret: str = Field(description="Shown once; only its hash is stored.")


class ApiClientSecretIssued(ReadModel):
    client_id: uuid.UUID
    client_secret: str = Field(description="Shown once; only its hash is stored.")
    previous_secrets_expire_at: AwareDatetime | None
