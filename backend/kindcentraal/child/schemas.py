import uuid
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, AwareDatetime, Field

from kindcentraal.activities.schemas import EnrolmentRead
from kindcentraal.attendance.schemas import AbsenceRead, ChildDay
from kindcentraal.careteam.schemas import CareTeamMemberRead
from kindcentraal.child.bsn import is_valid_bsn
from kindcentraal.child.models import GuardianRelation
from kindcentraal.common.schemas import ApiModel, IsoDate, ReadModel, Timestamps, UpdateModel
from kindcentraal.consent.schemas import ConsentRead
from kindcentraal.placement.schemas import PlacementRead
from kindcentraal.retention.schemas import LegalHoldRead
from kindcentraal.support.schemas import ChildPlan, SignalRead, TrajectoryRead

MAX_AGE_AT_REGISTRATION = 13


def _check_bsn(value: str | None) -> str | None:
    if value is not None and not is_valid_bsn(value):
        raise ValueError("not a valid BSN: it must be 9 digits passing the 11-proef")
    return value


def _check_date_of_birth(value: date | None) -> date | None:
    if value is None:
        return value
    today = date.today()
    if value > today:
        raise ValueError("the date of birth lies in the future")
    age = today.year - value.year - ((today.month, today.day) < (value.month, value.day))
    if age > MAX_AGE_AT_REGISTRATION:
        raise ValueError("children are registered from 0 to 13 years old")
    return value


Bsn = Annotated[
    str, Field(min_length=9, max_length=9, pattern=r"^\d{9}$"), AfterValidator(_check_bsn)
]
DateOfBirth = Annotated[IsoDate, AfterValidator(_check_date_of_birth)]


class ChildCreate(ApiModel):
    centre_id: uuid.UUID
    group_id: uuid.UUID | None = None
    given_name: str = Field(min_length=1, max_length=100)
    family_name: str = Field(min_length=1, max_length=150)
    date_of_birth: DateOfBirth = Field(
        description="The child is 0 to 13 years old at registration."
    )
    bsn: Bsn | None = Field(
        default=None,
        description="Only where an organisation's legal task needs it; never returned here.",
    )


class ChildUpdate(UpdateModel):
    nullable = frozenset({"group_id", "bsn"})

    group_id: uuid.UUID | None = None
    given_name: str | None = Field(default=None, min_length=1, max_length=100)
    family_name: str | None = Field(default=None, min_length=1, max_length=150)
    date_of_birth: DateOfBirth | None = None
    bsn: Bsn | None = None


class PersonRef(ReadModel):
    user_id: uuid.UUID
    display_name: str


class ChildRead(Timestamps):
    id: uuid.UUID
    centre_id: uuid.UUID
    group_id: uuid.UUID | None
    given_name: str
    family_name: str
    date_of_birth: date
    has_bsn: bool = Field(description="Whether a BSN is on record; read it at /children/{id}/bsn.")
    contact_person: PersonRef | None


class BsnRead(ApiModel):
    bsn: str | None


class GuardianCreate(ApiModel):
    user_id: uuid.UUID
    relation: GuardianRelation
    has_parental_authority: bool = Field(description="Gezag: whether they hold parental authority.")


class GuardianUpdate(UpdateModel):
    relation: GuardianRelation | None = None
    has_parental_authority: bool | None = None


class GuardianRead(Timestamps):
    id: uuid.UUID
    child_id: uuid.UUID
    user_id: uuid.UUID
    display_name: str
    relation: GuardianRelation
    has_parental_authority: bool


class ContactPersonAssign(ApiModel):
    user_id: uuid.UUID = Field(description="A professional of the municipality's organisations.")
    handover_note: str | None = Field(
        default=None,
        max_length=5000,
        description="What the new contact person needs to know; only they will read it. "
        "Required when the child already has a contact person.",
    )


class ContactPersonRead(ReadModel):
    user_id: uuid.UUID
    display_name: str
    email: str
    phone: str | None = Field(default=None, description="A work phone number, when on record.")
    since: AwareDatetime


class SiblingContactPerson(ReadModel):
    """A brother or sister (a child sharing a guardian) the caller may also manage, with its
    contact person: the app offers to make it the same one."""

    child_id: uuid.UUID
    given_name: str
    contact_person: PersonRef | None


class ContactPersonChange(ContactPersonRead):
    siblings: list[SiblingContactPerson] = Field(
        description="Siblings whose contact person the caller may also set, for one contact "
        "person per family."
    )


class ContactPersonPeriod(ReadModel):
    """One period in which someone was the child's contact person."""

    contact_person: PersonRef | None = Field(description="Null when that account no longer exists.")
    started_at: AwareDatetime
    ended_at: AwareDatetime | None
    assigned_by: PersonRef | None
    handover_note: str | None = Field(
        default=None,
        description="Only for the contact person it was written for; null for everyone else.",
    )


class DailyTeamMember(ReadModel):
    """Who is around the child day to day: its contact person, the school and childcare
    groups it is placed in, and the activities it takes part in."""

    kind: Literal["contact_person", "school", "childcare", "activity"]
    organisation_name: str | None
    group_name: str | None
    person_name: str | None
    activity_name: str | None


class ChildPlacementRead(PlacementRead):
    """A placement on the child page, with the organisation's name the page shows."""

    organisation_name: str


class ChildEmbedded(ReadModel):
    """The parts asked for with `?expand=`. A part that was not asked for, or that the
    caller's relation does not allow (care team and consents for a guardian without parental
    authority), is left out."""

    guardians: list[GuardianRead] | None = None
    placements: list[ChildPlacementRead] | None = None
    contact_person: ContactPersonRead | None = Field(
        default=None, description="Null when asked for while no contact person is assigned."
    )
    care_team: list[CareTeamMemberRead] | None = None
    consents: list[ConsentRead] | None = None
    plan: ChildPlan | None = Field(
        default=None,
        description="The one plan, as `GET /children/{childId}/plan` serves it to the caller.",
    )
    trajectories: list[TrajectoryRead] | None = Field(
        default=None,
        description="The child's trajectories as `GET /support-trajectories?childId=` finds "
        "them for the caller, the newest request first.",
    )
    signals: list[SignalRead] | None = Field(
        default=None,
        description="As `GET /children/{childId}/signals`: all for the child's deciders, "
        "their own for other professionals and guardians.",
    )
    day: ChildDay | None = Field(
        default=None, description="Today, as `GET /children/{childId}/day` gives it."
    )
    daily_team: list[DailyTeamMember] | None = Field(
        default=None,
        description="The contact person, the groups the child is placed in and its activities.",
    )
    enrolments: list[EnrolmentRead] | None = Field(
        default=None, description="The child's enrolments and waiting-list places, not cancelled."
    )
    absences: list[AbsenceRead] | None = Field(
        default=None, description="Absences from today on, as `GET /children/{childId}/absences`."
    )
    legal_hold: LegalHoldRead | None = Field(
        default=None,
        description="For the centre's administrators, as `GET /children/{childId}/legal-hold`.",
    )


class ChildDetail(ChildRead):
    """A child, with the parts of its file asked for in `?expand=` under `embedded`."""

    embedded: ChildEmbedded | None = Field(
        default=None, description="Present when `expand` was given."
    )
