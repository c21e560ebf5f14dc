"""iCalendar feeds of bookings at secret, revocable addresses (RFC 5545, `icalendar`).

The address is the credential: a random token of 256 bits, of which only the SHA-256 is stored.
A feed stops when it is revoked, and when its creator no longer works for its organisation.
"""

import hashlib
import secrets
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit import service as audit
from kindcentraal.auth.principal import Principal
from kindcentraal.common.repository import get_in_tenant
from kindcentraal.db import utcnow
from kindcentraal.errors import Forbidden, InvalidInput, NotFound
from kindcentraal.organisation.models import Membership, Organisation
from kindcentraal.rooms import policy, service
from kindcentraal.rooms.models import Booking, BookingStatus, CalendarFeed, Room
from kindcentraal.rooms.schemas import CalendarFeedCreate

PAST, AHEAD = timedelta(days=31), timedelta(days=400)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def my_feeds(session: AsyncSession, principal: Principal) -> Sequence[CalendarFeed]:
    rows = await session.scalars(
        select(CalendarFeed)
        .where(
            CalendarFeed.tenant_id == principal.tenant_id,
            CalendarFeed.created_by_id == principal.user_id,
        )
        .order_by(CalendarFeed.created_at.desc(), CalendarFeed.id)
    )
    return list(rows)


async def create_feed(
    session: AsyncSession, principal: Principal, *, data: CalendarFeedCreate
) -> tuple[CalendarFeed, str]:
    own = principal.organisation_ids(policy.BOOKERS)
    organisation_id = data.organisation_id
    if organisation_id is None:
        if len(own) != 1:
            raise InvalidInput.field(
                "organisationId", "organisationRequired", "Say which organisation's feed."
            )
        (organisation_id,) = own
    if organisation_id not in own:
        raise Forbidden("A feed is of an organisation you work for.")
    if data.room_id is not None:
        _, centre_id = await service.room_in_centre(session, principal, data.room_id)
        if centre_id not in await policy.partner_centre_ids(session, principal):
            raise NotFound("room")
    token = secrets.token_urlsafe(32)
    feed = CalendarFeed(
        tenant_id=principal.tenant_id,
        token_hash=token_hash(token),
        organisation_id=organisation_id,
        room_id=data.room_id,
        created_by_id=principal.user_id,
        name=data.name,
    )
    session.add(feed)
    await session.flush()
    await audit.record_write(session, principal, resource="calendar-feed", action="create")
    return feed, token


async def revoke_feed(session: AsyncSession, principal: Principal, *, feed_id: uuid.UUID) -> None:
    feed = await get_in_tenant(session, CalendarFeed, tenant_id=principal.tenant_id, id=feed_id)
    if feed is None or not (
        feed.created_by_id == principal.user_id
        or principal.administers_organisation(feed.organisation_id)
    ):
        raise NotFound("calendar feed")
    if feed.revoked_at is None:
        feed.revoked_at = utcnow()
        await session.flush()
        await audit.record_write(session, principal, resource="calendar-feed", action="delete")


async def feed_calendar(session: AsyncSession, token: str) -> bytes:
    """The feed's calendar; NotFound for an unknown or revoked token, or one whose creator no
    longer works for the organisation."""
    feed = await session.scalar(
        select(CalendarFeed).where(
            CalendarFeed.token_hash == token_hash(token), CalendarFeed.revoked_at.is_(None)
        )
    )
    if feed is None or not await session.scalar(
        select(Membership.id).where(
            Membership.tenant_id == feed.tenant_id,
            Membership.user_id == feed.created_by_id,
            Membership.organisation_id == feed.organisation_id,
        )
    ):
        raise NotFound("calendar feed")
    now = datetime.now(UTC)
    statement = (
        select(Booking, Room.name)
        .join(Room, Room.id == Booking.room_id)
        .where(
            Booking.tenant_id == feed.tenant_id,
            Booking.status != BookingStatus.CANCELLED,
            Booking.ends_at > now - PAST,
            Booking.starts_at < now + AHEAD,
        )
    )
    if feed.room_id is not None:
        statement = statement.where(Booking.room_id == feed.room_id)
    else:
        statement = statement.where(Booking.organisation_id == feed.organisation_id)
    rows = (await session.execute(statement.order_by(Booking.starts_at, Booking.id))).all()
    names = dict(
        (
            await session.execute(
                select(Organisation.id, Organisation.name).where(
                    Organisation.tenant_id == feed.tenant_id
                )
            )
        )
        .tuples()
        .all()
    )
    calendar = Calendar()
    calendar.add("prodid", "-//KindCentraal//Ruimtes//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", feed.name)
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    for booking, room_name in rows:
        event = Event()
        event.add("uid", f"{booking.id}@kindcentraal")
        event.add("dtstamp", booking.updated_at)
        event.add("dtstart", booking.starts_at)
        event.add("dtend", booking.ends_at)
        event.add("location", room_name)
        own = booking.organisation_id == feed.organisation_id
        event.add(
            "summary",
            booking.purpose if own else f"Bezet: {names.get(booking.organisation_id, '')}",
        )
        event.add(
            "status", "CONFIRMED" if booking.status == BookingStatus.CONFIRMED else "TENTATIVE"
        )
        calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical
