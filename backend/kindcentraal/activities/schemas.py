import uuid
from typing import Literal, Self

from pydantic import AwareDatetime, Field, model_validator

from kindcentraal.activities.models import (
    ActivityCategory,
    EnrolmentStatus,
    SessionAttendanceStatus,
)
from kindcentraal.common.schemas import ApiModel, IsoDate, ReadModel, Timestamps, UpdateModel
from kindcentraal.rooms.models import BookingStatus
from kindcentraal.rooms.schemas import SkippedOccurrence


# --- Activities --------------------------------------------------------------------------
class _ActivityRules(ApiModel):
    @model_validator(mode="after")
    def _ranges_in_order(self) -> Self:
        low, high = getattr(self, "min_age", None), getattr(self, "max_age", None)
        if low is not None and high is not None and low > high:
            raise ValueError("minAge is above maxAge")
        opens = getattr(self, "enrolment_opens", None)
        closes = getattr(self, "enrolment_closes", None)
        if opens is not None and closes is not None and opens > closes:
            raise ValueError("enrolmentOpens is after enrolmentCloses")
        return self


class ActivityCreate(_ActivityRules):
    centre_id: uuid.UUID
    organisation_id: uuid.UUID | None = Field(
        default=None,
        description="The providing organisation; may be left out when you belong to one.",
    )
    title: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=2000, description="In plain words.")
    category: ActivityCategory
    min_age: int | None = Field(default=None, ge=0, le=18)
    max_age: int | None = Field(default=None, ge=0, le=18)
    group_ids: list[uuid.UUID] = Field(
        default_factory=list, max_length=50, description="Only these groups; empty: any group."
    )
    capacity: int = Field(ge=1, le=1000)
    cost_cents: int | None = Field(
        default=None, ge=0, le=1_000_000, description="Cost in euro cents; null or 0: free."
    )
    enrolment_opens: IsoDate | None = None
    enrolment_closes: IsoDate | None = None


class ActivityUpdate(UpdateModel, _ActivityRules):
    nullable = frozenset(
        {"min_age", "max_age", "cost_cents", "enrolment_opens", "enrolment_closes"}
    )

    title: str | None = Field(default=None, min_length=1, max_length=200)
    description: str | None = Field(default=None, max_length=2000)
    category: ActivityCategory | None = None
    min_age: int | None = Field(default=None, ge=0, le=18)
    max_age: int | None = Field(default=None, ge=0, le=18)
    group_ids: list[uuid.UUID] | None = Field(default=None, max_length=50)
    capacity: int | None = Field(default=None, ge=1, le=1000)
    cost_cents: int | None = Field(default=None, ge=0, le=1_000_000)
    enrolment_opens: IsoDate | None = None
    enrolment_closes: IsoDate | None = None


class ActivityRead(Timestamps):
    id: uuid.UUID
    centre_id: uuid.UUID
    organisation_id: uuid.UUID
    organisation_name: str
    title: str
    description: str
    category: ActivityCategory
    min_age: int | None
    max_age: int | None
    group_ids: list[uuid.UUID]
    capacity: int
    cost_cents: int | None
    enrolment_opens: IsoDate | None
    enrolment_closes: IsoDate | None
    enrolled_count: int
    waitlist_count: int
    places_left: int
    weekdays: list[str] = Field(description="The weekdays of its coming sessions (local).")
    next_session_at: AwareDatetime | None
    enrolment_open: bool = Field(description="Today is within the enrolment window.")
    my_enrolments: list["EnrolmentRead"] | None = Field(
        default=None,
        description="With `?expand=myEnrolments`: your own children's enrolments in it "
        "(enrolled or waiting), so the catalogue is one request.",
    )


# --- Sessions ----------------------------------------------------------------------------
class ActivitySessionCreate(ApiModel):
    room_id: uuid.UUID
    starts_at: AwareDatetime = Field(description="The (first) session's start.")
    ends_at: AwareDatetime = Field(description="The (first) session's end.")
    recurrence: str | None = Field(
        default=None,
        max_length=500,
        description="An RFC 5545 RRULE in Europe/Amsterdam local time, e.g. "
        "`FREQ=WEEKLY;BYDAY=TU;UNTIL=20261218` (every Tuesday until 18 December).",
    )
    skip_holidays: bool = Field(default=True, description="Leave out the centre's holidays.")
    skip_dates: list[IsoDate] = Field(default_factory=list, max_length=500)
    skip_conflicts: bool = Field(
        default=False,
        description="Create the free sessions and report the taken times under `skipped`.",
    )

    @model_validator(mode="after")
    def _ends_after_start(self) -> Self:
        if self.ends_at <= self.starts_at:
            raise ValueError("endsAt is not after startsAt")
        return self


class ActivitySessionRead(ReadModel):
    id: uuid.UUID
    activity_id: uuid.UUID
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    room_id: uuid.UUID | None
    room_name: str | None
    booking_id: uuid.UUID | None
    booking_status: BookingStatus | None = Field(
        description="`requested` while the room's owner has not yet approved."
    )
    cancelled: bool


class ActivitySessionsCreated(ReadModel):
    items: list[ActivitySessionRead]
    skipped: list[SkippedOccurrence]


# --- Enrolments --------------------------------------------------------------------------
class EnrolmentCreate(ApiModel):
    child_id: uuid.UUID


class EnrolmentRead(ReadModel):
    """An enrolment as the activity's staff and the family see it: the child's name and
    group, nothing else of the child."""

    id: uuid.UUID
    activity_id: uuid.UUID
    activity_title: str
    child_id: uuid.UUID
    child_name: str
    group_name: str | None
    status: EnrolmentStatus
    position: int | None = Field(description="Place on the waiting list (1 is next).")
    requested_at: AwareDatetime
    enrolled_at: AwareDatetime | None
    cancelled_at: AwareDatetime | None


# --- Attendance --------------------------------------------------------------------------
class AttendanceMark(ApiModel):
    child_id: uuid.UUID
    status: SessionAttendanceStatus


class AttendanceUpdate(ApiModel):
    items: list[AttendanceMark] = Field(min_length=1, max_length=1000)


class AttendanceRow(ReadModel):
    """One enrolled child at one session."""

    child_id: uuid.UUID
    child_name: str
    group_name: str | None
    status: SessionAttendanceStatus | None
    reported_absent: bool = Field(description="A guardian reported the child absent that day.")


class SessionAttendanceRead(ReadModel):
    session: ActivitySessionRead
    items: list[AttendanceRow]


# --- Participation -----------------------------------------------------------------------
AgeBand = Literal["0-3", "4-6", "7-9", "10-13"]


class Count(ReadModel):
    """A count of children; below 10 it is suppressed (null) so that no child stands out."""

    value: int | None
    suppressed: bool


class ActivityParticipation(ReadModel):
    activity_id: uuid.UUID
    title: str
    category: ActivityCategory
    participants: Count
    by_age_band: dict[str, Count]
    waitlisted: Count
    attendance_rate: float | None = Field(
        description="Present marks over all marks; null without (unsuppressed) marks."
    )


class CategoryParticipation(ReadModel):
    category: ActivityCategory
    participants: Count
    by_age_band: dict[str, Count]


class ParticipationReport(ReadModel):
    centre_id: uuid.UUID
    from_: IsoDate = Field(alias="from")
    to: IsoDate
    children: int = Field(description="Children of the centre.")
    participants: Count = Field(description="Children in at least one activity.")
    share_participating: float | None
    attendance_rate: float | None
    waitlisted: Count
    activities: list[ActivityParticipation]
    categories: list[CategoryParticipation]
