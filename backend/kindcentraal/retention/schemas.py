import uuid

from pydantic import AwareDatetime, Field

from kindcentraal.common.schemas import ApiModel, ReadModel
from kindcentraal.retention.models import RetentionCategory


class RetentionTermRead(ReadModel):
    category: RetentionCategory
    months: int | None = Field(
        description="The term in force, in months; null: no term of its own (consents)."
    )
    default_months: int | None = Field(description="The documented default.")
    minimum_months: int | None = Field(
        description="The legal floor; a term below it is refused. Null: none."
    )
    clock: str = Field(description="From when the term runs, e.g. `after_leaving`.")
    legal_basis: str
    is_default: bool


class RetentionSchedule(ReadModel):
    items: list[RetentionTermRead]


class RetentionTermUpdate(ApiModel):
    category: RetentionCategory
    months: int | None = Field(
        default=None, ge=1, le=1200, description="Months; null or left out: the default."
    )


class RetentionScheduleUpdate(ApiModel):
    """The whole schedule: categories left out go back to their default."""

    items: list[RetentionTermUpdate] = Field(max_length=50)


class LegalHoldSet(ApiModel):
    reason: str = Field(
        min_length=3,
        max_length=500,
        description="Why the data must be kept (a case or file reference, not personal data).",
    )


class LegalHoldRead(ReadModel):
    child_id: uuid.UUID
    held: bool
    reason: str | None = None
    set_at: AwareDatetime | None = None
    set_by_name: str | None = None
