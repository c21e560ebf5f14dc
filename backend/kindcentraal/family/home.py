"""The parent app's home in one request: each of the caller's children with today's day, the
contact person, and what waits for the guardian. One access-log event per child."""

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Date, Uuid, bindparam, exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.attendance.day import DayChild, days_of
from kindcentraal.attendance.schemas import ChildDay
from kindcentraal.auth.principal import Principal
from kindcentraal.careteam.models import CareTeamMember
from kindcentraal.child import policy as child_policy
from kindcentraal.child import service as child_service
from kindcentraal.child.models import Child, Guardian
from kindcentraal.driver_reads import Query, fetch
from kindcentraal.family.schemas import HomeChild, HomeContactPerson, ParentAction, ParentHome
from kindcentraal.messages import service as messages
from kindcentraal.notification.models import Notification, NotificationKind
from kindcentraal.organisation.models import Organisation
from kindcentraal.rooms.recurrence import local_today
from kindcentraal.support.models import SupportTrajectory, TrajectoryStatus

HOME_PARTS = ["child", "contact-person", "day", "actions"]


_USER = bindparam("home_user", type_=Uuid)
_TENANT = bindparam("home_tenant", type_=Uuid)
_TODAY = bindparam("home_today", type_=Date)
_CHILDREN = bindparam("home_children", type_=Uuid, expanding=True)

_OWN_CHILDREN = Query(
    select(Guardian.child_id)
    .join(Child, (Child.id == Guardian.child_id) & (Child.tenant_id == Guardian.tenant_id))
    .where(Guardian.user_id == _USER, Guardian.tenant_id == _TENANT)
    .order_by(Child.date_of_birth, Child.id)
)
# Organisations on a child's care team without the guardians' care-team consent.
_TEAMS_WAITING = Query(
    select(CareTeamMember.child_id, Organisation.name)
    .select_from(CareTeamMember)
    .join(Organisation, Organisation.id == CareTeamMember.organisation_id)
    .where(
        CareTeamMember.child_id.in_(_CHILDREN),
        CareTeamMember.tenant_id == _TENANT,
        child_policy.active_team_membership(_TODAY),
        ~exists(child_policy.team_consent(_TODAY)),
    )
    .distinct()
    .order_by(Organisation.name)
)
# Support that waits in `requested` for a trajectory consent.
_SUPPORT_WAITING = Query(
    select(
        SupportTrajectory.child_id,
        SupportTrajectory.id,
        SupportTrajectory.type,
        Organisation.name,
    )
    .join(Organisation, Organisation.id == SupportTrajectory.organisation_id)
    .where(
        SupportTrajectory.child_id.in_(_CHILDREN),
        SupportTrajectory.tenant_id == _TENANT,
        SupportTrajectory.status == TrajectoryStatus.REQUESTED,
        ~exists(child_policy.trajectory_consent(_TODAY)),
    )
    .order_by(SupportTrajectory.requested_at, SupportTrajectory.id)
)
# The caller's unread notifications: a place that came free is an action, all are counted.
_UNREAD = Query(
    select(Notification.id, Notification.child_id, Notification.kind)
    .where(
        Notification.user_id == _USER,
        Notification.tenant_id == _TENANT,
        Notification.read_at.is_(None),
    )
    .order_by(Notification.created_at, Notification.id)
)


async def guardian_child_ids(session: AsyncSession, principal: Principal) -> list[uuid.UUID]:
    """The caller's children (as a guardian), the oldest first."""
    rows = await fetch(
        session, _OWN_CHILDREN, {"home_user": principal.user_id, "home_tenant": principal.tenant_id}
    )
    return [row.child_id for row in rows]


async def _actions(
    session: AsyncSession,
    principal: Principal,
    child_ids: list[uuid.UUID],
    unread: Sequence[Any],
    today: date,
) -> dict[uuid.UUID, list[ParentAction]]:
    """What waits for the guardian, per child (the children they hold parental authority of)."""
    actions: dict[uuid.UUID, list[ParentAction]] = {child_id: [] for child_id in child_ids}
    if not child_ids:
        return actions
    keys = {"home_children": child_ids, "home_tenant": principal.tenant_id, "home_today": today}
    for row in await fetch(session, _TEAMS_WAITING, keys):
        actions[row.child_id].append(
            ParentAction(kind="care_team_consent", organisation_name=row.name)
        )
    for row in await fetch(session, _SUPPORT_WAITING, keys):
        actions[row.child_id].append(
            ParentAction(
                kind="trajectory_consent",
                organisation_name=row.name,
                trajectory_id=row.id,
                trajectory_type=str(row.type),
            )
        )
    for row in unread:
        if row.child_id in actions and str(row.kind) == NotificationKind.WAITLIST_MOVED_UP:
            actions[row.child_id].append(
                ParentAction(kind="place_offered", organisation_name=None, notification_id=row.id)
            )
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
    unread = await fetch(
        session, _UNREAD, {"home_user": principal.user_id, "home_tenant": principal.tenant_id}
    )
    actions = await _actions(
        session,
        principal,
        [c.id for c, relations in seen if relations.guardian_with_authority],
        unread,
        today,
    )
    children: list[HomeChild] = []
    for child, relations in seen:
        children.append(
            HomeChild(
                id=child.id,
                given_name=child.given_name,
                family_name=child.family_name,
                date_of_birth=child.date_of_birth,
                has_parental_authority=relations.guardian_with_authority,
                contact_person=_contact_person(child),
                day=ChildDay(date=today, child_id=child.id, entries=days[child.id]),
                actions=actions.get(child.id, []),
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
    return ParentHome(
        children=children,
        unread_notifications=len(unread),
        unread_messages=await messages.unread_count(session, principal),
    )
