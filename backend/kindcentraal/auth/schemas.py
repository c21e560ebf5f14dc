import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from kindcentraal.auth.passwords import MIN_PASSWORD_LENGTH
from kindcentraal.common.schemas import ApiModel, ReadModel


class TokenResponse(BaseModel):
    """The OAuth 2.0 token response; its property names are fixed by RFC 6749."""

    model_config = ConfigDict(extra="forbid", validate_by_name=True, serialize_by_alias=True)

    access_token: str
    token_type: str = Field(default="bearer", examples=["bearer"])
    expires_in: int = Field(description="Lifetime of the access token in seconds.")
    refresh_token: str | None = Field(
        default=None,
        description="Opaque; spent on first use (rotation). Not issued to API clients: they "
        "ask for a new token with their credentials.",
    )
    scope: str | None = Field(
        default=None, description="API clients: the scopes granted, space-separated."
    )
    organisation_id: uuid.UUID | None = Field(
        default=None,
        alias="organisationId",
        description="API clients: the organisation the token acts for (an extra parameter, "
        "RFC 6749 §5.1, in the API's own lower camelCase).",
    )


class RefreshRequest(ApiModel):
    refresh_token: str | None = Field(
        default=None,
        min_length=16,
        max_length=200,
        description="Clients that are no browser. Browsers leave it out and send `{}`: their "
        "refresh token is the HttpOnly cookie.",
    )


class LogoutRequest(ApiModel):
    refresh_token: str | None = Field(default=None, max_length=200)


class DeviceRead(ReadModel):
    """One signed-in device: a session of the caller's account that has not ended."""

    id: uuid.UUID
    device_label: str | None = Field(
        description="Browser and system, from the device's User-Agent at login "
        '("Safari · iOS"); null when unknown.'
    )
    created_at: datetime = Field(description="When this device logged in.")
    last_used_at: datetime = Field(description="Its last refresh (every 15 minutes in use).")
    expires_at: datetime = Field(description="When it ends at the latest, used or not.")
    current: bool = Field(description="The session of this very request.")


class TwoFactorStatus(ReadModel):
    enabled: bool
    enrolment_required: bool = Field(
        description="Mandatory for one of the caller's roles and not yet set up: enrol first."
    )
    mandatory: bool
    recovery_codes_left: int


class EnrolmentStarted(ReadModel):
    secret: str = Field(description="Base32 secret, for typing into an authenticator app.")
    otpauth_uri: str = Field(description="otpauth:// URI to show as a QR code.")


class EnrolmentConfirmation(ApiModel):
    code: str = Field(min_length=6, max_length=8, pattern=r"^\d+$")


class RecoveryCodes(ReadModel):
    recovery_codes: list[str]


class TwoFactorDeactivation(ApiModel):
    password: str = Field(min_length=1, max_length=200)


class PasswordChange(ApiModel):
    current_password: str = Field(min_length=1, max_length=200)
    new_password: str = Field(min_length=MIN_PASSWORD_LENGTH, max_length=200)
