"""Parent talks: publish slots (optionally holding a room), families book and cancel, the
iCalendar invitation, and who has not booked yet. No commits here."""

import itertools
import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import icalendar
from sqlalchemy import ColumnElement, Select, and_, exists, not_, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.announcements import policy as announcement_policy
from kindcentraal.announcements import service as announcement_service
from kindcentraal.audit import service as audit
from kindcentraal.auth.principal import PLACEMENT_ACCESS_ROLES, Principal
from kindcentraal.child import policy as child_policy
from kindcentraal.child import service as child_service
from kindcentraal.child.models import Child, Guardian
from kindcentraal.common.pagination import PageParams, SortKey, paginate
from kindcentraal.common.repository import get_in_tenant
from kindcentraal.errors import Conflict, Forbidden, InvalidInput, NotFound
from kindcentraal.group.models import Group
from kindcentraal.notification.models import NotificationKind
from kindcentraal.notification.service import notify
from kindcentraal.outbox.service import mail_notifications
from kindcentraal.rooms import service as rooms_service
from kindcentraal.rooms.models import Booking, BookingStatus, Room
from kindcentraal.rooms.schemas import BookingCreate
from kindcentraal.talks import policy
from kindcentraal.talks.models import TalkBooking, TalkRound, TalkRoundChild, TalkSlot
from kindcentraal.talks.schemas import (
    ChildName,
    TalkBookingCreate,
    TalkBookingRead,
    TalkSlotRead,
    TalkSlotsCreate,
    TalkSlotsCreated,
    UnbookedFamilyRead,
)
from kindcentraal.user.models import User


class TalkConflict(Conflict):
    """409 with a `reason` the app can show: slotTaken, childAlreadyBooked, slotStarted,
    cancelDeadlinePassed."""

    code = "talk_conflict"
    title = "Talk conflict"

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.extensions["reason"] = reason


def _error(location: str, code: str, detail: str) -> dict[str, str]:
    return {"in": "body", "location": "#/" + location, "code": code, "detail": detail}


# --- Publish -----------------------------------------------------------------------------
async def _acting_organisation(
    principal: Principal, preferred: uuid.UUID | None
) -> uuid.UUID | None:
    own = principal.organisation_ids(PLACEMENT_ACCESS_ROLES) or principal.organisation_ids()
    if preferred is not None and preferred in principal.organisation_ids():
        return preferred
    return sorted(own, key=str)[0] if own else None


async def _chosen_children(
    session: AsyncSession, principal: Principal, child_ids: Sequence[uuid.UUID]
) -> tuple[uuid.UUID, list[uuid.UUID], uuid.UUID | None]:
    """The chosen children, each one the caller plans talks for; their one centre and the
    organisation the caller acts for."""
    wanted = list(dict.fromkeys(child_ids))
    visible = {
        child.id: child
        for child in await session.scalars(
            select(Child).where(Child.id.in_(wanted), child_policy.readable_children(principal))
        )
    }
    errors = []
    organisation: uuid.UUID | None = None
    for index, child_id in enumerate(child_ids):
        child = visible.get(child_id)
        if child is None:
            errors.append(_error(f"childIds/{index}", "unknownReference", "No such child."))
            continue
        relations = await child_policy.relations_with(session, principal, child)
        if not policy.plans_for_child(relations):
            errors.append(
                _error(
                    f"childIds/{index}",
                    "notYourChild",
                    "Only the contact person, staff of the child's school or childcare, or the "
                    "centre's admins plan talks about a child.",
                )
            )
        elif organisation is None:
            organisation = relations.acting_organisation()
    if errors:
        raise InvalidInput(errors)
    centres = {child.centre_id for child in visible.values()}
    if len(centres) != 1:
        raise InvalidInput.field(
            "childIds", "differentCentres", "Talks of one planning are in one centre."
        )
    return centres.pop(), wanted, organisation


async def publish_slots(
    session: AsyncSession, principal: Principal, *, data: TalkSlotsCreate
) -> TalkSlotsCreated:
    """Offer talk slots to a group's families or to chosen families; with a room, each slot
    is a room booking of the caller's organisation (the rooms' rules and conflicts apply)."""
    group: Group | None = None
    if data.group_id is not None:
        group = await get_in_tenant(session, Group, tenant_id=principal.tenant_id, id=data.group_id)
        if group is None:
            raise InvalidInput.field("groupId", "unknownReference", "There is no such group.")
        if not announcement_policy.works_with_group(principal, group):
            raise InvalidInput.field("groupId", "notYourGroup", "You do not work with this group.")
        centre_id = group.centre_id
        child_ids = await announcement_service.group_children(session, group)
        organisation_id = await _acting_organisation(principal, group.organisation_id)
    else:
        assert data.child_ids is not None
        centre_id, child_ids, preferred = await _chosen_children(session, principal, data.child_ids)
        organisation_id = await _acting_organisation(principal, preferred)

    planned = data.planned()
    now = datetime.now(UTC)
    where = "series/startsAt" if data.series is not None else "times"
    if planned[0][0] < now:
        raise InvalidInput.field(where, "inThePast", "A talk cannot start in the past.")
    for (_, end), (start, _) in itertools.pairwise(planned):
        if start < end:
            raise InvalidInput.field(where, "overlapping", "The talks overlap each other.")
    room: Room | None = None
    if data.room_id is not None:
        try:
            room, room_centre = await rooms_service.room_in_centre(session, principal, data.room_id)
        except NotFound:
            raise InvalidInput.field(
                "roomId", "unknownReference", "There is no such room."
            ) from None
        if room_centre != centre_id:
            raise InvalidInput.field("roomId", "otherCentre", "The room is in another centre.")

    talk_round = TalkRound(
        tenant_id=principal.tenant_id,
        publisher_id=principal.user_id,
        organisation_id=organisation_id,
        centre_id=centre_id,
        group_id=group.id if group is not None else None,
        cancel_before_hours=data.cancel_before_hours,
    )
    session.add(talk_round)
    await session.flush()
    session.add_all(
        TalkRoundChild(tenant_id=principal.tenant_id, round_id=talk_round.id, child_id=child_id)
        for child_id in child_ids
    )
    slots = []
    for start, end in planned:
        booking_id = None
        if room is not None:
            held = await rooms_service.create_booking(
                session,
                principal,
                data=BookingCreate.model_validate(
                    {
                        "roomId": room.id,
                        "organisationId": organisation_id,
                        # A room calendar is seen by the centre's organisations: no names.
                        "purpose": "Oudergesprek",
                        "startsAt": start,
                        "endsAt": end,
                        "attendees": 3,
                    }
                ),
            )
            booking_id = held.items[0].id
        slots.append(
            TalkSlot(
                tenant_id=principal.tenant_id,
                round_id=talk_round.id,
                starts_at=start,
                ends_at=end,
                room_id=room.id if room is not None else None,
                room_booking_id=booking_id,
            )
        )
    session.add_all(slots)
    await session.flush()
    await audit.record_write(session, principal, resource="talk-slot", action="create")
    families = await announcement_service.guardians_of(session, principal.tenant_id, child_ids)
    await announcement_service.notify_families(
        session, principal, families, NotificationKind.TALK_SLOTS_PUBLISHED
    )
    return TalkSlotsCreated(
        round_id=talk_round.id, items=await _reads(session, principal, slots, log=False)
    )


# --- Visibility --------------------------------------------------------------------------
def _my_children(principal: Principal) -> Select[uuid.UUID]:
    return select(Guardian.child_id).where(
        Guardian.user_id == principal.user_id, Guardian.tenant_id == principal.tenant_id
    )


def _booked_for(children: Select[uuid.UUID]) -> ColumnElement[bool]:
    return exists(
        select(TalkBooking.id).where(
            TalkBooking.slot_id == TalkSlot.id, TalkBooking.child_id.in_(children)
        )
    )


def _open() -> ColumnElement[bool]:
    return not_(exists(select(TalkBooking.id).where(TalkBooking.slot_id == TalkSlot.id)))


def _offered_to(children: Select[uuid.UUID], *, unbooked: bool) -> ColumnElement[bool]:
    """The slot's planning offers it to one of these children (with `unbooked`: one who has
    no talk in that planning yet)."""
    conditions = [
        TalkRoundChild.round_id == TalkSlot.round_id,
        TalkRoundChild.child_id.in_(children),
    ]
    if unbooked:
        conditions.append(
            not_(
                exists(
                    select(TalkBooking.id).where(
                        TalkBooking.round_id == TalkRoundChild.round_id,
                        TalkBooking.child_id == TalkRoundChild.child_id,
                    )
                )
            )
        )
    return exists(select(TalkRoundChild.id).where(*conditions))


def _visible(principal: Principal, *, listing: bool = False) -> ColumnElement[bool]:
    mine = _my_children(principal)
    managed = [TalkRound.publisher_id == principal.user_id]
    if principal.admin_centre_ids and not listing:
        managed.append(TalkRound.centre_id.in_(principal.admin_centre_ids))
    if listing:
        family = or_(and_(_open(), _offered_to(mine, unbooked=True)), _booked_for(mine))
    else:
        # A slot another family took stays readable (as "booked", without the child), so a
        # family that lost the race hears 409, not 404.
        family = _offered_to(mine, unbooked=False)
    return and_(TalkSlot.tenant_id == principal.tenant_id, or_(*managed, family))


async def _visible_slot(
    session: AsyncSession, principal: Principal, slot_id: uuid.UUID, *, lock: bool = False
) -> tuple[TalkSlot, TalkRound]:
    statement = (
        select(TalkSlot, TalkRound)
        .join(TalkRound, TalkRound.id == TalkSlot.round_id)
        .where(TalkSlot.id == slot_id, _visible(principal))
    )
    if lock:
        statement = statement.with_for_update(of=TalkSlot)
    found = (await session.execute(statement)).first()
    if found is None:
        raise NotFound("talk slot")
    return found[0], found[1]


async def _guardians(
    session: AsyncSession, tenant_id: uuid.UUID, child_id: uuid.UUID
) -> list[uuid.UUID]:
    return list(
        await session.scalars(
            select(Guardian.user_id).where(
                Guardian.tenant_id == tenant_id, Guardian.child_id == child_id
            )
        )
    )


# --- Reading -----------------------------------------------------------------------------
async def _reads(
    session: AsyncSession, principal: Principal, slots: Sequence[TalkSlot], *, log: bool = True
) -> list[TalkSlotRead]:
    if not slots:
        return []
    round_ids = {slot.round_id for slot in slots}
    rounds = {
        r.id: r for r in await session.scalars(select(TalkRound).where(TalkRound.id.in_(round_ids)))
    }
    publishers = {
        row.id: row.display_name
        for row in await session.execute(
            select(User.id, User.display_name).where(
                User.id.in_({r.publisher_id for r in rounds.values() if r.publisher_id})
            )
        )
    }
    rooms = {
        row.id: row.name
        for row in await session.execute(
            select(Room.id, Room.name).where(Room.id.in_({s.room_id for s in slots if s.room_id}))
        )
    }
    bookings = {
        row[0].slot_id: (row[0], row[1])
        for row in await session.execute(
            select(TalkBooking, Child.given_name)
            .join(Child, Child.id == TalkBooking.child_id)
            .where(TalkBooking.slot_id.in_([s.id for s in slots]))
        )
    }
    mine = set(await session.scalars(_my_children(principal)))
    choices: dict[uuid.UUID, list[ChildName]] = defaultdict(list)
    if mine:
        booked_in_round = {
            (row.round_id, row.child_id)
            for row in await session.execute(
                select(TalkBooking.round_id, TalkBooking.child_id).where(
                    TalkBooking.round_id.in_(round_ids), TalkBooking.child_id.in_(mine)
                )
            )
        }
        for round_id, child_id, given_name in await session.execute(
            select(TalkRoundChild.round_id, Child.id, Child.given_name)
            .join(Child, Child.id == TalkRoundChild.child_id)
            .where(TalkRoundChild.round_id.in_(round_ids), TalkRoundChild.child_id.in_(mine))
            .order_by(Child.date_of_birth, Child.id)
        ):
            if (round_id, child_id) not in booked_in_round:
                choices[round_id].append(ChildName(id=child_id, given_name=given_name))
    result = []
    named: set[uuid.UUID] = set()
    for slot in slots:
        talk_round = rounds[slot.round_id]
        booked = bookings.get(slot.id)
        booking = None
        if booked is not None:
            row, given_name = booked
            booking = TalkBookingRead(
                child_id=row.child_id, child_given_name=given_name, booked_at=row.created_at
            )
            if row.child_id not in mine:
                if not policy.manages_round(principal, talk_round):
                    booking = None  # another family's talk: only that the slot is taken
                else:
                    named.add(row.child_id)
        result.append(
            TalkSlotRead(
                id=slot.id,
                round_id=slot.round_id,
                group_id=talk_round.group_id,
                publisher_name=publishers.get(talk_round.publisher_id)
                if talk_round.publisher_id
                else None,
                starts_at=slot.starts_at,
                ends_at=slot.ends_at,
                room_id=slot.room_id,
                room_name=rooms.get(slot.room_id) if slot.room_id else None,
                cancel_before=slot.starts_at - timedelta(hours=talk_round.cancel_before_hours),
                status="booked" if booked is not None else "open",
                booking=booking,
                children=choices.get(slot.round_id, []) if booked is None else [],
            )
        )
    if log and named:
        # The publisher (or a centre admin) sees which children booked: in their access log.
        await child_service.log_access_many(
            session, principal, sorted(named, key=str), resource="talk-slots", action="list"
        )
    return result


async def list_slots(
    session: AsyncSession,
    principal: Principal,
    *,
    group_id: uuid.UUID | None,
    page: PageParams,
) -> tuple[list[TalkSlotRead], str | None]:
    """Upcoming slots, soonest first: a family's open slots offered to a child who has not
    booked in that planning, and their booked talks; staff their own published slots."""
    statement = (
        select(TalkSlot)
        .join(TalkRound, TalkRound.id == TalkSlot.round_id)
        .where(_visible(principal, listing=True), TalkSlot.ends_at > datetime.now(UTC))
    )
    if group_id is not None:
        statement = statement.where(TalkRound.group_id == group_id)
    slots, cursor = await paginate(
        session,
        statement,
        sort=SortKey(TalkSlot.starts_at),
        id_column=TalkSlot.id,
        params=page,
    )
    return await _reads(session, principal, slots), cursor


async def get_slot(
    session: AsyncSession, principal: Principal, *, slot_id: uuid.UUID
) -> TalkSlotRead:
    slot, _ = await _visible_slot(session, principal, slot_id)
    return (await _reads(session, principal, [slot]))[0]


# --- Booking -----------------------------------------------------------------------------
def invitation(slot: TalkSlot, booking: TalkBooking, given_name: str, room_name: str | None) -> str:
    """The talk as an iCalendar event (RFC 5545): the child's first name and the time, no
    content; a cancellation keeps the UID so calendars remove it."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//KindCentraal//Oudergesprekken//NL")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = icalendar.Event()
    event.add("uid", f"talk-{booking.id}@kindcentraal.nl")
    event.add("dtstamp", booking.created_at)
    event.add("dtstart", slot.starts_at.astimezone(UTC))
    event.add("dtend", slot.ends_at.astimezone(UTC))
    event.add("summary", f"Oudergesprek over {given_name}")
    if room_name:
        event.add("location", room_name)
    calendar.add_component(event)
    text: str = calendar.to_ical().decode()
    return text


async def book_slot(
    session: AsyncSession, principal: Principal, *, slot_id: uuid.UUID, data: TalkBookingCreate
) -> TalkSlotRead:
    """A guardian books a slot offered to their child; each slot once and each child once per
    planning, enforced by the database (a lost race is a 409, nothing stored)."""
    slot, talk_round = await _visible_slot(session, principal, slot_id)
    offered = {
        row.id: row.given_name
        for row in await session.execute(
            select(Child.id, Child.given_name)
            .join(TalkRoundChild, TalkRoundChild.child_id == Child.id)
            .where(
                TalkRoundChild.round_id == talk_round.id,
                Child.id.in_(_my_children(principal)),
            )
        )
    }
    if not offered:
        raise Forbidden("Only the families the slot is offered to book it.")
    if data.child_id is not None:
        if data.child_id not in offered:
            raise InvalidInput.field(
                "childId", "notOffered", "The slot is not offered for this child."
            )
        child_id = data.child_id
    elif len(offered) == 1:
        (child_id,) = offered
    else:
        raise InvalidInput.field(
            "childId", "childRequired", "Say which of your children the talk is about."
        )
    if slot.starts_at <= datetime.now(UTC):
        raise TalkConflict("slotStarted", "This talk has already started.")
    if await session.scalar(select(TalkBooking.id).where(TalkBooking.slot_id == slot.id)):
        raise TalkConflict("slotTaken", "This slot has just been booked by another family.")
    if await session.scalar(
        select(TalkBooking.id).where(
            TalkBooking.round_id == talk_round.id, TalkBooking.child_id == child_id
        )
    ):
        raise TalkConflict(
            "childAlreadyBooked", "A talk about this child is already booked in this planning."
        )
    booking = TalkBooking(
        tenant_id=principal.tenant_id,
        slot_id=slot.id,
        round_id=talk_round.id,
        child_id=child_id,
        booked_by_id=principal.user_id,
        created_at=datetime.now(UTC),
    )
    session.add(booking)
    try:
        await session.flush()
    except IntegrityError as exc:
        # The unique constraints decide a race the checks above could not see.
        if "round_id" in str(exc.orig):
            raise TalkConflict(
                "childAlreadyBooked", "A talk about this child is already booked in this planning."
            ) from None
        raise TalkConflict(
            "slotTaken", "This slot has just been booked by another family."
        ) from None
    await child_service.log_access(
        session,
        principal,
        None,
        child_id,
        resource="talk-booking",
        action="create",
        basis="guardian",
    )
    # Both sides get the invitation with their mail: the publisher through the notification,
    # the booking guardian (whom a notification about their own act skips) directly.
    room_name = (
        await session.scalar(select(Room.name).where(Room.id == slot.room_id))
        if slot.room_id
        else None
    )
    calendar = invitation(slot, booking, offered[child_id], room_name)
    await notify(
        session,
        principal,
        [talk_round.publisher_id],
        NotificationKind.TALK_BOOKED,
        child_id=child_id,
        calendar=calendar,
    )
    await mail_notifications(
        session,
        tenant_id=principal.tenant_id,
        user_ids=[principal.user_id],
        kind=NotificationKind.TALK_BOOKED,
        child_id=child_id,
        calendar=calendar,
    )
    return (await _reads(session, principal, [slot], log=False))[0]


async def cancel_booking(
    session: AsyncSession, principal: Principal, *, slot_id: uuid.UUID
) -> None:
    """A guardian of the booked child cancels until the deadline; the publisher and the
    centre's admins until the talk starts. The other side is notified."""
    slot, talk_round = await _visible_slot(session, principal, slot_id)
    booking = await session.scalar(select(TalkBooking).where(TalkBooking.slot_id == slot.id))
    if booking is None:
        raise NotFound("talk booking")
    now = datetime.now(UTC)
    guardians = await _guardians(session, principal.tenant_id, booking.child_id)
    if policy.manages_round(principal, talk_round):
        if slot.starts_at <= now:
            raise TalkConflict("slotStarted", "This talk has already started.")
        tell = guardians
    elif principal.user_id in guardians:
        deadline = slot.starts_at - timedelta(hours=talk_round.cancel_before_hours)
        if now >= deadline:
            raise TalkConflict(
                "cancelDeadlinePassed",
                f"Talks are cancelled up to {talk_round.cancel_before_hours} hours before; "
                "please contact the school.",
            )
        tell = [talk_round.publisher_id] if talk_round.publisher_id else []
    else:
        raise NotFound("talk booking")  # another family's talk
    child_id = booking.child_id
    await session.delete(booking)
    await session.flush()
    await child_service.log_access(
        session,
        principal,
        None,
        child_id,
        resource="talk-booking",
        action="delete",
        basis="guardian" if principal.user_id in guardians else "talk-publisher",
    )
    await notify(session, principal, tell, NotificationKind.TALK_CANCELLED, child_id=child_id)


async def delete_slot(session: AsyncSession, principal: Principal, *, slot_id: uuid.UUID) -> None:
    """The publisher (or a centre admin) withdraws a slot: its room booking is cancelled and a
    family that had booked it is notified."""
    slot, talk_round = await _visible_slot(session, principal, slot_id)
    if not policy.manages_round(principal, talk_round):
        raise Forbidden("Only the publisher or the centre's admins withdraw a slot.")
    booking = await session.scalar(select(TalkBooking).where(TalkBooking.slot_id == slot.id))
    if booking is not None:
        await notify(
            session,
            principal,
            await _guardians(session, principal.tenant_id, booking.child_id),
            NotificationKind.TALK_CANCELLED,
            child_id=booking.child_id,
        )
        await session.delete(booking)
    if slot.room_booking_id is not None:
        held = await session.get(Booking, slot.room_booking_id)
        if held is not None and held.status != BookingStatus.CANCELLED:
            held.status = BookingStatus.CANCELLED
    await session.delete(slot)
    await session.flush()
    await audit.record_write(session, principal, resource="talk-slot", action="delete")


async def calendar(session: AsyncSession, principal: Principal, *, slot_id: uuid.UUID) -> str:
    """The booked talk as an iCalendar invitation, for the family and the publisher."""
    slot, talk_round = await _visible_slot(session, principal, slot_id)
    found = (
        await session.execute(
            select(TalkBooking, Child.given_name)
            .join(Child, Child.id == TalkBooking.child_id)
            .where(TalkBooking.slot_id == slot.id)
        )
    ).first()
    if found is None:
        raise NotFound("talk booking")
    booking, given_name = found
    room_name = (
        await session.scalar(select(Room.name).where(Room.id == slot.room_id))
        if slot.room_id
        else None
    )
    if booking.child_id not in set(await session.scalars(_my_children(principal))):
        if not policy.manages_round(principal, talk_round):
            raise NotFound("talk booking")
        await child_service.log_access_many(
            session, principal, [booking.child_id], resource="talk-booking", action="read"
        )
    return invitation(slot, booking, given_name, room_name)


async def unbooked_families(
    session: AsyncSession, principal: Principal, *, group_id: uuid.UUID
) -> list[UnbookedFamilyRead]:
    """Per planning of the caller for the group with talks still to come: the children whose
    family has not booked. It names children: one access-log event."""
    upcoming = exists(
        select(TalkSlot.id).where(
            TalkSlot.round_id == TalkRound.id, TalkSlot.starts_at > datetime.now(UTC)
        )
    )
    rows = (
        await session.execute(
            select(TalkRound.id, Child.id, Child.given_name, Child.family_name)
            .join(TalkRoundChild, TalkRoundChild.round_id == TalkRound.id)
            .join(Child, Child.id == TalkRoundChild.child_id)
            .where(
                TalkRound.tenant_id == principal.tenant_id,
                TalkRound.publisher_id == principal.user_id,
                TalkRound.group_id == group_id,
                upcoming,
                not_(
                    exists(
                        select(TalkBooking.id).where(
                            TalkBooking.round_id == TalkRound.id,
                            TalkBooking.child_id == Child.id,
                        )
                    )
                ),
            )
            .order_by(TalkRound.created_at, Child.family_name, Child.given_name, Child.id)
        )
    ).all()
    if rows:
        await child_service.log_access_many(
            session,
            principal,
            sorted({row[1] for row in rows}, key=str),
            resource="talk-slots",
            action="list",
        )
    return [
        UnbookedFamilyRead(round_id=r[0], child_id=r[1], given_name=r[2], family_name=r[3])
        for r in rows
    ]
