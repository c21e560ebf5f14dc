"""The changes feed: what changed that a client may see, in commit order, from a cursor."""

import base64
import binascii
from datetime import UTC, datetime, timedelta

from sqlalchemy import ColumnElement, Uuid, and_, bindparam, delete, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit import service as audit
from kindcentraal.auth.principal import Principal
from kindcentraal.changes.models import ChangeRecord
from kindcentraal.changes.schemas import ChangeRead, ChangesPage
from kindcentraal.changes.service import (
    CURSOR_DAYS,
    RETENTION_DAYS,
    resources_for_scopes,
    settled,
)
from kindcentraal.child.policy import current_placement
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


def encode_cursor(seq: int, at: datetime) -> str:
    raw = f"{seq}.{int(at.timestamp())}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[int, datetime]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        seq, stamp = raw.split(".")
        return int(seq), datetime.fromtimestamp(int(stamp), UTC)
    except (ValueError, binascii.Error, UnicodeDecodeError, OverflowError, OSError):
        raise InvalidInput.field(
            "since", "invalidCursor", "Not a cursor of this feed.", "query"
        ) from None


def _visible(principal: Principal, resources: list[str]) -> list[ColumnElement[bool]]:
    client = principal.client
    assert client is not None
    placed_here = exists().where(
        Placement.child_id == ChangeRecord.child_id,
        Placement.tenant_id == ChangeRecord.tenant_id,
        Placement.organisation_id == bindparam("feed_org", type_=Uuid),
        current_placement(local_today()),
    )
    return [
        ChangeRecord.tenant_id == principal.tenant_id,
        ChangeRecord.resource.in_(resources),
        or_(
            ChangeRecord.organisation_id == bindparam("feed_org", type_=Uuid),
            and_(ChangeRecord.organisation_id.is_(None), placed_here),
        ),
    ]


async def read_changes(
    session: AsyncSession, principal: Principal, *, since: str | None, limit: int
) -> ChangesPage:
    """The next changes after `since` (from the oldest kept without one), oldest first."""
    client = principal.client
    assert client is not None
    now = datetime.now(UTC)
    after = 0
    if since:
        after, issued = decode_cursor(since)
        if issued < now - timedelta(days=CURSOR_DAYS):
            raise CursorExpired()
    resources = resources_for_scopes(client.scopes)
    dialect = session.get_bind().dialect.name
    rows = (
        (
            await session.execute(
                select(ChangeRecord)
                .where(ChangeRecord.seq > after, settled(dialect), *_visible(principal, resources))
                .order_by(ChangeRecord.seq)
                .limit(limit + 1),
                {"feed_org": client.organisation_id},
            )
        )
        .scalars()
        .all()
    )
    page, has_more = rows[:limit], len(rows) > limit
    last = page[-1].seq if page else after
    await audit.record(
        session,
        audit.actor_of(principal),
        resource="changes",
        action="list",
        child_ids=sorted({r.child_id for r in page if r.child_id is not None}, key=str),
        basis="placement at the client's organisation",
    )
    return ChangesPage(
        items=[
            ChangeRead(
                type=r.resource,
                id=r.resource_id,
                change=r.change,
                child_id=r.child_id,
                occurred_at=r.occurred_at,
            )
            for r in page
        ],
        next_cursor=encode_cursor(last, now),
        has_more=has_more,
    )


async def purge_old_changes(session: AsyncSession, *, now: datetime | None = None) -> int:
    """Drops change records past their retention; cursors stay valid for CURSOR_DAYS."""
    horizon = (now or datetime.now(UTC)) - timedelta(days=RETENTION_DAYS)
    result = await session.execute(delete(ChangeRecord).where(ChangeRecord.occurred_at < horizon))
    return int(getattr(result, "rowcount", 0) or 0)
