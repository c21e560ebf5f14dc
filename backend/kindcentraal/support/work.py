"""The work on a trajectory: goals and their progress, sessions, notes, the team; the one plan."""

import uuid
from collections.abc import Awaitable, Callable, Coroutine
from datetime import date, datetime
from typing import Any, Literal, TypeVar

from sqlalchemy import BindParameter, Date, Select, Uuid, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from kindcentraal.auth.principal import Principal
from kindcentraal.careteam.models import CareTeamMember
from kindcentraal.child import policy as child_policy
from kindcentraal.child import service as child_service
from kindcentraal.child.models import Child
from kindcentraal.child.policy import ChildRelations
from kindcentraal.consent.models import Consent, ConsentPurpose
from kindcentraal.driver_reads import Query, entity_columns, fetch
from kindcentraal.errors import Conflict, Forbidden, InvalidInput, NotFound
from kindcentraal.notification.models import NotificationKind
from kindcentraal.notification.service import guardians_with_authority, notify
from kindcentraal.organisation.models import Membership, Organisation
from kindcentraal.support import policy
from kindcentraal.support import service as trajectories
from kindcentraal.support.models import (
    Attendance,
    GoalProgress,
    NoteVisibility,
    SupportTrajectory,
    TrajectoryGoal,
    TrajectoryNote,
    TrajectorySession,
    TrajectoryTransition,
)
from kindcentraal.support.policy import View
from kindcentraal.support.schemas import (
    ChildPlan,
    GoalCreate,
    GoalRead,
    GoalUpdate,
    NoteCreate,
    NoteRead,
    PlanGoal,
    PlanTrajectory,
    ProgressCreate,
    ProgressRead,
    SessionCreate,
    SessionRead,
    SessionUpdate,
    TeamMemberRead,
    TrajectoryDetail,
    TrajectoryEmbedded,
    TransitionRead,
)
from kindcentraal.support.service import Opened, open_trajectory, refuse
from kindcentraal.support.waiting import OPEN
from kindcentraal.user.models import User

T = TypeVar("T")
Part = Literal["goals", "sessions", "notes", "team", "transitions"]
PARTS: tuple[Part, ...] = ("goals", "sessions", "notes", "team", "transitions")


def _ensure_open(opened: Opened, principal: Principal, *, resource: str, action: str) -> None:
    if opened.trajectory.status not in OPEN:
        raise refuse(
            opened,
            principal,
            Conflict("The trajectory has ended: nothing is added to it any more."),
            resource=resource,
            action=action,
        )


def _log(
    session: AsyncSession,
    principal: Principal,
    opened: Opened,
    resource: str,
    action: str,
    parts: list[str] | None = None,
) -> Coroutine[Any, Any, None]:
    return child_service.log_access(
        session,
        principal,
        opened.relations,
        opened.child.id,
        resource=resource,
        action=action,
        parts=parts,
    )


# --- Goals --------------------------------------------------------------------------------
async def _goals(
    session: AsyncSession, opened: Opened, *, goal_id: uuid.UUID | None = None
) -> list[GoalRead]:
    statement = select(TrajectoryGoal).where(
        TrajectoryGoal.trajectory_id == opened.trajectory.id,
        TrajectoryGoal.tenant_id == opened.trajectory.tenant_id,
    )
    if opened.view == View.DAILY_TEAM:
        statement = statement.where(TrajectoryGoal.shared_with_daily_team)
    if goal_id is not None:
        statement = statement.where(TrajectoryGoal.id == goal_id)
    goals = list(
        await session.scalars(statement.order_by(TrajectoryGoal.created_at, TrajectoryGoal.id))
    )
    progress: dict[uuid.UUID, list[ProgressRead]] = {goal.id: [] for goal in goals}
    if goals and opened.view != View.DAILY_TEAM:
        rows = await session.execute(
            select(GoalProgress, User.display_name)
            .join(User, User.id == GoalProgress.author_id)
            .where(
                GoalProgress.goal_id.in_(list(progress)),
                GoalProgress.tenant_id == opened.trajectory.tenant_id,
            )
            .order_by(GoalProgress.created_at, GoalProgress.id)
        )
        for entry, name in rows.all():
            progress[entry.goal_id].append(
                ProgressRead(
                    id=entry.id, text=entry.text, author_name=name, created_at=entry.created_at
                )
            )
    return [
        GoalRead(
            id=goal.id,
            trajectory_id=goal.trajectory_id,
            text=goal.text,
            target_date=goal.target_date,
            status=goal.status,
            shared_with_daily_team=goal.shared_with_daily_team,
            daily_team_advice=goal.daily_team_advice,
            progress=progress[goal.id],
            created_at=goal.created_at,
            updated_at=goal.updated_at,
        )
        for goal in goals
    ]


async def _list_part(
    session: AsyncSession,
    principal: Principal,
    trajectory_id: uuid.UUID,
    *,
    resource: str,
    at_least: View,
    read: Callable[[AsyncSession, Opened], Awaitable[list[T]]],
) -> list[T]:
    """One part of a trajectory as far as the caller's view allows, with its one event."""
    opened = await open_trajectory(
        session, principal, trajectory_id, resource=resource, action="list", at_least=at_least
    )
    items = await read(session, opened)
    await _log(session, principal, opened, resource, "list")
    return items


async def list_goals(
    session: AsyncSession, principal: Principal, *, trajectory_id: uuid.UUID
) -> list[GoalRead]:
    return await _list_part(
        session, principal, trajectory_id, resource="goal", at_least=View.DAILY_TEAM, read=_goals
    )


async def _check_sharing(
    session: AsyncSession, principal: Principal, opened: Opened, shared: bool, action: str
) -> None:
    if shared and not await trajectories.has_consent(
        session, opened.trajectory, ConsentPurpose.INFORMATION_SHARING
    ):
        raise refuse(
            opened,
            principal,
            Conflict(
                "Sharing a goal with the daily team needs an information_sharing consent for "
                "the providing organisation, from a guardian with parental authority."
            ),
            resource="goal",
            action=action,
        )


async def add_goal(
    session: AsyncSession, principal: Principal, *, trajectory_id: uuid.UUID, data: GoalCreate
) -> GoalRead:
    opened = await open_trajectory(
        session, principal, trajectory_id, resource="goal", action="create", at_least=View.TEAM
    )
    _ensure_open(opened, principal, resource="goal", action="create")
    await _check_sharing(session, principal, opened, data.shared_with_daily_team, "create")
    goal = TrajectoryGoal(
        tenant_id=principal.tenant_id,
        trajectory_id=opened.trajectory.id,
        text=data.text,
        target_date=data.target_date,
        status="open",
        shared_with_daily_team=data.shared_with_daily_team,
        daily_team_advice=data.daily_team_advice,
        created_by_id=principal.user_id,
    )
    session.add(goal)
    await session.flush()
    await _log(session, principal, opened, "goal", "create")
    return (await _goals(session, opened, goal_id=goal.id))[0]


Row = TypeVar("Row", TrajectoryGoal, TrajectorySession, TrajectoryNote)


async def _row_of(
    session: AsyncSession,
    opened: Opened,
    principal: Principal,
    model: type[Row],
    row_id: uuid.UUID,
    *,
    resource: str,
    action: str,
) -> Row:
    """A goal, session or note of this trajectory by id; another trajectory's is a logged 404."""
    row = await session.scalar(
        select(model).where(
            model.id == row_id,
            model.trajectory_id == opened.trajectory.id,
            model.tenant_id == principal.tenant_id,
        )
    )
    if row is None:
        label = resource.removeprefix("trajectory-")
        raise refuse(opened, principal, NotFound(label), resource=resource, action=action)
    return row


async def _goal(
    session: AsyncSession, opened: Opened, principal: Principal, goal_id: uuid.UUID, action: str
) -> TrajectoryGoal:
    return await _row_of(
        session, opened, principal, TrajectoryGoal, goal_id, resource="goal", action=action
    )


async def update_goal(
    session: AsyncSession,
    principal: Principal,
    *,
    trajectory_id: uuid.UUID,
    goal_id: uuid.UUID,
    data: GoalUpdate,
) -> GoalRead:
    opened = await open_trajectory(
        session, principal, trajectory_id, resource="goal", action="update", at_least=View.TEAM
    )
    _ensure_open(opened, principal, resource="goal", action="update")
    goal = await _goal(session, opened, principal, goal_id, "update")
    if data.shared_with_daily_team:
        await _check_sharing(session, principal, opened, True, "update")
    for name in data.model_fields_set:
        setattr(goal, name, getattr(data, name))
    await session.flush()
    await _log(session, principal, opened, "goal", "update")
    return (await _goals(session, opened, goal_id=goal.id))[0]


async def add_progress(
    session: AsyncSession,
    principal: Principal,
    *,
    trajectory_id: uuid.UUID,
    goal_id: uuid.UUID,
    data: ProgressCreate,
) -> GoalRead:
    opened = await open_trajectory(
        session, principal, trajectory_id, resource="goal", action="update", at_least=View.TEAM
    )
    _ensure_open(opened, principal, resource="goal", action="update")
    goal = await _goal(session, opened, principal, goal_id, "update")
    session.add(
        GoalProgress(
            tenant_id=principal.tenant_id,
            goal_id=goal.id,
            author_id=principal.user_id,
            text=data.text,
        )
    )
    await session.flush()
    await _log(session, principal, opened, "goal", "update")
    return (await _goals(session, opened, goal_id=goal.id))[0]


# --- Sessions -----------------------------------------------------------------------------
_Professional = aliased(User, name="professional")


def _session_statement() -> Select[*tuple[Any, ...]]:
    return (
        select(
            TrajectorySession,
            SupportTrajectory.child_id,
            SupportTrajectory.type,
            Child.given_name,
            Child.family_name,
            _Professional.display_name,
        )
        .join(SupportTrajectory, SupportTrajectory.id == TrajectorySession.trajectory_id)
        .join(Child, Child.id == SupportTrajectory.child_id)
        .join(_Professional, _Professional.id == TrajectorySession.professional_id)
    )


def _session_read(row: Any) -> SessionRead:
    item, child_id, kind, given, family, professional = row
    return SessionRead(
        id=item.id,
        trajectory_id=item.trajectory_id,
        child_id=child_id,
        child_name=f"{given} {family}",
        trajectory_type=kind,
        professional_id=item.professional_id,
        professional_name=professional,
        starts_at=item.starts_at,
        ends_at=item.ends_at,
        location=item.location,
        location_detail=item.location_detail,
        attendance=item.attendance,
    )


async def _sessions(
    session: AsyncSession, opened: Opened, session_id: uuid.UUID | None = None
) -> list[SessionRead]:
    statement = _session_statement().where(
        TrajectorySession.trajectory_id == opened.trajectory.id,
        TrajectorySession.tenant_id == opened.trajectory.tenant_id,
    )
    if session_id is not None:
        statement = statement.where(TrajectorySession.id == session_id)
    rows = await session.execute(
        statement.order_by(TrajectorySession.starts_at, TrajectorySession.id)
    )
    return [_session_read(row) for row in rows.all()]


async def list_sessions(
    session: AsyncSession, principal: Principal, *, trajectory_id: uuid.UUID
) -> list[SessionRead]:
    return await _list_part(
        session,
        principal,
        trajectory_id,
        resource="trajectory-session",
        at_least=View.GUARDIAN,
        read=_sessions,
    )


async def _check_professional(
    session: AsyncSession, principal: Principal, opened: Opened, user_id: uuid.UUID, action: str
) -> None:
    if user_id == principal.user_id:
        return
    found = await session.scalar(
        select(Membership.id).where(
            Membership.user_id == user_id,
            Membership.organisation_id == opened.trajectory.organisation_id,
            Membership.tenant_id == principal.tenant_id,
        )
    )
    if found is None:
        raise refuse(
            opened,
            principal,
            InvalidInput.field(
                "professionalId",
                "not_a_professional",
                "Not a professional of the providing organisation.",
            ),
            resource="trajectory-session",
            action=action,
        )


def _check_times(
    opened: Opened, principal: Principal, starts_at: datetime, ends_at: datetime, action: str
) -> None:
    if ends_at <= starts_at:
        raise refuse(
            opened,
            principal,
            InvalidInput.field("endsAt", "ends_before_start", "endsAt must lie after startsAt."),
            resource="trajectory-session",
            action=action,
        )
    if starts_at < opened.trajectory.requested_at:
        raise refuse(
            opened,
            principal,
            InvalidInput.field(
                "startsAt",
                "before_request",
                "A session cannot lie before the support was requested.",
            ),
            resource="trajectory-session",
            action=action,
        )


async def add_session(
    session: AsyncSession, principal: Principal, *, trajectory_id: uuid.UUID, data: SessionCreate
) -> SessionRead:
    opened = await open_trajectory(
        session,
        principal,
        trajectory_id,
        resource="trajectory-session",
        action="create",
        at_least=View.TEAM,
    )
    _ensure_open(opened, principal, resource="trajectory-session", action="create")
    professional = data.professional_id or principal.user_id
    await _check_professional(session, principal, opened, professional, "create")
    _check_times(opened, principal, data.starts_at, data.ends_at, "create")
    item = TrajectorySession(
        tenant_id=principal.tenant_id,
        trajectory_id=opened.trajectory.id,
        professional_id=professional,
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        location=data.location,
        location_detail=data.location_detail,
        attendance=Attendance.PLANNED,
    )
    session.add(item)
    await session.flush()
    await _log(session, principal, opened, "trajectory-session", "create")
    return (await _sessions(session, opened, item.id))[0]


async def update_session(
    session: AsyncSession,
    principal: Principal,
    *,
    trajectory_id: uuid.UUID,
    session_id: uuid.UUID,
    data: SessionUpdate,
) -> SessionRead:
    opened = await open_trajectory(
        session,
        principal,
        trajectory_id,
        resource="trajectory-session",
        action="update",
        at_least=View.TEAM,
    )
    item = await _row_of(
        session,
        opened,
        principal,
        TrajectorySession,
        session_id,
        resource="trajectory-session",
        action="update",
    )
    starts_at = data.starts_at or item.starts_at
    ends_at = data.ends_at or item.ends_at
    if data.starts_at is not None or data.ends_at is not None:
        _check_times(opened, principal, starts_at, ends_at, "update")
    for name in data.model_fields_set:
        setattr(item, name, getattr(data, name))
    await session.flush()
    await _log(session, principal, opened, "trajectory-session", "update")
    return (await _sessions(session, opened, item.id))[0]


async def agenda(
    session: AsyncSession, principal: Principal, *, start: datetime, end: datetime
) -> list[SessionRead]:
    """The caller's own sessions in a period (their week), of children they may see."""
    statement = (
        _session_statement()
        .where(
            TrajectorySession.tenant_id == principal.tenant_id,
            TrajectorySession.professional_id == principal.user_id,
            TrajectorySession.starts_at >= start,
            TrajectorySession.starts_at < end,
            child_policy.readable_children(principal),
        )
        .order_by(TrajectorySession.starts_at, TrajectorySession.id)
        .limit(500)
    )
    items = [_session_read(row) for row in (await session.execute(statement)).all()]
    children = sorted({item.child_id for item in items}, key=str)
    if children:
        await child_service.log_access_many(
            session, principal, children, resource="trajectory-session", action="list"
        )
    return items


# --- Notes --------------------------------------------------------------------------------
def _note_read(note: TrajectoryNote, author: str, replaced_by: uuid.UUID | None) -> NoteRead:
    return NoteRead(
        id=note.id,
        trajectory_id=note.trajectory_id,
        kind=note.kind,
        visibility=note.visibility,
        text=note.text,
        participants=note.participants,
        decisions=note.decisions,
        author_id=note.author_id,
        author_name=author,
        replaces_id=note.replaces_id,
        replaced_by_id=replaced_by,
        created_at=note.created_at,
    )


async def _notes(
    session: AsyncSession, opened: Opened, note_id: uuid.UUID | None = None
) -> list[NoteRead]:
    newer = aliased(TrajectoryNote, name="newer")
    statement = (
        select(TrajectoryNote, User.display_name, newer.id)
        .join(User, User.id == TrajectoryNote.author_id)
        .outerjoin(newer, newer.replaces_id == TrajectoryNote.id)
        .where(
            TrajectoryNote.trajectory_id == opened.trajectory.id,
            TrajectoryNote.tenant_id == opened.trajectory.tenant_id,
        )
    )
    if opened.view != View.TEAM:
        # Guardians see the current version of the notes meant for them.
        statement = statement.where(
            TrajectoryNote.visibility == NoteVisibility.TEAM_AND_GUARDIANS, newer.id.is_(None)
        )
    if note_id is not None:
        statement = statement.where(TrajectoryNote.id == note_id)
    rows = await session.execute(
        statement.order_by(TrajectoryNote.created_at.desc(), TrajectoryNote.id)
    )
    return [_note_read(note, name, replaced_by) for note, name, replaced_by in rows.all()]


async def list_notes(
    session: AsyncSession, principal: Principal, *, trajectory_id: uuid.UUID
) -> list[NoteRead]:
    return await _list_part(
        session,
        principal,
        trajectory_id,
        resource="trajectory-note",
        at_least=View.GUARDIAN,
        read=_notes,
    )


async def _write_note(
    session: AsyncSession,
    principal: Principal,
    opened: Opened,
    data: NoteCreate,
    replaces: uuid.UUID | None,
) -> NoteRead:
    note = TrajectoryNote(
        tenant_id=principal.tenant_id,
        trajectory_id=opened.trajectory.id,
        author_id=principal.user_id,
        kind=data.kind,
        visibility=data.visibility,
        text=data.text,
        participants=data.participants,
        decisions=data.decisions,
        replaces_id=replaces,
    )
    session.add(note)
    await session.flush()
    if data.visibility == NoteVisibility.TEAM_AND_GUARDIANS:
        await notify(
            session,
            principal,
            await guardians_with_authority(session, opened.child),
            NotificationKind.GUARDIAN_NOTE,
            child_id=opened.child.id,
            trajectory_id=opened.trajectory.id,
        )
    await _log(session, principal, opened, "trajectory-note", "create")
    return (await _notes(session, opened, note.id))[0]


async def add_note(
    session: AsyncSession, principal: Principal, *, trajectory_id: uuid.UUID, data: NoteCreate
) -> NoteRead:
    opened = await open_trajectory(
        session,
        principal,
        trajectory_id,
        resource="trajectory-note",
        action="create",
        at_least=View.TEAM,
    )
    _ensure_open(opened, principal, resource="trajectory-note", action="create")
    return await _write_note(session, principal, opened, data, None)


async def correct_note(
    session: AsyncSession,
    principal: Principal,
    *,
    trajectory_id: uuid.UUID,
    note_id: uuid.UUID,
    data: NoteCreate,
) -> NoteRead:
    """A correction is a new version; the note it corrects is kept as it was."""
    opened = await open_trajectory(
        session,
        principal,
        trajectory_id,
        resource="trajectory-note",
        action="create",
        at_least=View.TEAM,
    )
    original = await _row_of(
        session,
        opened,
        principal,
        TrajectoryNote,
        note_id,
        resource="trajectory-note",
        action="create",
    )
    if original.author_id != principal.user_id:
        raise refuse(
            opened,
            principal,
            Forbidden("Only the author corrects a note."),
            resource="trajectory-note",
            action="create",
        )
    newer = await session.scalar(
        select(TrajectoryNote.id).where(TrajectoryNote.replaces_id == original.id)
    )
    if newer is not None:
        raise refuse(
            opened,
            principal,
            Conflict("This version was corrected already; correct the newest one."),
            resource="trajectory-note",
            action="create",
        )
    return await _write_note(session, principal, opened, data, original.id)


# --- Team and transitions -----------------------------------------------------------------
async def _team(session: AsyncSession, opened: Opened) -> list[TeamMemberRead]:
    rows = await session.execute(
        select(CareTeamMember, User.display_name, Organisation.name)
        .join(User, User.id == CareTeamMember.user_id)
        .join(Organisation, Organisation.id == CareTeamMember.organisation_id)
        .where(
            CareTeamMember.trajectory_id == opened.trajectory.id,
            CareTeamMember.tenant_id == opened.trajectory.tenant_id,
        )
        .order_by(CareTeamMember.since_date, CareTeamMember.id)
    )
    return [
        TeamMemberRead(
            id=member.id,
            user_id=member.user_id,
            display_name=name,
            organisation_id=member.organisation_id,
            organisation_name=organisation,
            role=member.role,
            since_date=member.since_date,
            until_date=member.until_date,
        )
        for member, name, organisation in rows.all()
    ]


async def _transitions(session: AsyncSession, opened: Opened) -> list[TransitionRead]:
    rows = await session.execute(
        select(TrajectoryTransition, User.display_name)
        .join(User, User.id == TrajectoryTransition.by_user_id)
        .where(
            TrajectoryTransition.trajectory_id == opened.trajectory.id,
            TrajectoryTransition.tenant_id == opened.trajectory.tenant_id,
        )
        .order_by(TrajectoryTransition.at, TrajectoryTransition.id)
    )
    return [
        TransitionRead(from_status=item.from_status, to=item.to_status, at=item.at, by_name=name)
        for item, name in rows.all()
    ]


async def read_trajectory(
    session: AsyncSession, principal: Principal, *, trajectory_id: uuid.UUID, parts: frozenset[Part]
) -> TrajectoryDetail:
    """The trajectory page in one request: each part as far as the caller's view allows, one
    access-log event naming the parts read."""
    opened = await open_trajectory(
        session,
        principal,
        trajectory_id,
        resource="trajectory",
        action="read",
        at_least=View.GUARDIAN,
    )
    summary = await trajectories.read_model(session, opened.trajectory)
    detail = TrajectoryDetail(**summary.model_dump(by_alias=False))
    if parts:
        embedded = TrajectoryEmbedded()
        if "goals" in parts:
            embedded.goals = await _goals(session, opened)
        if "sessions" in parts:
            embedded.sessions = await _sessions(session, opened)
        if "notes" in parts:
            embedded.notes = await _notes(session, opened)
        if "team" in parts:
            embedded.team = await _team(session, opened)
        if "transitions" in parts:
            embedded.transitions = await _transitions(session, opened)
        detail.embedded = embedded
    served = ["trajectory", *(part for part in PARTS if part in parts)]
    await _log(session, principal, opened, "trajectory", "read", parts=served)
    return detail


# --- The one plan -------------------------------------------------------------------------
_PLAN_CHILD = bindparam("plan_child", type_=Uuid)
_PLAN_TENANT = bindparam("plan_tenant", type_=Uuid)
_PLAN_TODAY = bindparam("plan_today", type_=Date)
_PLAN_IDS: BindParameter[list[uuid.UUID]] = bindparam("plan_trajectories", expanding=True)
_PLAN_TRAJECTORIES = Query(
    select(
        *entity_columns(SupportTrajectory),
        Organisation.name.label("organisation_name"),
        User.display_name.label("coordinator_name"),
    )
    .join(Organisation, Organisation.id == SupportTrajectory.organisation_id)
    .outerjoin(User, User.id == SupportTrajectory.coordinator_id)
    .where(
        SupportTrajectory.child_id == _PLAN_CHILD,
        SupportTrajectory.tenant_id == _PLAN_TENANT,
        SupportTrajectory.status.in_(OPEN),
    )
    .order_by(SupportTrajectory.requested_at, SupportTrajectory.id)
)
_PLAN_TEAM = Query(
    select(CareTeamMember.trajectory_id, CareTeamMember.user_id, User.display_name)
    .join(User, User.id == CareTeamMember.user_id)
    .where(
        CareTeamMember.trajectory_id.in_(_PLAN_IDS),
        CareTeamMember.tenant_id == _PLAN_TENANT,
        child_policy.active_team_membership(_PLAN_TODAY),
    )
    .order_by(CareTeamMember.since_date, CareTeamMember.id)
)
_PLAN_SHARING = Query(
    select(Consent.organisation_id).where(
        Consent.child_id == _PLAN_CHILD,
        Consent.tenant_id == _PLAN_TENANT,
        Consent.purpose == ConsentPurpose.INFORMATION_SHARING,
        child_policy.consent_in_force(_PLAN_TODAY),
    )
)
_PLAN_GOALS = Query(
    select(*entity_columns(TrajectoryGoal))
    .where(TrajectoryGoal.trajectory_id.in_(_PLAN_IDS), TrajectoryGoal.tenant_id == _PLAN_TENANT)
    .order_by(TrajectoryGoal.created_at, TrajectoryGoal.id)
)
_NEWER = aliased(TrajectoryNote, name="newer")
_GUARDIAN_NOTES = Query(
    select(*entity_columns(TrajectoryNote), User.display_name)
    .join(User, User.id == TrajectoryNote.author_id)
    .outerjoin(_NEWER, _NEWER.replaces_id == TrajectoryNote.id)
    .where(
        TrajectoryNote.trajectory_id.in_(_PLAN_IDS),
        TrajectoryNote.tenant_id == _PLAN_TENANT,
        TrajectoryNote.visibility == NoteVisibility.TEAM_AND_GUARDIANS,
        _NEWER.id.is_(None),
    )
    .order_by(TrajectoryNote.created_at.desc(), TrajectoryNote.id)
)


async def child_plan(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID
) -> ChildPlan:
    """The goals of all open trajectories of a child, from every organisation, with who works
    on each; each reader sees what their view of each trajectory allows. A fixed number of
    queries however many trajectories the child has."""
    child, relations = await child_service.access_child_row(
        session, principal, child_id=child_id, resource="plan", action="read"
    )
    plan = await plan_of(session, principal, child.id, relations)
    if plan is None:
        raise child_service.deny(
            Forbidden("The child's support plan is not shared with you."),
            principal,
            child_id=child.id,
            resource="plan",
            action="read",
            relations=relations,
        )
    await child_service.log_access(
        session, principal, relations, child.id, resource="plan", action="read"
    )
    return plan


async def plan_of(
    session: AsyncSession, principal: Principal, child_id: uuid.UUID, relations: ChildRelations
) -> ChildPlan | None:
    """The plan of a child the caller sees, as their relations allow; None when nothing of the
    child's support is shared with them. Neither checks access to the child nor logs: the
    caller (the plan's route, the child page) has done the one and does the other."""
    today = date.today()
    keys = {"plan_child": child_id, "plan_tenant": principal.tenant_id, "plan_today": today}
    rows = await fetch(session, _PLAN_TRAJECTORIES, keys)
    ids = [trajectory.id for trajectory in rows]
    team_rows = await fetch(session, _PLAN_TEAM, {**keys, "plan_trajectories": ids}) if ids else []
    team: dict[uuid.UUID | None, list[tuple[uuid.UUID, str]]] = {}
    for member in team_rows:
        team.setdefault(member.trajectory_id, []).append((member.user_id, member.display_name))
    shared_with = {row.organisation_id for row in await fetch(session, _PLAN_SHARING, keys)}
    views: dict[uuid.UUID, View] = {}
    for trajectory in rows:
        facts = policy.TrajectoryFacts(
            coordinator=trajectory.coordinator_id == principal.user_id,
            on_trajectory_team=any(u == principal.user_id for u, _ in team.get(trajectory.id, [])),
            information_shared=trajectory.organisation_id in shared_with,
        )
        view = policy.view_of(relations, trajectory, facts)
        if view is not None:
            views[trajectory.id] = view
    goal_rows = (
        await fetch(session, _PLAN_GOALS, {**keys, "plan_trajectories": list(views)})
        if views
        else []
    )
    by_trajectory = {trajectory.id: trajectory for trajectory in rows}
    goals: list[PlanGoal] = []
    for goal in goal_rows:
        trajectory = by_trajectory[goal.trajectory_id]
        view = views[goal.trajectory_id]
        if view == View.DAILY_TEAM and not (goal.shared_with_daily_team and goal.status == "open"):
            continue
        workers = [
            trajectory.coordinator_name,
            *(name for _, name in team.get(trajectory.id, [])),
        ]
        goals.append(
            PlanGoal(
                id=goal.id,
                trajectory_id=trajectory.id,
                trajectory_type=trajectory.type,
                organisation_name=trajectory.organisation_name,
                text=goal.text,
                target_date=goal.target_date,
                status=goal.status,
                shared_with_daily_team=goal.shared_with_daily_team,
                daily_team_advice=goal.daily_team_advice,
                workers=list(dict.fromkeys(name for name in workers if name)),
            )
        )
    plan_trajectories = [
        PlanTrajectory(
            id=trajectory.id,
            type=trajectory.type,
            status=trajectory.status,
            organisation_name=trajectory.organisation_name,
            coordinator_name=trajectory.coordinator_name,
        )
        for trajectory in rows
        if views.get(trajectory.id) in (View.TEAM, View.GUARDIAN)
    ]
    notes = await _guardian_notes(
        session, [t for t, v in views.items() if v == View.GUARDIAN], principal.tenant_id
    )
    seen = set(views.values())
    base = policy.base_view(relations)
    if base is not None:
        seen.add(base)
    if not seen:
        return None
    view = next(v for v in (View.TEAM, View.GUARDIAN, View.DAILY_TEAM) if v in seen)
    return ChildPlan(
        child_id=child_id, view=view.value, trajectories=plan_trajectories, goals=goals, notes=notes
    )


async def _guardian_notes(
    session: AsyncSession, trajectory_ids: list[uuid.UUID], tenant_id: uuid.UUID
) -> list[NoteRead]:
    """The current versions of the notes meant for guardians, of these trajectories."""
    if not trajectory_ids:
        return []
    rows = await fetch(
        session, _GUARDIAN_NOTES, {"plan_trajectories": trajectory_ids, "plan_tenant": tenant_id}
    )
    return [_note_read(note, note.display_name, None) for note in rows]
