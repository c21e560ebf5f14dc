"""Handing a child over to a new contact person: the history, the note for the new one only,
the family and the new contact person told (in the app and by e-mail, without the note)."""

from datetime import date

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.notification.models import Notification, NotificationKind
from kindcentraal.outbox.models import OutboxMail
from tests.backend.factories import World, make_child, make_guardian, make_placement

NOTE = "Moeder belt liever na drie uur; zie het plan over de spraakontwikkeling."


async def _assign(client: httpx.AsyncClient, world: World, body: dict[str, str]) -> httpx.Response:
    return await client.put(
        f"/children/{world.pupil.id}/contact-person",
        json=body,
        headers=world.headers("school_admin"),
    )


async def test_handover_keeps_history_and_shows_the_note_only_to_the_new_contact_person(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    first = await _assign(client, world, {"userId": str(world.teacher.id)})
    assert first.status_code == 200, first.text
    # A handover from someone to someone else asks for a note.
    for missing in (
        {"userId": str(world.pm.id)},
        {"userId": str(world.pm.id), "handoverNote": "  "},
    ):
        refused = await _assign(client, world, missing)
        assert refused.status_code == 400
        assert refused.json()["errors"][0]["location"] == "#/handoverNote"
    assert (
        await client.get(
            f"/children/{world.pupil.id}/contact-person", headers=world.headers("parent")
        )
    ).json()["userId"] == str(world.teacher.id)  # nothing changed

    too_long = await _assign(
        client, world, {"userId": str(world.pm.id), "handoverNote": "x" * 5001}
    )
    assert too_long.status_code == 400
    handed = await _assign(client, world, {"userId": str(world.pm.id), "handoverNote": NOTE})
    assert handed.status_code == 200, handed.text
    assert handed.json()["userId"] == str(world.pm.id)

    url = f"/children/{world.pupil.id}/contact-person/history"
    seen_by_new = (await client.get(url, headers=world.headers("pm"))).json()
    assert [p["contactPerson"]["userId"] for p in seen_by_new] == [
        str(world.pm.id),
        str(world.teacher.id),
    ]
    assert seen_by_new[0]["handoverNote"] == NOTE
    assert seen_by_new[0]["endedAt"] is None
    assert seen_by_new[1]["endedAt"] == seen_by_new[0]["startedAt"]
    assert seen_by_new[0]["assignedBy"]["userId"] == str(world.school_admin.id)
    for who in ("parent", "school_admin", "teacher", "centre_admin"):
        response = await client.get(url, headers=world.headers(who))
        assert response.status_code == 200, who
        assert [p["handoverNote"] for p in response.json()] == [None, None], who
        assert NOTE not in response.text
    assert (await client.get(url, headers=world.headers("outsider_parent"))).status_code == 404


async def test_handover_tells_guardians_and_the_new_contact_person_without_the_note(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    await _assign(client, world, {"userId": str(world.teacher.id)})
    await _assign(client, world, {"userId": str(world.pm.id), "handoverNote": NOTE})
    kinds = {
        (n.user_id, n.kind)
        for n in await session.scalars(
            select(Notification).where(Notification.child_id == world.pupil.id)
        )
    }
    assert (world.parent.id, NotificationKind.CONTACT_PERSON_CHANGED) in kinds
    assert (world.parent_without_authority.id, NotificationKind.CONTACT_PERSON_CHANGED) in kinds
    assert (world.pm.id, NotificationKind.HANDOVER_RECEIVED) in kinds
    mails = list(await session.scalars(select(OutboxMail)))
    addressed = {mail.to_address: mail for mail in mails}
    assert world.pm.email in addressed
    assert world.parent.email in addressed
    for mail in mails:
        assert "Moeder" not in mail.body and "plan" not in mail.body
        assert world.pupil.family_name not in mail.body + mail.subject
        assert world.pupil.given_name in mail.subject


async def test_the_answer_offers_the_siblings_the_caller_may_manage(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    sister = await make_child(
        session, world.centre, group=world.group, given_name="Sara", date_of_birth=date(2015, 1, 1)
    )
    await make_guardian(session, sister, world.parent)
    await make_placement(session, sister, world.school)
    stranger = await make_child(session, world.centre, group=world.group, given_name="Tom")
    await session.flush()
    response = await _assign(client, world, {"userId": str(world.teacher.id)})
    siblings = response.json()["siblings"]
    assert [s["childId"] for s in siblings] == [str(sister.id)]
    assert siblings[0]["givenName"] == "Sara"
    assert siblings[0]["contactPerson"] is None
    assert str(stranger.id) not in response.text
