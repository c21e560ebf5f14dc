import uuid
from typing import Literal, Self

from pydantic import AwareDatetime, Field, model_validator

from kindcentraal.attendance.models import AbsenceReason
from kindcentraal.common.schemas import ApiModel, IsoDate, ReadModel


# --- Absence reports ---------------------------------------------------------------------
class AbsenceCreate(ApiModel):
    from_: IsoDate = Field(alias="from", description="First day absent.")
    to: IsoDate = Field(description="Last day absent (the same day for one day).")
    reason: AbsenceReason
    note: str | None = Field(default=None, max_length=500)

    @model_validator(mode="after")
    def _to_after_from(self) -> Self:
        if self.to < self.from_:
            raise ValueError("`to` is before `from`")
        if (self.to - self.from_).days > 92:
            raise ValueError("an absence report covers at most three months")
        return self


class AbsenceRead(ReadModel):
    """An absence report. The reason and the note are for the guardians and the child's
    school and childcare staff; an activity's staff see only that the child is absent."""

    id: uuid.UUID
    child_id: uuid.UUID
    from_: IsoDate = Field(alias="from")
    to: IsoDate
    reason: AbsenceReason | None
    note: str | None
    reported_by_name: str | None
    created_at: AwareDatetime
    withdrawn: bool


# --- Daily attendance --------------------------------------------------------------------
class DailyAttendanceUpdate(ApiModel):
    """Check a child in or out for the day at your organisation (school or BSO)."""

    checked_in_at: AwareDatetime | None = None
    checked_out_at: AwareDatetime | None = None
    organisation_id: uuid.UUID | None = Field(
        default=None,
        description="Where the child is checked in; may be left out when only one of your "
        "organisations has the child placed.",
    )

    @model_validator(mode="after")
    def _out_after_in(self) -> Self:
        if (
            self.checked_in_at is not None
            and self.checked_out_at is not None
            and self.checked_out_at < self.checked_in_at
        ):
            raise ValueError("checkedOutAt is before checkedInAt")
        return self


class DailyAttendanceItem(DailyAttendanceUpdate):
    """One child's day in a bulk: which child, which day, and the times."""

    child_id: uuid.UUID
    day: IsoDate = Field(alias="date")


MAX_ATTENDANCE_BULK = 500


class DailyAttendanceBulk(ApiModel):
    items: list[DailyAttendanceItem] = Field(min_length=1, max_length=MAX_ATTENDANCE_BULK)


class DailyAttendanceRead(ReadModel):
    child_id: uuid.UUID
    organisation_id: uuid.UUID
    day: IsoDate
    checked_in_at: AwareDatetime | None
    checked_out_at: AwareDatetime | None


class DailyAttendanceBulkResult(ReadModel):
    items: list[DailyAttendanceRead] = Field(description="In the order sent.")


# --- The day -----------------------------------------------------------------------------
EntryKind = Literal[
    "school", "activity", "out_of_school_care", "childcare", "support_session", "absence"
]


class Responsible(ReadModel):
    organisation_id: uuid.UUID | None
    organisation_name: str | None
    person_name: str | None = Field(description="The teacher, coach or professional, if known.")


class Place(ReadModel):
    room_id: uuid.UUID | None
    name: str = Field(description="The room, or where the session is (home, school).")
    building_name: str | None


class DayEntry(ReadModel):
    kind: EntryKind
    title: str = Field(
        description="The activity's title; for the other kinds a plain English label (a client "
        "shows its own words for the kind)."
    )
    starts_at: AwareDatetime | None = Field(description="Null for an absence of the whole day.")
    ends_at: AwareDatetime | None
    responsible: Responsible | None
    where: Place | None
    absent: bool = Field(description="Reported absent for this part of the day.")
    absence_reason: AbsenceReason | None = Field(
        default=None, description="Only for the guardians and the school and childcare staff."
    )
    attendance: str | None = Field(
        default=None,
        description="Recorded attendance: present, absent, excused (activities), or "
        "checked_in, checked_out (school and BSO).",
    )
    activity_id: uuid.UUID | None = None
    session_id: uuid.UUID | None = None


class ChildDay(ReadModel):
    date: IsoDate
    child_id: uuid.UUID
    entries: list[DayEntry]


class GroupChildDay(ReadModel):
    child_id: uuid.UUID
    child_name: str
    entries: list[DayEntry]


class GroupDay(ReadModel):
    date: IsoDate
    group_id: uuid.UUID
    group_name: str
    children: list[GroupChildDay]
