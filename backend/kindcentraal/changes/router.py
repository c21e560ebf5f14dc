from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from kindcentraal.auth.dependencies import SessionDep, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.changes import feed
from kindcentraal.changes.schemas import ChangesPage
from kindcentraal.common.responses import problems
from kindcentraal.policy.registry import declare

router = APIRouter(tags=["changes"])

LIST_CHANGES = declare(
    "changes.list",
    resource="changes",
    action="list",
    clients_only=True,
    rows="API clients: changes to their organisation's placements, attendance and bookings, "
    "and to the children placed there (consents, enrolments), as far as their scopes reach",
)


@router.get("/changes", response_model=ChangesPage, responses=problems(400, 401, 403, 410, 429))
async def list_changes(
    principal: Annotated[Principal, Depends(guard(LIST_CHANGES))],
    session: SessionDep,
    since: Annotated[
        str | None,
        Query(
            max_length=100,
            description="The `nextCursor` of the previous call; none: from the oldest change "
            "kept. A cursor older than 30 days answers 410: resync in full.",
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=feed.MAX_PAGE)] = 100,
) -> Response:
    """What changed that this client may see, oldest first: type, id, change and time. Read
    the resource itself for its data. Follow `nextCursor`; while `hasMore`, ask again at once."""
    page = await feed.read_changes(session, principal, since=since, limit=limit)
    return Response(page, media_type="application/json")
