import enum
import uuid

from pydantic import AwareDatetime, Field, field_validator

from kindcentraal.common.schemas import ApiModel, ReadModel, Timestamps, UpdateModel
from kindcentraal.webhooks.models import DeliveryStatus, DisabledReason


class EventType(enum.StrEnum):
    PLACEMENT_CHANGED = "placement.changed"
    ATTENDANCE_RECORDED = "attendance.recorded"
    BOOKING_CHANGED = "booking.changed"
    ENROLMENT_CHANGED = "enrolment.changed"
    CONSENT_CHANGED = "consent.changed"


URL_TEXT = (
    "Where deliveries are POSTed. https in production; never a loopback, private, link-local "
    "or metadata address (also not after DNS resolution). Redirects are not followed."
)
EVENT_TYPES_TEXT = "The event types to deliver; the client needs a scope that sees each."


def _unique(values: list[EventType]) -> list[EventType]:
    if len(set(values)) != len(values):
        raise ValueError("each event type once")
    return values


class WebhookSubscriptionCreate(ApiModel):
    url: str = Field(min_length=1, max_length=2000, description=URL_TEXT)
    event_types: list[EventType] = Field(
        min_length=1, max_length=len(EventType), description=EVENT_TYPES_TEXT
    )
    client_id: uuid.UUID | None = Field(
        default=None,
        description="The API client the subscription is for: required for an organisation "
        "admin; a client leaves it out (or names itself).",
    )

    _unique_types = field_validator("event_types")(_unique)


class WebhookSubscriptionUpdate(UpdateModel):
    url: str | None = Field(default=None, min_length=1, max_length=2000, description=URL_TEXT)
    event_types: list[EventType] | None = Field(
        default=None, min_length=1, max_length=len(EventType), description=EVENT_TYPES_TEXT
    )
    enabled: bool | None = Field(
        default=None,
        description="true switches a disabled subscription on again (deliveries from then "
        "on; resync the time in between through the changes feed); false switches it off.",
    )

    @field_validator("event_types")
    @classmethod
    def _unique_types(cls, value: list[EventType] | None) -> list[EventType] | None:
        return _unique(value) if value is not None else value


class WebhookSubscriptionRead(Timestamps):
    id: uuid.UUID
    client_id: uuid.UUID
    url: str
    event_types: list[EventType]
    enabled: bool
    disabled_at: AwareDatetime | None
    disabled_reason: DisabledReason | None = Field(
        description="gone: the receiver answered 410; failing: every attempt failed for 24 "
        "hours; manual: switched off through the API."
    )
    failing_since: AwareDatetime | None = Field(
        description="The first failed attempt since the last delivered one."
    )


class WebhookSubscriptionWithSecret(WebhookSubscriptionRead):
    secret: str = Field(
        description="The signing secret (`whsec_` + base64), shown only now: verify "
        "`webhook-signature` with it (Standard Webhooks)."
    )


class WebhookSecretRead(ReadModel):
    secret: str = Field(
        description="The new signing secret, shown only now. The old one keeps signing "
        "alongside it (a second signature) until `previousSecretUntil`."
    )
    previous_secret_until: AwareDatetime


class WebhookDeliveryRead(ReadModel):
    id: uuid.UUID
    event_id: str = Field(description="The `webhook-id` header: the same on every attempt.")
    event_type: EventType
    status: DeliveryStatus
    attempts: int
    last_status_code: int | None = Field(description="The receiver's last HTTP status.")
    last_error: str | None = Field(description="What went wrong last, in short.")
    next_attempt_at: AwareDatetime | None = Field(description="When it goes again; pending only.")
    delivered_at: AwareDatetime | None
    created_at: AwareDatetime
