"""The municipality's own settings."""

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit import service as audit
from kindcentraal.auth.principal import Principal
from kindcentraal.organisation.models import Role
from kindcentraal.tenant.models import Tenant


async def mandatory_two_factor_roles(session: AsyncSession, principal: Principal) -> list[Role]:
    tenant = await session.get_one(Tenant, principal.tenant_id)
    return sorted(Role(role) for role in tenant.mandatory_two_factor_roles)


async def set_mandatory_two_factor_roles(
    session: AsyncSession, principal: Principal, *, roles: list[Role]
) -> list[Role]:
    """Members of these roles must enrol a second factor before anything else."""
    tenant = await session.get_one(Tenant, principal.tenant_id)
    tenant.mandatory_two_factor_roles = sorted({role.value for role in roles})
    await session.flush()
    await audit.record_write(session, principal, resource="security-settings", action="update")
    return sorted(Role(role) for role in tenant.mandatory_two_factor_roles)


async def parent_session_days(session: AsyncSession, *, tenant_id: uuid.UUID) -> int:
    """How many days a parent stays signed in on their own device."""
    days = await session.scalar(select(Tenant.parent_session_days).where(Tenant.id == tenant_id))
    return int(days) if days is not None else 30


async def set_parent_session_days(session: AsyncSession, principal: Principal, *, days: int) -> int:
    """New logins of parents last this long; sessions already open keep their end."""
    tenant = await session.get_one(Tenant, principal.tenant_id)
    tenant.parent_session_days = days
    await session.flush()
    return tenant.parent_session_days
