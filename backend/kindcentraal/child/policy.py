"""Who sees a child, and who may do what with it: the one place for child access.

Relations that grant access: a current placement at one of the caller's organisations (staff
and admins of that organisation), guardian (with or without parental authority), contact person,
member of the child's care team while a guardian's care-team consent for the member's
organisation is in force, and centre admin of the child's centre. Nothing else; never a global
role. Route-level policies (who may call at all) are declared beside each router.
"""

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Uuid,
    and_,
    exists,
    false,
    literal,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.auth.principal import PLACEMENT_ACCESS_ROLES, Principal
from kindcentraal.careteam.models import CareTeamMember
from kindcentraal.child.models import Child, Guardian
from kindcentraal.consent.models import Consent, ConsentPurpose
from kindcentraal.errors import Forbidden
from kindcentraal.organisation.models import Membership, Role
from kindcentraal.placement.models import Placement


def current_placement(today: date) -> ColumnElement[bool]:
    return or_(Placement.end_date.is_(None), Placement.end_date >= today)


def consent_in_force(today: date) -> ColumnElement[bool]:
    return and_(
        Consent.withdrawn_at.is_(None),
        or_(Consent.valid_until.is_(None), Consent.valid_until >= today),
    )


def active_team_membership(today: date) -> ColumnElement[bool]:
    return and_(
        CareTeamMember.since_date <= today,
        or_(CareTeamMember.until_date.is_(None), CareTeamMember.until_date >= today),
    )


def consented_team_membership(principal: Principal, today: date) -> ColumnElement[bool]:
    """The caller is on the child's team now, still a member of the organisation they act
    for, and a guardian's care-team consent for that organisation is in force."""
    return exists(
        select(CareTeamMember.id).where(
            CareTeamMember.child_id == Child.id,
            CareTeamMember.tenant_id == principal.tenant_id,
            CareTeamMember.user_id == principal.user_id,
            CareTeamMember.organisation_id.in_(principal.organisation_ids()),
            active_team_membership(today),
            exists(
                # Correlate to the team row, not to `child`: a nested EXISTS only
                # auto-correlates one level up, and `child` two levels up became a cross join
                # (consent for ANY child opened this one; caught by the authorization matrix).
                select(Consent.id).where(
                    Consent.child_id == CareTeamMember.child_id,
                    Consent.tenant_id == principal.tenant_id,
                    Consent.organisation_id == CareTeamMember.organisation_id,
                    Consent.purpose == ConsentPurpose.CARE_TEAM,
                    consent_in_force(today),
                )
            ),
        )
    )


def readable_children(principal: Principal, *, today: date | None = None) -> ColumnElement[bool]:
    """SQL filter: the children the caller has a relation with, in the caller's tenant."""
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
    if principal.memberships:
        relations.append(consented_team_membership(principal, today))
    if principal.admin_centre_ids:
        relations.append(Child.centre_id.in_(principal.admin_centre_ids))
    return and_(Child.tenant_id == principal.tenant_id, or_(*relations) if relations else false())


@dataclass
class ChildRelations:
    """The caller's relations with one visible child; they decide actions and the audit basis."""

    is_centre_admin: bool = False
    is_contact_person: bool = False
    guardian_with_authority: bool = False
    guardian_without_authority: bool = False
    placing_organisation_ids: set[uuid.UUID] = field(default_factory=set)  # all current
    own_placing_organisation_ids: set[uuid.UUID] = field(default_factory=set)
    care_team: list[tuple[uuid.UUID, uuid.UUID, uuid.UUID]] = field(default_factory=list)
    # (member id, organisation id, consent id) of the caller's consented team memberships

    @property
    def is_guardian(self) -> bool:
        return self.guardian_with_authority or self.guardian_without_authority

    @property
    def is_professional(self) -> bool:
        return (
            self.is_centre_admin
            or self.is_contact_person
            or bool(self.own_placing_organisation_ids)
            or bool(self.care_team)
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
        if self.is_centre_admin:
            parts.append("centre-admin")
        return ",".join(parts)[:200] or "none"

    def acting_organisation(self) -> uuid.UUID | None:
        if self.own_placing_organisation_ids:
            return sorted(self.own_placing_organisation_ids, key=str)[0]
        if self.care_team:
            return self.care_team[0][1]
        return None


async def relations_with(
    session: AsyncSession, principal: Principal, child: Child, *, today: date | None = None
) -> ChildRelations:
    """The caller's relations with a visible child, in one round trip (a UNION ALL of the
    guardian link, the current placements and the consented team memberships)."""
    today = today or date.today()
    result = ChildRelations(
        is_centre_admin=principal.administers_centre(child.centre_id),
        is_contact_person=child.contact_person_id == principal.user_id,
    )
    no_id = null().cast(Uuid)
    parts = [
        select(
            literal("guardian").label("kind"),
            Guardian.has_parental_authority.label("authority"),
            no_id.label("organisation_id"),
            no_id.label("member_id"),
            no_id.label("consent_id"),
        ).where(
            Guardian.child_id == child.id,
            Guardian.user_id == principal.user_id,
            Guardian.tenant_id == principal.tenant_id,
        ),
        select(
            literal("placement"),
            null().cast(Boolean),
            Placement.organisation_id,
            no_id,
            no_id,
        ).where(
            Placement.child_id == child.id,
            Placement.tenant_id == child.tenant_id,
            current_placement(today),
        ),
    ]
    if principal.memberships:
        parts.append(
            select(
                literal("team"),
                null().cast(Boolean),
                CareTeamMember.organisation_id,
                CareTeamMember.id,
                Consent.id,
            )
            .join(
                Consent,
                and_(
                    Consent.child_id == CareTeamMember.child_id,
                    Consent.organisation_id == CareTeamMember.organisation_id,
                    Consent.tenant_id == CareTeamMember.tenant_id,
                    Consent.purpose == ConsentPurpose.CARE_TEAM,
                    consent_in_force(today),
                ),
            )
            .join(
                Membership,
                and_(
                    Membership.user_id == CareTeamMember.user_id,
                    Membership.organisation_id == CareTeamMember.organisation_id,
                ),
            )
            .where(
                CareTeamMember.child_id == child.id,
                CareTeamMember.tenant_id == principal.tenant_id,
                CareTeamMember.user_id == principal.user_id,
                active_team_membership(today),
            )
        )
    for kind, authority, organisation_id, member_id, consent_id in (
        await session.execute(union_all(*parts))
    ).all():
        if kind == "guardian":
            result.guardian_with_authority = bool(authority)
            result.guardian_without_authority = not authority
        elif kind == "placement":
            result.placing_organisation_ids.add(organisation_id)
        else:
            result.care_team.append((member_id, organisation_id, consent_id))
    result.own_placing_organisation_ids = result.placing_organisation_ids & set(
        principal.organisation_ids(PLACEMENT_ACCESS_ROLES)
    )
    return result


def can_manage(principal: Principal, relations: ChildRelations) -> bool:
    """Centre admins of the child's centre and admins of an organisation placing the child."""
    admin_orgs = principal.organisation_ids(frozenset({Role.ORG_ADMIN}))
    return relations.is_centre_admin or bool(admin_orgs & relations.placing_organisation_ids)


def ensure_can_manage(principal: Principal, relations: ChildRelations) -> None:
    if not can_manage(principal, relations):
        raise Forbidden("Only administrators of the child's centre or school may change this.")


def ensure_can_manage_care_team(principal: Principal, relations: ChildRelations) -> None:
    if not (can_manage(principal, relations) or relations.is_contact_person):
        raise Forbidden("Only the contact person or an administrator manages the care team.")


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
