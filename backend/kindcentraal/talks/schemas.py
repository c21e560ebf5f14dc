import uuid
from datetime import datetime, timedelta
from typing import Literal, Self

from pydantic import AwareDatetime, Field, model_validator

from kindcentraal.common.schemas import ApiModel, ReadModel

MAX_SLOTS = 100


class TalkTime(ApiModel):
    starts_at: AwareDatetime
    ends_at: AwareDatetime

    @model_validator(mode="after")
    def _ends_after_start(self) -> Self:
        if self.ends_at <= self.starts_at:
            raise ValueError("endsAt is not after startsAt")
        if self.ends_at - self.starts_at > timedelta(hours=4):
            raise ValueError("a talk lasts four hours at most")
        return self


class TalkSeries(ApiModel):
    """`count` talks of `durationMinutes` from `startsAt`, `breakMinutes` apart."""

    starts_at: AwareDatetime
    duration_minutes: int = Field(ge=5, le=240)
    count: int = Field(ge=1, le=MAX_SLOTS)
    break_minutes: int = Field(default=0, ge=0, le=240)

    def times(self) -> list[tuple[datetime, datetime]]:
        step = timedelta(minutes=self.duration_minutes + self.break_minutes)
        length = timedelta(minutes=self.duration_minutes)
        return [
            (self.starts_at + i * step, self.starts_at + i * step + length)
            for i in range(self.count)
        ]


class TalkSlotsCreate(ApiModel):
    """Slots for one audience — `groupId` (every family of the group) or `childIds` (chosen
    families; one id for one family) — given as `times` or as a `series`."""

    group_id: uuid.UUID | None = None
    child_ids: list[uuid.UUID] | None = Field(default=None, min_length=1, max_length=100)
    times: list[TalkTime] | None = Field(default=None, min_length=1, max_length=MAX_SLOTS)
    series: TalkSeries | None = None
    room_id: uuid.UUID | None = Field(
        default=None,
        description="Hold a room for every slot (a room booking of your organisation; a taken "
        "time is a 409 naming the conflicts).",
    )
    cancel_before_hours: int = Field(
        default=24, ge=0, le=336, description="Families cancel up to this many hours before."
    )

    @model_validator(mode="after")
    def _one_of_each(self) -> Self:
        if (self.group_id is None) == (self.child_ids is None):
            raise ValueError("give exactly one of groupId and childIds")
        if (self.times is None) == (self.series is None):
            raise ValueError("give exactly one of times and series")
        return self

    def planned(self) -> list[tuple[datetime, datetime]]:
        if self.series is not None:
            return self.series.times()
        return sorted((t.starts_at, t.ends_at) for t in self.times or [])


class TalkBookingCreate(ApiModel):
    child_id: uuid.UUID | None = Field(
        default=None,
        description="Which child the talk is about; may be left out when only one of your "
        "children is offered the slot.",
    )


class ChildName(ReadModel):
    id: uuid.UUID
    given_name: str


class TalkBookingRead(ReadModel):
    child_id: uuid.UUID
    child_given_name: str
    booked_at: datetime


class TalkSlotRead(ReadModel):
    """A talk slot. A family sees open slots offered to their children and their own booked
    ones; the publisher sees the booking's child."""

    id: uuid.UUID
    round_id: uuid.UUID
    group_id: uuid.UUID | None
    publisher_name: str | None
    starts_at: datetime
    ends_at: datetime
    room_id: uuid.UUID | None
    room_name: str | None
    cancel_before: datetime = Field(description="Families cancel until this moment.")
    status: Literal["open", "booked"]
    booking: TalkBookingRead | None
    children: list[ChildName] = Field(
        description="For a family: their children who may still book in this planning."
    )


class TalkSlotsCreated(ReadModel):
    round_id: uuid.UUID
    items: list[TalkSlotRead]


class UnbookedFamilyRead(ReadModel):
    """A child of the planning whose family has not booked a talk yet."""

    round_id: uuid.UUID
    child_id: uuid.UUID
    given_name: str
    family_name: str
