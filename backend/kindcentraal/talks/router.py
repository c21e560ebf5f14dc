import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response

from kindcentraal.auth.dependencies import SessionDep, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.common.pagination import PageParams, page_params
from kindcentraal.common.responses import problems
from kindcentraal.common.schemas import Page
from kindcentraal.policy.registry import declare
from kindcentraal.talks import policy
from kindcentraal.talks import service as talks
from kindcentraal.talks.schemas import (
    TalkBookingCreate,
    TalkSlotRead,
    TalkSlotsCreate,
    TalkSlotsCreated,
    UnbookedFamilyRead,
)

router = APIRouter(prefix="/talk-slots", tags=["talk-slots"])
SlotId = Annotated[uuid.UUID, Path(alias="slotId")]

LIST = declare(
    "talk-slots.list",
    resource="talk-slot",
    action="list",
    rows="families: open slots offered to a child without a talk in that planning, and their "
    "booked ones; staff: the slots they published",
)
CREATE = declare(
    "talk-slots.create",
    resource="talk-slot",
    action="create",
    roles=policy.PUBLISHER_ROLES,
    rows="a group one works with; children one is contact person, placing staff or centre admin of",
)
UNBOOKED = declare(
    "talk-slots.unbooked-families",
    resource="talk-slot",
    action="list",
    roles=policy.PUBLISHER_ROLES,
    rows="the caller's own plannings for the group",
)
READ = declare(
    "talk-slots.read",
    resource="talk-slot",
    action="read",
    rows="its publisher, its centre's admins; families while open and offered to their child, "
    "or booked for it",
)
DELETE = declare(
    "talk-slots.delete",
    resource="talk-slot",
    action="delete",
    rows="its publisher and its centre's admins",
)
BOOK = declare(
    "talk-slots.book",
    resource="talk-booking",
    action="create",
    rows="guardians of a child the slot is offered to",
)
CANCEL = declare(
    "talk-slots.cancel-booking",
    resource="talk-booking",
    action="delete",
    rows="guardians of the booked child (until the deadline); its publisher and centre admins",
)
CALENDAR = declare(
    "talk-slots.calendar",
    resource="talk-booking",
    action="read",
    rows="guardians of the booked child, its publisher and its centre's admins",
)


@router.get("", response_model=Page[TalkSlotRead], responses=problems(400, 401))
async def list_talk_slots(
    principal: Annotated[Principal, Depends(guard(LIST))],
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
    group_id: Annotated[
        uuid.UUID | None, Query(alias="groupId", description="Only this group's planning.")
    ] = None,
) -> Page[TalkSlotRead]:
    """Upcoming talk slots, soonest first: for a family the open ones they may book and their
    booked talks; for staff the slots they published (with who booked)."""
    items, cursor = await talks.list_slots(session, principal, group_id=group_id, page=page)
    return Page[TalkSlotRead](items=items, next_cursor=cursor)


@router.post(
    "", status_code=201, response_model=TalkSlotsCreated, responses=problems(400, 401, 403, 409)
)
async def create_talk_slots(
    body: TalkSlotsCreate,
    principal: Annotated[Principal, Depends(guard(CREATE))],
    session: SessionDep,
) -> TalkSlotsCreated:
    """Publish talk slots (a list of times or a series) for a group's families or chosen
    families; optionally each slot holds a room. The families are notified."""
    return await talks.publish_slots(session, principal, data=body)


@router.get(
    "/unbooked-families",
    response_model=list[UnbookedFamilyRead],
    responses=problems(400, 401, 403),
)
async def list_unbooked_families(
    principal: Annotated[Principal, Depends(guard(UNBOOKED))],
    session: SessionDep,
    group_id: Annotated[uuid.UUID, Query(alias="groupId")],
) -> list[UnbookedFamilyRead]:
    """Per planning you published for the group (with talks still to come): the children whose
    family has not booked yet. One group, so one plain list; it is in their access log."""
    return await talks.unbooked_families(session, principal, group_id=group_id)


@router.get("/{slotId}", response_model=TalkSlotRead, responses=problems(400, 401, 404))
async def read_talk_slot(
    slot_id: SlotId,
    principal: Annotated[Principal, Depends(guard(READ))],
    session: SessionDep,
) -> TalkSlotRead:
    """One talk slot."""
    return await talks.get_slot(session, principal, slot_id=slot_id)


@router.delete("/{slotId}", status_code=204, responses=problems(400, 401, 403, 404))
async def delete_talk_slot(
    slot_id: SlotId,
    principal: Annotated[Principal, Depends(guard(DELETE))],
    session: SessionDep,
) -> Response:
    """Withdraw a slot: its room booking is cancelled; a family that booked it is notified."""
    await talks.delete_slot(session, principal, slot_id=slot_id)
    return Response(status_code=204)


@router.post(
    "/{slotId}/booking",
    status_code=201,
    response_model=TalkSlotRead,
    responses=problems(400, 401, 403, 404, 409),
)
async def book_talk_slot(
    slot_id: SlotId,
    body: TalkBookingCreate,
    principal: Annotated[Principal, Depends(guard(BOOK))],
    session: SessionDep,
) -> TalkSlotRead:
    """Book the slot for your child (`childId` when several of your children are offered it).
    A slot is booked once, a child once per planning: otherwise 409 with a `reason`. Both
    sides get an e-mail with the invitation."""
    return await talks.book_slot(session, principal, slot_id=slot_id, data=body)


@router.delete("/{slotId}/booking", status_code=204, responses=problems(400, 401, 403, 404, 409))
async def cancel_talk_booking(
    slot_id: SlotId,
    principal: Annotated[Principal, Depends(guard(CANCEL))],
    session: SessionDep,
) -> Response:
    """Cancel the talk: the family until `cancelBefore` (then 409 `cancelDeadlinePassed`), the
    publisher until it starts. The other side is notified; the slot is open again."""
    await talks.cancel_booking(session, principal, slot_id=slot_id)
    return Response(status_code=204)


@router.get(
    "/{slotId}/booking/calendar",
    responses={
        200: {"description": "The invitation (iCalendar).", "content": {"text/calendar": {}}},
        **problems(400, 401, 404),
    },
)
async def read_talk_calendar(
    slot_id: SlotId,
    principal: Annotated[Principal, Depends(guard(CALENDAR))],
    session: SessionDep,
) -> Response:
    """The booked talk as an iCalendar invitation, for the family and the publisher."""
    text = await talks.calendar(session, principal, slot_id=slot_id)
    return Response(
        content=text,
        media_type="text/calendar",
        headers={
            "Content-Disposition": 'attachment; filename="oudergesprek.ics"',
            "Cache-Control": "no-store",
        },
    )
