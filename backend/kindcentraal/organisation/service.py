"""Partner organisations, the centres they take part in, and memberships (roles)."""

import uuid

from sqlalchemy import Select, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from kindcentraal.audit import service as audit
from kindcentraal.auth import service as auth_service
from kindcentraal.auth.principal import Principal
from kindcentraal.centre.models import ChildCentre
from kindcentraal.common.pagination import PageParams, SortKey, paginate
from kindcentraal.common.repository import apply_changes, get_in_tenant
from kindcentraal.errors import Conflict, Forbidden, InvalidInput, NotFound
from kindcentraal.organisation.models import (
    Membership,
    Organisation,
    OrganisationCentre,
    OrganisationType,
    Role,
)
from kindcentraal.organisation.schemas import (
    MembershipCreate,
    MembershipUpdate,
    OrganisationCreate,
    OrganisationUpdate,
    ProfessionalRead,
)
from kindcentraal.user.models import User


def _organisations(principal: Principal) -> Select[Organisation]:
    return (
        select(Organisation)
        .where(Organisation.tenant_id == principal.tenant_id)
        .options(selectinload(Organisation.centre_links))
    )


async def list_organisations(
    session: AsyncSession,
    principal: Principal,
    *,
    type: OrganisationType | None,
    centre_id: uuid.UUID | None,
    q: str | None,
    page: PageParams,
) -> tuple[list[Organisation], str | None]:
    statement = _organisations(principal)
    if type is not None:
        statement = statement.where(Organisation.type == type)
    if centre_id is not None:
        statement = statement.where(
            Organisation.id.in_(
                select(OrganisationCentre.organisation_id).where(
                    OrganisationCentre.centre_id == centre_id,
                    OrganisationCentre.tenant_id == principal.tenant_id,
                )
            )
        )
    if q:
        statement = statement.where(
            func.lower(Organisation.name).contains(q.lower(), autoescape=True)
        )
    return await paginate(
        session, statement, sort=SortKey(Organisation.name), id_column=Organisation.id, params=page
    )


async def get_organisation(
    session: AsyncSession, principal: Principal, *, organisation_id: uuid.UUID
) -> Organisation:
    organisation = await session.scalar(
        _organisations(principal).where(Organisation.id == organisation_id)
    )
    if organisation is None:
        raise NotFound("organisation")
    return organisation


PROFESSIONAL_ROLES = (Role.CARE_PROFESSIONAL, Role.STAFF, Role.ORG_ADMIN, Role.CENTRE_ADMIN)


async def list_professionals(
    session: AsyncSession, principal: Principal, *, organisation_id: uuid.UUID
) -> list[ProfessionalRead]:
    """The active professionals of an organisation, by name; for professionals only (a
    guardian chooses no coordinator)."""
    organisation = await get_organisation(session, principal, organisation_id=organisation_id)
    if not principal.memberships:
        raise Forbidden("Only professionals see who works for an organisation.")
    rows = await session.execute(
        select(Membership.user_id, User.display_name, Membership.role)
        .join(User, User.id == Membership.user_id)
        .where(
            Membership.organisation_id == organisation.id,
            Membership.tenant_id == principal.tenant_id,
            Membership.role.in_(PROFESSIONAL_ROLES),
            User.is_active,
        )
        .order_by(User.display_name, User.id)
    )
    return [
        ProfessionalRead(user_id=user_id, display_name=name, role=role)
        for user_id, name, role in rows.all()
    ]


async def _check_centres(
    session: AsyncSession, principal: Principal, centre_ids: list[uuid.UUID]
) -> None:
    for index, centre_id in enumerate(centre_ids):
        if (
            await get_in_tenant(session, ChildCentre, tenant_id=principal.tenant_id, id=centre_id)
            is None
        ):
            raise InvalidInput.field(
                f"centreIds/{index}", "unknown_reference", "No such child centre."
            )


async def _ensure_unique_name(
    session: AsyncSession, principal: Principal, name: str, *, except_id: uuid.UUID | None = None
) -> None:
    statement = select(Organisation.id).where(
        Organisation.tenant_id == principal.tenant_id, Organisation.name == name
    )
    if except_id is not None:
        statement = statement.where(Organisation.id != except_id)
    if await session.scalar(statement) is not None:
        raise Conflict("An organisation with this name already exists.")


def _ensure_own_centres(principal: Principal, centre_ids: set[uuid.UUID]) -> None:
    if not centre_ids <= principal.admin_centre_ids:
        raise Forbidden("You may only link organisations to centres you administer.")


async def create_organisation(
    session: AsyncSession, principal: Principal, *, data: OrganisationCreate
) -> Organisation:
    await _check_centres(session, principal, data.centre_ids)
    _ensure_own_centres(principal, set(data.centre_ids))
    await _ensure_unique_name(session, principal, data.name)
    organisation = Organisation(tenant_id=principal.tenant_id, name=data.name, type=data.type)
    organisation.centre_links = [
        OrganisationCentre(tenant_id=principal.tenant_id, centre_id=centre_id)
        for centre_id in dict.fromkeys(data.centre_ids)
    ]
    session.add(organisation)
    await session.flush()
    await audit.record_write(session, principal, resource="organisation", action="create")
    return await get_organisation(session, principal, organisation_id=organisation.id)


async def update_organisation(
    session: AsyncSession,
    principal: Principal,
    *,
    organisation_id: uuid.UUID,
    data: OrganisationUpdate,
) -> Organisation:
    organisation = await get_organisation(session, principal, organisation_id=organisation_id)
    if not principal.administers_organisation(organisation.id):
        raise Forbidden("Only an administrator of this organisation may change it.")
    centre_admin = principal.centre_admin_of_organisation(organisation.id)
    if data.type is not None and data.type != organisation.type and not centre_admin:
        # The type decides rights (a school's administration reads BSNs): not self-service.
        raise Forbidden("Only a centre administrator changes an organisation's type.")
    if data.centre_ids is not None:
        if not centre_admin:
            raise Forbidden("Only a centre administrator changes which centres it joins.")
        await _check_centres(session, principal, data.centre_ids)
        current = {link.centre_id for link in organisation.centre_links}
        _ensure_own_centres(principal, set(data.centre_ids) ^ current)
        wanted = list(dict.fromkeys(data.centre_ids))
        kept = [link for link in organisation.centre_links if link.centre_id in wanted]
        existing = {link.centre_id for link in kept}
        organisation.centre_links = kept + [
            OrganisationCentre(tenant_id=principal.tenant_id, centre_id=centre_id)
            for centre_id in wanted
            if centre_id not in existing
        ]
    if data.name is not None:
        await _ensure_unique_name(session, principal, data.name, except_id=organisation.id)
    apply_changes(organisation, data, skip={"centre_ids"})
    await session.flush()
    await audit.record_write(session, principal, resource="organisation", action="update")
    await session.refresh(organisation, attribute_names=["centre_links", "updated_at"])
    return organisation


async def delete_organisation(
    session: AsyncSession, principal: Principal, *, organisation_id: uuid.UUID
) -> None:
    organisation = await get_organisation(session, principal, organisation_id=organisation_id)
    if not principal.centre_admin_of_organisation(organisation.id):
        raise Forbidden("Only a centre administrator of its centres may delete an organisation.")
    await session.delete(organisation)
    await session.flush()
    await audit.record_write(session, principal, resource="organisation", action="delete")


def _visible_memberships(principal: Principal) -> Select[Membership]:
    statement = select(Membership).where(Membership.tenant_id == principal.tenant_id)
    admin_orgs = principal.organisation_ids(frozenset({Role.ORG_ADMIN}))
    admin_orgs |= principal.centre_admin_organisation_ids
    return statement.where(
        or_(Membership.organisation_id.in_(admin_orgs), Membership.user_id == principal.user_id)
    )


async def list_memberships(
    session: AsyncSession,
    principal: Principal,
    *,
    organisation_id: uuid.UUID | None,
    user_id: uuid.UUID | None,
    page: PageParams,
) -> tuple[list[Membership], str | None]:
    statement = _visible_memberships(principal)
    if organisation_id is not None:
        statement = statement.where(Membership.organisation_id == organisation_id)
    if user_id is not None:
        statement = statement.where(Membership.user_id == user_id)
    return await paginate(
        session,
        statement,
        sort=SortKey(Membership.created_at),
        id_column=Membership.id,
        params=page,
    )


async def get_membership(
    session: AsyncSession, principal: Principal, *, membership_id: uuid.UUID
) -> Membership:
    membership = await session.scalar(
        _visible_memberships(principal).where(Membership.id == membership_id)
    )
    if membership is None:
        raise NotFound("membership")
    return membership


def _ensure_can_grant(principal: Principal, organisation_id: uuid.UUID, role: Role) -> None:
    if not principal.administers_organisation(organisation_id):
        raise Forbidden("Only an administrator of this organisation manages its members.")
    if role == Role.CENTRE_ADMIN and not principal.centre_admin_of_organisation(organisation_id):
        raise Forbidden("Only a centre administrator grants the centre_admin role.")


async def create_membership(
    session: AsyncSession, principal: Principal, *, data: MembershipCreate
) -> Membership:
    if await get_in_tenant(session, User, tenant_id=principal.tenant_id, id=data.user_id) is None:
        raise InvalidInput.field("userId", "unknown_reference", "No such user.")
    organisation = await get_in_tenant(
        session, Organisation, tenant_id=principal.tenant_id, id=data.organisation_id
    )
    if organisation is None:
        raise InvalidInput.field("organisationId", "unknown_reference", "No such organisation.")
    _ensure_can_grant(principal, organisation.id, data.role)
    duplicate = await session.scalar(
        select(Membership.id).where(
            Membership.tenant_id == principal.tenant_id,
            Membership.user_id == data.user_id,
            Membership.organisation_id == data.organisation_id,
        )
    )
    if duplicate is not None:
        raise Conflict("The user is already a member of this organisation.")
    membership = Membership(
        tenant_id=principal.tenant_id,
        user_id=data.user_id,
        organisation_id=data.organisation_id,
        role=data.role,
    )
    session.add(membership)
    await session.flush()
    await audit.record_write(session, principal, resource="membership", action="create")
    return membership


async def update_membership(
    session: AsyncSession,
    principal: Principal,
    *,
    membership_id: uuid.UUID,
    data: MembershipUpdate,
) -> Membership:
    membership = await get_membership(session, principal, membership_id=membership_id)
    _ensure_can_grant(principal, membership.organisation_id, membership.role)
    if data.role is not None:
        _ensure_can_grant(principal, membership.organisation_id, data.role)
        if membership.role != data.role:
            membership.role = data.role
            await auth_service.revoke_user_sessions(
                session,
                tenant_id=membership.tenant_id,
                user_id=membership.user_id,
                reason="role_change",
            )
    await session.flush()
    await audit.record_write(session, principal, resource="membership", action="update")
    return membership


async def delete_membership(
    session: AsyncSession, principal: Principal, *, membership_id: uuid.UUID
) -> None:
    membership = await get_membership(session, principal, membership_id=membership_id)
    _ensure_can_grant(principal, membership.organisation_id, membership.role)
    await auth_service.revoke_user_sessions(
        session, tenant_id=membership.tenant_id, user_id=membership.user_id, reason="role_change"
    )
    await session.delete(membership)
    await session.flush()
    await audit.record_write(session, principal, resource="membership", action="delete")
