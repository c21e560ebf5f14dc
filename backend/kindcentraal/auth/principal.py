"""The caller of a request, with the relations that decide what they may see."""

import uuid
from dataclasses import dataclass, field

from kindcentraal.common.roles import OrganisationType, Role

ADMIN_ROLES = frozenset({Role.CENTRE_ADMIN, Role.ORG_ADMIN})
# Roles whose members see the children placed at their organisation.
PLACEMENT_ACCESS_ROLES = frozenset({Role.CENTRE_ADMIN, Role.ORG_ADMIN, Role.STAFF})
# Organisation types whose administration has a legal task that needs the BSN.
BSN_ORGANISATION_TYPES = frozenset({OrganisationType.SCHOOL, OrganisationType.YOUTH_HEALTH})


@dataclass(frozen=True)
class MembershipGrant:
    organisation_id: uuid.UUID
    organisation_type: OrganisationType
    role: Role


@dataclass(frozen=True)
class ClientGrant:
    """A machine client acting for its organisation, with the scopes its token carries."""

    client_id: uuid.UUID
    organisation_id: uuid.UUID
    scopes: frozenset[str]

    def allows(self, scope: str) -> bool:
        return scope in self.scopes


@dataclass(frozen=True)
class Principal:
    user_id: uuid.UUID
    tenant_id: uuid.UUID
    session_id: uuid.UUID
    memberships: tuple[MembershipGrant, ...] = ()
    admin_centre_ids: frozenset[uuid.UUID] = field(default_factory=frozenset)
    # Organisations taking part in a centre the caller administers as centre_admin.
    centre_admin_organisation_ids: frozenset[uuid.UUID] = field(default_factory=frozenset)
    # Centres whose care coordinator (intern begeleider) the caller is.
    coordinator_centre_ids: frozenset[uuid.UUID] = field(default_factory=frozenset)
    two_factor_enabled: bool = False
    two_factor_mandatory: bool = False
    two_factor_enrolment_required: bool = False
    origin_ip: str | None = None
    # Set when the caller is an organisation's machine client, not a person; `user_id` is then
    # the client's service account (the name its actions carry in the access log).
    client: ClientGrant | None = None

    @property
    def is_client(self) -> bool:
        return self.client is not None

    @property
    def roles(self) -> frozenset[Role]:
        return frozenset(m.role for m in self.memberships)

    def has_role(self, *roles: Role) -> bool:
        return any(m.role in roles for m in self.memberships)

    def organisation_ids(self, roles: frozenset[Role] | None = None) -> frozenset[uuid.UUID]:
        return frozenset(
            m.organisation_id for m in self.memberships if roles is None or m.role in roles
        )

    @property
    def is_centre_admin(self) -> bool:
        return self.has_role(Role.CENTRE_ADMIN)

    def administers_organisation(self, organisation_id: uuid.UUID) -> bool:
        """Its own org_admins, and centre admins of a centre the organisation takes part in."""
        return self.centre_admin_of_organisation(organisation_id) or (
            organisation_id in self.organisation_ids(frozenset({Role.ORG_ADMIN}))
        )

    def centre_admin_of_organisation(self, organisation_id: uuid.UUID) -> bool:
        return organisation_id in self.centre_admin_organisation_ids

    def administers_centre(self, centre_id: uuid.UUID) -> bool:
        return centre_id in self.admin_centre_ids

    def coordinates_care_in(self, centre_id: uuid.UUID) -> bool:
        return centre_id in self.coordinator_centre_ids

    @property
    def bsn_organisation_ids(self) -> frozenset[uuid.UUID]:
        return frozenset(
            m.organisation_id
            for m in self.memberships
            if m.role == Role.ORG_ADMIN and m.organisation_type in BSN_ORGANISATION_TYPES
        )

    @property
    def primary_membership(self) -> MembershipGrant | None:
        """The membership the caller acts under when no relation names one (for the log)."""
        if not self.memberships:
            return None
        return sorted(self.memberships, key=lambda m: (m.role.value, str(m.organisation_id)))[0]
