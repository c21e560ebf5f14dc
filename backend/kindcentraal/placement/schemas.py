import uuid
from datetime import date
from typing import Annotated, Self

from pydantic import Field, model_validator

from kindcentraal.common.schemas import ApiModel, IsoDate, ReadModel, Timestamps, UpdateModel
from kindcentraal.placement.models import PlacementKind, Weekday

Clock = Annotated[
    str,
    Field(
        pattern=r"^([01]\d|2[0-3]):[0-5]\d$",
        description="Local time (Europe/Amsterdam), HH:MM.",
        examples=["15:00"],
    ),
]


ExternalId = Annotated[
    str,
    Field(
        min_length=1,
        max_length=100,
        description="The placement's key in the organisation's own system; unique per "
        "organisation. A bulk upsert finds the placement by it.",
    ),
]


def _unique(days: list[Weekday] | None) -> list[Weekday] | None:
    if days is not None and len(set(days)) != len(days):
        raise ValueError("a day of the week appears twice")
    return days


class PlacementCreate(ApiModel):
    child_id: uuid.UUID
    organisation_id: uuid.UUID
    kind: PlacementKind
    start_date: IsoDate
    end_date: IsoDate | None = None
    days: list[Weekday] = Field(default_factory=list, max_length=7)
    group_id: uuid.UUID | None = Field(
        default=None, description="The childcare group (of the organisation) the child goes to."
    )
    from_time: Clock | None = Field(
        default=None, description="From (on the days); default: the kind's usual hours."
    )
    until_time: Clock | None = None
    external_id: ExternalId | None = None

    @model_validator(mode="after")
    def _check(self) -> Self:
        _unique(self.days)
        if self.end_date is not None and self.end_date < self.start_date:
            raise ValueError("endDate lies before startDate")
        if self.from_time and self.until_time and self.until_time <= self.from_time:
            raise ValueError("untilTime is not after fromTime")
        return self


class PlacementUpdate(UpdateModel):
    nullable = frozenset({"end_date", "group_id", "from_time", "until_time", "external_id"})

    start_date: IsoDate | None = None
    end_date: IsoDate | None = None
    days: list[Weekday] | None = Field(default=None, max_length=7)
    group_id: uuid.UUID | None = None
    from_time: Clock | None = None
    until_time: Clock | None = None
    external_id: ExternalId | None = None

    @model_validator(mode="after")
    def _check(self) -> Self:
        _unique(self.days)
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValueError("endDate lies before startDate")
        return self


class PlacementRead(Timestamps):
    id: uuid.UUID
    child_id: uuid.UUID
    organisation_id: uuid.UUID
    kind: PlacementKind
    start_date: date
    end_date: date | None
    days: list[Weekday]
    group_id: uuid.UUID | None = None
    from_time: str | None = None
    until_time: str | None = None
    external_id: str | None = None


MAX_BULK = 500


class PlacementUpsert(PlacementCreate):
    """A placement to create, or to change when `id` or (`organisationId`, `externalId`)
    names an existing one."""

    id: uuid.UUID | None = Field(default=None, description="An existing placement to change.")


class PlacementBulk(ApiModel):
    items: list[PlacementUpsert] = Field(min_length=1, max_length=MAX_BULK)


class PlacementBulkResult(ReadModel):
    created: int
    updated: int
    items: list[PlacementRead] = Field(description="The placements, in the order sent.")
