import re
import uuid
from typing import Literal, Self

from pydantic import AwareDatetime, Field, field_validator, model_validator

from kindcentraal.common.roles import OrganisationType
from kindcentraal.common.schemas import ApiModel, IsoDate, ReadModel, Timestamps, UpdateModel
from kindcentraal.organisation.schemas import OrganisationRead
from kindcentraal.rooms.models import BookingStatus, HolidayKind, RoomType

Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAYS: tuple[Weekday, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
_CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


# --- Buildings ---------------------------------------------------------------------------
class BuildingCreate(ApiModel):
    centre_id: uuid.UUID
    name: str = Field(min_length=1, max_length=200)
    address: str | None = Field(default=None, max_length=300)
    gross_floor_area_m2: float | None = Field(default=None, gt=0, le=1_000_000)


class BuildingUpdate(UpdateModel):
    nullable = frozenset({"address", "gross_floor_area_m2"})

    name: str | None = Field(default=None, min_length=1, max_length=200)
    address: str | None = Field(default=None, max_length=300)
    gross_floor_area_m2: float | None = Field(default=None, gt=0, le=1_000_000)


class BuildingRead(Timestamps):
    id: uuid.UUID
    centre_id: uuid.UUID
    name: str
    address: str | None
    gross_floor_area_m2: float | None


# --- Rooms -------------------------------------------------------------------------------
class OpeningHours(ApiModel):
    """One day's opening hours, local time (Europe/Amsterdam), as HH:MM."""

    opens: str = Field(examples=["07:30"])
    closes: str = Field(examples=["18:30"])

    @field_validator("opens", "closes")
    @classmethod
    def _clock(cls, value: str) -> str:
        if not _CLOCK.match(value):
            raise ValueError("expected a time as HH:MM")
        return value

    @model_validator(mode="after")
    def _closes_after_opening(self) -> Self:
        if self.closes <= self.opens:
            raise ValueError("closes is not after opens")
        return self


WeekHours = dict[Weekday, OpeningHours]


class RoomCreate(ApiModel):
    building_id: uuid.UUID
    name: str = Field(min_length=1, max_length=200)
    type: RoomType
    floor_area_m2: float | None = Field(default=None, gt=0, le=100_000)
    capacity: int | None = Field(default=None, ge=1, le=10_000)
    owner_organisation_id: uuid.UUID
    features: list[str] = Field(default_factory=list, max_length=30)
    opening_hours: WeekHours = Field(
        default_factory=dict, description="Per weekday; a day left out is closed."
    )
    bookable_by: list[OrganisationType] = Field(
        default_factory=list,
        description="Organisation types that may book the room; the owner always may.",
    )
    needs_approval: bool = Field(
        default=False,
        description="Bookings by other organisations wait for the owner's confirmation.",
    )
    check_in_required: bool = Field(
        default=False,
        description="A booking not checked in within 15 minutes of its start is released "
        "(and counts as a no-show).",
    )

    @field_validator("features")
    @classmethod
    def _features(cls, value: list[str]) -> list[str]:
        if any(not 1 <= len(feature) <= 100 for feature in value):
            raise ValueError("a feature is 1 to 100 characters")
        return value


class RoomUpdate(UpdateModel):
    nullable = frozenset({"floor_area_m2", "capacity"})

    name: str | None = Field(default=None, min_length=1, max_length=200)
    type: RoomType | None = None
    floor_area_m2: float | None = Field(default=None, gt=0, le=100_000)
    capacity: int | None = Field(default=None, ge=1, le=10_000)
    features: list[str] | None = Field(default=None, max_length=30)
    opening_hours: WeekHours | None = None
    bookable_by: list[OrganisationType] | None = None
    needs_approval: bool | None = None
    check_in_required: bool | None = None


class RoomRead(Timestamps):
    id: uuid.UUID
    building_id: uuid.UUID
    name: str
    type: RoomType
    floor_area_m2: float | None
    capacity: int | None
    owner_organisation_id: uuid.UUID
    features: list[str]
    opening_hours: WeekHours
    bookable_by: list[OrganisationType]
    needs_approval: bool
    check_in_required: bool


# --- Holidays ----------------------------------------------------------------------------
class HolidayCreate(ApiModel):
    name: str = Field(min_length=1, max_length=200)
    kind: HolidayKind
    start_date: IsoDate
    end_date: IsoDate

    @model_validator(mode="after")
    def _ends_after_start(self) -> Self:
        if self.end_date < self.start_date:
            raise ValueError("endDate is before startDate")
        return self


class HolidayRead(Timestamps):
    id: uuid.UUID
    centre_id: uuid.UUID
    name: str
    kind: HolidayKind
    start_date: IsoDate
    end_date: IsoDate


# --- A building's calendar context -------------------------------------------------------
BUILDING_PARTS = ("rooms", "holidays", "organisations")


class BuildingEmbedded(ReadModel):
    """The parts asked for with `?expand=`: what the building's calendar shows around its
    bookings. A part that was not asked for is left out."""

    rooms: list[RoomRead] | None = Field(default=None, description="The rooms, by name.")
    holidays: list[HolidayRead] | None = Field(
        default=None, description="The centre's school holidays and study days."
    )
    organisations: list[OrganisationRead] | None = Field(
        default=None, description="The organisations of the building's centre, by name."
    )


class BuildingDetail(BuildingRead):
    """A building, with the parts asked for in `?expand=` under `embedded`."""

    embedded: BuildingEmbedded | None = Field(
        default=None, description="Present when `expand` was given."
    )


# --- Bookings ----------------------------------------------------------------------------
class BookingCreate(ApiModel):
    room_id: uuid.UUID
    organisation_id: uuid.UUID | None = Field(
        default=None, description="May be left out when you belong to one organisation."
    )
    purpose: str = Field(min_length=1, max_length=300)
    starts_at: AwareDatetime = Field(description="The (first) occurrence's start.")
    ends_at: AwareDatetime = Field(description="The (first) occurrence's end.")
    attendees: int | None = Field(default=None, ge=1, le=10_000)
    recurrence: str | None = Field(
        default=None,
        max_length=500,
        description="An RFC 5545 RRULE, e.g. `FREQ=WEEKLY;BYDAY=WE;UNTIL=20270715`, in "
        "Europe/Amsterdam local time from `startsAt`. At most 500 occurrences, within two years.",
        examples=["FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270709"],
    )
    skip_holidays: bool | None = Field(
        default=None,
        description="Leave out occurrences in the centre's holidays; by default a school's "
        "recurring booking does, other organisations' (after-school care) do not.",
    )
    skip_dates: list[IsoDate] = Field(default_factory=list, max_length=500)
    skip_conflicts: bool = Field(
        default=False,
        description="Book the free occurrences and report the conflicting ones under "
        "`skipped`, instead of answering 409.",
    )
    activity_id: uuid.UUID | None = None
    trajectory_session_id: uuid.UUID | None = None

    @model_validator(mode="after")
    def _ends_after_start(self) -> Self:
        if self.ends_at <= self.starts_at:
            raise ValueError("endsAt is not after startsAt")
        return self


class BookingRead(ReadModel):
    """A booking. Another organisation's booking shows only that the room is taken
    (`detail: "busy"`): no purpose, no person."""

    id: uuid.UUID
    room_id: uuid.UUID
    organisation_id: uuid.UUID
    organisation_name: str
    detail: Literal["full", "busy"]
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    status: BookingStatus
    series_id: uuid.UUID | None = None
    purpose: str | None = None
    booked_by_id: uuid.UUID | None = None
    booked_by_name: str | None = None
    attendees: int | None = None
    activity_id: uuid.UUID | None = None
    trajectory_session_id: uuid.UUID | None = None
    checked_in_at: AwareDatetime | None = None
    released: bool = Field(default=False, description="Released unused: a no-show.")


class SkippedOccurrence(ReadModel):
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    reason: Literal["holiday", "skip_date", "conflict"]


class BookingCreated(ReadModel):
    """What a booking request made: one booking, or a series' occurrences."""

    series_id: uuid.UUID | None
    items: list[BookingRead]
    skipped: list[SkippedOccurrence]


class BookingTransition(ApiModel):
    to: Literal["confirmed", "cancelled"] = Field(
        description="`confirmed`: the room's owner accepts a request; `cancelled`: the booker, "
        "their organisation's administrator or the room's owner cancels (or declines)."
    )
    scope: Literal["this", "following"] = Field(
        default="this",
        description="`following`: confirm (the requested ones) or cancel this one and the rest "
        "of its series.",
    )


# --- Norms and reports -------------------------------------------------------------------
class RoomNormRead(ReadModel):
    base_m2: float = Field(description="The fixed base of the normed gross floor area.")
    per_pupil_m2: float = Field(description="Normed gross floor area per pupil.")
    after_school_from: str = Field(
        description="Weekdays from this local time count as after school."
    )
    wednesday_afternoon_from: str = Field(description="On Wednesdays from this local time.")
    is_default: bool


class RoomNormUpdate(ApiModel):
    base_m2: float = Field(ge=0, le=100_000)
    per_pupil_m2: float = Field(ge=0, le=1_000)
    after_school_from: str = Field(examples=["15:00"])
    wednesday_afternoon_from: str = Field(examples=["12:00"])

    @field_validator("after_school_from", "wednesday_afternoon_from")
    @classmethod
    def _clock(cls, value: str) -> str:
        if not _CLOCK.match(value):
            raise ValueError("expected a time as HH:MM")
        return value


class OrganisationHours(ReadModel):
    organisation_id: uuid.UUID
    organisation_name: str
    hours: float


class RoomUse(ReadModel):
    room_id: uuid.UUID
    name: str
    type: RoomType
    floor_area_m2: float | None
    owner_organisation_id: uuid.UUID
    opening_hours: float | None = Field(
        description="Hours open in the period; null for a room without opening hours."
    )
    booked_hours: float
    utilisation: float | None = Field(description="Booked hours / opening hours.")
    after_school_hours: float
    holiday_hours: float
    no_show_hours: float = Field(description="Booked hours released unused (no check-in).")
    organisation_count: int
    by_organisation: list[OrganisationHours]


class OrganisationUse(ReadModel):
    organisation_id: uuid.UUID
    organisation_name: str
    organisation_type: OrganisationType
    booked_hours: float
    hours_in_rooms_of_others: float = Field(
        description="Double use: hours in rooms it does not own."
    )
    rooms_used: int


class UtilisationReport(ReadModel):
    building_id: uuid.UUID
    from_: IsoDate = Field(alias="from")
    to: IsoDate
    booked_hours: float
    opening_hours: float | None
    utilisation: float | None
    after_school_hours: float
    holiday_hours: float
    rooms: list[RoomUse]
    organisations: list[OrganisationUse]
    heatmap: list[list[float]] = Field(
        description="Booked hours per weekday (Monday first) and hour of the day (0-23), local."
    )


class FloorAreaRoom(ReadModel):
    room_id: uuid.UUID
    name: str
    floor_area_m2: float | None
    utilisation: float | None


class FloorAreaReport(ReadModel):
    building_id: uuid.UUID
    reference_date: IsoDate
    from_: IsoDate = Field(alias="from")
    to: IsoDate
    pupils: int = Field(description="Children with a school placement in the centre on the date.")
    base_m2: float
    per_pupil_m2: float
    normed_m2: float = Field(description="base + per pupil * pupils")
    actual_m2: float | None = Field(description="The building's gross floor area.")
    difference_m2: float | None = Field(description="actual - normed")
    childcare_hours_in_education_rooms: float
    childcare_equivalent_m2: float = Field(
        description="The sum of room area * the share of its opening hours childcare used: "
        "the floor area childcare would need of its own without double use."
    )
    under_used_rooms: list[FloorAreaRoom] = Field(
        description="Rooms used less than 30% of their opening hours in the period."
    )


# --- Calendar feeds ----------------------------------------------------------------------
class CalendarFeedCreate(ApiModel):
    name: str = Field(min_length=1, max_length=200, examples=["Speelzaal (BSO)"])
    organisation_id: uuid.UUID | None = Field(
        default=None,
        description="Whose bookings it shows in full; may be left out when you belong to one "
        "organisation.",
    )
    room_id: uuid.UUID | None = Field(
        default=None,
        description="One room's bookings (others' as busy); without it, all of the "
        "organisation's bookings.",
    )


class CalendarFeedRead(ReadModel):
    id: uuid.UUID
    name: str
    organisation_id: uuid.UUID
    room_id: uuid.UUID | None
    created_at: AwareDatetime
    revoked_at: AwareDatetime | None


class CalendarFeedCreated(CalendarFeedRead):
    url: str = Field(
        description="The secret address to subscribe to (Outlook, Google Calendar). Shown "
        "once; anyone with it reads the feed until it is revoked."
    )


class BookingUpdate(UpdateModel):
    """A change to a booking, or to it and the rest of its series (`scope: following`). New
    times keep each occurrence's own date, moved by as many days as this one moves."""

    scope: Literal["this", "following"] = "this"
    purpose: str | None = Field(default=None, min_length=1, max_length=300)
    starts_at: AwareDatetime | None = None
    ends_at: AwareDatetime | None = None
    attendees: int | None = Field(default=None, ge=1, le=10_000)

    @model_validator(mode="after")
    def _times_together(self) -> Self:
        if (self.starts_at is None) != (self.ends_at is None):
            raise ValueError("give startsAt and endsAt together")
        if (
            self.starts_at is not None
            and self.ends_at is not None
            and self.ends_at <= self.starts_at
        ):
            raise ValueError("endsAt is not after startsAt")
        return self


class BookingsChanged(ReadModel):
    items: list[BookingRead]
