"""Talk slots over real HTTP: publish for a group or chosen families, book once, cancel
until the deadline, the invitation, the room held, and who has not booked yet."""

from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit.models import AuditEvent
from kindcentraal.notification.models import Notification, NotificationKind
from kindcentraal.outbox.models import OutboxMail
from kindcentraal.rooms.models import Booking, BookingStatus, Building, Room, RoomType
from kindcentraal.talks.models import TalkBooking, TalkSlot
from tests.backend.factories import World, make_child, make_guardian, make_placement


def _at(hours: float) -> datetime:
    moment = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    return moment + timedelta(hours=hours)


def _series(world: World, *, hours: float = 72, count: int = 3, **extra: object) -> dict:
    return {
        "groupId": str(world.group.id),
        "series": {"startsAt": _at(hours).isoformat(), "durationMinutes": 15, "count": count},
        **extra,
    }


async def _publish(client: httpx.AsyncClient, world: World, **kwargs: object) -> list[dict]:
    response = await client.post(
        "/talk-slots", headers=world.headers("teacher"), json=_series(world, **kwargs)
    )
    assert response.status_code == 201, response.text
    return response.json()["items"]


async def _count(session: AsyncSession, model: type) -> int:
    return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_a_teacher_offers_slots_and_a_parent_books_one(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    slots = await _publish(client, world)
    assert len(slots) == 3 and all(s["status"] == "open" for s in slots)
    starts = [datetime.fromisoformat(s["startsAt"].replace("Z", "+00:00")) for s in slots]
    assert starts == [_at(72) + timedelta(minutes=15 * i) for i in range(3)]
    offered = await client.get("/talk-slots", headers=world.headers("parent"))
    assert [s["id"] for s in offered.json()["items"]] == [s["id"] for s in slots]
    assert offered.json()["items"][0]["children"] == [
        {"id": str(world.pupil.id), "givenName": "Pim"}
    ]
    none = await client.get("/talk-slots", headers=world.headers("outsider_parent"))
    assert none.json()["items"] == []
    notified = await session.scalars(
        select(Notification.kind).where(Notification.user_id == world.parent.id)
    )
    assert list(notified) == [NotificationKind.TALK_SLOTS_PUBLISHED]

    booked = await client.post(
        f"/talk-slots/{slots[0]['id']}/booking", headers=world.headers("parent"), json={}
    )
    assert booked.status_code == 201, booked.text
    assert booked.json()["status"] == "booked"
    assert booked.json()["booking"]["childGivenName"] == "Pim"
    # the teacher hears of it, and both sides get the invitation by e-mail
    told = await session.scalars(
        select(Notification.kind).where(Notification.user_id == world.teacher.id)
    )
    assert NotificationKind.TALK_BOOKED in list(told)
    mails = (
        await session.scalars(select(OutboxMail).where(OutboxMail.template == "talk_booked"))
    ).all()
    # One mail each, with the invitation: never a second, plain one.
    assert sorted(str(m.user_id) for m in mails) == sorted(
        str(u) for u in (world.parent.id, world.teacher.id)
    )
    for mail in mails:
        assert mail.calendar is not None and "BEGIN:VEVENT" in mail.calendar
        assert "Pim" in mail.body and "Pupil" not in mail.body + mail.subject

    # now the parent's list holds the booked talk only (Pim has his talk in this planning)
    mine = await client.get("/talk-slots", headers=world.headers("parent"))
    assert [s["id"] for s in mine.json()["items"]] == [slots[0]["id"]]
    # the teacher sees who booked (in the child's access log)
    before = await _count(session, AuditEvent)
    own = await client.get("/talk-slots", headers=world.headers("teacher"))
    assert own.json()["items"][0]["booking"]["childId"] == str(world.pupil.id)
    assert await _count(session, AuditEvent) == before + 1


async def test_booking_twice_is_a_conflict_and_stores_nothing(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    classmate = await make_child(session, world.centre, group=world.group, given_name="Kim")
    await make_placement(session, classmate, world.school)
    await make_guardian(session, classmate, world.outsider_parent)
    slots = await _publish(client, world)
    path = f"/talk-slots/{slots[0]['id']}/booking"
    assert (await client.post(path, headers=world.headers("parent"), json={})).status_code == 201
    again = await client.post(path, headers=world.headers("parent_without_authority"), json={})
    assert again.status_code == 409
    assert again.headers["content-type"] == "application/problem+json"
    assert again.json()["reason"] == "slotTaken"
    # another family of the group: the slot is taken, whose talk it is stays hidden
    other = world.headers("outsider_parent")
    lost = await client.post(path, headers=other, json={})
    assert lost.status_code == 409 and lost.json()["reason"] == "slotTaken"
    seen = await client.get(f"/talk-slots/{slots[0]['id']}", headers=other)
    assert seen.json()["status"] == "booked" and seen.json()["booking"] is None
    assert str(world.pupil.id) not in seen.text
    assert (await client.get(f"{path}/calendar", headers=other)).status_code == 404
    assert (await client.delete(path, headers=other)).status_code == 404
    listed = await client.get("/talk-slots", headers=other)
    assert slots[0]["id"] not in [s["id"] for s in listed.json()["items"]]
    second = await client.post(
        f"/talk-slots/{slots[1]['id']}/booking", headers=world.headers("parent"), json={}
    )
    assert second.status_code == 409 and second.json()["reason"] == "childAlreadyBooked"
    assert await _count(session, TalkBooking) == 1


async def test_a_slot_not_offered_is_404_and_other_bad_bookings_400(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    slots = await _publish(client, world)
    path = f"/talk-slots/{slots[0]['id']}/booking"
    for who in ("outsider_parent", "other_admin"):
        response = await client.post(path, headers=world.headers(who), json={})
        assert response.status_code == 404, who
    assert (await client.post(path, json={})).status_code == 401
    # the publisher does not book their own slot
    assert (await client.post(path, headers=world.headers("teacher"), json={})).status_code == 403
    wrong = await client.post(
        path, headers=world.headers("parent"), json={"childId": str(world.toddler.id)}
    )
    assert wrong.status_code == 400 and wrong.json()["errors"][0]["location"] == "#/childId"
    # two children offered: say which
    sibling = await make_child(session, world.centre, group=world.group, given_name="Sara")
    await make_placement(session, sibling, world.school)
    await make_guardian(session, sibling, world.parent)
    both = await _publish(client, world, hours=96)
    choose = await client.post(
        f"/talk-slots/{both[0]['id']}/booking", headers=world.headers("parent"), json={}
    )
    assert choose.status_code == 400 and choose.json()["errors"][0]["code"] == "childRequired"
    chosen = await client.post(
        f"/talk-slots/{both[0]['id']}/booking",
        headers=world.headers("parent"),
        json={"childId": str(sibling.id)},
    )
    assert chosen.status_code == 201 and chosen.json()["booking"]["childGivenName"] == "Sara"
    assert await _count(session, TalkBooking) == 1


async def test_cancelling_until_the_deadline(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    # a talk in 30 hours, cancel at most 48 hours before: the family is too late already
    late = await _publish(client, world, hours=30, count=1, cancelBeforeHours=48)
    path = f"/talk-slots/{late[0]['id']}/booking"
    assert (await client.post(path, headers=world.headers("parent"), json={})).status_code == 201
    refused = await client.delete(path, headers=world.headers("parent"))
    assert refused.status_code == 409 and refused.json()["reason"] == "cancelDeadlinePassed"
    assert await _count(session, TalkBooking) == 1
    # the teacher can still cancel; the family is notified and the slot is open again
    assert (await client.delete(path, headers=world.headers("outsider_parent"))).status_code == 404
    assert (await client.delete(path, headers=world.headers("teacher"))).status_code == 204
    assert await _count(session, TalkBooking) == 0
    told = await session.scalars(
        select(Notification.kind).where(Notification.user_id == world.parent.id)
    )
    assert NotificationKind.TALK_CANCELLED in list(told)
    assert (await client.delete(path, headers=world.headers("teacher"))).status_code == 404

    early = await _publish(client, world, hours=100, count=1)
    path = f"/talk-slots/{early[0]['id']}/booking"
    assert (await client.post(path, headers=world.headers("parent"), json={})).status_code == 201
    assert (await client.delete(path, headers=world.headers("parent"))).status_code == 204
    told = await session.scalars(
        select(Notification.kind).where(Notification.user_id == world.teacher.id)
    )
    assert NotificationKind.TALK_CANCELLED in list(told)


async def test_the_invitation_for_both_sides(client: httpx.AsyncClient, world: World) -> None:
    slots = await _publish(client, world, count=2)
    path = f"/talk-slots/{slots[0]['id']}/booking/calendar"
    assert (await client.get(path, headers=world.headers("parent"))).status_code == 404  # open
    await client.post(
        f"/talk-slots/{slots[0]['id']}/booking", headers=world.headers("parent"), json={}
    )
    for who in ("parent", "parent_without_authority", "teacher"):
        response = await client.get(path, headers=world.headers(who))
        assert response.status_code == 200, who
        assert response.headers["content-type"].startswith("text/calendar")
        assert "BEGIN:VEVENT" in response.text and "Oudergesprek over Pim" in response.text
        assert "DTSTART:" in response.text
    assert (await client.get(path, headers=world.headers("outsider_parent"))).status_code == 404
    assert (await client.get(path)).status_code == 401


async def test_a_slot_holds_a_room_and_frees_it_when_withdrawn(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    building = Building(tenant_id=world.tenant.id, centre_id=world.centre.id, name="Hoofdgebouw")
    session.add(building)
    await session.flush()
    room = Room(
        tenant_id=world.tenant.id,
        building_id=building.id,
        name="Lokaal 6",
        type=RoomType.CLASSROOM,
        owner_organisation_id=world.school.id,
        features=[],
        opening_hours={},
        bookable_by=[],
        needs_approval=False,
    )
    session.add(room)
    await session.flush()
    slots = await _publish(client, world, count=2, roomId=str(room.id))
    assert slots[0]["roomName"] == "Lokaal 6"
    held = (await session.scalars(select(Booking).where(Booking.room_id == room.id))).all()
    assert len(held) == 2 and all(b.purpose == "Oudergesprek" for b in held)
    # the same times again: the room is taken
    taken = await client.post(
        "/talk-slots",
        headers=world.headers("teacher"),
        json=_series(world, count=1, roomId=str(room.id)),
    )
    assert taken.status_code == 409 and taken.json()["conflicts"]
    assert await _count(session, TalkSlot) == 2
    # withdrawing a slot cancels its room booking
    withdraw = f"/talk-slots/{slots[0]['id']}"
    assert (await client.delete(withdraw, headers=world.headers("parent"))).status_code == 403
    assert (await client.delete(withdraw, headers=world.headers("other_admin"))).status_code == 404
    assert (
        await client.delete(f"/talk-slots/{slots[0]['id']}", headers=world.headers("teacher"))
    ).status_code == 204
    statuses = await session.scalars(
        select(Booking.status).where(Booking.room_id == room.id).order_by(Booking.starts_at)
    )
    assert list(statuses) == [BookingStatus.CANCELLED, BookingStatus.CONFIRMED]


async def test_publishing_rules(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    def post(who: str, body: dict) -> object:
        return client.post("/talk-slots", headers=world.headers(who), json=body)

    refused = await post("pm", _series(world))
    assert refused.status_code == 400 and refused.json()["errors"][0]["location"] == "#/groupId"
    past = await post("teacher", _series(world, hours=-2))
    assert past.status_code == 400 and past.json()["errors"][0]["code"] == "inThePast"
    both = await post("teacher", {**_series(world), "childIds": [str(world.pupil.id)]})
    assert both.status_code == 400
    overlap = await post(
        "teacher",
        {
            "groupId": str(world.group.id),
            "times": [
                {"startsAt": _at(50).isoformat(), "endsAt": _at(51).isoformat()},
                {"startsAt": _at(50.5).isoformat(), "endsAt": _at(52).isoformat()},
            ],
        },
    )
    assert overlap.status_code == 400 and overlap.json()["errors"][0]["code"] == "overlapping"
    not_mine = await post(
        "teacher",
        {
            "childIds": [str(world.toddler.id), str(world.other_child.id)],
            "series": _series(world)["series"],
        },
    )
    assert not_mine.status_code == 400
    assert {e["location"] for e in not_mine.json()["errors"]} == {"#/childIds/0", "#/childIds/1"}
    assert (await post("parent", _series(world))).status_code == 403
    assert (await client.post("/talk-slots", json=_series(world))).status_code == 401
    assert await _count(session, TalkSlot) == 0
    # one family: the toddler's contact person plans a talk with the toddler's family
    await make_guardian(session, world.toddler, world.outsider_parent)
    one = await post(
        "pm", {"childIds": [str(world.toddler.id)], "series": _series(world)["series"]}
    )
    assert one.status_code == 201, one.text
    offered = await client.get("/talk-slots", headers=world.headers("outsider_parent"))
    assert len(offered.json()["items"]) == 3
    assert (await client.get("/talk-slots", headers=world.headers("parent"))).json()["items"] == []


async def test_the_publisher_sees_who_has_not_booked(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    slots = await _publish(client, world)
    path = "/talk-slots/unbooked-families"
    query = {"groupId": str(world.group.id)}
    before = await _count(session, AuditEvent)
    waiting = await client.get(path, headers=world.headers("teacher"), params=query)
    assert waiting.status_code == 200
    assert [(f["childId"], f["givenName"]) for f in waiting.json()] == [
        (str(world.pupil.id), "Pim")
    ]
    assert await _count(session, AuditEvent) == before + 1
    # someone else's planning is not theirs to see
    other = await client.get(path, headers=world.headers("centre_admin"), params=query)
    assert other.status_code == 200 and other.json() == []
    assert (
        await client.get(path, headers=world.headers("parent"), params=query)
    ).status_code == 403
    assert (await client.get(path, headers=world.headers("teacher"))).status_code == 400
    await client.post(
        f"/talk-slots/{slots[0]['id']}/booking", headers=world.headers("parent"), json={}
    )
    after = await client.get(path, headers=world.headers("teacher"), params=query)
    assert after.json() == []
