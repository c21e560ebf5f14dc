"""Who is around a child day to day, as its family sees it: the contact person, the school
and childcare groups it is placed in, and the activities it is enrolled in."""

from datetime import date
from typing import Any

from sqlalchemy import Date, Uuid, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.activities.models import Activity, Enrolment, EnrolmentStatus
from kindcentraal.child.models import Child
from kindcentraal.child.policy import current_placement
from kindcentraal.child.schemas import DailyTeamMember
from kindcentraal.common.roles import OrganisationType
from kindcentraal.driver_reads import Query, fetch
from kindcentraal.group.models import Group
from kindcentraal.organisation.models import Membership, Organisation
from kindcentraal.placement.models import Placement

_CHILD = bindparam("team_child", type_=Uuid)
_TENANT = bindparam("team_tenant", type_=Uuid)
_PLACEMENTS = Query(
    select(Organisation.id, Organisation.name, Organisation.type, Group.name.label("group_name"))
    .select_from(Placement)
    .join(Organisation, Organisation.id == Placement.organisation_id)
    .join(Child, Child.id == Placement.child_id)
    # The placement's own group (a BSO group), else the child's class at that organisation.
    .outerjoin(
        Group,
        (Group.id == func.coalesce(Placement.group_id, Child.group_id))
        & (Group.organisation_id == Placement.organisation_id),
    )
    .where(
        Placement.child_id == _CHILD,
        Placement.tenant_id == _TENANT,
        current_placement(bindparam("team_today", type_=Date)),
    )
    .order_by(Placement.start_date, Placement.id)
)
_ACTIVITIES = Query(
    select(Activity.title, Organisation.name)
    .select_from(Enrolment)
    .join(Activity, Activity.id == Enrolment.activity_id)
    .join(Organisation, Organisation.id == Activity.organisation_id)
    .where(
        Enrolment.child_id == _CHILD,
        Enrolment.tenant_id == _TENANT,
        Enrolment.status == EnrolmentStatus.ENROLLED,
    )
    .order_by(Activity.title)
)
_MEMBERSHIPS = Query(
    select(Membership.organisation_id, Organisation.name)
    .join(Organisation, Organisation.id == Membership.organisation_id)
    .where(
        Membership.user_id == bindparam("team_person", type_=Uuid),
        Membership.tenant_id == _TENANT,
    )
    .order_by(Organisation.name)
)


async def daily_team_of(session: AsyncSession, child: Any, today: date) -> list[DailyTeamMember]:
    """`child` is a row of the child page (with its contact person's name)."""
    keys = {"team_child": child.id, "team_tenant": child.tenant_id}
    placements = await fetch(session, _PLACEMENTS, {**keys, "team_today": today})
    team: list[DailyTeamMember] = []
    if child.contact_person_id is not None:
        memberships = await fetch(
            session,
            _MEMBERSHIPS,
            {"team_tenant": child.tenant_id, "team_person": child.contact_person_id},
        )
        placing = {row.id for row in placements}
        # The contact person's organisation among those placing the child, else their first.
        organisation = next(
            (m.name for m in memberships if m.organisation_id in placing),
            memberships[0].name if memberships else None,
        )
        team.append(
            DailyTeamMember(
                kind="contact_person",
                organisation_name=organisation,
                group_name=None,
                person_name=child.contact_person_name,
                activity_name=None,
            )
        )
    for row in placements:
        team.append(
            DailyTeamMember(
                kind="school" if row.type == OrganisationType.SCHOOL else "childcare",
                organisation_name=row.name,
                group_name=row.group_name,
                person_name=None,
                activity_name=None,
            )
        )
    for title, organisation in await fetch(session, _ACTIVITIES, keys):
        team.append(
            DailyTeamMember(
                kind="activity",
                organisation_name=organisation,
                group_name=None,
                person_name=None,
                activity_name=title,
            )
        )
    return team
