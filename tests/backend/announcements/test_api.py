"""Announcements over real HTTP: who sends to which audience, one item per family labelled
with their children, read and confirm, and who read it (in the access log)."""

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.announcements.models import Announcement
from kindcentraal.audit.models import AuditEvent
from kindcentraal.notification.models import Notification, NotificationKind
from kindcentraal.placement.models import PlacementKind
from tests.backend.factories import (
    World,
    make_child,
    make_group,
    make_guardian,
    make_placement,
)


async def _count(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Announcement)) or 0)


def _body(**extra: object) -> dict[str, object]:
    return {"title": "Schoolreisje", "text": "Vrijdag gaan we naar het bos.", **extra}


async def _feed(client: httpx.AsyncClient, world: World, who: str) -> list[dict]:
    response = await client.get("/announcements", headers=world.headers(who))
    assert response.status_code == 200, response.text
    return response.json()["items"]


async def test_a_teacher_tells_the_families_of_their_group(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    sent = await client.post(
        "/announcements", headers=world.headers("teacher"), json=_body(groupId=str(world.group.id))
    )
    assert sent.status_code == 201, sent.text
    assert sent.json()["counts"] == {"recipients": 2, "read": 0, "confirmed": 0}
    assert sent.json()["audience"] == "group" and sent.json()["groupName"] == world.group.name
    for who in ("parent", "parent_without_authority"):
        (item,) = await _feed(client, world, who)
        assert item["title"] == "Schoolreisje"
        assert item["children"] == [{"id": str(world.pupil.id), "givenName": "Pim"}]
        assert item["read"] is False and item["counts"] is None
    assert await _feed(client, world, "outsider_parent") == []
    assert [a["id"] for a in await _feed(client, world, "teacher")] == [sent.json()["id"]]
    # the centre admin sees the centre's announcements; other staff do not
    assert len(await _feed(client, world, "centre_admin")) == 1
    assert await _feed(client, world, "pm") == []
    notified = await session.scalars(
        select(Notification.kind).where(Notification.user_id == world.parent.id)
    )
    assert list(notified) == [NotificationKind.ANNOUNCEMENT_PUBLISHED]
    # unseen: 404
    path = f"/announcements/{sent.json()['id']}"
    assert (await client.get(path, headers=world.headers("outsider_parent"))).status_code == 404
    assert (await client.get(path, headers=world.headers("other_admin"))).status_code == 404
    assert (await client.get(path, headers=world.headers("parent"))).status_code == 200
    assert (await client.get(path)).status_code == 401


async def test_an_announcement_to_a_group_one_does_not_work_with_is_refused(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    before = await _count(session)
    # the pedagogisch medewerker works for the childcare organisation, not the school's group
    refused = await client.post(
        "/announcements", headers=world.headers("pm"), json=_body(groupId=str(world.group.id))
    )
    assert refused.status_code == 400
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["errors"][0]["location"] == "#/groupId"
    assert refused.json()["errors"][0]["code"] == "notYourGroup"
    other_group = await make_group(session, world.other_centre, world.other_school)
    foreign = await client.post(
        "/announcements", headers=world.headers("teacher"), json=_body(groupId=str(other_group.id))
    )
    assert foreign.status_code == 400 and foreign.json()["errors"][0]["location"] == "#/groupId"
    centre = await client.post(
        "/announcements",
        headers=world.headers("teacher"),
        json=_body(centreId=str(world.centre.id)),
    )
    assert centre.status_code == 400 and centre.json()["errors"][0]["location"] == "#/centreId"
    for who in ("parent", "logopedist", "analyst"):
        response = await client.post(
            "/announcements", headers=world.headers(who), json=_body(groupId=str(world.group.id))
        )
        assert response.status_code == 403, who
    assert (await client.post("/announcements", json=_body())).status_code == 401
    assert await _count(session) == before


async def test_bad_bodies_are_400_with_the_field_named(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    group = str(world.group.id)
    cases = {
        "#/title": {"title": "", "text": "Tekst", "groupId": group},
        "#/text": {"title": "Titel", "text": "   ", "groupId": group},
        "#": {"title": "Titel", "text": "Tekst"},
    }
    for location, body in cases.items():
        response = await client.post("/announcements", headers=world.headers("teacher"), json=body)
        assert response.status_code == 400, body
        assert response.json()["errors"][0]["location"] == location, response.json()
    both = await client.post(
        "/announcements",
        headers=world.headers("centre_admin"),
        json=_body(groupId=group, centreId=str(world.centre.id)),
    )
    assert both.status_code == 400
    assert await _count(session) == 0


async def test_a_parent_with_children_in_two_groups_sees_it_once_with_both(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    group_3 = await make_group(session, world.centre, world.school, grade=3)
    sibling = await make_child(session, world.centre, group=group_3, given_name="Sara")
    await make_placement(session, sibling, world.school)
    await make_guardian(session, sibling, world.parent)
    sent = await client.post(
        "/announcements",
        headers=world.headers("centre_admin"),
        json=_body(centreId=str(world.centre.id), requiresConfirmation=True),
    )
    assert sent.status_code == 201, sent.text
    (item,) = await _feed(client, world, "parent")
    assert sorted(c["givenName"] for c in item["children"]) == ["Pim", "Sara"]
    assert item["requiresConfirmation"] is True and item["audience"] == "centre"
    # the toddler's family (childcare) is in the centre too; the ended placement is not
    assert sent.json()["counts"]["recipients"] == 2  # parent, parent_without_authority
    # ... a BSO group reaches the children whose placement names it
    bso = await make_group(session, world.centre, world.childcare, grade=None, name="BSO Uil")
    placement = await make_placement(
        session, sibling, world.childcare, kind=PlacementKind.OUT_OF_SCHOOL_CARE
    )
    placement.group_id = bso.id
    await session.flush()
    to_bso = await client.post(
        "/announcements", headers=world.headers("pm"), json=_body(groupId=str(bso.id))
    )
    assert to_bso.status_code == 201, to_bso.text
    newest = (await _feed(client, world, "parent"))[0]
    assert newest["id"] == to_bso.json()["id"]
    assert newest["children"] == [{"id": str(sibling.id), "givenName": "Sara"}]
    # the second guardian of Pim is no guardian of Sara: not a recipient of the BSO's news
    others = await _feed(client, world, "parent_without_authority")
    assert [a["id"] for a in others] == [sent.json()["id"]]


async def test_read_and_confirm_are_visible_to_the_sender(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    sent = await client.post(
        "/announcements",
        headers=world.headers("teacher"),
        json=_body(groupId=str(world.group.id), requiresConfirmation=True),
    )
    path = f"/announcements/{sent.json()['id']}"
    read = await client.post(f"{path}/read", headers=world.headers("parent_without_authority"))
    assert read.status_code == 200 and read.json()["read"] and not read.json()["confirmed"]
    confirmed = await client.post(f"{path}/confirmation", headers=world.headers("parent"))
    assert confirmed.status_code == 200
    assert confirmed.json()["read"] and confirmed.json()["confirmed"]
    # only recipients mark it; the unseen get 404
    assert (await client.post(f"{path}/read", headers=world.headers("teacher"))).status_code == 403
    outsider = world.headers("outsider_parent")
    assert (await client.post(f"{path}/confirmation", headers=outsider)).status_code == 404

    before = await session.scalar(
        select(func.count())
        .select_from(AuditEvent)
        .where(AuditEvent.resource == "announcement-recipients")
    )
    recipients = await client.get(f"{path}/recipients", headers=world.headers("teacher"))
    assert recipients.status_code == 200, recipients.text
    rows = {r["userId"]: r for r in recipients.json()["items"]}
    assert rows[str(world.parent.id)]["confirmedAt"] is not None
    assert rows[str(world.parent_without_authority.id)]["readAt"] is not None
    assert rows[str(world.parent_without_authority.id)]["confirmedAt"] is None
    assert rows[str(world.parent.id)]["children"] == [
        {"id": str(world.pupil.id), "givenName": "Pim"}
    ]
    after = await session.scalar(
        select(func.count())
        .select_from(AuditEvent)
        .where(AuditEvent.resource == "announcement-recipients")
    )
    assert after == (before or 0) + 1  # it names children: in their access log
    counted = await client.get(path, headers=world.headers("teacher"))
    assert counted.json()["counts"] == {"recipients": 2, "read": 2, "confirmed": 1}
    admin = await client.get(f"{path}/recipients", headers=world.headers("centre_admin"))
    assert admin.status_code == 200
    parent = await client.get(f"{path}/recipients", headers=world.headers("parent"))
    assert parent.status_code == 403
    assert (await client.get(f"{path}/recipients", headers=outsider)).status_code == 404


async def test_confirming_what_asks_no_confirmation_is_a_conflict(
    client: httpx.AsyncClient, world: World
) -> None:
    sent = await client.post(
        "/announcements", headers=world.headers("teacher"), json=_body(groupId=str(world.group.id))
    )
    path = f"/announcements/{sent.json()['id']}/confirmation"
    refused = await client.post(path, headers=world.headers("parent"))
    assert refused.status_code == 409
    assert refused.headers["content-type"] == "application/problem+json"
    again = await client.get(f"/announcements/{sent.json()['id']}", headers=world.headers("parent"))
    assert again.json()["confirmed"] is False and again.json()["read"] is False
