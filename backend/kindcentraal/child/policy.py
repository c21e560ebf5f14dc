"""Who sees a child, and who may change what about it: the one place for child access."""

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, false, or_, select

from kindcentraal.auth.principal import PLACEMENT_ACCESS_ROLES, Principal
from kindcentraal.child.models import Child, Guardian
from kindcentraal.errors import Forbidden
from kindcentraal.organisation.models import Role
from kindcentraal.placement.models import Placement


def current_placement(today: date) -> ColumnElement[bool]:
    return or_(Placement.end_date.is_(None), Placement.end_date >= today)


def readable_children(principal: Principal, *, today: date | None = None) -> ColumnElement[bool]:
    """SQL filter: the children the caller has a relation with, in the caller's tenant.

    Relations: a current placement at one of the caller's organisations (staff and admins),
    guardian, contact person, or centre admin of the child's centre. Nothing else.
    """
    today = today or date.today()
    relations: list[ColumnElement[bool]] = [
        exists(
            select(Guardian.id).where(
                Guardian.child_id == Child.id,
                Guardian.user_id == principal.user_id,
                Guardian.tenant_id == principal.tenant_id,
            )
        ),
        Child.contact_person_id == principal.user_id,
    ]
    placing_orgs = principal.organisation_ids(PLACEMENT_ACCESS_ROLES)
    if placing_orgs:
        relations.append(
            exists(
                select(Placement.id).where(
                    Placement.child_id == Child.id,
                    Placement.tenant_id == principal.tenant_id,
                    Placement.organisation_id.in_(placing_orgs),
                    current_placement(today),
                )
            )
        )
    if principal.admin_centre_ids:
        relations.append(Child.centre_id.in_(principal.admin_centre_ids))
    return and_(Child.tenant_id == principal.tenant_id, or_(*relations) if relations else false())


def can_manage(principal: Principal, child: Child, placing_org_ids: set[Any]) -> bool:
    """Centre admins of the child's centre and admins of an organisation placing the child."""
    admin_orgs = principal.organisation_ids(frozenset({Role.ORG_ADMIN}))
    return principal.administers_centre(child.centre_id) or bool(admin_orgs & placing_org_ids)


def ensure_can_manage(principal: Principal, child: Child, placing_org_ids: set[Any]) -> None:
    if not can_manage(principal, child, placing_org_ids):
        raise Forbidden("Only administrators of the child's centre or school may change this.")


def ensure_can_delete(principal: Principal, child: Child) -> None:
    if not principal.administers_centre(child.centre_id):
        raise Forbidden("Only an administrator of the child's centre may delete the record.")


def ensure_can_create(principal: Principal, centre_id: Any) -> None:
    if not principal.administers_centre(centre_id):
        raise Forbidden("Only an administrator of the centre registers children.")


def ensure_can_read_bsn(principal: Principal, placing_org_ids: set[Any]) -> None:
    """The BSN only for the administration of a school or youth health service placing the child."""
    if not principal.bsn_organisation_ids & placing_org_ids:
        raise Forbidden("Your role has no legal task that needs the BSN.")
