"""Support trajectories: request, status flow, waiting times, and the caller's view of one."""

import functools
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Literal

from sqlalchemy import BindParameter, Date, Select, Uuid, and_, bindparam, delete, exists, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from kindcentraal.auth.principal import Principal
from kindcentraal.careteam.models import CareTeamMember
from kindcentraal.child import policy as child_policy
from kindcentraal.child import service as child_service
from kindcentraal.child.models import Child
from kindcentraal.child.policy import ChildRelations
from kindcentraal.common.pagination import (
    MAX_LIMIT,
    PageParams,
    SortKey,
    keyset_page,
    read_page,
)
from kindcentraal.consent.models import Consent, ConsentPurpose, TrajectoryType
from kindcentraal.driver_reads import Query, entity_columns, fetch_first
from kindcentraal.errors import AppError, Conflict, InvalidInput, NotFound
from kindcentraal.notification.models import NotificationKind
from kindcentraal.notification.service import guardians_with_authority, notify
from kindcentraal.organisation.models import Membership, Organisation, OrganisationCentre, Role
from kindcentraal.support import policy
from kindcentraal.support.models import (
    CareCoordinator,
    SupportTrajectory,
    TrajectoryNorm,
    TrajectoryOutcome,
    TrajectoryStatus,
    TrajectoryTransition,
)
from kindcentraal.support.policy import TrajectoryFacts, View
from kindcentraal.support.schemas import (
    Norm,
    NormRead,
    NormUpdate,
    Referral,
    TrajectoryCreate,
    TrajectoryRead,
    TrajectoryRequest,
    TrajectoryUpdate,
    TransitionCreate,
)
from kindcentraal.support.waiting import (
    DEFAULT_NORMS,
    OPEN,
    overdue_condition,
    overdue_cutoffs,
    waiting,
)
from kindcentraal.user.models import User

RESOURCE = "trajectory"

# The status flow: requested -> intake -> active -> evaluation -> active | closed; cancelled
# from any open state.
FLOW: dict[TrajectoryStatus, tuple[TrajectoryStatus, ...]] = {
    TrajectoryStatus.REQUESTED: (TrajectoryStatus.INTAKE, TrajectoryStatus.CANCELLED),
    TrajectoryStatus.INTAKE: (TrajectoryStatus.ACTIVE, TrajectoryStatus.CANCELLED),
    TrajectoryStatus.ACTIVE: (TrajectoryStatus.EVALUATION, TrajectoryStatus.CANCELLED),
    TrajectoryStatus.EVALUATION: (
        TrajectoryStatus.ACTIVE,
        TrajectoryStatus.CLOSED,
        TrajectoryStatus.CANCELLED,
    ),
    TrajectoryStatus.CLOSED: (),
    TrajectoryStatus.CANCELLED: (),
}
PROVIDER_ROLES = (Role.CARE_PROFESSIONAL, Role.STAFF, Role.ORG_ADMIN)


def now() -> datetime:
    return datetime.now(UTC)


# --- Consent and norms ----------------------------------------------------------------------
def _consent_in_force(
    child_id: Any, tenant_id: Any, organisation_id: Any, purpose: ConsentPurpose, today: date
) -> Select[uuid.UUID]:
    return select(Consent.id).where(
        Consent.child_id == child_id,
        Consent.tenant_id == tenant_id,
        Consent.organisation_id == organisation_id,
        Consent.purpose == purpose,
        child_policy.consent_in_force(today),
    )


def trajectory_consent(today: date | BindParameter[date]) -> Select[uuid.UUID]:
    """Correlated to the trajectory row: purpose trajectory, this type, this organisation."""
    return child_policy.trajectory_consent(today)


async def has_consent(
    session: AsyncSession,
    trajectory: SupportTrajectory,
    purpose: ConsentPurpose,
    organisation_id: uuid.UUID | None = None,
) -> bool:
    statement = _consent_in_force(
        trajectory.child_id,
        trajectory.tenant_id,
        organisation_id or trajectory.organisation_id,
        purpose,
        date.today(),
    )
    if purpose == ConsentPurpose.TRAJECTORY:
        statement = statement.where(Consent.trajectory_type == trajectory.type)
    return await session.scalar(statement.limit(1)) is not None


async def norms_of(
    session: AsyncSession, tenant_id: uuid.UUID
) -> dict[TrajectoryType, tuple[int, int]]:
    norms = dict(DEFAULT_NORMS)
    rows = await session.execute(
        select(
            TrajectoryNorm.type, TrajectoryNorm.intake_within_days, TrajectoryNorm.start_within_days
        ).where(TrajectoryNorm.tenant_id == tenant_id)
    )
    for kind, intake_days, start_days in rows.all():
        norms[kind] = (intake_days, start_days)
    return norms


async def list_norms(session: AsyncSession, principal: Principal) -> list[NormRead]:
    custom = {
        row.type
        for row in (
            await session.execute(
                select(TrajectoryNorm.type).where(TrajectoryNorm.tenant_id == principal.tenant_id)
            )
        ).all()
    }
    norms = await norms_of(session, principal.tenant_id)
    return [
        NormRead(
            type=kind,
            intake_within_days=norms[kind][0],
            start_within_days=norms[kind][1],
            is_default=kind not in custom,
        )
        for kind in TrajectoryType
    ]


async def set_norm(
    session: AsyncSession, principal: Principal, *, kind: TrajectoryType, data: NormUpdate
) -> NormRead:
    norm = await session.scalar(
        select(TrajectoryNorm).where(
            TrajectoryNorm.tenant_id == principal.tenant_id, TrajectoryNorm.type == kind
        )
    )
    if norm is None:
        norm = TrajectoryNorm(tenant_id=principal.tenant_id, type=kind)
        session.add(norm)
    norm.intake_within_days = data.intake_within_days
    norm.start_within_days = data.start_within_days
    await session.flush()
    return NormRead(
        type=kind,
        intake_within_days=norm.intake_within_days,
        start_within_days=norm.start_within_days,
        is_default=False,
    )


async def reset_norm(
    session: AsyncSession, principal: Principal, *, kind: TrajectoryType
) -> NormRead:
    await session.execute(
        delete(TrajectoryNorm).where(
            TrajectoryNorm.tenant_id == principal.tenant_id, TrajectoryNorm.type == kind
        )
    )
    intake_days, start_days = DEFAULT_NORMS[kind]
    return NormRead(
        type=kind, intake_within_days=intake_days, start_within_days=start_days, is_default=True
    )


# --- Reading -------------------------------------------------------------------------------
_Coordinator = aliased(User, name="coordinator")


def _summary_statement() -> Select[*tuple[Any, ...]]:
    """A trajectory with what its summary shows, as columns (`st_today` a parameter)."""
    today = bindparam("st_today", type_=Date)
    return (
        select(
            *entity_columns(SupportTrajectory),
            Child.given_name.label("child_given_name"),
            Child.family_name.label("child_family_name"),
            Child.centre_id.label("child_centre_id"),
            Organisation.name.label("organisation_name"),
            _Coordinator.display_name.label("coordinator_name"),
            exists(trajectory_consent(today)).label("consented"),
        )
        .join(
            Child,
            and_(
                Child.id == SupportTrajectory.child_id,
                Child.tenant_id == SupportTrajectory.tenant_id,
            ),
        )
        .join(Organisation, Organisation.id == SupportTrajectory.organisation_id)
        .outerjoin(_Coordinator, _Coordinator.id == SupportTrajectory.coordinator_id)
    )


_ONE_SUMMARY = Query(
    _summary_statement().where(SupportTrajectory.id == bindparam("st_trajectory", type_=Uuid))
)


def consent_needed(trajectory: SupportTrajectory, consented: bool) -> bool:
    return trajectory.status == TrajectoryStatus.REQUESTED and not consented


def _read(row: Any, norms: dict[TrajectoryType, tuple[int, int]], today: date) -> TrajectoryRead:
    """A row of `_summary_statement` as its summary."""
    trajectory = row
    norm = norms[trajectory.type]
    to_intake, to_start, overdue = waiting(trajectory, norm, today)
    needs_consent = consent_needed(trajectory, bool(row.consented))
    allowed = [
        status
        for status in FLOW[trajectory.status]
        if not (needs_consent and status == TrajectoryStatus.INTAKE)
    ]
    return TrajectoryRead(
        id=trajectory.id,
        child_id=trajectory.child_id,
        child_name=f"{row.child_given_name} {row.child_family_name}",
        centre_id=row.child_centre_id,
        type=trajectory.type,
        organisation_id=trajectory.organisation_id,
        organisation_name=row.organisation_name,
        coordinator_id=trajectory.coordinator_id,
        coordinator_name=row.coordinator_name,
        reason=trajectory.reason,
        location=trajectory.location,
        status=trajectory.status,
        requested_at=trajectory.requested_at,
        intake_at=trajectory.intake_at,
        started_at=trajectory.started_at,
        closed_at=trajectory.closed_at,
        outcome=trajectory.outcome,
        referral=Referral(
            destination=trajectory.referral_destination, reason=trajectory.referral_reason
        )
        if trajectory.referral_destination is not None
        else None,
        consent_needed=needs_consent,
        waiting_days_to_intake=to_intake,
        waiting_days_to_start=to_start,
        norm=Norm(intake_within_days=norm[0], start_within_days=norm[1]),
        overdue=overdue,
        allowed_transitions=allowed,
        created_at=trajectory.created_at,
        updated_at=trajectory.updated_at,
    )


async def read_model(session: AsyncSession, trajectory: SupportTrajectory) -> TrajectoryRead:
    today = date.today()
    row = await fetch_first(
        session, _ONE_SUMMARY, {"st_today": today, "st_trajectory": trajectory.id}
    )
    return _read(row, await norms_of(session, trajectory.tenant_id), today)


TrajectorySort = Literal["waitingTime", "requestedAt", "-requestedAt"]
_BOARD_SORTS: dict[TrajectorySort, SortKey] = {
    "waitingTime": SortKey(SupportTrajectory.requested_at),
    "requestedAt": SortKey(SupportTrajectory.requested_at),
    "-requestedAt": SortKey(SupportTrajectory.requested_at, descending=True),
}


@functools.lru_cache(maxsize=1024)
def _board_query(
    shape: tuple[bool, bool, bool, bool],
    child: bool,
    status: bool,
    kind: bool,
    organisation: bool,
    centre: bool,
    overdue: bool | None,
    sort: TrajectorySort,
    after: bool,
) -> Query:
    """The board's statement for one shape of request, built and compiled once."""
    statement = _summary_statement().where(
        policy.listable_filter(), child_policy.read_filter(shape)
    )
    if child:
        statement = statement.where(SupportTrajectory.child_id == bindparam("b_child", type_=Uuid))
    if status:
        statement = statement.where(SupportTrajectory.status == bindparam("b_status"))
    if kind:
        statement = statement.where(SupportTrajectory.type == bindparam("b_type"))
    if organisation:
        statement = statement.where(
            SupportTrajectory.organisation_id == bindparam("b_organisation", type_=Uuid)
        )
    if centre:
        statement = statement.where(Child.centre_id == bindparam("b_centre", type_=Uuid))
    if overdue is not None:
        statement = statement.where(overdue_condition() if overdue else ~overdue_condition())
    page = keyset_page(
        statement, sort=_BOARD_SORTS[sort], id_column=SupportTrajectory.id, after=after
    )
    return Query(page)


async def list_trajectories(
    session: AsyncSession,
    principal: Principal,
    *,
    child_id: uuid.UUID | None,
    status: TrajectoryStatus | None,
    kind: TrajectoryType | None,
    organisation_id: uuid.UUID | None,
    centre_id: uuid.UUID | None,
    overdue: bool | None,
    sort: TrajectorySort,
    page: PageParams,
) -> tuple[list[TrajectoryRead], str | None]:
    """The trajectories the caller is on the team of (and, for guardians, their children's);
    the board of a centre filters these. One access-log event for the page."""
    items, cursor = await _board(
        session,
        principal,
        child_id=child_id,
        status=status,
        kind=kind,
        organisation_id=organisation_id,
        centre_id=centre_id,
        overdue=overdue,
        sort=sort,
        page=page,
    )
    children = sorted({item.child_id for item in items}, key=str)
    if children:
        await child_service.log_access_many(
            session, principal, children, resource=RESOURCE, action="list"
        )
    return items, cursor


async def trajectories_of(
    session: AsyncSession, principal: Principal, child_id: uuid.UUID
) -> list[TrajectoryRead]:
    """A child's trajectories as the list's `childId` filter finds them for the caller, the
    newest request first (a child has a handful; at most a page of MAX_LIMIT). Does not log:
    the child page that embeds them logs its one event."""
    items, _ = await _board(
        session,
        principal,
        child_id=child_id,
        status=None,
        kind=None,
        organisation_id=None,
        centre_id=None,
        overdue=None,
        sort="-requestedAt",
        page=PageParams(limit=MAX_LIMIT, cursor=None),
    )
    return items


async def _board(
    session: AsyncSession,
    principal: Principal,
    *,
    child_id: uuid.UUID | None,
    status: TrajectoryStatus | None,
    kind: TrajectoryType | None,
    organisation_id: uuid.UUID | None,
    centre_id: uuid.UUID | None,
    overdue: bool | None,
    sort: TrajectorySort,
    page: PageParams,
) -> tuple[list[TrajectoryRead], str | None]:
    today = date.today()
    norms = await norms_of(session, principal.tenant_id)
    shape, readable_values = child_policy.list_shape(principal, today=today)
    parameters: dict[str, Any] = {
        **policy.listable_trajectories(principal)[1],
        **readable_values,
        **overdue_cutoffs(norms, today),
        "st_today": today,
        "b_child": child_id,
        "b_status": status,
        "b_type": kind,
        "b_organisation": organisation_id,
        "b_centre": centre_id,
    }

    def query(after: bool) -> Query:
        return _board_query(
            shape,
            child_id is not None,
            status is not None,
            kind is not None,
            organisation_id is not None,
            centre_id is not None,
            overdue,
            sort,
            after,
        )

    rows, cursor = await read_page(
        session,
        query,
        sort=_BOARD_SORTS[sort],
        id_column=SupportTrajectory.id,
        params=page,
        parameters=parameters,
    )
    return [_read(row, norms, today) for row in rows], cursor


@dataclass
class Opened:
    """A trajectory the caller may act on, with the child and the caller's view of it."""

    trajectory: SupportTrajectory
    child: Child
    relations: ChildRelations
    view: View


async def facts_of(
    session: AsyncSession, principal: Principal, trajectory: SupportTrajectory
) -> TrajectoryFacts:
    today = date.today()
    on_team = await session.scalar(
        select(CareTeamMember.id)
        .where(
            CareTeamMember.trajectory_id == trajectory.id,
            CareTeamMember.tenant_id == trajectory.tenant_id,
            CareTeamMember.user_id == principal.user_id,
            child_policy.active_team_membership(today),
        )
        .limit(1)
    )
    return TrajectoryFacts(
        coordinator=trajectory.coordinator_id == principal.user_id,
        on_trajectory_team=on_team is not None,
        information_shared=await has_consent(
            session, trajectory, ConsentPurpose.INFORMATION_SHARING
        ),
    )


async def open_trajectory(
    session: AsyncSession,
    principal: Principal,
    trajectory_id: uuid.UUID,
    *,
    resource: str,
    action: str,
    at_least: View,
) -> Opened:
    """The trajectory, if the caller's view of it allows the action: else 404 (an unseen
    trajectory), logged as a denied attempt when the child is known."""
    trajectory = await session.scalar(
        select(SupportTrajectory).where(
            SupportTrajectory.id == trajectory_id,
            SupportTrajectory.tenant_id == principal.tenant_id,
        )
    )
    if trajectory is None:
        raise NotFound("support trajectory")
    child, relations = await child_service.access_child(
        session, principal, child_id=trajectory.child_id, resource=resource, action=action
    )
    view = policy.view_of(relations, trajectory, await facts_of(session, principal, trajectory))
    try:
        view = policy.ensure_view(view, at_least=at_least)
    except AppError:
        raise child_service.deny(
            NotFound("support trajectory"),
            principal,
            child_id=child.id,
            resource=resource,
            action=action,
            relations=relations,
        ) from None
    return Opened(trajectory, child, relations, view)


def refuse(
    opened: Opened, principal: Principal, exc: AppError, *, resource: str, action: str
) -> AppError:
    """A refused change of a visible trajectory (bad input, wrong order): logged as denied."""
    return child_service.deny(
        exc,
        principal,
        child_id=opened.child.id,
        resource=resource,
        action=action,
        relations=opened.relations,
    )


# --- Writing -------------------------------------------------------------------------------
async def _check_provider(
    session: AsyncSession,
    principal: Principal,
    child: Child,
    organisation_id: uuid.UUID,
    field: str,
) -> None:
    """The providing organisation takes part in the child's centre (same tenant)."""
    found = await session.scalar(
        select(OrganisationCentre.id).where(
            OrganisationCentre.organisation_id == organisation_id,
            OrganisationCentre.centre_id == child.centre_id,
            OrganisationCentre.tenant_id == principal.tenant_id,
        )
    )
    if found is None:
        raise InvalidInput.field(
            field, "unknown_organisation", "No partner organisation of the child's centre."
        )


async def _check_coordinator(
    session: AsyncSession,
    principal: Principal,
    user_id: uuid.UUID,
    organisation_id: uuid.UUID,
    field: str,
) -> None:
    """A coordinator is an active professional of the providing organisation."""
    found = await session.scalar(
        select(Membership.id)
        .join(User, User.id == Membership.user_id)
        .where(
            Membership.user_id == user_id,
            Membership.organisation_id == organisation_id,
            Membership.tenant_id == principal.tenant_id,
            Membership.role.in_(PROVIDER_ROLES),
            User.is_active,
        )
    )
    if found is None:
        raise InvalidInput.field(
            field,
            "not_a_professional",
            "The coordinator is not an active professional of the providing organisation.",
        )


async def request_support(
    session: AsyncSession,
    principal: Principal,
    child: Child,
    relations: ChildRelations,
    data: TrajectoryRequest | TrajectoryCreate,
    *,
    reason: str,
    field_prefix: str = "",
) -> SupportTrajectory:
    """A new trajectory in `requested`; guardians hear when it waits on their consent."""
    await _check_provider(
        session, principal, child, data.organisation_id, field_prefix + "organisationId"
    )
    if data.coordinator_id is not None:
        await _check_coordinator(
            session,
            principal,
            data.coordinator_id,
            data.organisation_id,
            field_prefix + "coordinatorId",
        )
    moment = now()
    trajectory = SupportTrajectory(
        tenant_id=principal.tenant_id,
        child_id=child.id,
        type=data.type,
        organisation_id=data.organisation_id,
        coordinator_id=data.coordinator_id,
        requested_by_id=principal.user_id,
        reason=reason,
        location=data.location,
        status=TrajectoryStatus.REQUESTED,
        requested_at=moment,
    )
    session.add(trajectory)
    await session.flush()
    session.add(
        TrajectoryTransition(
            tenant_id=principal.tenant_id,
            trajectory_id=trajectory.id,
            from_status=None,
            to_status=TrajectoryStatus.REQUESTED,
            at=moment,
            by_user_id=principal.user_id,
        )
    )
    if not await has_consent(session, trajectory, ConsentPurpose.TRAJECTORY):
        await notify(
            session,
            principal,
            await guardians_with_authority(session, child),
            NotificationKind.CONSENT_NEEDED,
            child_id=child.id,
            trajectory_id=trajectory.id,
        )
    await notify(
        session,
        principal,
        [trajectory.coordinator_id],
        NotificationKind.STATUS_CHANGED,
        child_id=child.id,
        trajectory_id=trajectory.id,
    )
    return trajectory


async def create_trajectory(
    session: AsyncSession, principal: Principal, *, data: TrajectoryCreate
) -> TrajectoryRead:
    try:
        child, relations = await child_service.access_child(
            session,
            principal,
            child_id=data.child_id,
            resource=RESOURCE,
            action="create",
            ensure=policy.ensure_can_request_support,
        )
    except NotFound as exc:
        # An id in the body that is not visible: a field error, its denial still logged.
        invalid = InvalidInput.field("childId", "unknown_child", "No child of yours has this id.")
        invalid.after_rollback = exc.after_rollback
        raise invalid from None
    trajectory = await request_support(
        session, principal, child, relations, data, reason=data.reason
    )
    await child_service.log_access(
        session, principal, relations, child.id, resource=RESOURCE, action="create"
    )
    return await read_model(session, trajectory)


async def update_trajectory(
    session: AsyncSession, principal: Principal, *, trajectory_id: uuid.UUID, data: TrajectoryUpdate
) -> TrajectoryRead:
    opened = await open_trajectory(
        session, principal, trajectory_id, resource=RESOURCE, action="update", at_least=View.TEAM
    )
    trajectory = opened.trajectory
    if trajectory.status not in OPEN:
        raise refuse(
            opened,
            principal,
            Conflict("A closed or cancelled trajectory does not change."),
            resource=RESOURCE,
            action="update",
        )
    try:
        if "coordinator_id" in data.model_fields_set and data.coordinator_id is not None:
            await _check_coordinator(
                session, principal, data.coordinator_id, trajectory.organisation_id, "coordinatorId"
            )
    except AppError as exc:
        raise refuse(opened, principal, exc, resource=RESOURCE, action="update") from None
    previous = trajectory.coordinator_id
    for name in data.model_fields_set:
        setattr(trajectory, name, getattr(data, name))
    await session.flush()
    if trajectory.coordinator_id != previous:
        await notify(
            session,
            principal,
            [trajectory.coordinator_id],
            NotificationKind.TEAM_MEMBER_JOINED,
            child_id=trajectory.child_id,
            trajectory_id=trajectory.id,
        )
    await child_service.log_access(
        session, principal, opened.relations, opened.child.id, resource=RESOURCE, action="update"
    )
    return await read_model(session, trajectory)


async def team_user_ids(
    session: AsyncSession, trajectory: SupportTrajectory, child: Child
) -> list[uuid.UUID]:
    """Who hears of changes: coordinator, trajectory team, contact person, care coordinators."""
    members = await session.scalars(
        select(CareTeamMember.user_id).where(
            CareTeamMember.trajectory_id == trajectory.id,
            CareTeamMember.tenant_id == trajectory.tenant_id,
            child_policy.active_team_membership(date.today()),
        )
    )
    coordinators = await session.scalars(
        select(CareCoordinator.user_id).where(
            CareCoordinator.centre_id == child.centre_id,
            CareCoordinator.tenant_id == child.tenant_id,
        )
    )
    return [
        *(uid for uid in [trajectory.coordinator_id, child.contact_person_id] if uid is not None),
        *members,
        *coordinators,
    ]


async def transition(
    session: AsyncSession, principal: Principal, *, trajectory_id: uuid.UUID, data: TransitionCreate
) -> TrajectoryRead:
    action = "transition"
    opened = await open_trajectory(
        session, principal, trajectory_id, resource=RESOURCE, action=action, at_least=View.TEAM
    )
    trajectory = opened.trajectory

    def refused(exc: AppError) -> AppError:
        return refuse(opened, principal, exc, resource=RESOURCE, action=action)

    allowed = FLOW[trajectory.status]
    if data.to not in allowed:
        names = ", ".join(s.value for s in allowed) or "none: the trajectory has ended"
        raise refused(
            Conflict(f"From {trajectory.status.value} the trajectory can go to: {names}.")
        )
    if data.to == TrajectoryStatus.CLOSED:
        if data.outcome is None:
            raise refused(
                InvalidInput.field("outcome", "outcome_required", "Closing needs an outcome.")
            )
        if (data.outcome == TrajectoryOutcome.REFERRED_OUT) != (data.referral is not None):
            raise refused(
                InvalidInput.field(
                    "referral",
                    "referral_mismatch",
                    "A referral (destination and reason) goes with outcome referred_out, "
                    "and only with it.",
                )
            )
    elif data.outcome is not None or data.referral is not None:
        raise refused(
            InvalidInput.field(
                "outcome", "outcome_only_to_close", "An outcome is given when closing."
            )
        )
    if data.to == TrajectoryStatus.INTAKE and not await has_consent(
        session, trajectory, ConsentPurpose.TRAJECTORY
    ):
        raise refused(
            Conflict(
                "The request waits for consent: a guardian with parental authority consents to "
                f"{trajectory.type.value} support by this organisation first."
            )
        )
    moment = now()
    previous = trajectory.status
    trajectory.status = data.to
    if data.to == TrajectoryStatus.INTAKE:
        trajectory.intake_at = moment
    if data.to == TrajectoryStatus.ACTIVE and trajectory.started_at is None:
        trajectory.started_at = moment
    if data.to in (TrajectoryStatus.CLOSED, TrajectoryStatus.CANCELLED):
        trajectory.closed_at = moment
    if data.to == TrajectoryStatus.CLOSED:
        trajectory.outcome = data.outcome
        if data.referral is not None:
            trajectory.referral_destination = data.referral.destination
            trajectory.referral_reason = data.referral.reason
    session.add(
        TrajectoryTransition(
            tenant_id=principal.tenant_id,
            trajectory_id=trajectory.id,
            from_status=previous,
            to_status=data.to,
            at=moment,
            by_user_id=principal.user_id,
        )
    )
    await session.flush()
    await notify(
        session,
        principal,
        await team_user_ids(session, trajectory, opened.child),
        NotificationKind.STATUS_CHANGED,
        child_id=trajectory.child_id,
        trajectory_id=trajectory.id,
    )
    await child_service.log_access(
        session, principal, opened.relations, opened.child.id, resource=RESOURCE, action=action
    )
    return await read_model(session, trajectory)
