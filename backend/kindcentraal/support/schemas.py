import uuid
from datetime import date
from typing import Literal, Self

from pydantic import AwareDatetime, Field, model_validator

from kindcentraal.common.schemas import ApiModel, IsoDate, ReadModel, UpdateModel
from kindcentraal.consent.models import TrajectoryType
from kindcentraal.support.models import (
    Attendance,
    GoalStatus,
    NoteKind,
    NoteVisibility,
    ReferralDestination,
    SessionLocation,
    SignalCategory,
    SignalDecision,
    TrajectoryLocation,
    TrajectoryOutcome,
    TrajectoryStatus,
)

PlainText = Field(min_length=1, max_length=2000)


# --- Signals --------------------------------------------------------------------------------
class SignalCreate(ApiModel):
    category: SignalCategory
    description: str = Field(
        min_length=1, max_length=2000, description="What you see, in plain words."
    )


class SupportRequestCreate(ApiModel):
    description: str = Field(
        min_length=1, max_length=2000, description="What you would like help with."
    )
    category: SignalCategory = SignalCategory.OTHER
    trajectory_type: TrajectoryType | None = Field(
        default=None, description="The kind of support asked for, if known."
    )


class TrajectoryRequest(ApiModel):
    type: TrajectoryType
    organisation_id: uuid.UUID = Field(description="The organisation that gives the support.")
    reason: str | None = Field(
        default=None, max_length=2000, description="Defaults to the signal's description."
    )
    location: TrajectoryLocation = TrajectoryLocation.IN_CENTRE
    coordinator_id: uuid.UUID | None = None


class SignalDecisionCreate(ApiModel):
    decision: SignalDecision
    reason: str | None = Field(
        default=None, max_length=1000, description="Required for `no_action`."
    )
    review_on: IsoDate | None = Field(default=None, description="Required for `watch`.")
    trajectory: TrajectoryRequest | None = Field(
        default=None, description="Required for `support_requested`: the request it creates."
    )

    @model_validator(mode="after")
    def _what_each_decision_needs(self) -> Self:
        if self.decision == SignalDecision.NO_ACTION and not (self.reason or "").strip():
            raise ValueError("a decision of no_action needs a reason")
        if self.decision == SignalDecision.WATCH:
            if self.review_on is None:
                raise ValueError("a decision to watch needs reviewOn")
            if self.review_on <= date.today():
                raise ValueError("reviewOn lies in the past")
        if (self.decision == SignalDecision.SUPPORT_REQUESTED) != (self.trajectory is not None):
            raise ValueError("trajectory is required for support_requested, and only then")
        return self


class SignalRead(ReadModel):
    id: uuid.UUID
    child_id: uuid.UUID
    child_name: str
    category: SignalCategory
    description: str
    from_guardians: bool
    requested_type: TrajectoryType | None
    author_id: uuid.UUID
    author_name: str
    status: Literal["open", "decided"]
    decision: SignalDecision | None
    decision_reason: str | None
    review_on: date | None
    decided_at: AwareDatetime | None
    decided_by_name: str | None
    trajectory_id: uuid.UUID | None
    created_at: AwareDatetime


# --- Trajectories ---------------------------------------------------------------------------
class TrajectoryCreate(ApiModel):
    child_id: uuid.UUID
    type: TrajectoryType
    organisation_id: uuid.UUID = Field(description="The organisation that gives the support.")
    coordinator_id: uuid.UUID | None = Field(
        default=None, description="The coordinating professional, if already known."
    )
    reason: str = Field(min_length=1, max_length=2000, description="Why, in plain words.")
    location: TrajectoryLocation = TrajectoryLocation.IN_CENTRE


class TrajectoryUpdate(UpdateModel):
    nullable = frozenset({"coordinator_id"})

    coordinator_id: uuid.UUID | None = None
    reason: str | None = Field(default=None, min_length=1, max_length=2000)
    location: TrajectoryLocation | None = None


class ReferralCreate(ApiModel):
    destination: ReferralDestination
    reason: str = Field(min_length=1, max_length=1000)


class TransitionCreate(ApiModel):
    to: TrajectoryStatus
    outcome: TrajectoryOutcome | None = Field(default=None, description="Required to close.")
    referral: ReferralCreate | None = Field(
        default=None, description="Required with outcome `referred_out`, refused otherwise."
    )


class Referral(ReadModel):
    destination: ReferralDestination
    reason: str | None


class Norm(ReadModel):
    intake_within_days: int = Field(description="Working days from request to intake.")
    start_within_days: int = Field(description="Working days from request to start.")


class TrajectoryRead(ReadModel):
    id: uuid.UUID
    child_id: uuid.UUID
    child_name: str
    centre_id: uuid.UUID
    type: TrajectoryType
    organisation_id: uuid.UUID
    organisation_name: str
    coordinator_id: uuid.UUID | None
    coordinator_name: str | None
    reason: str
    location: TrajectoryLocation
    status: TrajectoryStatus
    requested_at: AwareDatetime
    intake_at: AwareDatetime | None
    started_at: AwareDatetime | None
    closed_at: AwareDatetime | None
    outcome: TrajectoryOutcome | None
    referral: Referral | None
    consent_needed: bool = Field(
        description="No trajectory consent in force for this type and organisation: the "
        "request waits for a guardian with parental authority."
    )
    waiting_days_to_intake: int | None = Field(
        description="Working days from request to intake (to today while it waits)."
    )
    waiting_days_to_start: int | None = Field(
        description="Working days from request to start (to today while it waits)."
    )
    norm: Norm
    overdue: bool = Field(description="Still waiting for intake or start past the norm.")
    allowed_transitions: list[TrajectoryStatus]
    created_at: AwareDatetime
    updated_at: AwareDatetime


class TransitionRead(ReadModel):
    from_status: TrajectoryStatus | None = Field(serialization_alias="from")
    to: TrajectoryStatus
    at: AwareDatetime
    by_name: str


# --- Goals, sessions, notes ---------------------------------------------------------------
class GoalCreate(ApiModel):
    text: str = Field(min_length=1, max_length=2000, description="SMART, in plain words.")
    target_date: IsoDate | None = None
    shared_with_daily_team: bool = Field(
        default=False,
        description="The child's teacher and pedagogisch medewerker see this goal (and nothing "
        "else of the trajectory); needs an information_sharing consent for the organisation.",
    )
    daily_team_advice: str | None = Field(
        default=None, max_length=2000, description="What they can do in the class or group."
    )


class GoalUpdate(UpdateModel):
    nullable = frozenset({"target_date", "daily_team_advice"})

    text: str | None = Field(default=None, min_length=1, max_length=2000)
    target_date: IsoDate | None = None
    status: GoalStatus | None = None
    shared_with_daily_team: bool | None = None
    daily_team_advice: str | None = Field(default=None, max_length=2000)


class ProgressCreate(ApiModel):
    text: str = Field(min_length=1, max_length=2000)


class ProgressRead(ReadModel):
    id: uuid.UUID
    text: str
    author_name: str
    created_at: AwareDatetime


class GoalRead(ReadModel):
    id: uuid.UUID
    trajectory_id: uuid.UUID
    text: str
    target_date: date | None
    status: GoalStatus
    shared_with_daily_team: bool
    daily_team_advice: str | None
    progress: list[ProgressRead]
    created_at: AwareDatetime
    updated_at: AwareDatetime


class SessionCreate(ApiModel):
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    location: SessionLocation
    location_detail: str | None = Field(
        default=None, max_length=200, description="The room of the centre, as free text for now."
    )
    professional_id: uuid.UUID | None = Field(
        default=None, description="Who gives the session; defaults to the caller."
    )

    @model_validator(mode="after")
    def _ends_after_start(self) -> Self:
        if self.ends_at <= self.starts_at:
            raise ValueError("endsAt must lie after startsAt")
        return self


class SessionUpdate(UpdateModel):
    nullable = frozenset({"location_detail"})

    starts_at: AwareDatetime | None = None
    ends_at: AwareDatetime | None = None
    location: SessionLocation | None = None
    location_detail: str | None = Field(default=None, max_length=200)
    attendance: Attendance | None = None


class SessionRead(ReadModel):
    id: uuid.UUID
    trajectory_id: uuid.UUID
    child_id: uuid.UUID
    child_name: str
    trajectory_type: TrajectoryType
    professional_id: uuid.UUID
    professional_name: str
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    location: SessionLocation
    location_detail: str | None
    attendance: Attendance


class NoteCreate(ApiModel):
    kind: NoteKind = NoteKind.NOTE
    visibility: NoteVisibility = NoteVisibility.TEAM
    text: str = Field(min_length=1, max_length=10000)
    participants: list[str] | None = Field(
        default=None,
        max_length=30,
        description="For a team meeting: who took part (the guardians included).",
    )
    decisions: str | None = Field(
        default=None, max_length=5000, description="For a team meeting: what was decided."
    )

    @model_validator(mode="after")
    def _meeting_fields_only_for_meetings(self) -> Self:
        is_meeting = self.kind == NoteKind.TEAM_MEETING
        if is_meeting and not self.participants:
            raise ValueError("a team meeting records who took part (participants)")
        if not is_meeting and (self.participants is not None or self.decisions is not None):
            raise ValueError("participants and decisions belong to a team meeting")
        if self.participants and any(not p.strip() or len(p) > 200 for p in self.participants):
            raise ValueError("each participant is a name of 1 to 200 characters")
        return self


class NoteRead(ReadModel):
    id: uuid.UUID
    trajectory_id: uuid.UUID
    kind: NoteKind
    visibility: NoteVisibility
    text: str
    participants: list[str] | None
    decisions: str | None
    author_id: uuid.UUID
    author_name: str
    replaces_id: uuid.UUID | None = Field(description="The earlier version this one corrects.")
    replaced_by_id: uuid.UUID | None = Field(description="The newer version, if corrected.")
    created_at: AwareDatetime


class TeamMemberRead(ReadModel):
    id: uuid.UUID
    user_id: uuid.UUID
    display_name: str
    organisation_id: uuid.UUID
    organisation_name: str
    role: str
    since_date: date
    until_date: date | None


class TrajectoryEmbedded(ReadModel):
    goals: list[GoalRead] | None = None
    sessions: list[SessionRead] | None = None
    notes: list[NoteRead] | None = None
    team: list[TeamMemberRead] | None = None
    transitions: list[TransitionRead] | None = None


class TrajectoryDetail(TrajectoryRead):
    embedded: TrajectoryEmbedded | None = Field(
        default=None, description="The parts asked for with `expand`, as far as you may see them."
    )


# --- The one plan ------------------------------------------------------------------------
class PlanGoal(ReadModel):
    id: uuid.UUID
    trajectory_id: uuid.UUID
    trajectory_type: TrajectoryType
    organisation_name: str
    text: str
    target_date: date | None
    status: GoalStatus
    shared_with_daily_team: bool
    daily_team_advice: str | None
    workers: list[str] = Field(description="Who works on it: the coordinator and the team.")


class PlanTrajectory(ReadModel):
    id: uuid.UUID
    type: TrajectoryType
    status: TrajectoryStatus
    organisation_name: str
    coordinator_name: str | None


class ChildPlan(ReadModel):
    child_id: uuid.UUID
    view: Literal["team", "daily_team", "guardian"] = Field(
        description="What this reader sees: everything, the shared goals, or the goals and "
        "the notes meant for guardians."
    )
    trajectories: list[PlanTrajectory]
    goals: list[PlanGoal]
    notes: list[NoteRead]


# --- Norms and care coordinators ----------------------------------------------------------
class NormRead(Norm):
    type: TrajectoryType
    is_default: bool


class NormUpdate(ApiModel):
    intake_within_days: int = Field(ge=1, le=365)
    start_within_days: int = Field(ge=1, le=365)

    @model_validator(mode="after")
    def _start_after_intake(self) -> Self:
        if self.start_within_days < self.intake_within_days:
            raise ValueError("startWithinDays is less than intakeWithinDays")
        return self


class CareCoordinatorCreate(ApiModel):
    user_id: uuid.UUID


class CareCoordinatorRead(ReadModel):
    user_id: uuid.UUID
    display_name: str
    centre_id: uuid.UUID
