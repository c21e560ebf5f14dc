import uuid
from datetime import date
from typing import Annotated, cast

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from pydantic import TypeAdapter

from kindcentraal.auth.dependencies import SessionDep, guard, public
from kindcentraal.auth.principal import Principal
from kindcentraal.common.expand import parse_expand
from kindcentraal.common.preconditions import ETAG_HEADER, IfMatch
from kindcentraal.common.responses import problems
from kindcentraal.common.roles import Role
from kindcentraal.common.schemas import IsoDate
from kindcentraal.common.scopes import ApiScope
from kindcentraal.organisation.schemas import OrganisationRead
from kindcentraal.policy.registry import declare
from kindcentraal.rooms import building_page, feeds, reports, service
from kindcentraal.rooms.models import BookingStatus
from kindcentraal.rooms.policy import BOOKERS
from kindcentraal.rooms.schemas import (
    BUILDING_PARTS,
    BookingCreate,
    BookingCreated,
    BookingRead,
    BookingsChanged,
    BookingTransition,
    BookingUpdate,
    BuildingCreate,
    BuildingDetail,
    BuildingEmbedded,
    BuildingRead,
    BuildingUpdate,
    CalendarFeedCreate,
    CalendarFeedCreated,
    CalendarFeedRead,
    FloorAreaReport,
    HolidayCreate,
    HolidayRead,
    RoomCreate,
    RoomNormRead,
    RoomNormUpdate,
    RoomRead,
    RoomUpdate,
    UtilisationReport,
)

router = APIRouter(tags=["rooms"])
BOOKING_LIST = TypeAdapter(list[BookingRead])
BuildingId = Annotated[uuid.UUID, Path(alias="buildingId")]
RoomId = Annotated[uuid.UUID, Path(alias="roomId")]
CentreId = Annotated[uuid.UUID, Path(alias="centreId")]
BookingId = Annotated[uuid.UUID, Path(alias="bookingId")]
CENTRE_ADMINS = frozenset({Role.CENTRE_ADMIN})
SEEN_BY = "centres the caller's organisations take part in (analysts: every centre)"
MANAGED_BY = "centres the caller administers"
BOOKED_IN = "rooms of centres the caller's organisations take part in"

LIST_BUILDINGS = declare(
    "buildings.list",
    client_scope=ApiScope.BOOKINGS_READ,
    resource="building",
    action="list",
    rows=SEEN_BY,
)
READ_BUILDING = declare(
    "buildings.read",
    client_scope=ApiScope.BOOKINGS_READ,
    resource="building",
    action="read",
    rows=SEEN_BY,
)
CREATE_BUILDING = declare(
    "buildings.create", resource="building", action="create", roles=CENTRE_ADMINS, rows=MANAGED_BY
)
UPDATE_BUILDING = declare("buildings.update", resource="building", action="update", rows=MANAGED_BY)
DELETE_BUILDING = declare("buildings.delete", resource="building", action="delete", rows=MANAGED_BY)
LIST_ROOMS = declare(
    "rooms.list", client_scope=ApiScope.BOOKINGS_READ, resource="room", action="list", rows=SEEN_BY
)
READ_ROOM = declare(
    "rooms.read", client_scope=ApiScope.BOOKINGS_READ, resource="room", action="read", rows=SEEN_BY
)
CREATE_ROOM = declare(
    "rooms.create", resource="room", action="create", roles=CENTRE_ADMINS, rows=MANAGED_BY
)
UPDATE_ROOM = declare("rooms.update", resource="room", action="update", rows=MANAGED_BY)
DELETE_ROOM = declare("rooms.delete", resource="room", action="delete", rows=MANAGED_BY)
LIST_HOLIDAYS = declare(
    "holidays.list",
    client_scope=ApiScope.BOOKINGS_READ,
    resource="holiday",
    action="list",
    rows=SEEN_BY,
)
CREATE_HOLIDAY = declare("holidays.create", resource="holiday", action="create", rows=MANAGED_BY)
DELETE_HOLIDAY = declare("holidays.delete", resource="holiday", action="delete", rows=MANAGED_BY)
LIST_BOOKINGS = declare(
    "bookings.list",
    client_scope=ApiScope.BOOKINGS_READ,
    resource="booking",
    action="list",
    roles=BOOKERS,
    rows=BOOKED_IN + "; other organisations' bookings as busy",
)
READ_BOOKING = declare(
    "bookings.read",
    client_scope=ApiScope.BOOKINGS_READ,
    resource="booking",
    action="read",
    rows=BOOKED_IN + "; other organisations' bookings as busy",
)
CREATE_BOOKING = declare(
    "bookings.create",
    client_scope=ApiScope.BOOKINGS_WRITE,
    resource="booking",
    action="create",
    roles=BOOKERS,
    rows=BOOKED_IN + ", for an organisation of the caller's",
)
UPDATE_BOOKING = declare(
    "bookings.update",
    client_scope=ApiScope.BOOKINGS_WRITE,
    resource="booking",
    action="update",
    rows="the booker, the booking organisation's administrators, the room's owner and the "
    "centre's administrators",
)
CHECK_IN = declare(
    "bookings.check-in",
    resource="booking",
    action="check-in",
    rows="the booking organisation's people, from 15 minutes before the start to the end",
)
TRANSITION_BOOKING = declare(
    "bookings.transition",
    client_scope=ApiScope.BOOKINGS_WRITE,
    resource="booking",
    action="transition",
    rows="confirm: the room's owner and the centre's administrators; cancel: also the booker "
    "and the booking organisation's administrators",
)

READ_ROOM_NORM = declare("room-norm.read", resource="room-norm", action="read", rows="the tenant's")
SET_ROOM_NORM = declare(
    "room-norm.update",
    resource="room-norm",
    action="update",
    roles=CENTRE_ADMINS,
    rows="the tenant's",
)
REPORT_READERS = frozenset({Role.CENTRE_ADMIN, Role.ORG_ADMIN, Role.MUNICIPALITY_ANALYST})
REPORT_ROWS = (
    "buildings of centres the caller administers or (org admins) takes part in; analysts: all"
)
ROOM_UTILISATION = declare(
    "reports.room-utilisation",
    resource="room-report",
    action="read",
    roles=REPORT_READERS,
    rows=REPORT_ROWS,
)
FLOOR_AREA = declare(
    "reports.floor-area",
    resource="room-report",
    action="read",
    roles=REPORT_READERS,
    rows=REPORT_ROWS,
)

LIST_FEEDS = declare(
    "calendar-feeds.list", resource="calendar-feed", action="list", rows="the caller's own feeds"
)
CREATE_FEED = declare(
    "calendar-feeds.create",
    resource="calendar-feed",
    action="create",
    roles=BOOKERS,
    rows="of an organisation of the caller's; a room of a centre it takes part in",
)
REVOKE_FEED = declare(
    "calendar-feeds.delete",
    resource="calendar-feed",
    action="delete",
    rows="the caller's own feeds, and those of organisations the caller administers",
)
READ_FEED = declare(
    "calendar-feeds.read",
    resource="calendar-feed",
    action="read",
    public=True,
    rows="anyone with the feed's secret address, until it is revoked",
)


# --- Buildings ---------------------------------------------------------------------------
@router.get("/buildings", response_model=list[BuildingRead], responses=problems(400, 401))
async def list_buildings(
    principal: Annotated[Principal, Depends(guard(LIST_BUILDINGS))],
    session: SessionDep,
    centre_id: Annotated[uuid.UUID | None, Query(alias="centreId")] = None,
) -> list[BuildingRead]:
    """The buildings of the centres you work in, by name."""
    found = await service.list_buildings(session, principal, centre_id=centre_id)
    return [BuildingRead.model_validate(b) for b in found]


@router.post(
    "/buildings",
    status_code=201,
    response_model=BuildingRead,
    responses=problems(400, 401, 403),
)
async def create_building(
    body: BuildingCreate,
    principal: Annotated[Principal, Depends(guard(CREATE_BUILDING))],
    session: SessionDep,
) -> BuildingRead:
    """A centre administrator adds a building of the centre."""
    return BuildingRead.model_validate(await service.create_building(session, principal, data=body))


@router.get(
    "/buildings/{buildingId}",
    response_model=BuildingDetail,
    response_model_exclude_unset=True,
    responses=problems(400, 401, 404),
)
async def read_building(
    building_id: BuildingId,
    principal: Annotated[Principal, Depends(guard(READ_BUILDING))],
    session: SessionDep,
    expand: Annotated[
        str | None,
        Query(
            max_length=100,
            description="Comma-separated parts to embed: "
            + ", ".join(BUILDING_PARTS)
            + ". What the building's calendar shows around its bookings, in one request.",
        ),
    ] = None,
) -> BuildingDetail:
    """One building, and the parts of its calendar asked for."""
    parts = cast(frozenset[building_page.Part], parse_expand(expand, BUILDING_PARTS))
    page = await building_page.read_building_page(
        session, principal, building_id=building_id, expand=parts
    )
    detail = BuildingDetail.model_validate(page.building)
    if expand is not None:
        embedded: dict[str, object] = {}
        if page.rooms is not None:
            embedded["rooms"] = [RoomRead.model_validate(room) for room in page.rooms]
        if page.holidays is not None:
            embedded["holidays"] = [HolidayRead.model_validate(h) for h in page.holidays]
        if page.organisations is not None:
            embedded["organisations"] = [
                OrganisationRead.model_validate(o) for o in page.organisations
            ]
        detail.embedded = BuildingEmbedded(**embedded)
    return detail


@router.patch(
    "/buildings/{buildingId}", response_model=BuildingRead, responses=problems(400, 401, 403, 404)
)
async def update_building(
    building_id: BuildingId,
    body: BuildingUpdate,
    principal: Annotated[Principal, Depends(guard(UPDATE_BUILDING))],
    session: SessionDep,
) -> BuildingRead:
    """Change a building's name, address or floor area."""
    return BuildingRead.model_validate(
        await service.update_building(session, principal, building_id=building_id, data=body)
    )


@router.delete(
    "/buildings/{buildingId}", status_code=204, responses=problems(400, 401, 403, 404, 409)
)
async def delete_building(
    building_id: BuildingId,
    principal: Annotated[Principal, Depends(guard(DELETE_BUILDING))],
    session: SessionDep,
) -> Response:
    """Remove a building without rooms."""
    await service.delete_building(session, principal, building_id=building_id)
    return Response(status_code=204)


# --- Rooms -------------------------------------------------------------------------------
@router.get("/rooms", response_model=list[RoomRead], responses=problems(400, 401))
async def list_rooms(
    principal: Annotated[Principal, Depends(guard(LIST_ROOMS))],
    session: SessionDep,
    building_id: Annotated[uuid.UUID | None, Query(alias="buildingId")] = None,
) -> list[RoomRead]:
    """The rooms of the centres you work in, by name."""
    found = await service.list_rooms(session, principal, building_id=building_id)
    return [RoomRead.model_validate(r) for r in found]


@router.post("/rooms", status_code=201, response_model=RoomRead, responses=problems(400, 401, 403))
async def create_room(
    body: RoomCreate,
    principal: Annotated[Principal, Depends(guard(CREATE_ROOM))],
    session: SessionDep,
) -> RoomRead:
    """A centre administrator adds a room: its type, size, owner, opening hours, who books it."""
    return RoomRead.model_validate(await service.create_room(session, principal, data=body))


@router.get("/rooms/{roomId}", response_model=RoomRead, responses=problems(400, 401, 404))
async def read_room(
    room_id: RoomId,
    principal: Annotated[Principal, Depends(guard(READ_ROOM))],
    session: SessionDep,
) -> RoomRead:
    """One room."""
    return RoomRead.model_validate(await service.get_room(session, principal, room_id=room_id))


@router.patch("/rooms/{roomId}", response_model=RoomRead, responses=problems(400, 401, 403, 404))
async def update_room(
    room_id: RoomId,
    body: RoomUpdate,
    principal: Annotated[Principal, Depends(guard(UPDATE_ROOM))],
    session: SessionDep,
) -> RoomRead:
    """Change a room."""
    return RoomRead.model_validate(
        await service.update_room(session, principal, room_id=room_id, data=body)
    )


@router.delete("/rooms/{roomId}", status_code=204, responses=problems(400, 401, 403, 404, 409))
async def delete_room(
    room_id: RoomId,
    principal: Annotated[Principal, Depends(guard(DELETE_ROOM))],
    session: SessionDep,
) -> Response:
    """Remove a room that was never booked."""
    await service.delete_room(session, principal, room_id=room_id)
    return Response(status_code=204)


# --- Holidays ----------------------------------------------------------------------------
@router.get(
    "/child-centres/{centreId}/holidays",
    response_model=list[HolidayRead],
    responses=problems(400, 401, 404),
)
async def list_holidays(
    centre_id: CentreId,
    principal: Annotated[Principal, Depends(guard(LIST_HOLIDAYS))],
    session: SessionDep,
) -> list[HolidayRead]:
    """The centre's school holidays and study days, by date."""
    found = await service.list_holidays(session, principal, centre_id=centre_id)
    return [HolidayRead.model_validate(h) for h in found]


@router.post(
    "/child-centres/{centreId}/holidays",
    status_code=201,
    response_model=HolidayRead,
    responses=problems(400, 401, 403, 404),
)
async def create_holiday(
    centre_id: CentreId,
    body: HolidayCreate,
    principal: Annotated[Principal, Depends(guard(CREATE_HOLIDAY))],
    session: SessionDep,
) -> HolidayRead:
    """Add a school holiday or a study day."""
    return HolidayRead.model_validate(
        await service.create_holiday(session, principal, centre_id=centre_id, data=body)
    )


@router.delete(
    "/child-centres/{centreId}/holidays/{holidayId}",
    status_code=204,
    responses=problems(400, 401, 403, 404),
)
async def delete_holiday(
    centre_id: CentreId,
    holiday_id: Annotated[uuid.UUID, Path(alias="holidayId")],
    principal: Annotated[Principal, Depends(guard(DELETE_HOLIDAY))],
    session: SessionDep,
) -> Response:
    """Remove a holiday."""
    await service.delete_holiday(session, principal, centre_id=centre_id, holiday_id=holiday_id)
    return Response(status_code=204)


# --- Bookings ----------------------------------------------------------------------------
@router.get("/bookings", response_model=list[BookingRead], responses=problems(400, 401, 403))
async def list_bookings(
    principal: Annotated[Principal, Depends(guard(LIST_BOOKINGS))],
    session: SessionDep,
    from_: Annotated[IsoDate, Query(alias="from", description="First day (local).")],
    to: Annotated[IsoDate, Query(description="Last day (local), at most 62 days on.")],
    building_id: Annotated[uuid.UUID | None, Query(alias="buildingId")] = None,
    room_id: Annotated[uuid.UUID | None, Query(alias="roomId")] = None,
    organisation_id: Annotated[uuid.UUID | None, Query(alias="organisationId")] = None,
    status: Annotated[
        BookingStatus | None, Query(description="Default: all but cancelled.")
    ] = None,
) -> Response:
    """The bookings of a building or a room, day by day: the calendar."""
    items = await service.list_bookings(
        session,
        principal,
        building_id=building_id,
        room_id=room_id,
        organisation_id=organisation_id,
        status=status,
        start=from_,
        end=to,
    )
    # A week of a building is a thousand bookings: written once, not validated again.
    return Response(BOOKING_LIST.dump_json(items), media_type="application/json")


@router.post(
    "/bookings",
    status_code=201,
    response_model=BookingCreated,
    responses=problems(400, 401, 403, 404, 409),
)
async def create_booking(
    body: BookingCreate,
    principal: Annotated[Principal, Depends(guard(CREATE_BOOKING))],
    session: SessionDep,
) -> BookingCreated:
    """Book a room, once or with a recurrence rule. A taken time answers 409 with the
    `conflicts` (another organisation's booking as busy), unless `skipConflicts` is set.
    Rooms that need approval give `requested` bookings, which the owner confirms."""
    return await service.create_booking(session, principal, data=body)


@router.get(
    "/bookings/{bookingId}",
    response_model=BookingRead,
    responses=problems(400, 401, 404) | ETAG_HEADER,
)
async def read_booking(
    booking_id: BookingId,
    principal: Annotated[Principal, Depends(guard(READ_BOOKING))],
    session: SessionDep,
    response: Response,
) -> BookingRead:
    """One booking, in full or as busy; its `ETag` goes with `If-Match` on a change."""
    booking, etag = await service.read_booking_versioned(session, principal, booking_id=booking_id)
    response.headers["ETag"] = etag
    return booking


@router.patch(
    "/bookings/{bookingId}",
    response_model=BookingsChanged,
    responses=problems(400, 401, 403, 404, 409, 412),
)
async def update_booking(
    booking_id: BookingId,
    body: BookingUpdate,
    principal: Annotated[Principal, Depends(guard(UPDATE_BOOKING))],
    session: SessionDep,
    if_match: IfMatch = None,
) -> BookingsChanged:
    """Change a booking's purpose, attendees or times: this one, or this and the following
    ones of its series (`scope`). A taken time answers 409 with the `conflicts`; a stale
    `If-Match` answers 412."""
    items = await service.update_booking(
        session, principal, booking_id=booking_id, data=body, if_match=if_match
    )
    return BookingsChanged(items=items)


@router.post(
    "/bookings/{bookingId}/check-in",
    response_model=BookingRead,
    responses=problems(400, 401, 403, 404, 409),
)
async def check_in_booking(
    booking_id: BookingId,
    principal: Annotated[Principal, Depends(guard(CHECK_IN))],
    session: SessionDep,
) -> BookingRead:
    """We are here: in a room that requires it, an unchecked booking is released 15 minutes
    after its start and counts as a no-show."""
    return await service.check_in(session, principal, booking_id=booking_id)


@router.post(
    "/bookings/{bookingId}/transitions",
    response_model=BookingRead,
    responses=problems(400, 401, 403, 404, 409),
)
async def transition_booking(
    booking_id: BookingId,
    body: BookingTransition,
    principal: Annotated[Principal, Depends(guard(TRANSITION_BOOKING))],
    session: SessionDep,
) -> BookingRead:
    """Confirm a requested booking (the room's owner) or cancel one."""
    return await service.transition(
        session, principal, booking_id=booking_id, to=body.to, scope=body.scope
    )


# --- The norm and the reports ------------------------------------------------------------
@router.get("/room-norm", response_model=RoomNormRead, responses=problems(401))
async def read_room_norm(
    principal: Annotated[Principal, Depends(guard(READ_ROOM_NORM))], session: SessionDep
) -> RoomNormRead:
    """The floor-area norm (base + m² per pupil) and when "after school" begins."""
    return await reports.norm_of(session, principal.tenant_id)


@router.put("/room-norm", response_model=RoomNormRead, responses=problems(400, 401, 403))
async def update_room_norm(
    body: RoomNormUpdate,
    principal: Annotated[Principal, Depends(guard(SET_ROOM_NORM))],
    session: SessionDep,
) -> RoomNormRead:
    """Set the municipality's own norm (its ordinance)."""
    return await reports.set_norm(session, principal, data=body)


@router.get(
    "/reports/room-utilisation",
    response_model=UtilisationReport,
    responses=problems(400, 401, 403, 404),
)
async def room_utilisation(
    principal: Annotated[Principal, Depends(guard(ROOM_UTILISATION))],
    session: SessionDep,
    building_id: Annotated[uuid.UUID, Query(alias="buildingId")],
    from_: Annotated[IsoDate, Query(alias="from", description="First day (local).")],
    to: Annotated[IsoDate, Query(description="Last day (local), at most 400 days on.")],
) -> UtilisationReport:
    """How a building's rooms were used: per room and organisation, after school, in the
    holidays, double use, and an hour-of-week heatmap. Confirmed bookings only."""
    return await reports.room_utilisation(
        session, principal, building_id=building_id, first=from_, last=to
    )


@router.get(
    "/reports/floor-area",
    response_model=FloorAreaReport,
    responses=problems(400, 401, 403, 404),
)
async def floor_area(
    principal: Annotated[Principal, Depends(guard(FLOOR_AREA))],
    session: SessionDep,
    building_id: Annotated[uuid.UUID, Query(alias="buildingId")],
    reference_date: Annotated[
        IsoDate | None, Query(alias="referenceDate", description="Default: today.")
    ] = None,
) -> FloorAreaReport:
    """The normed floor area for the pupils on the reference date against the building's, and
    how childcare used the education rooms in the year up to it: the evidence for extra
    square metres for childcare."""
    return await reports.floor_area(
        session, principal, building_id=building_id, reference=reference_date or date.today()
    )


# --- Calendar feeds ----------------------------------------------------------------------
@router.get("/me/calendar-feeds", response_model=list[CalendarFeedRead], responses=problems(401))
async def list_calendar_feeds(
    principal: Annotated[Principal, Depends(guard(LIST_FEEDS))], session: SessionDep
) -> list[CalendarFeedRead]:
    """Your calendar feeds (their addresses are not shown again)."""
    return [CalendarFeedRead.model_validate(f) for f in await feeds.my_feeds(session, principal)]


@router.post(
    "/me/calendar-feeds",
    status_code=201,
    response_model=CalendarFeedCreated,
    responses=problems(400, 401, 403, 404),
)
async def create_calendar_feed(
    body: CalendarFeedCreate,
    request: Request,
    principal: Annotated[Principal, Depends(guard(CREATE_FEED))],
    session: SessionDep,
) -> CalendarFeedCreated:
    """A secret address for Outlook or Google Calendar: your organisation's bookings, or one
    room's (other organisations' as busy). The address is shown once."""
    feed, token = await feeds.create_feed(session, principal, data=body)
    url = str(request.url_for("read_calendar_feed", feedToken=token))
    return CalendarFeedCreated.model_validate(
        {**CalendarFeedRead.model_validate(feed).model_dump(), "url": url}
    )


@router.delete("/me/calendar-feeds/{feedId}", status_code=204, responses=problems(400, 401, 404))
async def revoke_calendar_feed(
    feed_id: Annotated[uuid.UUID, Path(alias="feedId")],
    principal: Annotated[Principal, Depends(guard(REVOKE_FEED))],
    session: SessionDep,
) -> Response:
    """Revoke a feed: its address stops working at once."""
    await feeds.revoke_feed(session, principal, feed_id=feed_id)
    return Response(status_code=204)


@router.get(
    "/calendar-feeds/{feedToken}",
    response_class=Response,
    responses={
        200: {"content": {"text/calendar": {"schema": {"type": "string"}}}},
        **problems(404),
    },
    dependencies=[Depends(public(READ_FEED))],
)
async def read_calendar_feed(
    feed_token: Annotated[str, Path(alias="feedToken", min_length=20, max_length=100)],
    session: SessionDep,
) -> Response:
    """The feed as iCalendar (RFC 5545), from a month ago to a year ahead."""
    body = await feeds.feed_calendar(session, feed_token)
    return Response(
        body,
        media_type="text/calendar",
        headers={"Cache-Control": "private, max-age=300", "Content-Disposition": "inline"},
    )
