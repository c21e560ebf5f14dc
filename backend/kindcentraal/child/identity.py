"""One child per BSN in a municipality: a second record with the same BSN is refused with a
409 that names no one (not the other child, not its id, not the number), in the service and,
for two requests racing, by the unique index uq_child_tenant_id_bsn."""

import uuid

from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.child.models import Child
from kindcentraal.errors import Conflict

BSN_INDEX = "uq_child_tenant_id_bsn"


class DuplicateBsn(Conflict):
    code = "duplicate_bsn"
    title = "BSN already registered"

    def __init__(self) -> None:
        super().__init__(
            "Another child in this municipality is registered with this BSN. If it is the same "
            "child, a centre administrator merges the two records."
        )


async def ensure_bsn_free(
    session: AsyncSession, *, tenant_id: uuid.UUID, bsn: str | None, child_id: uuid.UUID | None
) -> None:
    """Refuse a BSN another child of the tenant holds (409, naming no one)."""
    if bsn is None:
        return
    statement = select(Child.id).where(Child.tenant_id == tenant_id, Child.bsn == bsn)
    if child_id is not None:
        statement = statement.where(Child.id != child_id)
    if await session.scalar(statement.limit(1)) is not None:
        raise DuplicateBsn()


def is_bsn_conflict(exc: IntegrityError) -> bool:
    """The unique index refused the row (PostgreSQL names the index, SQLite the columns).
    Only the message is looked at, never logged: it holds the number."""
    message = str(exc.orig)
    return BSN_INDEX in message or "child.tenant_id, child.bsn" in message


async def flush_child(session: AsyncSession) -> None:
    """Flush a new or changed child; the index deciding a race is the same 409."""
    try:
        await session.flush()
    except IntegrityError as exc:
        if is_bsn_conflict(exc):
            raise DuplicateBsn() from None
        raise


_BSNS_TWICE = text(
    "SELECT count(*) FROM (SELECT tenant_id, bsn FROM child WHERE bsn IS NOT NULL "
    "GROUP BY tenant_id, bsn HAVING count(*) > 1) AS twice"
)
_CREATE_INDEX = text(
    f"CREATE UNIQUE INDEX IF NOT EXISTS {BSN_INDEX} ON child (tenant_id, bsn) WHERE bsn IS NOT NULL"
)


async def build_bsn_index(session: AsyncSession) -> int:
    """Build the unique index the child-identity migration left out where a municipality had
    a BSN twice: 0 when it exists now, else how many BSNs are still held twice (nothing
    built). Counts only: the numbers and the children are never named."""
    twice = int((await session.execute(_BSNS_TWICE)).scalar_one())
    if twice:
        return twice
    await session.execute(_CREATE_INDEX)
    return 0
