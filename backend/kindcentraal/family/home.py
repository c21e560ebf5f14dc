"""The parent app's home in one request: each of the caller's children with today's day, the
contact person, and what waits for the guardian. One access-log event per child."""

import uuid
from datetime import date
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.attendance.day import DayChild, days_of
from kindcentraal.attendance.schemas import ChildDay
from kindcentraal.auth.principal import Principal
from kindcentraal.careteam.models import CareTeamMember
from kindcentraal.child import policy as child_policy
from kindcentraal.child import service as child_service
from kindcentraal.child.models import Child, Guardian
from kindcentraal.family.schemas import HomeChild, HomeContactPerson, ParentAction, ParentHome
from kindcentraal.notification.models import Notification, NotificationKind
from kindcentraal.organisation.models import Organisation
from kindcentraal.rooms.recurrence import local_today
from kindcentraal.support.models import SupportTrajectory, TrajectoryStatus

HOME_PARTS = ["child", "contact-person", "day", "actions"]


async def guardian_child_ids(session: AsyncSession, principal: Principal) -> list[uuid.UUID]:
    """The caller's children (as a guardian), the oldest first."""
    return list(
        await session.scalars(
            select(Guardian.child_id)
            .join(Child, (Child.id == Guardian.child_id) & (Child.tenant_id == Guardian.tenant_id))
            .where(Guardian.user_id == principal.user_id, Guardian.tenant_id == principal.tenant_id)
            .order_by(Child.date_of_birth, Child.id)
        )
    )


async def _actions(
    session: AsyncSession, principal: Principal, child_id: uuid.UUID, today: date
) -> list[ParentAction]:
    actions: list[ParentAction] = []
    waiting_teams = await session.execute(
        select(Organisation.name)
        .select_from(CareTeamMember)
        .join(Organisation, Organisation.id == CareTeamMember.organisation_id)
        .where(
            CareTeamMember.child_id == child_id,
            CareTeamMember.tenant_id == principal.tenant_id,
            child_policy.active_team_membership(today),
            ~exists(child_policy.team_consent(today)),
        )
        .distinct()
        .order_by(Organisation.name)
    )
    actions += [
        ParentAction(kind="care_team_consent", organisation_name=name)
        for (name,) in waiting_teams.all()
    ]
    waiting_support = await session.execute(
        select(SupportTrajectory.id, SupportTrajectory.type, Organisation.name)
        .join(Organisation, Organisation.id == SupportTrajectory.organisation_id)
        .where(
            SupportTrajectory.child_id == child_id,
            SupportTrajectory.tenant_id == principal.tenant_id,
            SupportTrajectory.status == TrajectoryStatus.REQUESTED,
            ~exists(child_policy.trajectory_consent(today)),
        )
        .order_by(SupportTrajectory.requested_at, SupportTrajectory.id)
    )
    actions += [
        ParentAction(
            kind="trajectory_consent",
            organisation_name=name,
            trajectory_id=trajectory_id,
            trajectory_type=kind,
        )
        for trajectory_id, kind, name in waiting_support.all()
    ]
    places = await session.scalars(
        select(Notification.id)
        .where(
            Notification.user_id == principal.user_id,
            Notification.tenant_id == principal.tenant_id,
            Notification.child_id == child_id,
            Notification.kind == NotificationKind.WAITLIST_MOVED_UP,
            Notification.read_at.is_(None),
        )
        .order_by(Notification.created_at)
    )
    actions += [
        ParentAction(kind="place_offered", organisation_name=None, notification_id=notification)
        for notification in places.all()
    ]
    return actions


def _contact_person(child: Any) -> HomeContactPerson | None:
    if child.contact_person_id is None:
        return None
    return HomeContactPerson(
        user_id=child.contact_person_id,
        display_name=child.contact_person_name,
        email=child.contact_person_email,
        phone=child.contact_person_phone,
    )


async def read_home(session: AsyncSession, principal: Principal) -> ParentHome:
    today = local_today()
    seen = []
    for child_id in await guardian_child_ids(session, principal):
        child, relations = await child_service.access_child_row(
            session, principal, child_id=child_id, resource="child", action="read"
        )
        seen.append((child, relations))
    # The children's days in one go: a day reads the same tables for every child.
    days = await days_of(
        session,
        principal,
        [
            DayChild(c.id, c.centre_id, c.group_id, f"{c.given_name} {c.family_name}")
            for c, _ in seen
        ],
        today,
    )
    children: list[HomeChild] = []
    for child, relations in seen:
        authority = relations.guardian_with_authority
        children.append(
            HomeChild(
                id=child.id,
                given_name=child.given_name,
                family_name=child.family_name,
                date_of_birth=child.date_of_birth,
                has_parental_authority=authority,
                contact_person=_contact_person(child),
                day=ChildDay(date=today, child_id=child.id, entries=days[child.id]),
                actions=await _actions(session, principal, child.id, today) if authority else [],
            )
        )
        await child_service.log_access(
            session,
            principal,
            relations,
            child.id,
            resource="child",
            action="read",
            parts=HOME_PARTS,
        )
    unread = await session.scalar(
        select(func.count())
        .select_from(Notification)
        .where(
            Notification.user_id == principal.user_id,
            Notification.tenant_id == principal.tenant_id,
            Notification.read_at.is_(None),
        )
    )
    return ParentHome(children=children, unread_notifications=unread or 0)
