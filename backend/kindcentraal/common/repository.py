"""Small helpers every repository uses: tenant-scoped lookups and partial updates."""

import uuid
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.db import TenantMixin

M = TypeVar("M", bound=TenantMixin)


async def get_in_tenant(
    session: AsyncSession, model: type[M], *, tenant_id: uuid.UUID, id: uuid.UUID
) -> M | None:
    """A row of the caller's tenant, or None: ids of other tenants simply do not exist."""
    result = await session.scalar(select(model).where(model.id == id, model.tenant_id == tenant_id))
    return result


def apply_changes(target: Any, changes: BaseModel, *, skip: set[str] | None = None) -> None:
    """Copy the fields the client sent (not the defaults) onto the row."""
    for name, value in changes.model_dump(exclude_unset=True, by_alias=False).items():
        if skip and name in skip:
            continue
        setattr(target, name, value)
