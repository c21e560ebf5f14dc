"""SQL over accounts and the memberships behind them: login, refresh, the caller of a request
and /me. auth calls these functions, so it never imports a domain's models."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Uuid, and_, bindparam, exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from kindcentraal.auth.models import AuthSession, RecoveryCode
from kindcentraal.auth.principal import MembershipGrant
from kindcentraal.child.models import Guardian
from kindcentraal.common.roles import OrganisationType, Role
from kindcentraal.driver_reads import Query, Reader, fetch
from kindcentraal.organisation.models import Membership, Organisation, OrganisationCentre
from kindcentraal.support.models import CareCoordinator
from kindcentraal.tenant.models import Tenant
from kindcentraal.user.models import User


@dataclass(frozen=True)
class Caller:
    """What a request needs to know about the account behind its access token."""

    memberships: tuple[MembershipGrant, ...]
    admin_centre_ids: frozenset[uuid.UUID]
    centre_admin_organisation_ids: frozenset[uuid.UUID]
    coordinator_centre_ids: frozenset[uuid.UUID]
    two_factor_enabled: bool
    mandatory_two_factor_roles: frozenset[str]


_MEMBERSHIP_OF_USER = and_(Membership.user_id == User.id, Membership.tenant_id == User.tenant_id)
_ORGANISATION_OF_MEMBERSHIP = and_(
    Organisation.id == Membership.organisation_id, Organisation.tenant_id == Membership.tenant_id
)
_administered = aliased(OrganisationCentre, name="administered")
_partner = aliased(OrganisationCentre, name="partner")

# Runs on every authenticated request, so it is one round trip, built once. One row per
# membership, and per (administered centre x organisation taking part) for centre_admin ones,
# times the centres the caller is care coordinator of (mostly none or one);
# no row at all when the login session is revoked or the account disabled: revocation holds
# from the very next request.
_CALLER = (
    select(
        User.totp_enabled_at,
        Tenant.mandatory_two_factor_roles,
        Membership.organisation_id,
        Organisation.type,
        Membership.role,
        _administered.centre_id,
        _partner.organisation_id,
        CareCoordinator.centre_id,
    )
    .select_from(AuthSession)
    .join(User, and_(User.id == AuthSession.user_id, User.tenant_id == AuthSession.tenant_id))
    .join(Tenant, Tenant.id == User.tenant_id)
    .outerjoin(Membership, _MEMBERSHIP_OF_USER)
    .outerjoin(Organisation, _ORGANISATION_OF_MEMBERSHIP)
    .outerjoin(
        _administered,
        and_(
            _administered.organisation_id == Membership.organisation_id,
            _administered.tenant_id == Membership.tenant_id,
            Membership.role == Role.CENTRE_ADMIN,
        ),
    )
    .outerjoin(
        _partner,
        and_(
            _partner.centre_id == _administered.centre_id,
            _partner.tenant_id == _administered.tenant_id,
        ),
    )
    .outerjoin(
        CareCoordinator,
        and_(CareCoordinator.user_id == User.id, CareCoordinator.tenant_id == User.tenant_id),
    )
    .where(
        AuthSession.id == bindparam("session_id"),
        AuthSession.tenant_id == bindparam("tenant_id"),
        AuthSession.revoked_at.is_(None),
        User.id == bindparam("user_id"),
        User.is_active,
    )
)


_CALLER_QUERY = Query(_CALLER)


async def load_caller(
    source: AsyncSession | Reader,
    *,
    tenant_id: uuid.UUID,
    user_id: uuid.UUID,
    session_id: uuid.UUID,
) -> Caller | None:
    """The active account of a live login session, with its relations; None otherwise.

    A request loads its caller through the driver reader (committed state, before it writes
    anything); a unit of work that has written may pass itself to see its own changes."""
    parameters = {"session_id": session_id, "tenant_id": tenant_id, "user_id": user_id}
    if isinstance(source, Reader):
        rows = await source.all(_CALLER_QUERY, parameters)
    else:
        rows = list((await source.execute(_CALLER, parameters)).all())
    if not rows:
        return None
    memberships: dict[uuid.UUID, MembershipGrant] = {}
    centre_ids: set[uuid.UUID] = set()
    partner_ids: set[uuid.UUID] = set()
    coordinated: set[uuid.UUID] = set()
    for _, _, organisation_id, organisation_type, role, centre_id, partner_id, care in rows:
        if care is not None:
            coordinated.add(care)
        if organisation_id is not None and organisation_id not in memberships:
            memberships[organisation_id] = MembershipGrant(organisation_id, organisation_type, role)
        if centre_id is not None:
            centre_ids.add(centre_id)
        if partner_id is not None:
            partner_ids.add(partner_id)
    totp_enabled_at, mandatory_roles = rows[0][0], rows[0][1]
    return Caller(
        memberships=tuple(memberships.values()),
        admin_centre_ids=frozenset(centre_ids),
        centre_admin_organisation_ids=frozenset(partner_ids),
        coordinator_centre_ids=frozenset(coordinated),
        two_factor_enabled=totp_enabled_at is not None,
        mandatory_two_factor_roles=frozenset(mandatory_roles or ()),
    )


async def active_accounts_by_email(session: AsyncSession, email: str) -> Sequence[User]:
    """Login candidates: the same address may exist in more than one municipality."""
    result = await session.scalars(
        select(User).where(func.lower(User.email) == email.strip().lower(), User.is_active)
    )
    return result.all()


async def get_account(
    session: AsyncSession, *, tenant_id: uuid.UUID, user_id: uuid.UUID
) -> User | None:
    return await session.scalar(select(User).where(User.id == user_id, User.tenant_id == tenant_id))


async def is_active_account(
    session: AsyncSession, *, tenant_id: uuid.UUID, user_id: uuid.UUID
) -> bool:
    found = await session.scalar(
        select(User.id).where(User.id == user_id, User.tenant_id == tenant_id, User.is_active)
    )
    return found is not None


@dataclass(frozen=True)
class OwnMembership:
    id: uuid.UUID
    organisation_id: uuid.UUID
    organisation_name: str
    organisation_type: OrganisationType
    role: Role


@dataclass(frozen=True)
class OwnAccount:
    email: str
    display_name: str
    language: str | None
    is_guardian: bool
    recovery_codes_left: int
    memberships: tuple[OwnMembership, ...]


_IS_GUARDIAN = exists().where(Guardian.user_id == User.id, Guardian.tenant_id == User.tenant_id)
_RECOVERY_CODES_LEFT = (
    select(func.count())
    .select_from(RecoveryCode)
    .where(
        RecoveryCode.tenant_id == User.tenant_id,
        RecoveryCode.user_id == User.id,
        RecoveryCode.used_at.is_(None),
    )
    .scalar_subquery()
)
# /me in one statement: the account, whether a guardian, the codes left, each membership.
_OWN_ACCOUNT = Query(
    select(
        User.email,
        User.display_name,
        User.language,
        _IS_GUARDIAN.label("is_guardian"),
        _RECOVERY_CODES_LEFT.label("recovery_codes_left"),
        Membership.id.label("membership_id"),
        Organisation.id.label("organisation_id"),
        Organisation.name.label("organisation_name"),
        Organisation.type.label("organisation_type"),
        Membership.role,
    )
    .select_from(User)
    .outerjoin(Membership, _MEMBERSHIP_OF_USER)
    .outerjoin(Organisation, _ORGANISATION_OF_MEMBERSHIP)
    .where(
        User.id == bindparam("own_user", type_=Uuid),
        User.tenant_id == bindparam("own_tenant", type_=Uuid),
    )
    .order_by(Organisation.name)
)


async def own_account(
    session: AsyncSession, *, tenant_id: uuid.UUID, user_id: uuid.UUID
) -> OwnAccount | None:
    """The caller's account, memberships by organisation name, whether they are a guardian,
    and how many two-factor recovery codes are left."""
    rows = await fetch(session, _OWN_ACCOUNT, {"own_user": user_id, "own_tenant": tenant_id})
    if not rows:
        return None
    first = rows[0]
    return OwnAccount(
        email=first.email,
        display_name=first.display_name,
        language=first.language,
        is_guardian=bool(first.is_guardian),
        recovery_codes_left=int(first.recovery_codes_left or 0),
        memberships=tuple(
            OwnMembership(
                row.membership_id,
                row.organisation_id,
                row.organisation_name,
                row.organisation_type,
                row.role,
            )
            for row in rows
            if row.membership_id is not None
        ),
    )
