"""Threads between a child's guardians and its contact person, over real HTTP."""

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit.models import AuditEvent
from kindcentraal.consent.models import Consent, ConsentPurpose
from kindcentraal.messages import service as messages
from kindcentraal.messages.models import Message, MessageThread, ThreadParticipant
from kindcentraal.notification.models import Notification, NotificationKind
from tests.backend.factories import World, make_child, make_guardian, make_user
from tests.backend.family.helpers import logopedist_on_the_team
from tests.backend.messages.helpers import open_thread


async def _count(session: AsyncSession, model: type) -> int:
    return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def _events(session: AsyncSession, resource: str = "messages") -> list[AuditEvent]:
    rows = await session.scalars(
        select(AuditEvent)
        .where(AuditEvent.resource == resource)
        .order_by(AuditEvent.occurred_at, AuditEvent.id)
        .execution_options(populate_existing=True)
    )
    return list(rows.all())


async def _with_contact_person(world: World, session: AsyncSession) -> None:
    world.pupil.contact_person_id = world.teacher.id
    world.pupil.contact_person_since = datetime.now(UTC)
    await session.flush()


async def _unread(client: httpx.AsyncClient, world: World, who: str) -> int:
    response = await client.get("/threads/unread-count", headers=world.headers(who))
    assert response.status_code == 200, response.text
    count: int = response.json()["unreadCount"]
    return count


async def _answer(
    client: httpx.AsyncClient, world: World, thread: dict[str, Any], who: str, text: str
) -> httpx.Response:
    return await client.post(
        f"/threads/{thread['id']}/messages", json={"text": text}, headers=world.headers(who)
    )


async def test_a_guardian_opens_a_thread_with_the_contact_person(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    await _with_contact_person(world, session)
    thread = await open_thread(client, world)
    assert thread["subject"] == "Gymles"
    assert thread["child"] == {"id": str(world.pupil.id), "givenName": "Pim"}
    assert sorted(p["userId"] for p in thread["participants"]) == sorted(
        [str(world.parent.id), str(world.teacher.id)]
    )
    [message] = thread["messages"]
    assert message["text"] == "Pim mag niet gymmen deze week."
    assert message["authorId"] == str(world.parent.id)
    assert message["withdrawn"] is False
    assert message["readBy"] == []
    assert thread["unreadCount"] == 0
    # The contact person is notified; the writer is not.
    notified = (
        await session.scalars(
            select(Notification.user_id).where(
                Notification.kind == NotificationKind.MESSAGE_RECEIVED,
                Notification.child_id == world.pupil.id,
            )
        )
    ).all()
    assert notified == [world.teacher.id]
    [event] = await _events(session)
    assert (event.action, event.actor_user_id) == ("create", world.parent.id)


async def test_without_a_contact_person_a_guardian_gets_a_field_error_and_nothing_is_stored(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    response = await client.post(
        f"/children/{world.pupil.id}/threads",
        json={"subject": "Vraag", "text": "Hallo"},
        headers=world.headers("parent"),
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    [error] = response.json()["errors"]
    assert (error["in"], error["location"], error["code"]) == (
        "path",
        "childId",
        "no_contact_person",
    )
    assert await _count(session, MessageThread) == 0
    assert await _count(session, Message) == 0


async def test_the_contact_person_writes_to_the_guardians_all_or_some(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    await _with_contact_person(world, session)
    everyone = await open_thread(client, world, "teacher")
    assert sorted(p["userId"] for p in everyone["participants"]) == sorted(
        map(str, [world.teacher.id, world.parent.id, world.parent_without_authority.id])
    )
    guardians = (
        await client.get(f"/children/{world.pupil.id}/guardians", headers=world.headers("teacher"))
    ).json()
    with_authority = next(g["id"] for g in guardians if g["hasParentalAuthority"])
    some = await open_thread(client, world, "teacher", guardianIds=[with_authority])
    assert sorted(p["userId"] for p in some["participants"]) == sorted(
        map(str, [world.teacher.id, world.parent.id])
    )
    # The guardian left out does not see that thread.
    hidden = await client.get(
        f"/threads/{some['id']}", headers=world.headers("parent_without_authority")
    )
    assert hidden.status_code == 404
    # A guardian of another child is no choice; a guardian may not choose at all.
    wrong = await client.post(
        f"/children/{world.pupil.id}/threads",
        json={"subject": "x", "text": "y", "guardianIds": [everyone["id"]]},
        headers=world.headers("teacher"),
    )
    assert wrong.status_code == 400
    assert wrong.json()["errors"][0]["location"] == "#/guardianIds/0"
    by_parent = await client.post(
        f"/children/{world.pupil.id}/threads",
        json={"subject": "x", "text": "y", "guardianIds": [with_authority]},
        headers=world.headers("parent"),
    )
    assert by_parent.status_code == 400
    assert by_parent.json()["errors"][0]["location"] == "#/guardianIds"


async def test_who_may_open_a_thread(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    await _with_contact_person(world, session)
    body = {"subject": "Vraag", "text": "Hallo"}
    cases = {
        "school_admin": (world.pupil.id, 403),  # sees the child, is no party to it
        "centre_admin": (world.pupil.id, 403),
        "outsider_parent": (world.pupil.id, 404),
        "analyst": (world.pupil.id, 404),
        "other_teacher": (world.pupil.id, 404),
        "parent": (world.other_child.id, 404),
    }
    for who, (child_id, expected) in cases.items():
        response = await client.post(
            f"/children/{child_id}/threads", json=body, headers=world.headers(who)
        )
        assert response.status_code == expected, (who, response.text)
    anonymous = await client.post(f"/children/{world.pupil.id}/threads", json=body)
    assert anonymous.status_code == 401
    assert await _count(session, MessageThread) == 0


async def test_text_must_have_1_to_5000_characters(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    await _with_contact_person(world, session)
    thread = await open_thread(client, world)
    for text in ("", "   \n\t ", "x" * 5001):
        response = await _answer(client, world, thread, "teacher", text)
        assert response.status_code == 400, repr(text[:10])
        assert response.json()["errors"][0]["location"] == "#/text"
        opened = await client.post(
            f"/children/{world.pupil.id}/threads",
            json={"subject": "Vraag", "text": text},
            headers=world.headers("parent"),
        )
        assert opened.status_code == 400
        assert opened.json()["errors"][0]["location"] == "#/text"
    blank_subject = await client.post(
        f"/children/{world.pupil.id}/threads",
        json={"subject": "  ", "text": "Hallo"},
        headers=world.headers("parent"),
    )
    assert blank_subject.json()["errors"][0]["location"] == "#/subject"
    assert await _count(session, Message) == 1
    longest = await _answer(client, world, thread, "teacher", "x" * 5000)
    assert longest.status_code == 201
    assert len(longest.json()["text"]) == 5000


async def test_a_message_to_a_thread_one_may_not_see_is_404_and_nothing_is_stored(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    await _with_contact_person(world, session)
    thread = await open_thread(client, world)
    before = await _count(session, Message)
    for who in ("parent_without_authority", "school_admin", "centre_admin", "other_admin"):
        response = await _answer(client, world, thread, who, "Mag ik meelezen?")
        assert response.status_code == 404, who
        assert response.headers["content-type"] == "application/problem+json"
        read = await client.get(f"/threads/{thread['id']}", headers=world.headers(who))
        assert read.status_code == 404, who
    assert await _count(session, Message) == before
    assert await _count(session, ThreadParticipant) == 2


async def test_answers_unread_counts_and_read_receipts(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    await _with_contact_person(world, session)
    thread = await open_thread(client, world)
    assert await _unread(client, world, "teacher") == 1
    assert await _unread(client, world, "parent") == 0
    answer = await _answer(client, world, thread, "teacher", "Dank voor het melden.")
    assert answer.status_code == 201, answer.text
    await _answer(client, world, thread, "teacher", "Hij kan wel meekijken.")
    assert await _unread(client, world, "parent") == 2
    # Answering reads what came before.
    assert await _unread(client, world, "teacher") == 0
    listed = (await client.get("/threads", headers=world.headers("parent"))).json()
    assert [(t["id"], t["unreadCount"]) for t in listed["items"]] == [(thread["id"], 2)]
    # GET never marks read.
    read = await client.get(f"/threads/{thread['id']}", headers=world.headers("parent"))
    assert read.status_code == 200
    assert await _unread(client, world, "parent") == 2
    marked = await client.post(f"/threads/{thread['id']}/read", headers=world.headers("parent"))
    assert marked.status_code == 204
    assert await _unread(client, world, "parent") == 0
    assert await _unread(client, world, "teacher") == 0
    messages_read = (
        await client.get(f"/threads/{thread['id']}", headers=world.headers("teacher"))
    ).json()["messages"]
    first, second, third = messages_read
    [by_teacher] = first["readBy"]  # read by answering it
    assert by_teacher["userId"] == str(world.teacher.id)
    for message in (second, third):
        [receipt] = message["readBy"]
        assert receipt["userId"] == str(world.parent.id)
        assert receipt["displayName"] == world.parent.display_name
        assert receipt["readAt"] >= message["createdAt"]
    # A second mark keeps the first read time.
    await client.post(f"/threads/{thread['id']}/read", headers=world.headers("parent"))
    again = (await client.get(f"/threads/{thread['id']}", headers=world.headers("parent"))).json()
    assert again["messages"][1]["readBy"] == second["readBy"]
    assert (
        await client.post(f"/threads/{thread['id']}/read", headers=world.headers("outsider_parent"))
    ).status_code == 404


async def test_withdrawal_leaves_a_stub_and_keeps_the_text(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    await _with_contact_person(world, session)
    thread = await open_thread(client, world)
    message_id = thread["messages"][0]["id"]
    url = f"/threads/{thread['id']}/messages/{message_id}/withdrawal"
    assert (await client.post(url, headers=world.headers("teacher"))).status_code == 403
    withdrawn = await client.post(url, headers=world.headers("parent"))
    assert withdrawn.status_code == 200, withdrawn.text
    stub = withdrawn.json()
    assert (stub["withdrawn"], stub["text"], stub["attachments"]) == (True, None, [])
    assert (await client.post(url, headers=world.headers("parent"))).status_code == 409
    seen = (await client.get(f"/threads/{thread['id']}", headers=world.headers("teacher"))).json()
    assert seen["messages"][0]["withdrawn"] is True
    assert seen["messages"][0]["text"] is None
    assert seen["messages"][0]["authorId"] == str(world.parent.id)
    stored = await session.scalar(
        select(Message.text)
        .where(Message.thread_id == uuid.UUID(thread["id"]))
        .execution_options(populate_existing=True)
    )
    assert stored == "Pim mag niet gymmen deze week."
    # A withdrawn message no longer counts as unread, and is not found by search.
    assert await _unread(client, world, "teacher") == 0
    found = await client.get("/threads", params={"q": "gymmen"}, headers=world.headers("parent"))
    assert found.json()["items"] == []
    unknown = f"/threads/{thread['id']}/messages/{thread['id']}/withdrawal"
    assert (await client.post(unknown, headers=world.headers("parent"))).status_code == 404


async def test_search_finds_only_within_ones_own_threads(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    await _with_contact_person(world, session)
    own = await open_thread(client, world, subject="Zwemles", text="Het ZWEMdiploma: 50% klaar")
    other = await open_thread(
        client, world, "parent_without_authority", subject="Zwemmen", text="Ook zwemles_b?"
    )

    async def search(who: str, q: str) -> list[str]:
        response = await client.get("/threads", params={"q": q}, headers=world.headers(who))
        assert response.status_code == 200, response.text
        return [t["id"] for t in response.json()["items"]]

    assert await search("parent", "zwem") == [own["id"]]
    assert await search("parent", "DIPLOMA") == [own["id"]]  # text, case-insensitive
    assert await search("parent", "50%") == [own["id"]]
    assert await search("parent", "%") == [own["id"]]  # literal: only the text with a %
    assert await search("parent_without_authority", "%") == []
    assert await search("parent_without_authority", "zwem_es") == []  # _ is no wildcard
    assert await search("parent_without_authority", "s_b?") == [other["id"]]
    assert await search("parent", "zwemles_b") == []
    assert sorted(await search("teacher", "zwem")) == sorted([own["id"], other["id"]])
    assert await search("outsider_parent", "zwem") == []


async def test_the_list_newest_activity_first_filtered_by_child_and_paginated(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    await _with_contact_person(world, session)
    sibling = await make_child(session, world.centre, given_name="Sara")
    await make_guardian(session, sibling, world.parent)
    sibling.contact_person_id = world.teacher.id
    await session.flush()
    first = await open_thread(client, world, subject="Een")
    second = await open_thread(client, world, subject="Twee")
    response = await client.post(
        f"/children/{sibling.id}/threads",
        json={"subject": "Drie", "text": "Over Sara"},
        headers=world.headers("parent"),
    )
    third = response.json()
    await _answer(client, world, first, "teacher", "Eerste weer bovenaan")
    page = (await client.get("/threads", headers=world.headers("parent"))).json()
    assert [t["subject"] for t in page["items"]] == ["Een", "Drie", "Twee"]
    assert page["nextCursor"] is None
    top = page["items"][0]
    assert top["child"] == {"id": str(world.pupil.id), "givenName": "Pim"}
    assert {p["displayName"] for p in top["participants"]} == {
        world.parent.display_name,
        world.teacher.display_name,
    }
    one = (
        await client.get("/threads", params={"limit": 1}, headers=world.headers("parent"))
    ).json()
    assert [t["id"] for t in one["items"]] == [first["id"]]
    rest = (
        await client.get(
            "/threads",
            params={"limit": 2, "cursor": one["nextCursor"]},
            headers=world.headers("parent"),
        )
    ).json()
    assert [t["id"] for t in rest["items"]] == [third["id"], second["id"]]
    only = (
        await client.get(
            "/threads", params={"childId": str(sibling.id)}, headers=world.headers("parent")
        )
    ).json()
    assert [t["id"] for t in only["items"]] == [third["id"]]
    bad = await client.get(
        "/threads", params={"cursor": "nonsense"}, headers=world.headers("parent")
    )
    assert bad.status_code == 400


async def test_staff_see_the_threads_of_children_they_are_contact_person_for_or_take_part_in(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    await _with_contact_person(world, session)
    thread = await open_thread(client, world)
    for who, visible in {
        "teacher": True,  # contact person and participant
        "school_admin": False,  # sees the child, not its messages
        "centre_admin": False,
        "pm": False,
        "logopedist": False,
        "other_admin": False,
    }.items():
        listed = (await client.get("/threads", headers=world.headers(who))).json()["items"]
        assert ([t["id"] for t in listed] == [thread["id"]]) is visible, who
        read = await client.get(f"/threads/{thread['id']}", headers=world.headers(who))
        assert read.status_code == (200 if visible else 404), who
    # A new contact person sees the child's threads even before they take part.
    world.pupil.contact_person_id = world.school_admin.id
    await session.flush()
    assert (
        await client.get(f"/threads/{thread['id']}", headers=world.headers("school_admin"))
    ).status_code == 200
    assert (
        await client.get(f"/threads/{thread['id']}", headers=world.headers("teacher"))
    ).status_code == 200  # still a participant who relates to the child (placement)


async def test_every_read_is_in_the_access_log(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    await _with_contact_person(world, session)
    thread = await open_thread(client, world)
    before = len(await _events(session))
    assert (
        await client.get(f"/threads/{thread['id']}", headers=world.headers("teacher"))
    ).status_code == 200
    assert (await client.get("/threads", headers=world.headers("teacher"))).status_code == 200
    events = (await _events(session))[before:]
    assert [(e.action, e.actor_user_id) for e in events] == [
        ("read", world.teacher.id),
        ("list", world.teacher.id),
    ]
    assert all(e.child_ids == [str(world.pupil.id)] for e in events)
    # An empty list names no child and writes no event.
    await client.get("/threads", headers=world.headers("pm"))
    assert len(await _events(session)) == before + 2


async def _consent_for_care(world: World, session: AsyncSession) -> None:
    session.add(
        Consent(
            tenant_id=world.tenant.id,
            child_id=world.pupil.id,
            organisation_id=world.care.id,
            purpose=ConsentPurpose.CARE_TEAM,
            given_by_id=world.parent.id,
            child_also_consented=False,
            given_at=datetime.now(UTC) - timedelta(days=1),
        )
    )
    await session.flush()


async def test_care_team_members_join_only_with_the_guardians_consent(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    await _with_contact_person(world, session)
    session.add(logopedist_on_the_team(world))
    await session.flush()
    thread = await open_thread(client, world, "teacher")
    url = f"/threads/{thread['id']}/participants"
    body = {"userId": str(world.logopedist.id)}
    refused = await client.post(url, json=body, headers=world.headers("parent"))
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["location"] == "#/userId"
    await _consent_for_care(world, session)
    # A guardian without parental authority may not add; a stranger is no care-team member.
    assert (
        await client.post(url, json=body, headers=world.headers("parent_without_authority"))
    ).status_code == 403
    stranger = await client.post(
        url, json={"userId": str(world.pm.id)}, headers=world.headers("parent")
    )
    assert stranger.status_code == 400
    added = await client.post(url, json=body, headers=world.headers("parent"))
    assert added.status_code == 201, added.text
    assert added.json()["userId"] == str(world.logopedist.id)
    assert (await client.post(url, json=body, headers=world.headers("teacher"))).status_code == 409
    seen = await client.get(f"/threads/{thread['id']}", headers=world.headers("logopedist"))
    assert seen.status_code == 200
    answer = await _answer(client, world, thread, "logopedist", "Ik kijk mee.")
    assert answer.status_code == 201
    # Consent withdrawn: the thread is out of sight at once.
    consent = await session.scalar(select(Consent).where(Consent.child_id == world.pupil.id))
    assert consent is not None
    consent.withdrawn_at = datetime.now(UTC)
    await session.flush()
    gone = await client.get(f"/threads/{thread['id']}", headers=world.headers("logopedist"))
    assert gone.status_code == 404
    assert await _unread(client, world, "logopedist") == 0


async def test_move_open_threads_hands_the_threads_to_the_new_contact_person(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    await _with_contact_person(world, session)
    successor = await make_user(session, world.tenant)
    first = await open_thread(client, world)
    second = await open_thread(client, world, "parent_without_authority")
    await _answer(client, world, first, "teacher", "Ik ben er nog even.")
    closed = await open_thread(client, world, subject="Oud")
    await session.execute(
        MessageThread.__table__.update()
        .where(MessageThread.id == uuid.UUID(closed["id"]))
        .values(closed_at=datetime.now(UTC))
    )
    moved = await messages.move_open_threads(
        session,
        tenant_id=world.tenant.id,
        child_id=world.pupil.id,
        from_user_id=world.teacher.id,
        to_user_id=successor.id,
    )
    assert moved == 2
    world.pupil.contact_person_id = successor.id
    world.teacher.display_name = world.teacher.display_name  # unchanged author name
    await session.flush()
    rows = (
        await session.execute(
            select(
                ThreadParticipant.thread_id, ThreadParticipant.user_id, ThreadParticipant.left_at
            )
            .where(ThreadParticipant.user_id.in_([world.teacher.id, successor.id]))
            .execution_options(populate_existing=True)
        )
    ).all()
    state = {(str(t), u): left is None for t, u, left in rows}
    for thread in (first, second):
        assert state[(thread["id"], world.teacher.id)] is False  # left
        assert state[(thread["id"], successor.id)] is True  # joined
    assert state[(closed["id"], world.teacher.id)] is True  # a closed thread stays as it was
    assert (closed["id"], successor.id) not in state
    # The old contact person's messages stay, with their name.
    read = await client.get(f"/threads/{first['id']}", headers=world.headers("parent"))
    authors = [m["authorId"] for m in read.json()["messages"]]
    assert authors == [str(world.parent.id), str(world.teacher.id)]
    assert {p["userId"] for p in read.json()["participants"]} == {
        str(world.parent.id),
        str(successor.id),
    }
    # Moving again moves nothing; the same person: nothing.
    assert (
        await messages.move_open_threads(
            session,
            tenant_id=world.tenant.id,
            child_id=world.pupil.id,
            from_user_id=world.teacher.id,
            to_user_id=successor.id,
        )
        == 0
    )
    assert (
        await messages.move_open_threads(
            session,
            tenant_id=world.tenant.id,
            child_id=world.pupil.id,
            from_user_id=successor.id,
            to_user_id=successor.id,
        )
        == 0
    )
    # Back to the old one: their row is reused (rejoined), not duplicated.
    assert (
        await messages.move_open_threads(
            session,
            tenant_id=world.tenant.id,
            child_id=world.pupil.id,
            from_user_id=successor.id,
            to_user_id=world.teacher.id,
        )
        == 2
    )
    teacher_rows = await session.scalar(
        select(func.count())
        .select_from(ThreadParticipant)
        .where(ThreadParticipant.user_id == world.teacher.id, ThreadParticipant.left_at.is_(None))
    )
    assert teacher_rows == 3
    assert date.today()  # keep date imported for readability of the fixtures above


async def test_the_contact_person_closes_a_thread_and_opens_it_again(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    await _with_contact_person(world, session)
    thread = await open_thread(client, world)
    url = f"/threads/{thread['id']}/closure"
    for who, can in (("teacher", True), ("parent", False)):
        read = await client.get(f"/threads/{thread['id']}", headers=world.headers(who))
        assert read.json()["canClose"] is can, who
    # The guardian sees the thread but does not close it; an outsider does not see it.
    assert (await client.post(url, headers=world.headers("parent"))).status_code == 403
    assert (await client.post(url, headers=world.headers("outsider_parent"))).status_code == 404
    events = len(await _events(session))
    closed = await client.post(url, headers=world.headers("teacher"))
    assert closed.status_code == 200, closed.text
    assert closed.json()["closed"] is True
    assert len(await _events(session)) == events + 1
    assert (await client.post(url, headers=world.headers("teacher"))).json()["closed"] is True
    listed = (await client.get("/threads", headers=world.headers("parent"))).json()["items"]
    assert [t["closed"] for t in listed] == [True]
    # A closed thread takes no message (a new question is a new thread), and nothing is stored.
    before = await _count(session, Message)
    refused = await _answer(client, world, thread, "parent", "Nog een vraag.")
    assert refused.status_code == 409
    assert await _count(session, Message) == before
    # It stays with its participants at a handover.
    successor = await make_user(session, world.tenant)
    moved = await messages.move_open_threads(
        session,
        tenant_id=world.tenant.id,
        child_id=world.pupil.id,
        from_user_id=world.teacher.id,
        to_user_id=successor.id,
    )
    assert moved == 0
    reopened = await client.delete(url, headers=world.headers("teacher"))
    assert reopened.status_code == 200 and reopened.json()["closed"] is False
    assert (await _answer(client, world, thread, "parent", "Nog een vraag.")).status_code == 201
