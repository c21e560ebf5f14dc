"""Accounts: administrators create and list them; everyone reads their own."""

import uuid

from sqlalchemy import Select, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.auth.passwords import hash_password
from kindcentraal.auth.principal import ADMIN_ROLES, Principal
from kindcentraal.common.pagination import PageParams, SortKey, paginate
from kindcentraal.errors import Conflict, NotFound
from kindcentraal.user.models import User
from kindcentraal.user.schemas import UserCreate


def _visible_users(principal: Principal) -> Select[User]:
    statement = select(User).where(User.tenant_id == principal.tenant_id)
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
    return user
