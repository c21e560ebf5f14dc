import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated, cast

from fastapi import APIRouter, Depends, Path, Query, Response

from kindcentraal.auth.dependencies import SessionDep, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.common.expand import parse_expand
from kindcentraal.common.pagination import PageParams, page_params
from kindcentraal.common.responses import problems
from kindcentraal.common.roles import Role
from kindcentraal.common.schemas import Page
from kindcentraal.consent.models import TrajectoryType
from kindcentraal.errors import InvalidInput
from kindcentraal.policy.registry import declare
from kindcentraal.support import coordinators, signals, work
from kindcentraal.support import service as trajectories
from kindcentraal.support.models import TrajectoryStatus
from kindcentraal.support.schemas import (
    CareCoordinatorCreate,
    CareCoordinatorRead,
    ChildPlan,
    GoalCreate,
    GoalRead,
    GoalUpdate,
    NormRead,
    NormUpdate,
    NoteCreate,
    NoteRead,
    ProgressCreate,
    SessionCreate,
    SessionRead,
    SessionUpdate,
    SignalCreate,
    SignalDecisionCreate,
    SignalRead,
    SupportRequestCreate,
    TrajectoryCreate,
    TrajectoryDetail,
    TrajectoryRead,
    TrajectoryUpdate,
    TransitionCreate,
)

router = APIRouter(tags=["support"])
ChildId = Annotated[uuid.UUID, Path(alias="childId")]
TrajectoryId = Annotated[uuid.UUID, Path(alias="trajectoryId")]
CentreId = Annotated[uuid.UUID, Path(alias="centreId")]
PROFESSIONALS = frozenset({Role.CENTRE_ADMIN, Role.ORG_ADMIN, Role.STAFF, Role.CARE_PROFESSIONAL})
TEAM_ROWS = (
    "the trajectory's team (coordinator, team members, the provider on the care team, "
    "contact person, care coordinators)"
)
READ_ROWS = TEAM_ROWS + "; guardians with parental authority"

RAISE_SIGNAL = declare(
    "signals.create",
    resource="signal",
    action="create",
    rows="professionals around the child",
)
LIST_CHILD_SIGNALS = declare(
    "signals.list-child",
    resource="signal",
    action="list",
    rows="contact person and care coordinators: all; other professionals and guardians: their own",
)
SIGNAL_INBOX = declare(
    "signals.inbox",
    resource="signal",
    action="list",
    rows="signals of children the caller is contact person or care coordinator of, or wrote",
)
DECIDE_SIGNAL = declare(
    "signals.decide",
    resource="signal",
    action="decide",
    rows="the child's contact person and the centre's care coordinators",
)
ASK_SUPPORT = declare(
    "support-requests.create",
    resource="support-request",
    action="create",
    rows="guardians with parental authority",
)
LIST_TRAJECTORIES = declare(
    "trajectories.list", resource="trajectory", action="list", rows=READ_ROWS
)
CREATE_TRAJECTORY = declare(
    "trajectories.create",
    resource="trajectory",
    action="create",
    roles=PROFESSIONALS,
    rows="the child's contact person and the centre's care coordinators",
)
READ_TRAJECTORY = declare("trajectories.read", resource="trajectory", action="read", rows=READ_ROWS)
UPDATE_TRAJECTORY = declare(
    "trajectories.update",
    resource="trajectory",
    action="update",
    rows=TEAM_ROWS,
)
TRANSITION = declare(
    "trajectories.transition",
    resource="trajectory",
    action="transition",
    rows=TEAM_ROWS,
)
LIST_GOALS = declare(
    "goals.list",
    resource="goal",
    action="list",
    rows=READ_ROWS + "; the daily team: shared goals only",
)
WRITE_GOALS = declare("goals.write", resource="goal", action="write", rows=TEAM_ROWS)
LIST_SESSIONS = declare(
    "trajectory-sessions.list", resource="trajectory-session", action="list", rows=READ_ROWS
)
WRITE_SESSIONS = declare(
    "trajectory-sessions.write",
    resource="trajectory-session",
    action="write",
    rows=TEAM_ROWS,
)
AGENDA = declare(
    "trajectory-sessions.agenda",
    resource="trajectory-session",
    action="list",
    roles=PROFESSIONALS,
    rows="the caller's own sessions",
)
LIST_NOTES = declare(
    "trajectory-notes.list",
    resource="trajectory-note",
    action="list",
    rows=TEAM_ROWS + "; guardians: the notes meant for them",
)
WRITE_NOTES = declare(
    "trajectory-notes.create",
    resource="trajectory-note",
    action="create",
    rows=TEAM_ROWS + "; a correction: its author",
)
READ_PLAN = declare(
    "plan.read",
    resource="plan",
    action="read",
    rows="team: all goals; guardians with authority: goals and notes for them; daily team: "
    "shared goals",
)
READ_NORMS = declare(
    "trajectory-norms.list",
    resource="trajectory-norm",
    action="list",
    roles=PROFESSIONALS,
    rows="the tenant's norms",
)
SET_NORM = declare(
    "trajectory-norms.update",
    resource="trajectory-norm",
    action="update",
    roles=frozenset({Role.CENTRE_ADMIN}),
    rows="the tenant's norms",
)
RESET_NORM = declare(
    "trajectory-norms.reset",
    resource="trajectory-norm",
    action="delete",
    roles=frozenset({Role.CENTRE_ADMIN}),
    rows="the tenant's norms",
)
LIST_COORDINATORS = declare(
    "care-coordinators.list",
    resource="care-coordinator",
    action="list",
    rows="centres of the tenant",
)
MANAGE_COORDINATORS = declare(
    "care-coordinators.manage",
    resource="care-coordinator",
    action="write",
    rows="centres the caller administers",
)


# --- Signals -------------------------------------------------------------------------------
@router.post(
    "/children/{childId}/signals",
    status_code=201,
    response_model=SignalRead,
    responses=problems(400, 401, 403, 404),
)
async def create_signal(
    child_id: ChildId,
    body: SignalCreate,
    principal: Annotated[Principal, Depends(guard(RAISE_SIGNAL))],
    session: SessionDep,
) -> SignalRead:
    """Raise a signal: what you see, in plain words. Only the child's contact person and the
    centre's care coordinators see it, besides you."""
    return await signals.raise_signal(session, principal, child_id=child_id, data=body)


@router.get(
    "/children/{childId}/signals",
    response_model=list[SignalRead],
    responses=problems(400, 401, 403, 404),
)
async def list_child_signals(
    child_id: ChildId,
    principal: Annotated[Principal, Depends(guard(LIST_CHILD_SIGNALS))],
    session: SessionDep,
) -> list[SignalRead]:
    """The signals about a child: all of them for its deciders, your own for anyone else."""
    return await signals.list_child_signals(session, principal, child_id=child_id)


@router.post(
    "/children/{childId}/support-requests",
    status_code=201,
    response_model=SignalRead,
    responses=problems(400, 401, 403, 404),
)
async def create_support_request(
    child_id: ChildId,
    body: SupportRequestCreate,
    principal: Annotated[Principal, Depends(guard(ASK_SUPPORT))],
    session: SessionDep,
) -> SignalRead:
    """A parent asks for support, with no outside referral; it reaches the contact person."""
    return await signals.ask_support(session, principal, child_id=child_id, data=body)


@router.get("/signals", response_model=Page[SignalRead], responses=problems(400, 401))
async def list_signals(
    principal: Annotated[Principal, Depends(guard(SIGNAL_INBOX))],
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
    status: Annotated[signals.SignalStatus | None, Query()] = None,
    centre_id: Annotated[uuid.UUID | None, Query(alias="centreId")] = None,
) -> Page[SignalRead]:
    """Your signals to decide (as contact person or care coordinator) and the ones you wrote."""
    items, cursor = await signals.inbox(
        session, principal, status=status, centre_id=centre_id, page=page
    )
    return Page[SignalRead](items=items, next_cursor=cursor)


@router.post(
    "/signals/{signalId}/decision",
    response_model=SignalRead,
    responses=problems(400, 401, 403, 404, 409),
)
async def decide_signal(
    signal_id: Annotated[uuid.UUID, Path(alias="signalId")],
    body: SignalDecisionCreate,
    principal: Annotated[Principal, Depends(guard(DECIDE_SIGNAL))],
    session: SessionDep,
) -> SignalRead:
    """Record the decision: discussed with the parents, watch until a date, support requested
    (creates the trajectory request), or no action with a reason."""
    return await signals.decide(session, principal, signal_id=signal_id, data=body)


# --- Trajectories --------------------------------------------------------------------------
@router.get(
    "/support-trajectories",
    response_model=Page[TrajectoryRead],
    responses=problems(400, 401),
)
async def list_trajectories(
    principal: Annotated[Principal, Depends(guard(LIST_TRAJECTORIES))],
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
    child_id: Annotated[uuid.UUID | None, Query(alias="childId")] = None,
    status: Annotated[TrajectoryStatus | None, Query()] = None,
    type_: Annotated[TrajectoryType | None, Query(alias="type")] = None,
    organisation_id: Annotated[uuid.UUID | None, Query(alias="organisationId")] = None,
    centre_id: Annotated[uuid.UUID | None, Query(alias="centreId")] = None,
    overdue: Annotated[bool | None, Query(description="Past the waiting-time norm.")] = None,
    sort: Annotated[
        trajectories.TrajectorySort,
        Query(description="`waitingTime`: longest waiting first."),
    ] = "waitingTime",
) -> Page[TrajectoryRead]:
    """The trajectories you work on (for guardians: your children's), for the board."""
    items, cursor = await trajectories.list_trajectories(
        session,
        principal,
        child_id=child_id,
        status=status,
        kind=type_,
        organisation_id=organisation_id,
        centre_id=centre_id,
        overdue=overdue,
        sort=sort,
        page=page,
    )
    return Page[TrajectoryRead](items=items, next_cursor=cursor)


@router.post(
    "/support-trajectories",
    status_code=201,
    response_model=TrajectoryRead,
    responses=problems(400, 401, 403, 404),
)
async def create_trajectory(
    body: TrajectoryCreate,
    principal: Annotated[Principal, Depends(guard(CREATE_TRAJECTORY))],
    session: SessionDep,
) -> TrajectoryRead:
    """Request support inside the centre. Without a trajectory consent for this type and
    organisation it waits in `requested`, flagged `consentNeeded`."""
    return await trajectories.create_trajectory(session, principal, data=body)


@router.get(
    "/support-trajectories/{trajectoryId}",
    response_model=TrajectoryDetail,
    response_model_exclude_unset=True,
    responses=problems(400, 401, 404),
)
async def read_trajectory(
    trajectory_id: TrajectoryId,
    principal: Annotated[Principal, Depends(guard(READ_TRAJECTORY))],
    session: SessionDep,
    expand: Annotated[
        str | None,
        Query(
            max_length=100,
            description="Comma-separated parts to embed: "
            + ", ".join(work.PARTS)
            + ". One access-log event names them all.",
        ),
    ] = None,
) -> TrajectoryDetail:
    """A trajectory and, with `expand`, what its page shows, in one request."""
    return await work.read_trajectory(
        session, principal, trajectory_id=trajectory_id, parts=_parts(expand)
    )


def _parts(expand: str | None) -> frozenset[work.Part]:
    return cast(frozenset[work.Part], parse_expand(expand, work.PARTS))


@router.patch(
    "/support-trajectories/{trajectoryId}",
    response_model=TrajectoryRead,
    responses=problems(400, 401, 403, 404, 409),
)
async def update_trajectory(
    trajectory_id: TrajectoryId,
    body: TrajectoryUpdate,
    principal: Annotated[Principal, Depends(guard(UPDATE_TRAJECTORY))],
    session: SessionDep,
) -> TrajectoryRead:
    """Change the coordinator, the location or the reason of an open trajectory."""
    return await trajectories.update_trajectory(
        session, principal, trajectory_id=trajectory_id, data=body
    )


@router.post(
    "/support-trajectories/{trajectoryId}/transitions",
    response_model=TrajectoryRead,
    responses=problems(400, 401, 403, 404, 409),
)
async def create_transition(
    trajectory_id: TrajectoryId,
    body: TransitionCreate,
    principal: Annotated[Principal, Depends(guard(TRANSITION))],
    session: SessionDep,
) -> TrajectoryRead:
    """Move the trajectory on: requested → intake → active → evaluation → active or closed
    (with an outcome); cancelled from any open state. Out of order: 409 naming the allowed."""
    return await trajectories.transition(session, principal, trajectory_id=trajectory_id, data=body)


# --- Goals ---------------------------------------------------------------------------------
@router.get(
    "/support-trajectories/{trajectoryId}/goals",
    response_model=list[GoalRead],
    responses=problems(400, 401, 404),
)
async def list_goals(
    trajectory_id: TrajectoryId,
    principal: Annotated[Principal, Depends(guard(LIST_GOALS))],
    session: SessionDep,
) -> list[GoalRead]:
    """The goals with their progress; the daily team sees only the goals shared with it."""
    return await work.list_goals(session, principal, trajectory_id=trajectory_id)


@router.post(
    "/support-trajectories/{trajectoryId}/goals",
    status_code=201,
    response_model=GoalRead,
    responses=problems(400, 401, 403, 404, 409),
)
async def create_goal(
    trajectory_id: TrajectoryId,
    body: GoalCreate,
    principal: Annotated[Principal, Depends(guard(WRITE_GOALS))],
    session: SessionDep,
) -> GoalRead:
    """Add a SMART goal; sharing it with the daily team needs an information_sharing consent."""
    return await work.add_goal(session, principal, trajectory_id=trajectory_id, data=body)


@router.patch(
    "/support-trajectories/{trajectoryId}/goals/{goalId}",
    response_model=GoalRead,
    responses=problems(400, 401, 403, 404, 409),
)
async def update_goal(
    trajectory_id: TrajectoryId,
    goal_id: Annotated[uuid.UUID, Path(alias="goalId")],
    body: GoalUpdate,
    principal: Annotated[Principal, Depends(guard(WRITE_GOALS))],
    session: SessionDep,
) -> GoalRead:
    """Change a goal's text, date, status or sharing."""
    return await work.update_goal(
        session, principal, trajectory_id=trajectory_id, goal_id=goal_id, data=body
    )


@router.post(
    "/support-trajectories/{trajectoryId}/goals/{goalId}/progress",
    status_code=201,
    response_model=GoalRead,
    responses=problems(400, 401, 403, 404, 409),
)
async def create_goal_progress(
    trajectory_id: TrajectoryId,
    goal_id: Annotated[uuid.UUID, Path(alias="goalId")],
    body: ProgressCreate,
    principal: Annotated[Principal, Depends(guard(WRITE_GOALS))],
    session: SessionDep,
) -> GoalRead:
    """Record progress on a goal."""
    return await work.add_progress(
        session, principal, trajectory_id=trajectory_id, goal_id=goal_id, data=body
    )


# --- Sessions ------------------------------------------------------------------------------
@router.get(
    "/support-trajectories/{trajectoryId}/sessions",
    response_model=list[SessionRead],
    responses=problems(400, 401, 404),
)
async def list_sessions(
    trajectory_id: TrajectoryId,
    principal: Annotated[Principal, Depends(guard(LIST_SESSIONS))],
    session: SessionDep,
) -> list[SessionRead]:
    """The sessions of a trajectory, with attendance."""
    return await work.list_sessions(session, principal, trajectory_id=trajectory_id)


@router.post(
    "/support-trajectories/{trajectoryId}/sessions",
    status_code=201,
    response_model=SessionRead,
    responses=problems(400, 401, 403, 404, 409),
)
async def create_session(
    trajectory_id: TrajectoryId,
    body: SessionCreate,
    principal: Annotated[Principal, Depends(guard(WRITE_SESSIONS))],
    session: SessionDep,
) -> SessionRead:
    """Plan a session: in a room of the centre, at home, at the partner or online."""
    return await work.add_session(session, principal, trajectory_id=trajectory_id, data=body)


@router.patch(
    "/support-trajectories/{trajectoryId}/sessions/{sessionId}",
    response_model=SessionRead,
    responses=problems(400, 401, 403, 404),
)
async def update_session(
    trajectory_id: TrajectoryId,
    session_id: Annotated[uuid.UUID, Path(alias="sessionId")],
    body: SessionUpdate,
    principal: Annotated[Principal, Depends(guard(WRITE_SESSIONS))],
    session: SessionDep,
) -> SessionRead:
    """Record attendance, or move a session."""
    return await work.update_session(
        session, principal, trajectory_id=trajectory_id, session_id=session_id, data=body
    )


@router.get("/support-sessions", response_model=list[SessionRead], responses=problems(400, 401))
async def list_my_sessions(
    principal: Annotated[Principal, Depends(guard(AGENDA))],
    session: SessionDep,
    from_: Annotated[
        datetime | None, Query(alias="from", description="Default: Monday of this week.")
    ] = None,
    to: Annotated[datetime | None, Query(description="Default: a week after `from`.")] = None,
) -> list[SessionRead]:
    """Your agenda: your sessions in a period (a week by default)."""
    start = from_ or _monday()
    if start.tzinfo is None:
        raise InvalidInput.field("from", "naive_datetime", "Give a time zone offset.", "query")
    end = to or start + timedelta(days=7)
    if end.tzinfo is None or end <= start or end - start > timedelta(days=62):
        raise InvalidInput.field(
            "to", "invalid_period", "`to` lies after `from`, at most 62 days on.", "query"
        )
    return await work.agenda(session, principal, start=start, end=end)


def _monday() -> datetime:
    today = datetime.now(UTC)
    start = today - timedelta(days=today.weekday())
    return start.replace(hour=0, minute=0, second=0, microsecond=0)


# --- Notes ---------------------------------------------------------------------------------
@router.get(
    "/support-trajectories/{trajectoryId}/notes",
    response_model=list[NoteRead],
    responses=problems(400, 401, 404),
)
async def list_notes(
    trajectory_id: TrajectoryId,
    principal: Annotated[Principal, Depends(guard(LIST_NOTES))],
    session: SessionDep,
) -> list[NoteRead]:
    """Notes, evaluations and team meetings, newest first; guardians see those meant for them."""
    return await work.list_notes(session, principal, trajectory_id=trajectory_id)


@router.post(
    "/support-trajectories/{trajectoryId}/notes",
    status_code=201,
    response_model=NoteRead,
    responses=problems(400, 401, 403, 404, 409),
)
async def create_note(
    trajectory_id: TrajectoryId,
    body: NoteCreate,
    principal: Annotated[Principal, Depends(guard(WRITE_NOTES))],
    session: SessionDep,
) -> NoteRead:
    """Write a note; it is never edited afterwards, only corrected by a new version."""
    return await work.add_note(session, principal, trajectory_id=trajectory_id, data=body)


@router.post(
    "/support-trajectories/{trajectoryId}/notes/{noteId}/corrections",
    status_code=201,
    response_model=NoteRead,
    responses=problems(400, 401, 403, 404, 409),
)
async def create_note_correction(
    trajectory_id: TrajectoryId,
    note_id: Annotated[uuid.UUID, Path(alias="noteId")],
    body: NoteCreate,
    principal: Annotated[Principal, Depends(guard(WRITE_NOTES))],
    session: SessionDep,
) -> NoteRead:
    """Correct your note: a new version that names the old one, which is kept."""
    return await work.correct_note(
        session, principal, trajectory_id=trajectory_id, note_id=note_id, data=body
    )


# --- The one plan, norms, care coordinators -----------------------------------------------
@router.get(
    "/children/{childId}/plan", response_model=ChildPlan, responses=problems(400, 401, 403, 404)
)
async def read_plan(
    child_id: ChildId,
    principal: Annotated[Principal, Depends(guard(READ_PLAN))],
    session: SessionDep,
) -> ChildPlan:
    """The child's one plan: the goals of all open trajectories, from every organisation."""
    return await work.child_plan(session, principal, child_id=child_id)


@router.get("/trajectory-norms", response_model=list[NormRead], responses=problems(401, 403))
async def list_norms(
    principal: Annotated[Principal, Depends(guard(READ_NORMS))], session: SessionDep
) -> list[NormRead]:
    """The waiting-time norm of each trajectory type, in working days from the request."""
    return await trajectories.list_norms(session, principal)


@router.put("/trajectory-norms/{type}", response_model=NormRead, responses=problems(400, 401, 403))
async def update_norm(
    type_: Annotated[TrajectoryType, Path(alias="type")],
    body: NormUpdate,
    principal: Annotated[Principal, Depends(guard(SET_NORM))],
    session: SessionDep,
) -> NormRead:
    """Set the municipality's norm for one trajectory type."""
    return await trajectories.set_norm(session, principal, kind=type_, data=body)


@router.delete(
    "/trajectory-norms/{type}", response_model=NormRead, responses=problems(400, 401, 403)
)
async def reset_norm(
    type_: Annotated[TrajectoryType, Path(alias="type")],
    principal: Annotated[Principal, Depends(guard(RESET_NORM))],
    session: SessionDep,
) -> NormRead:
    """Drop the municipality's own norm for one trajectory type; the default holds again.
    Answers the norm now in force."""
    return await trajectories.reset_norm(session, principal, kind=type_)


@router.get(
    "/child-centres/{centreId}/care-coordinators",
    response_model=list[CareCoordinatorRead],
    responses=problems(400, 401, 403, 404),
)
async def list_care_coordinators(
    centre_id: CentreId,
    principal: Annotated[Principal, Depends(guard(LIST_COORDINATORS))],
    session: SessionDep,
) -> list[CareCoordinatorRead]:
    """The centre's care coordinators (intern begeleiders)."""
    return await coordinators.list_coordinators(session, principal, centre_id=centre_id)


@router.post(
    "/child-centres/{centreId}/care-coordinators",
    status_code=201,
    response_model=CareCoordinatorRead,
    responses=problems(400, 401, 403, 404, 409),
)
async def create_care_coordinator(
    centre_id: CentreId,
    body: CareCoordinatorCreate,
    principal: Annotated[Principal, Depends(guard(MANAGE_COORDINATORS))],
    session: SessionDep,
) -> CareCoordinatorRead:
    """Designate a professional of the centre's partners as care coordinator."""
    return await coordinators.add_coordinator(session, principal, centre_id=centre_id, data=body)


@router.delete(
    "/child-centres/{centreId}/care-coordinators/{userId}",
    status_code=204,
    responses=problems(400, 401, 403, 404),
)
async def delete_care_coordinator(
    centre_id: CentreId,
    user_id: Annotated[uuid.UUID, Path(alias="userId")],
    principal: Annotated[Principal, Depends(guard(MANAGE_COORDINATORS))],
    session: SessionDep,
) -> Response:
    """End a designation."""
    await coordinators.remove_coordinator(session, principal, centre_id=centre_id, user_id=user_id)
    return Response(status_code=204)
