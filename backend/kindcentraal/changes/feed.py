"""The changes feed: what changed that a client may see, in commit order, from a cursor."""

import base64
import binascii
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import pydantic_core
from sqlalchemy import (
    BigInteger,
    Date,
    Integer,
    Select,
    Uuid,
    and_,
    bindparam,
    delete,
    exists,
    or_,
    select,
    tuple_,
)
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit import service as audit
from kindcentraal.auth.principal import Principal
from kindcentraal.changes.models import ChangeRecord
from kindcentraal.changes.service import (
    CURSOR_DAYS,
    RETENTION_DAYS,
    resources_for_scopes,
    settled,
)
from kindcentraal.child.policy import current_placement
from kindcentraal.driver_reads import Query, fetch
from kindcentraal.errors import AppError, InvalidInput
from kindcentraal.placement.models import Placement
from kindcentraal.rooms.recurrence import local_today

MAX_PAGE = 500


class CursorExpired(AppError):
    status = 410
    code = "cursor_expired"
    title = "Cursor expired"

    def __init__(self) -> None:
        super().__init__(
            f"This cursor is older than {CURSOR_DAYS} days: read the resources again in full, "
            "then follow the feed from the cursor of an empty `since`."
        )


# A position in the feed: (transaction id, sequence number). PostgreSQL hands out sequence
# numbers at insert, so one transaction that writes twice can straddle another's rows: the
# feed reads settled rows in (transaction, sequence) order, in which no later commit can
# slip behind a position already read. SQLite writes one transaction at a time: (0, seq).
Position = tuple[int, int]


def encode_cursor(position: Position, at: datetime) -> str:
    raw = f"{position[0]}.{position[1]}.{int(at.timestamp())}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[Position, datetime]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        tx, seq, stamp = raw.split(".")
        return (int(tx), int(seq)), datetime.fromtimestamp(int(stamp), UTC)
    except (ValueError, binascii.Error, UnicodeDecodeError, OverflowError, OSError):
        raise InvalidInput.field(
            "since", "invalidCursor", "Not a cursor of this feed.", "query"
        ) from None


def _feed_statement(dialect_name: str) -> Select[*tuple[Any, ...]]:
    """One page of a client's feed: its organisation's rows, and the rows of children placed
    there now; settled rows only; in commit order."""
    placed_here = exists().where(
        Placement.child_id == ChangeRecord.child_id,
        Placement.tenant_id == ChangeRecord.tenant_id,
        Placement.organisation_id == bindparam("feed_org", type_=Uuid),
        current_placement(bindparam("feed_today", type_=Date)),
    )
    postgres = dialect_name == "postgresql"
    past = (
        tuple_(ChangeRecord.tx_id, ChangeRecord.seq)
        > tuple_(bindparam("feed_tx", type_=BigInteger), bindparam("feed_seq", type_=BigInteger))
        if postgres
        else ChangeRecord.seq > bindparam("feed_seq", type_=BigInteger)
    )
    order = (ChangeRecord.tx_id, ChangeRecord.seq) if postgres else (ChangeRecord.seq,)
    return (
        select(
            ChangeRecord.tx_id,
            ChangeRecord.seq,
            ChangeRecord.resource,
            ChangeRecord.resource_id,
            ChangeRecord.change,
            ChangeRecord.child_id,
            ChangeRecord.occurred_at,
        )
        .where(
            ChangeRecord.tenant_id == bindparam("feed_tenant", type_=Uuid),
            past,
            ChangeRecord.resource.in_(bindparam("feed_resources", expanding=True)),
            or_(
                ChangeRecord.organisation_id == bindparam("feed_org", type_=Uuid),
                and_(ChangeRecord.organisation_id.is_(None), placed_here),
            ),
            settled(dialect_name),
        )
        .order_by(*order)
        .limit(bindparam("feed_limit", type_=Integer))
    )


_FEEDS = {name: Query(_feed_statement(name)) for name in ("sqlite", "postgresql")}


def page_json(rows: Sequence[Any], next_cursor: str, has_more: bool) -> bytes:
    """The page as `ChangesPage` serializes it, without a model per row (100 rows a page);
    a test holds it equal to the model's own JSON."""
    items = [
        {
            "type": row.resource,
            "id": row.resource_id,
            "change": row.change,
            "childId": row.child_id,
            "occurredAt": row.occurred_at,
        }
        for row in rows
    ]
    return pydantic_core.to_json({"items": items, "nextCursor": next_cursor, "hasMore": has_more})


async def read_changes(
    session: AsyncSession, principal: Principal, *, since: str | None, limit: int
) -> bytes:
    """The next changes after `since` (from the oldest kept without one), oldest first, as
    the JSON of a ChangesPage."""
    client = principal.client
    assert client is not None
    now = datetime.now(UTC)
    after: Position = (0, 0)
    if since:
        after, issued = decode_cursor(since)
        if issued < now - timedelta(days=CURSOR_DAYS):
            raise CursorExpired()
    dialect = session.get_bind().dialect.name
    rows = await fetch(
        session,
        _FEEDS["postgresql" if dialect == "postgresql" else "sqlite"],
        {
            "feed_tenant": principal.tenant_id,
            "feed_tx": after[0],
            "feed_seq": after[1],
            "feed_resources": resources_for_scopes(client.scopes),
            "feed_org": client.organisation_id,
            "feed_today": local_today(),
            "feed_limit": limit + 1,
        },
    )
    page, has_more = rows[:limit], len(rows) > limit
    last = (page[-1].tx_id or 0, page[-1].seq) if page else after
    await audit.record(
        session,
        audit.actor_of(principal),
        resource="changes",
        action="list",
        child_ids=list({r.child_id for r in page if r.child_id is not None}),
        basis="placement at the client's organisation",
    )
    return page_json(page, encode_cursor(last, now), has_more)


async def purge_old_changes(session: AsyncSession, *, now: datetime | None = None) -> int:
    """Drops change records past their retention; cursors stay valid for CURSOR_DAYS."""
    horizon = (now or datetime.now(UTC)) - timedelta(days=RETENTION_DAYS)
    result = await session.execute(delete(ChangeRecord).where(ChangeRecord.occurred_at < horizon))
    return int(getattr(result, "rowcount", 0) or 0)
