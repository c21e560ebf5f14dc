"""Who sees a child, and who may do what with it: the one place for child access.

Relations that grant access: a current placement at one of the caller's organisations (staff
and admins of that organisation), guardian (with or without parental authority), contact person,
member of the child's care team while a guardian's care-team consent for the member's
organisation is in force, centre admin of the child's centre, care coordinator (intern
begeleider) of the child's centre, and coordinator of an open support trajectory of the child
while a guardian's trajectory consent (of its type, for its organisation) is in force. Nothing
else; never a global role. Route-level policies (who may call at all) are declared beside each
router.
"""

import functools
import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from sqlalchemy import (
    BindParameter,
    Boolean,
    ColumnElement,
    CompoundSelect,
    Date,
    Select,
    Uuid,
    and_,
    bindparam,
    exists,
    literal,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, aliased

from kindcentraal import driver_reads
from kindcentraal.auth.principal import PLACEMENT_ACCESS_ROLES, Principal
from kindcentraal.careteam.models import CareTeamMember
from kindcentraal.child.models import Child, Guardian
from kindcentraal.consent.models import Consent, ConsentPurpose
from kindcentraal.errors import Forbidden
from kindcentraal.organisation.models import Membership, Role
from kindcentraal.placement.models import Placement
from kindcentraal.support.models import SupportTrajectory, TrajectoryStatus

Today = date | BindParameter[date]


def current_placement(today: Today) -> ColumnElement[bool]:
    return or_(Placement.end_date.is_(None), Placement.end_date >= today)


def consent_in_force(today: Today) -> ColumnElement[bool]:
    return and_(
        Consent.withdrawn_at.is_(None),
        or_(Consent.valid_until.is_(None), Consent.valid_until >= today),
    )


def active_team_membership(today: Today) -> ColumnElement[bool]:
    return and_(
        CareTeamMember.since_date <= today,
        or_(CareTeamMember.until_date.is_(None), CareTeamMember.until_date >= today),
    )


def team_consent(today: Today) -> Select[uuid.UUID]:
    """A guardian's care-team consent, in force, for the team member's organisation and child.

    Correlated to the team row, never to `child`: a nested EXISTS only auto-correlates one
    level up, and `child` two levels up became a cross join (consent for ANY child opened
    this one; caught by the authorization matrix)."""
    return select(Consent.id).where(
        Consent.child_id == CareTeamMember.child_id,
        Consent.tenant_id == CareTeamMember.tenant_id,
        Consent.organisation_id == CareTeamMember.organisation_id,
        Consent.purpose == ConsentPurpose.CARE_TEAM,
        consent_in_force(today),
    )


def team_consent_in_force(today: Today) -> ColumnElement[bool]:
    return exists(team_consent(today))


OPEN_STATUSES = (
    TrajectoryStatus.REQUESTED,
    TrajectoryStatus.INTAKE,
    TrajectoryStatus.ACTIVE,
    TrajectoryStatus.EVALUATION,
)


def trajectory_consent(today: Today, trajectory: Any = SupportTrajectory) -> Select[uuid.UUID]:
    """A guardian's consent to this trajectory's support: purpose trajectory, its type, its
    organisation, in force. Correlated to the trajectory row (`trajectory`: the entity or an
    alias of it)."""
    return select(Consent.id).where(
        Consent.child_id == trajectory.child_id,
        Consent.tenant_id == trajectory.tenant_id,
        Consent.organisation_id == trajectory.organisation_id,
        Consent.purpose == ConsentPurpose.TRAJECTORY,
        Consent.trajectory_type == trajectory.type,
        consent_in_force(today),
    )


# The relation arm's own name for the trajectory: a query that lists trajectories itself must
# not have this arm correlate to its rows.
_Coordinated = aliased(SupportTrajectory, name="coordinated")


@dataclass(frozen=True)
class _Values:
    """The caller's values as named bind parameters of the filter."""

    tenant: BindParameter[uuid.UUID]
    user: BindParameter[uuid.UUID]
    today: BindParameter[date]
    placing_organisations: BindParameter[list[uuid.UUID]]
    member_organisations: BindParameter[list[uuid.UUID]]
    admin_centres: BindParameter[list[uuid.UUID]]
    coordinator_centres: BindParameter[list[uuid.UUID]]


def _bind(parameters: dict[str, Any]) -> _Values:
    return _Values(
        tenant=bindparam("rc_tenant", parameters["rc_tenant"], type_=Uuid),
        user=bindparam("rc_user", parameters["rc_user"], type_=Uuid),
        today=bindparam("rc_today", parameters["rc_today"], type_=Date),
        placing_organisations=bindparam(
            "rc_placing_organisations", parameters["rc_placing_organisations"], expanding=True
        ),
        member_organisations=bindparam(
            "rc_member_organisations", parameters["rc_member_organisations"], expanding=True
        ),
        admin_centres=bindparam("rc_admin_centres", parameters["rc_admin_centres"], expanding=True),
        coordinator_centres=bindparam(
            "rc_coordinator_centres", parameters["rc_coordinator_centres"], expanding=True
        ),
    )


def _parameters(principal: Principal, today: date) -> dict[str, Any]:
    return {
        "rc_tenant": principal.tenant_id,
        "rc_user": principal.user_id,
        "rc_today": today,
        "rc_placing_organisations": sorted(principal.organisation_ids(PLACEMENT_ACCESS_ROLES)),
        "rc_member_organisations": sorted(principal.organisation_ids()),
        "rc_admin_centres": sorted(principal.admin_centre_ids),
        "rc_coordinator_centres": sorted(principal.coordinator_centre_ids),
    }


def _relations(
    v: _Values, *, placing: bool, member: bool, admin: bool, coordinator: bool
) -> list[tuple[InstrumentedAttribute[uuid.UUID], list[ColumnElement[bool]]]]:
    """Every relation that opens a child, once: the column holding the child's id, and the
    conditions under which the caller has that relation. Both forms below are built from it."""
    relations: list[tuple[InstrumentedAttribute[uuid.UUID], list[ColumnElement[bool]]]] = [
        (Guardian.child_id, [Guardian.user_id == v.user, Guardian.tenant_id == v.tenant]),
        (Child.id, [Child.contact_person_id == v.user]),
    ]
    if placing:
        relations.append(
            (
                Placement.child_id,
                [
                    Placement.organisation_id.in_(v.placing_organisations),
                    Placement.tenant_id == v.tenant,
                    current_placement(v.today),
                ],
            )
        )
    if member:
        # Coordinating an open trajectory for an organisation one is still a member of, with
        # the guardians' consent to that support in force.
        relations.append(
            (
                _Coordinated.child_id,
                [
                    _Coordinated.coordinator_id == v.user,
                    _Coordinated.tenant_id == v.tenant,
                    _Coordinated.organisation_id.in_(v.member_organisations),
                    _Coordinated.status.in_(OPEN_STATUSES),
                    exists(trajectory_consent(v.today, _Coordinated)),
                ],
            )
        )
        # On the team now, still a member of the organisation acted for, consent in force.
        relations.append(
            (
                CareTeamMember.child_id,
                [
                    CareTeamMember.user_id == v.user,
                    CareTeamMember.tenant_id == v.tenant,
                    CareTeamMember.organisation_id.in_(v.member_organisations),
                    active_team_membership(v.today),
                    team_consent_in_force(v.today),
                ],
            )
        )
    if admin:
        relations.append((Child.id, [Child.centre_id.in_(v.admin_centres)]))
    if coordinator:
        relations.append((Child.id, [Child.centre_id.in_(v.coordinator_centres)]))
    return relations


def _filter(
    parameters: dict[str, Any], *, placing: bool, member: bool, admin: bool, coordinator: bool
) -> ColumnElement[bool]:
    """The relations as a filter on one `child` row (EXISTS per relation): cheap for a single
    child, which is probed through each relation's index."""
    v = _bind(parameters)
    tests = [
        and_(*conditions)
        if column is Child.id
        else exists(select(column).where(column == Child.id, *conditions))
        for column, conditions in _relations(
            v, placing=placing, member=member, admin=admin, coordinator=coordinator
        )
    ]
    return and_(Child.tenant_id == v.tenant, or_(*tests))


def _visible_ids(
    parameters: dict[str, Any], *, placing: bool, member: bool, admin: bool, coordinator: bool
) -> CompoundSelect[Any]:
    """The relations as the set of visible child ids, one arm per relation, each read from its
    own index. Lists use it: a list filtered by EXISTS walks every child of the tenant in sort
    order until a page is full (49 ms for a parent at 100,000 children); from the set it sorts
    only the children the caller can see."""
    v = _bind(parameters)
    arms: list[Select[Any]] = []
    for column, conditions in _relations(
        v, placing=placing, member=member, admin=admin, coordinator=coordinator
    ):
        if column is Child.id:
            conditions = [*conditions, Child.tenant_id == v.tenant]
        arms.append(select(column).where(*conditions))
    return union_all(*arms)


@functools.cache
def _cached_list_filter(
    placing: bool, member: bool, admin: bool, coordinator: bool
) -> ColumnElement[bool]:
    visible = _visible_ids(
        _PLACEHOLDER, placing=placing, member=member, admin=admin, coordinator=coordinator
    )
    return and_(
        Child.tenant_id == bindparam("rc_tenant", type_=Uuid),
        Child.id.in_(visible.scalar_subquery()),
    )


def read_filter(shape: tuple[bool, bool, bool, bool]) -> ColumnElement[bool]:
    """The filter on one child of callers of this shape (`list_shape`), with `rc_` parameters."""
    return _cached_filter(*shape)


def list_filter(shape: tuple[bool, bool, bool, bool]) -> ColumnElement[bool]:
    """The list filter of callers of this shape (`list_shape`), its values as parameters."""
    return _cached_list_filter(*shape)


def list_shape(
    principal: Principal, *, today: date | None = None
) -> tuple[tuple[bool, bool, bool, bool], dict[str, Any]]:
    """Which relations can apply to the caller at all, and the caller's values for them."""
    return _shape(principal), _parameters(principal, today or date.today())


def _shape(principal: Principal) -> tuple[bool, bool, bool, bool]:
    return (
        bool(principal.organisation_ids(PLACEMENT_ACCESS_ROLES)),
        bool(principal.memberships),
        bool(principal.admin_centre_ids),
        bool(principal.coordinator_centre_ids),
    )


def readable_children(principal: Principal, *, today: date | None = None) -> ColumnElement[bool]:
    """SQL filter: the children the caller has a relation with, in the caller's tenant."""
    placing, member, admin, coordinator = _shape(principal)
    return _filter(
        _parameters(principal, today or date.today()),
        placing=placing,
        member=member,
        admin=admin,
        coordinator=coordinator,
    )


_PLACEHOLDER: dict[str, Any] = {
    "rc_tenant": uuid.UUID(int=0),
    "rc_user": uuid.UUID(int=0),
    "rc_today": date.min,
    "rc_placing_organisations": [],
    "rc_member_organisations": [],
    "rc_admin_centres": [],
    "rc_coordinator_centres": [],
}


@functools.cache
def _cached_filter(
    placing: bool, member: bool, admin: bool, coordinator: bool
) -> ColumnElement[bool]:
    return _filter(
        _PLACEHOLDER, placing=placing, member=member, admin=admin, coordinator=coordinator
    )


def readable_children_cached(
    principal: Principal, *, today: date | None = None
) -> tuple[ColumnElement[bool], dict[str, Any]]:
    """The same filter, built once per shape of caller (which relations can apply at all):
    the hot reads pass the caller's values as execution parameters instead of rebuilding it."""
    return _cached_filter(*_shape(principal)), _parameters(principal, today or date.today())


@dataclass
class ChildRelations:
    """The caller's relations with one visible child; they decide actions and the audit basis."""

    is_centre_admin: bool = False
    is_care_coordinator: bool = False
    is_contact_person: bool = False
    guardian_with_authority: bool = False
    guardian_without_authority: bool = False
    placing_organisation_ids: set[uuid.UUID] = field(default_factory=set)  # all current
    own_placing_organisation_ids: set[uuid.UUID] = field(default_factory=set)
    care_team: list[tuple[uuid.UUID, uuid.UUID, uuid.UUID]] = field(default_factory=list)
    # (member id, organisation id, consent id) of the caller's consented team memberships
    coordinated: list[tuple[uuid.UUID, uuid.UUID, uuid.UUID]] = field(default_factory=list)
    # (trajectory id, organisation id, consent id) of the open trajectories the caller
    # coordinates with the guardians' trajectory consent

    @property
    def is_guardian(self) -> bool:
        return self.guardian_with_authority or self.guardian_without_authority

    @property
    def is_professional(self) -> bool:
        return (
            self.is_centre_admin
            or self.is_care_coordinator
            or self.is_contact_person
            or bool(self.own_placing_organisation_ids)
            or bool(self.care_team)
            or bool(self.coordinated)
        )

    def basis(self) -> str:
        """Why the caller may see the child, for the access log (relation or consent id)."""
        parts = []
        if self.guardian_with_authority:
            parts.append("guardian")
        if self.guardian_without_authority:
            parts.append("guardian-without-authority")
        if self.is_contact_person:
            parts.append("contact-person")
        parts += [f"placement:{org}" for org in sorted(map(str, self.own_placing_organisation_ids))]
        parts += [f"consent:{consent}" for _, _, consent in self.care_team]
        parts += [f"consent:{consent}" for _, _, consent in self.coordinated]
        if self.is_centre_admin:
            parts.append("centre-admin")
        if self.is_care_coordinator:
            parts.append("care-coordinator")
        return ",".join(parts)[:200] or "none"

    def acting_organisation(self) -> uuid.UUID | None:
        if self.own_placing_organisation_ids:
            return sorted(self.own_placing_organisation_ids, key=str)[0]
        if self.care_team:
            return self.care_team[0][1]
        if self.coordinated:
            return self.coordinated[0][1]
        return None


@functools.cache
def _relations_query(with_team: bool) -> driver_reads.Query:
    return driver_reads.Query(_relations_statement(with_team))


def _relations_statement(with_team: bool) -> CompoundSelect[Any]:
    """The guardian link, current placements and consented team memberships of the caller
    with one child: built once, filled with bind parameters per request."""
    child = bindparam("rel_child", type_=Uuid)
    tenant = bindparam("rel_tenant", type_=Uuid)
    user = bindparam("rel_user", type_=Uuid)
    today = bindparam("rel_today", type_=Date)
    no_id = null().cast(Uuid)
    parts = [
        select(
            literal("guardian").label("kind"),
            Guardian.has_parental_authority.label("authority"),
            no_id.label("organisation_id"),
            no_id.label("member_id"),
            no_id.label("consent_id"),
        ).where(Guardian.child_id == child, Guardian.user_id == user, Guardian.tenant_id == tenant),
        select(literal("placement"), null().cast(Boolean), Placement.organisation_id, no_id, no_id)
        .where(Placement.child_id == child, Placement.tenant_id == tenant)
        .where(current_placement(today)),
    ]
    if with_team:
        parts.append(
            select(
                literal("team"),
                null().cast(Boolean),
                CareTeamMember.organisation_id,
                CareTeamMember.id,
                team_consent(today).order_by(Consent.id).limit(1).scalar_subquery(),
            )
            .join(
                Membership,
                and_(
                    Membership.user_id == CareTeamMember.user_id,
                    Membership.organisation_id == CareTeamMember.organisation_id,
                ),
            )
            .where(
                CareTeamMember.child_id == child,
                CareTeamMember.tenant_id == tenant,
                CareTeamMember.user_id == user,
                active_team_membership(today),
                team_consent_in_force(today),
            )
        )
        parts.append(
            select(
                literal("trajectory"),
                null().cast(Boolean),
                SupportTrajectory.organisation_id,
                SupportTrajectory.id,
                trajectory_consent(today).order_by(Consent.id).limit(1).scalar_subquery(),
            ).where(
                SupportTrajectory.child_id == child,
                SupportTrajectory.tenant_id == tenant,
                SupportTrajectory.coordinator_id == user,
                SupportTrajectory.status.in_(OPEN_STATUSES),
                exists(trajectory_consent(today)),
            )
        )
    return union_all(*parts)


class ChildKeys(Protocol):
    """What the relations of a child are decided on: an ORM child or a row of its columns."""

    id: uuid.UUID
    centre_id: uuid.UUID
    contact_person_id: uuid.UUID | None


async def relations_with(
    session: AsyncSession, principal: Principal, child: ChildKeys, *, today: date | None = None
) -> ChildRelations:
    """The caller's relations with a visible child, in one round trip (a UNION ALL of the
    guardian link, the current placements and the consented team memberships)."""
    result = ChildRelations(
        is_centre_admin=principal.administers_centre(child.centre_id),
        is_care_coordinator=principal.coordinates_care_in(child.centre_id),
        is_contact_person=child.contact_person_id == principal.user_id,
    )
    rows = await driver_reads.fetch(
        session,
        _relations_query(bool(principal.memberships)),
        {
            "rel_child": child.id,
            "rel_tenant": principal.tenant_id,
            "rel_user": principal.user_id,
            "rel_today": today or date.today(),
        },
    )
    for kind, authority, organisation_id, member_id, consent_id in rows:
        if kind == "guardian":
            result.guardian_with_authority = bool(authority)
            result.guardian_without_authority = not authority
        elif kind == "placement":
            result.placing_organisation_ids.add(organisation_id)
        elif kind == "trajectory":
            if organisation_id in principal.organisation_ids():
                result.coordinated.append((member_id, organisation_id, consent_id))
        else:
            result.care_team.append((member_id, organisation_id, consent_id))
    result.own_placing_organisation_ids = result.placing_organisation_ids & set(
        principal.organisation_ids(PLACEMENT_ACCESS_ROLES)
    )
    return result


def acts_for_family(relations: ChildRelations) -> bool:
    """A guardian with parental authority, or a professional acting on the family's behalf:
    the contact person, staff of an organisation placing the child, the centre's admins."""
    return (
        relations.guardian_with_authority
        or relations.is_contact_person
        or bool(relations.own_placing_organisation_ids)
        or relations.is_centre_admin
    )


def can_manage(principal: Principal, relations: ChildRelations) -> bool:
    """Centre admins of the child's centre and admins of an organisation placing the child."""
    admin_orgs = principal.organisation_ids(frozenset({Role.ORG_ADMIN}))
    return relations.is_centre_admin or bool(admin_orgs & relations.placing_organisation_ids)


def ensure_can_manage(principal: Principal, relations: ChildRelations) -> None:
    if not can_manage(principal, relations):
        raise Forbidden("Only administrators of the child's centre or school may change this.")


def ensure_can_manage_care_team(principal: Principal, relations: ChildRelations) -> None:
    if not (
        can_manage(principal, relations)
        or relations.is_contact_person
        or relations.is_care_coordinator
    ):
        raise Forbidden(
            "Only the contact person, a care coordinator or an administrator manages the care team."
        )


def ensure_can_see_care_data(relations: ChildRelations) -> None:
    """Care team and consents: professionals around the child and guardians with authority."""
    if not (relations.is_professional or relations.guardian_with_authority):
        raise Forbidden("This part of the child's file is not shared with you.")


def ensure_can_consent(relations: ChildRelations) -> None:
    """Under Dutch law a guardian with parental authority gives or withdraws consent."""
    if not relations.guardian_with_authority:
        raise Forbidden("Only a parent or guardian with parental authority gives consent.")


def ensure_can_read_access_log(relations: ChildRelations) -> None:
    if not (relations.guardian_with_authority or relations.is_contact_person):
        raise Forbidden("The access log is for guardians with authority and the contact person.")


def ensure_can_delete(relations: ChildRelations) -> None:
    if not relations.is_centre_admin:
        raise Forbidden("Only an administrator of the child's centre may delete the record.")


def ensure_can_create(principal: Principal, centre_id: uuid.UUID) -> None:
    if not principal.administers_centre(centre_id):
        raise Forbidden("Only an administrator of the centre registers children.")


def ensure_can_read_bsn(principal: Principal, relations: ChildRelations) -> None:
    """The BSN only for the administration of a school or youth health service placing the child."""
    if not principal.bsn_organisation_ids & relations.placing_organisation_ids:
        raise Forbidden("Your role has no legal task that needs the BSN.")
