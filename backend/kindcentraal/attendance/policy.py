"""Who reports absences, checks children in and out, and reads a group's day.

- Reporting or withdrawing an absence: a guardian with parental authority, or a professional
  acting for the family (the school or BSO noting a parent's call, the contact person).
- Checking in and out: staff of an organisation placing the child, the centre's admins.
- A group's day: staff of the group's organisation and the centre's administrators; of its
  children only the ones the caller sees.
"""

from sqlalchemy import ColumnElement, or_

from kindcentraal.auth.principal import PLACEMENT_ACCESS_ROLES, Principal
from kindcentraal.child.policy import ChildRelations, acts_for_family
from kindcentraal.errors import Forbidden
from kindcentraal.group.models import Group


def ensure_can_report_absence(relations: ChildRelations) -> None:
    if not acts_for_family(relations):
        raise Forbidden("A guardian with parental authority reports an absence.")


def ensure_checks_in(relations: ChildRelations) -> None:
    if not (relations.own_placing_organisation_ids or relations.is_centre_admin):
        raise Forbidden("Only the school or childcare of the child checks it in and out.")


def group_day_filter(principal: Principal) -> ColumnElement[bool]:
    """`sees_group_day` as a filter on groups: the groups of the caller's "Vandaag"."""
    return or_(
        Group.organisation_id.in_(principal.organisation_ids(PLACEMENT_ACCESS_ROLES)),
        Group.centre_id.in_(principal.admin_centre_ids),
    )


def sees_group_day(principal: Principal, group: Group) -> bool:
    return group.organisation_id in principal.organisation_ids(
        PLACEMENT_ACCESS_ROLES
    ) or principal.administers_centre(group.centre_id)
