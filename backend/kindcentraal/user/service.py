"""Accounts: administrators create and list them; everyone reads their own."""

import uuid
from typing import cast

from sqlalchemy import Select, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit import service as audit
from kindcentraal.auth import account as auth_account
from kindcentraal.auth import service as auth_service
from kindcentraal.auth.passwords import hash_password
from kindcentraal.auth.principal import ADMIN_ROLES, Principal
from kindcentraal.common.pagination import PageParams, SortKey, paginate
from kindcentraal.common.repository import apply_changes
from kindcentraal.common.roles import Role
from kindcentraal.errors import Conflict, Forbidden, InvalidInput, NotFound
from kindcentraal.organisation.models import Membership
from kindcentraal.user import repository as user_repository
from kindcentraal.user.models import User
from kindcentraal.user.schemas import (
    Language,
    MembershipSummary,
    MeRead,
    MeUpdate,
    UserCreate,
    UserUpdate,
)


def _visible_users(principal: Principal) -> Select[User]:
    statement = select(User).where(
        User.tenant_id == principal.tenant_id, User.service_account.is_(False)
    )
    if principal.has_role(*ADMIN_ROLES):
        return statement
    return statement.where(User.id == principal.user_id)


async def list_users(
    session: AsyncSession, principal: Principal, *, q: str | None, page: PageParams
) -> tuple[list[User], str | None]:
    statement = _visible_users(principal)
    if q:
        needle = q.lower()
        statement = statement.where(
            or_(
                func.lower(User.display_name).contains(needle, autoescape=True),
                func.lower(User.email).contains(needle, autoescape=True),
            )
        )
    return await paginate(
        session, statement, sort=SortKey(User.display_name), id_column=User.id, params=page
    )


async def get_user(session: AsyncSession, principal: Principal, *, user_id: uuid.UUID) -> User:
    user = await session.scalar(_visible_users(principal).where(User.id == user_id))
    if user is None:
        raise NotFound("user")
    return user


async def create_user(session: AsyncSession, principal: Principal, *, data: UserCreate) -> User:
    email = data.email.strip().lower()
    taken = await session.scalar(
        select(User.id).where(
            User.tenant_id == principal.tenant_id, func.lower(User.email) == email
        )
    )
    if taken is not None:
        raise Conflict("An account with this email address already exists.")
    user = User(
        tenant_id=principal.tenant_id,
        email=email,
        display_name=data.display_name,
        password_hash=hash_password(data.password),
    )
    session.add(user)
    await session.flush()
    await audit.record_write(session, principal, resource="user", action="create")
    return user


async def update_user(
    session: AsyncSession, principal: Principal, *, user_id: uuid.UUID, data: UserUpdate
) -> User:
    """Administrators rename or disable an account; disabling ends its sessions at once."""
    user = await get_user(session, principal, user_id=user_id)
    if not principal.has_role(*ADMIN_ROLES):
        raise Forbidden("Only administrators change accounts.")
    if not principal.is_centre_admin:
        # An organisation's admin manages its own members, never a centre admin's account.
        roles = (
            await session.execute(
                select(Membership.organisation_id, Membership.role).where(
                    Membership.user_id == user.id, Membership.tenant_id == principal.tenant_id
                )
            )
        ).all()
        own = principal.organisation_ids(frozenset({Role.ORG_ADMIN}))
        if not any(org in own for org, _ in roles) or any(
            role == Role.CENTRE_ADMIN for _, role in roles
        ):
            raise Forbidden("You may only change accounts of your own organisation's members.")
    if data.is_active is False and user.id == principal.user_id:
        raise InvalidInput.field("isActive", "own_account", "You cannot disable your own account.")
    apply_changes(user, data)
    if data.is_active is False:
        await auth_service.revoke_user_sessions(
            session, tenant_id=user.tenant_id, user_id=user.id, reason="disabled"
        )
    await session.flush()
    await audit.record_write(session, principal, resource="user", action="update")
    return user


async def read_me(session: AsyncSession, principal: Principal) -> MeRead:
    """The logged-in user with memberships, roles and two-factor status."""
    account = await user_repository.own_account(
        session, tenant_id=principal.tenant_id, user_id=principal.user_id
    )
    assert account is not None  # the principal was loaded from this very row
    return MeRead(
        id=principal.user_id,
        tenant_id=principal.tenant_id,
        email=account.email,
        display_name=account.display_name,
        language=cast(Language | None, account.language),
        roles=sorted(principal.roles),
        memberships=[
            MembershipSummary(
                id=m.id,
                organisation_id=m.organisation_id,
                organisation_name=m.organisation_name,
                organisation_type=m.organisation_type,
                role=m.role,
            )
            for m in account.memberships
        ],
        is_guardian=account.is_guardian,
        care_coordinator_centre_ids=sorted(principal.coordinator_centre_ids, key=str),
        two_factor=await auth_account.two_factor_status(
            session, principal, recovery_codes_left=account.recovery_codes_left
        ),
    )


async def update_me(session: AsyncSession, principal: Principal, *, data: MeUpdate) -> MeRead:
    """The caller's own preferences (the app's language)."""
    user = await session.get(User, principal.user_id)
    if user is None or user.tenant_id != principal.tenant_id:
        raise NotFound("user")
    apply_changes(user, data)
    await session.flush()
    await audit.record_write(session, principal, resource="me", action="update")
    return await read_me(session, principal)
