"""The care team around a child: professionals of several organisations who know of each other."""

import uuid
from datetime import date
from typing import Any

from sqlalchemy import Date, Select, Uuid, and_, bindparam, exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.auth.principal import Principal
from kindcentraal.careteam.models import CareTeamMember
from kindcentraal.careteam.schemas import (
    CareTeamMemberCreate,
    CareTeamMemberRead,
    CareTeamMemberUpdate,
)
from kindcentraal.child import policy as child_policy
from kindcentraal.child import service as child_service
from kindcentraal.child.models import Child
from kindcentraal.child.policy import ChildRelations
from kindcentraal.common.repository import apply_changes
from kindcentraal.consent.models import Consent, ConsentPurpose
from kindcentraal.driver_reads import Query, entity_columns, fetch
from kindcentraal.errors import AppError, Conflict, InvalidInput, NotFound
from kindcentraal.notification.models import NotificationKind
from kindcentraal.notification.service import guardians_with_authority, notify
from kindcentraal.organisation.models import Membership, Organisation, Role
from kindcentraal.support.models import SupportTrajectory
from kindcentraal.support.waiting import OPEN
from kindcentraal.user.models import User

TEAM_ROLES = (Role.CENTRE_ADMIN, Role.ORG_ADMIN, Role.STAFF, Role.CARE_PROFESSIONAL)


_TODAY = bindparam("team_today", type_=Date)


def _team_statement(one_member: bool) -> Select[Any]:
    statement = (
        select(
            *entity_columns(CareTeamMember),
            User.display_name,
            Organisation.name.label("organisation_name"),
            child_policy.team_consent_in_force(_TODAY).label("consent_in_force"),
        )
        .join(User, User.id == CareTeamMember.user_id)
        .join(Organisation, Organisation.id == CareTeamMember.organisation_id)
        .where(
            CareTeamMember.child_id == bindparam("team_child", type_=Uuid),
            CareTeamMember.tenant_id == bindparam("team_tenant", type_=Uuid),
        )
        .order_by(CareTeamMember.since_date, CareTeamMember.id)
    )
    if one_member:
        statement = statement.where(CareTeamMember.id == bindparam("team_member", type_=Uuid))
    return statement


_TEAM = Query(_team_statement(one_member=False))
_MEMBER = Query(_team_statement(one_member=True))


async def _read_models(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID, member_id: uuid.UUID | None
) -> list[CareTeamMemberRead]:
    parameters = {
        "team_child": child_id,
        "team_tenant": principal.tenant_id,
        "team_today": date.today(),
        "team_member": member_id,
    }
    rows = await fetch(session, _TEAM if member_id is None else _MEMBER, parameters)
    return [
        CareTeamMemberRead(
            id=row.id,
            child_id=row.child_id,
            user_id=row.user_id,
            display_name=row.display_name,
            organisation_id=row.organisation_id,
            organisation_name=row.organisation_name,
            role=row.role,
            since_date=row.since_date,
            until_date=row.until_date,
            trajectory_id=row.trajectory_id,
            consent_in_force=bool(row.consent_in_force),
        )
        for row in rows
    ]


async def _team_context(
    session: AsyncSession, principal: Principal, child_id: uuid.UUID, action: str
) -> tuple[Child, ChildRelations]:
    ensure = (
        child_policy.ensure_can_see_care_data
        if action in {"list", "read"}
        else (lambda rel: child_policy.ensure_can_manage_care_team(principal, rel))
    )
    return await child_service.access_child(
        session, principal, child_id=child_id, resource="care-team", action=action, ensure=ensure
    )


async def team_of(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID
) -> list[CareTeamMemberRead]:
    """The team of a child whose care data the caller may see (checked by the caller)."""
    return await _read_models(session, principal, child_id=child_id, member_id=None)


async def list_team(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID
) -> list[CareTeamMemberRead]:
    child, relations = await _team_context(session, principal, child_id, "list")
    members = await _read_models(session, principal, child_id=child.id, member_id=None)
    await child_service.log_access(
        session,
        principal,
        relations,
        child.id,
        resource="care-team",
        action="list",
    )
    return members


async def add_member(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID, data: CareTeamMemberCreate
) -> CareTeamMemberRead:
    child, relations = await _team_context(session, principal, child_id, "create")
    is_member = await session.scalar(
        select(Membership.id).where(
            Membership.tenant_id == principal.tenant_id,
            Membership.user_id == data.user_id,
            Membership.organisation_id == data.organisation_id,
            Membership.role.in_(TEAM_ROLES),
            exists(select(User.id).where(and_(User.id == Membership.user_id, User.is_active))),
        )
    )
    if is_member is None:
        raise InvalidInput.field(
            "userId", "not_a_member", "The user is not an active professional of that organisation."
        )
    since = data.since_date or date.today()
    if data.trajectory_id is not None:
        await _check_trajectory_member(session, principal, child, relations, data)
    duplicate = await session.scalar(
        select(CareTeamMember.id).where(
            CareTeamMember.child_id == child.id,
            CareTeamMember.tenant_id == principal.tenant_id,
            CareTeamMember.user_id == data.user_id,
            CareTeamMember.organisation_id == data.organisation_id,
            CareTeamMember.trajectory_id.is_(None)
            if data.trajectory_id is None
            else CareTeamMember.trajectory_id == data.trajectory_id,
            child_policy.active_team_membership(since),
        )
    )
    if duplicate is not None:
        raise Conflict("This professional is already on the child's care team.")
    member = CareTeamMember(
        tenant_id=principal.tenant_id,
        child_id=child.id,
        user_id=data.user_id,
        organisation_id=data.organisation_id,
        role=data.role,
        since_date=since,
        until_date=data.until_date,
        trajectory_id=data.trajectory_id,
    )
    session.add(member)
    await session.flush()
    await notify(
        session,
        principal,
        [
            child.contact_person_id,
            *await _member_ids(session, child, data.trajectory_id),
            *await guardians_with_authority(session, child),
        ],
        NotificationKind.TEAM_MEMBER_JOINED,
        child_id=child.id,
        trajectory_id=data.trajectory_id,
    )
    await child_service.log_access(
        session,
        principal,
        relations,
        child.id,
        resource="care-team",
        action="create",
    )
    return (await _read_models(session, principal, child_id=child.id, member_id=member.id))[0]


async def _member_ids(
    session: AsyncSession, child: Child, trajectory_id: uuid.UUID | None
) -> list[uuid.UUID]:
    statement = select(CareTeamMember.user_id).where(
        CareTeamMember.child_id == child.id,
        CareTeamMember.tenant_id == child.tenant_id,
        child_policy.active_team_membership(date.today()),
    )
    if trajectory_id is not None:
        statement = statement.where(CareTeamMember.trajectory_id == trajectory_id)
    return list(await session.scalars(statement))


async def _check_trajectory_member(
    session: AsyncSession,
    principal: Principal,
    child: Child,
    relations: ChildRelations,
    data: CareTeamMemberCreate,
) -> None:
    """The trajectory is this child's and open; the member's organisation has the care-team
    consent in force that lets its members see the child. A refusal is logged as denied."""
    trajectory = await session.scalar(
        select(SupportTrajectory).where(
            SupportTrajectory.id == data.trajectory_id,
            SupportTrajectory.child_id == child.id,
            SupportTrajectory.tenant_id == principal.tenant_id,
        )
    )
    error: AppError | None = None
    if trajectory is None or trajectory.status not in OPEN:
        error = InvalidInput.field(
            "trajectoryId", "unknown_trajectory", "No open support trajectory of this child."
        )
    else:
        today = date.today()
        consent = await session.scalar(
            select(Consent.id)
            .where(
                Consent.child_id == child.id,
                Consent.tenant_id == principal.tenant_id,
                Consent.organisation_id == data.organisation_id,
                child_policy.consent_in_force(today),
                Consent.purpose == ConsentPurpose.CARE_TEAM,
            )
            .limit(1)
        )
        if consent is None:
            error = Conflict(
                "A guardian with parental authority consents first to this organisation "
                "joining the child's care team."
            )
    if error is not None:
        raise child_service.deny(
            error,
            principal,
            child_id=child.id,
            resource="care-team",
            action="create",
            relations=relations,
        )


async def _member(
    session: AsyncSession, principal: Principal, child: Child, member_id: uuid.UUID
) -> CareTeamMember:
    member = await session.scalar(
        select(CareTeamMember).where(
            CareTeamMember.id == member_id,
            CareTeamMember.child_id == child.id,
            CareTeamMember.tenant_id == principal.tenant_id,
        )
    )
    if member is None:
        raise NotFound("care team member")
    return member


async def update_member(
    session: AsyncSession,
    principal: Principal,
    *,
    child_id: uuid.UUID,
    member_id: uuid.UUID,
    data: CareTeamMemberUpdate,
) -> CareTeamMemberRead:
    child, relations = await _team_context(session, principal, child_id, "update")
    member = await _member(session, principal, child, member_id)
    until = data.until_date if "until_date" in data.model_fields_set else member.until_date
    if until is not None and until < member.since_date:
        raise InvalidInput.field(
            "untilDate", "until_before_since", "untilDate lies before sinceDate."
        )
    apply_changes(member, data)
    await session.flush()
    await child_service.log_access(
        session,
        principal,
        relations,
        child.id,
        resource="care-team",
        action="update",
    )
    return (await _read_models(session, principal, child_id=child.id, member_id=member.id))[0]


async def remove_member(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID, member_id: uuid.UUID
) -> None:
    child, relations = await _team_context(session, principal, child_id, "delete")
    member = await _member(session, principal, child, member_id)
    await session.delete(member)
    await session.flush()
    await child_service.log_access(
        session,
        principal,
        relations,
        child.id,
        resource="care-team",
        action="delete",
    )
