import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response

from kindcentraal.activities import reports, service
from kindcentraal.activities.models import ActivityCategory, EnrolmentStatus
from kindcentraal.activities.policy import RUNNERS
from kindcentraal.activities.schemas import (
    ActivityCreate,
    ActivityRead,
    ActivitySessionCreate,
    ActivitySessionRead,
    ActivitySessionsCreated,
    ActivityUpdate,
    AttendanceUpdate,
    EnrolmentCreate,
    EnrolmentRead,
    ParticipationReport,
    SessionAttendanceRead,
)
from kindcentraal.auth.dependencies import SessionDep, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.common.expand import parse_expand
from kindcentraal.common.responses import problems
from kindcentraal.common.roles import Role
from kindcentraal.common.schemas import IsoDate
from kindcentraal.common.scopes import ApiScope
from kindcentraal.policy.registry import declare
from kindcentraal.rooms.schemas import Weekday

router = APIRouter(tags=["activities"])
ActivityId = Annotated[uuid.UUID, Path(alias="activityId")]
SessionId = Annotated[uuid.UUID, Path(alias="sessionId")]
EnrolmentId = Annotated[uuid.UUID, Path(alias="enrolmentId")]
CATALOGUE = (
    "activities of the centres the caller works in or has children at (analysts: every centre)"
)
RUN_BY = "activities of the caller's organisations, and of centres the caller administers"

LIST_ACTIVITIES = declare(
    "activities.list",
    client_scope=ApiScope.ACTIVITIES_READ,
    resource="activity",
    action="list",
    rows=CATALOGUE,
)
READ_ACTIVITY = declare(
    "activities.read",
    client_scope=ApiScope.ACTIVITIES_READ,
    resource="activity",
    action="read",
    rows=CATALOGUE,
)
CREATE_ACTIVITY = declare(
    "activities.create",
    resource="activity",
    action="create",
    roles=RUNNERS,
    rows="centres the caller's organisation takes part in",
)
UPDATE_ACTIVITY = declare("activities.update", resource="activity", action="update", rows=RUN_BY)
DELETE_ACTIVITY = declare("activities.delete", resource="activity", action="delete", rows=RUN_BY)
LIST_SESSIONS = declare(
    "activity-sessions.list",
    client_scope=ApiScope.ACTIVITIES_READ,
    resource="activity-session",
    action="list",
    rows=CATALOGUE,
)
CREATE_SESSIONS = declare(
    "activity-sessions.create",
    resource="activity-session",
    action="create",
    rows=RUN_BY + "; as room bookings of the providing organisation",
)
CANCEL_SESSION = declare(
    "activity-sessions.cancel", resource="activity-session", action="cancel", rows=RUN_BY
)
ENROL = declare(
    "enrolments.create",
    resource="enrolment",
    action="create",
    rows="the caller's children (parental authority); professionals on the family's behalf",
)
LIST_ENROLMENTS = declare(
    "enrolments.list",
    client_scope=ApiScope.ACTIVITIES_READ,
    resource="enrolment",
    action="list",
    rows="the activity's people: every enrolment (name and group); guardians: their children's",
)
CANCEL_ENROLMENT = declare(
    "enrolments.cancel",
    resource="enrolment",
    action="cancel",
    rows="the family and professionals around the child; the activity's people",
)
READ_ATTENDANCE = declare(
    "activity-attendance.read", resource="activity-attendance", action="read", rows=RUN_BY
)
RECORD_ATTENDANCE = declare(
    "activity-attendance.update", resource="activity-attendance", action="update", rows=RUN_BY
)
PARTICIPATION = declare(
    "reports.participation",
    resource="participation-report",
    action="read",
    roles=frozenset({Role.CENTRE_ADMIN, Role.ORG_ADMIN, Role.MUNICIPALITY_ANALYST}),
    rows="centres the caller administers or takes part in (analysts: every centre); "
    "counts under 10 children suppressed",
)


# --- Activities --------------------------------------------------------------------------
@router.get(
    "/activities",
    response_model=list[ActivityRead],
    response_model_exclude_unset=True,
    responses=problems(400, 401),
)
async def list_activities(
    principal: Annotated[Principal, Depends(guard(LIST_ACTIVITIES))],
    session: SessionDep,
    centre_id: Annotated[uuid.UUID | None, Query(alias="centreId")] = None,
    category: ActivityCategory | None = None,
    weekday: Annotated[Weekday | None, Query(description="Has sessions on this day.")] = None,
    age: Annotated[int | None, Query(ge=0, le=18, description="For a child of this age.")] = None,
    organisation_id: Annotated[uuid.UUID | None, Query(alias="organisationId")] = None,
    expand: Annotated[
        str | None,
        Query(max_length=50, description="`myEnrolments`: your own children's enrolments."),
    ] = None,
) -> list[ActivityRead]:
    """The catalogue: the activities of your centres, by title."""
    parts = parse_expand(expand, ("myEnrolments",))
    return await service.list_activities(
        session,
        principal,
        centre_id=centre_id,
        category=category,
        weekday=weekday,
        age=age,
        organisation_id=organisation_id,
        my_enrolments="myEnrolments" in parts,
    )


@router.post(
    "/activities",
    status_code=201,
    response_model=ActivityRead,
    responses=problems(400, 401, 403),
)
async def create_activity(
    body: ActivityCreate,
    principal: Annotated[Principal, Depends(guard(CREATE_ACTIVITY))],
    session: SessionDep,
) -> ActivityRead:
    """A partner of the centre offers an activity."""
    return await service.create_activity(session, principal, data=body)


@router.get(
    "/activities/{activityId}", response_model=ActivityRead, responses=problems(400, 401, 404)
)
async def read_activity(
    activity_id: ActivityId,
    principal: Annotated[Principal, Depends(guard(READ_ACTIVITY))],
    session: SessionDep,
) -> ActivityRead:
    return await service.get_activity(session, principal, activity_id=activity_id)


@router.patch(
    "/activities/{activityId}",
    response_model=ActivityRead,
    responses=problems(400, 401, 403, 404),
)
async def update_activity(
    activity_id: ActivityId,
    body: ActivityUpdate,
    principal: Annotated[Principal, Depends(guard(UPDATE_ACTIVITY))],
    session: SessionDep,
) -> ActivityRead:
    """Change an activity; more places move the waiting list up into them."""
    return await service.update_activity(session, principal, activity_id=activity_id, data=body)


@router.delete("/activities/{activityId}", status_code=204, responses=problems(400, 401, 403, 404))
async def delete_activity(
    activity_id: ActivityId,
    principal: Annotated[Principal, Depends(guard(DELETE_ACTIVITY))],
    session: SessionDep,
) -> Response:
    """Remove an activity, its sessions (their room bookings are cancelled) and enrolments."""
    await service.delete_activity(session, principal, activity_id=activity_id)
    return Response(status_code=204)


# --- Sessions ----------------------------------------------------------------------------
@router.get(
    "/activities/{activityId}/sessions",
    response_model=list[ActivitySessionRead],
    responses=problems(400, 401, 404),
)
async def list_sessions(
    activity_id: ActivityId,
    principal: Annotated[Principal, Depends(guard(LIST_SESSIONS))],
    session: SessionDep,
    from_: Annotated[IsoDate | None, Query(alias="from")] = None,
    to: IsoDate | None = None,
) -> list[ActivitySessionRead]:
    return await service.list_sessions(
        session, principal, activity_id=activity_id, start=from_, end=to
    )


@router.post(
    "/activities/{activityId}/sessions",
    status_code=201,
    response_model=ActivitySessionsCreated,
    responses=problems(400, 401, 403, 404, 409),
)
async def create_sessions(
    activity_id: ActivityId,
    body: ActivitySessionCreate,
    principal: Annotated[Principal, Depends(guard(CREATE_SESSIONS))],
    session: SessionDep,
) -> ActivitySessionsCreated:
    """One session, or a series from a recurrence rule, each a room booking (409 with the
    taken times, as for bookings)."""
    return await service.create_sessions(session, principal, activity_id=activity_id, data=body)


@router.post(
    "/activities/{activityId}/sessions/{sessionId}/cancellation",
    response_model=ActivitySessionRead,
    responses=problems(400, 401, 403, 404, 409),
)
async def cancel_session(
    activity_id: ActivityId,
    session_id: SessionId,
    principal: Annotated[Principal, Depends(guard(CANCEL_SESSION))],
    session: SessionDep,
) -> ActivitySessionRead:
    """Call a session off; its room is free again."""
    return await service.cancel_session(
        session, principal, activity_id=activity_id, session_id=session_id
    )


@router.get(
    "/activities/{activityId}/sessions/{sessionId}/attendance",
    response_model=SessionAttendanceRead,
    responses=problems(400, 401, 403, 404),
)
async def read_attendance(
    activity_id: ActivityId,
    session_id: SessionId,
    principal: Annotated[Principal, Depends(guard(READ_ATTENDANCE))],
    session: SessionDep,
) -> SessionAttendanceRead:
    """The list for the session: the enrolled children, their mark, who is reported absent."""
    return await service.session_attendance(
        session, principal, activity_id=activity_id, session_id=session_id
    )


@router.put(
    "/activities/{activityId}/sessions/{sessionId}/attendance",
    response_model=SessionAttendanceRead,
    responses=problems(400, 401, 403, 404),
)
async def record_attendance(
    activity_id: ActivityId,
    session_id: SessionId,
    body: AttendanceUpdate,
    principal: Annotated[Principal, Depends(guard(RECORD_ATTENDANCE))],
    session: SessionDep,
) -> SessionAttendanceRead:
    """Mark children present, absent or excused (only the ones sent change)."""
    return await service.record_attendance(
        session, principal, activity_id=activity_id, session_id=session_id, data=body
    )


# --- Enrolments --------------------------------------------------------------------------
@router.post(
    "/activities/{activityId}/enrolments",
    status_code=201,
    response_model=EnrolmentRead,
    responses=problems(400, 401, 403, 404, 409),
)
async def enrol(
    activity_id: ActivityId,
    body: EnrolmentCreate,
    principal: Annotated[Principal, Depends(guard(ENROL))],
    session: SessionDep,
) -> EnrolmentRead:
    """Enrol a child: `enrolled` while there is a place, else `waitlisted` with a position.
    Refused: outside the age range or the groups (400), outside the enrolment window or
    twice (409, `code` says which), a child you have no relation with (404)."""
    return await service.enrol(session, principal, activity_id=activity_id, data=body)


@router.get(
    "/activities/{activityId}/enrolments",
    response_model=list[EnrolmentRead],
    responses=problems(400, 401, 404),
)
async def list_enrolments(
    activity_id: ActivityId,
    principal: Annotated[Principal, Depends(guard(LIST_ENROLMENTS))],
    session: SessionDep,
    status: EnrolmentStatus | None = None,
) -> list[EnrolmentRead]:
    """Enrolled, then the waiting list in order; the activity's people see all of them."""
    return await service.list_enrolments(session, principal, activity_id=activity_id, status=status)


@router.post(
    "/activities/{activityId}/enrolments/{enrolmentId}/cancellation",
    response_model=EnrolmentRead,
    responses=problems(400, 401, 403, 404, 409),
)
async def cancel_enrolment(
    activity_id: ActivityId,
    enrolment_id: EnrolmentId,
    principal: Annotated[Principal, Depends(guard(CANCEL_ENROLMENT))],
    session: SessionDep,
) -> EnrolmentRead:
    """Cancel: the place goes to the first on the waiting list, whose family is notified."""
    return await service.cancel_enrolment(
        session, principal, activity_id=activity_id, enrolment_id=enrolment_id
    )


# --- Participation -----------------------------------------------------------------------
@router.get(
    "/reports/participation",
    response_model=ParticipationReport,
    responses=problems(400, 401, 403, 404),
)
async def participation(
    principal: Annotated[Principal, Depends(guard(PARTICIPATION))],
    session: SessionDep,
    centre_id: Annotated[uuid.UUID, Query(alias="centreId")],
    from_: Annotated[IsoDate, Query(alias="from")],
    to: IsoDate,
) -> ParticipationReport:
    """Participants per activity and category by age band, the share of the centre's children
    taking part, attendance rates and waiting lists. Counts under 10 are suppressed."""
    return await reports.participation(session, principal, centre_id=centre_id, start=from_, end=to)
