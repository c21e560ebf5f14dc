"""Who sees and runs the centre's activities, and who enrols a child.

- The catalogue: everyone who works in the centre (its organisations, its administrators), the
  municipality's analysts, and the guardians of its children.
- Running an activity (sessions, enrolments, waiting list, attendance): the providing
  organisation's people and the centre's administrators. They see the enrolled children by name
  and group only: no date of birth, no BSN, no care data. Seeing a child on an activity's list
  opens nothing else of the child.
- Enrolling or cancelling a child: a guardian with parental authority, or a professional around
  the child on the family's behalf (contact person, staff of an organisation placing the child,
  the centre's administrators); the activity's people may also take a child off their list.
"""

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.activities.models import Activity
from kindcentraal.auth.principal import Principal
from kindcentraal.child.models import Child, Guardian
from kindcentraal.child.policy import ChildRelations, acts_for_family
from kindcentraal.common.roles import Role
from kindcentraal.errors import Forbidden
from kindcentraal.rooms import policy as rooms_policy

RUNNERS = frozenset({Role.CENTRE_ADMIN, Role.ORG_ADMIN, Role.STAFF, Role.CARE_PROFESSIONAL})


async def guardian_child_ids(session: AsyncSession, principal: Principal) -> set[uuid.UUID]:
    rows = await session.scalars(
        select(Guardian.child_id).where(
            Guardian.user_id == principal.user_id, Guardian.tenant_id == principal.tenant_id
        )
    )
    return set(rows)


async def catalogue_centre_ids(session: AsyncSession, principal: Principal) -> set[uuid.UUID]:
    """The centres whose activities the caller sees."""
    centres = await rooms_policy.visible_centre_ids(session, principal)
    children = await guardian_child_ids(session, principal)
    if children:
        rows = await session.scalars(
            select(Child.centre_id).where(
                Child.id.in_(children), Child.tenant_id == principal.tenant_id
            )
        )
        centres |= set(rows)
    return centres


def runs(principal: Principal, activity: Activity) -> bool:
    """The activity's people: its organisation's staff and the centre's administrators. An
    API client is not one of them, though it acts for that organisation: it sees only the
    children placed with it."""
    if principal.client is not None:
        return False
    return activity.organisation_id in principal.organisation_ids(
        RUNNERS
    ) or principal.administers_centre(activity.centre_id)


def ensure_runs(principal: Principal, activity: Activity) -> None:
    if not runs(principal, activity):
        raise Forbidden("Only the activity's organisation and the centre's administrators may.")


def ensure_can_enrol(relations: ChildRelations) -> None:
    if not acts_for_family(relations):
        raise Forbidden("A guardian with parental authority enrols the child.")
