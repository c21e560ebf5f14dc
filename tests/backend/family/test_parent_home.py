"""The parent app's home, the child page parts it shows, the language per account, and the
access log grouped per visit."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit.models import AuditEvent
from kindcentraal.consent.models import TrajectoryType
from kindcentraal.notification.models import Notification, NotificationKind
from kindcentraal.support.models import SupportTrajectory, TrajectoryLocation, TrajectoryStatus
from tests.backend.factories import World, make_child, make_guardian
from tests.backend.family.helpers import logopedist_on_the_team


async def _events(session: AsyncSession, resource: str) -> list[AuditEvent]:
    rows = await session.scalars(
        select(AuditEvent)
        .where(AuditEvent.resource == resource)
        .order_by(AuditEvent.occurred_at, AuditEvent.id)
        .execution_options(populate_existing=True)
    )
    return list(rows.all())


async def test_home_shows_each_child_with_its_day_contact_person_and_actions(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    world.teacher.phone = "+31 35 123 4567"
    world.pupil.contact_person_id = world.teacher.id
    # An older sibling with the same parent, placed nowhere yet.
    sibling = await make_child(
        session, world.centre, given_name="Sara", date_of_birth=date(2014, 3, 1)
    )
    await make_guardian(session, sibling, world.parent)
    # The care provider is on the pupil's team without consent; support waits for consent.
    session.add(logopedist_on_the_team(world))
    session.add(
        SupportTrajectory(
            tenant_id=world.tenant.id,
            child_id=world.pupil.id,
            type=TrajectoryType.LOGOPEDIE,
            organisation_id=world.care.id,
            requested_by_id=world.teacher.id,
            reason="Spreekt moeilijk.",
            location=TrajectoryLocation.IN_CENTRE,
            status=TrajectoryStatus.REQUESTED,
            requested_at=datetime.now(UTC),
        )
    )
    await session.flush()

    response = await client.get("/me/home", headers=world.headers("parent"))
    assert response.status_code == 200, response.text
    home = response.json()
    names = [c["givenName"] for c in home["children"]]
    assert names == ["Sara", "Pim"]  # the oldest first
    pupil = home["children"][1]
    assert pupil["hasParentalAuthority"] is True
    assert pupil["contactPerson"]["userId"] == str(world.teacher.id)
    assert pupil["contactPerson"]["phone"] == "+31 35 123 4567"
    assert pupil["day"]["childId"] == str(world.pupil.id)
    kinds = sorted((a["kind"], a["organisationName"]) for a in pupil["actions"])
    assert kinds == [
        ("care_team_consent", world.care.name),
        ("trajectory_consent", world.care.name),
    ]
    assert home["children"][0]["actions"] == []
    assert home["children"][0]["contactPerson"] is None

    # One event per child, naming what the home showed.
    events = [e for e in await _events(session, "child") if e.actor_user_id == world.parent.id]
    assert sorted(e.child_ids[0] for e in events) == sorted([str(sibling.id), str(world.pupil.id)])
    assert all(e.parts == ["child", "contact-person", "day", "actions"] for e in events)


async def test_home_without_parental_authority_lists_no_actions(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    session.add(logopedist_on_the_team(world))
    home = (await client.get("/me/home", headers=world.headers("parent_without_authority"))).json()
    assert [c["id"] for c in home["children"]] == [str(world.pupil.id)]
    assert home["children"][0]["hasParentalAuthority"] is False
    assert home["children"][0]["actions"] == []


async def test_staff_have_an_empty_home_and_other_tenants_see_nothing(
    client: httpx.AsyncClient, world: World
) -> None:
    for who in ("teacher", "other_admin", "outsider_parent"):
        response = await client.get("/me/home", headers=world.headers(who))
        assert response.status_code == 200
        assert response.json()["children"] == []
    assert (await client.get("/me/home")).status_code == 401


async def test_child_page_parts_for_the_family(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    world.pupil.contact_person_id = world.teacher.id
    await session.flush()
    amsterdam_today = datetime.now(ZoneInfo("Europe/Amsterdam")).date().isoformat()
    absence = await client.post(
        f"/children/{world.pupil.id}/absences",
        # Today in Amsterdam, where the API counts days (after 23:00 UTC it is tomorrow there).
        json={"from": amsterdam_today, "to": amsterdam_today, "reason": "ill"},
        headers=world.headers("parent"),
    )
    assert absence.status_code == 201, absence.text
    response = await client.get(
        f"/children/{world.pupil.id}",
        params={"expand": "dailyTeam,enrolments,absences"},
        headers=world.headers("parent"),
    )
    assert response.status_code == 200, response.text
    embedded = response.json()["embedded"]
    team = {(m["kind"], m["organisationName"], m["groupName"]) for m in embedded["dailyTeam"]}
    assert ("school", world.school.name, world.group.name) in team
    assert ("contact_person", world.school.name, None) in team
    assert embedded["enrolments"] == []
    assert [a["id"] for a in embedded["absences"]] == [absence.json()["id"]]
    events = [e for e in await _events(session, "child") if e.actor_user_id == world.parent.id]
    assert events[-1].parts == ["child", "daily-team", "enrolment", "absence"]


async def test_the_language_is_remembered_per_account(
    client: httpx.AsyncClient, world: World
) -> None:
    me = (await client.get("/me", headers=world.headers("parent"))).json()
    assert me["language"] is None
    changed = await client.patch("/me", json={"language": "ar"}, headers=world.headers("parent"))
    assert changed.status_code == 200, changed.text
    assert changed.json()["language"] == "ar"
    assert (await client.get("/me", headers=world.headers("parent"))).json()["language"] == "ar"
    # Another account is untouched.
    assert (await client.get("/me", headers=world.headers("teacher"))).json()["language"] is None

    refused = await client.patch("/me", json={"language": "de"}, headers=world.headers("parent"))
    assert refused.status_code == 400
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert [e["location"] for e in refused.json()["errors"]] == ["#/language"]
    null = await client.patch("/me", json={"language": None}, headers=world.headers("parent"))
    assert null.status_code == 400


async def test_access_log_grouped_per_visit(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    child = f"/children/{world.pupil.id}"
    for _ in range(3):
        assert (await client.get(child, headers=world.headers("teacher"))).status_code == 200
    await client.get(f"{child}/bsn", headers=world.headers("teacher"))  # refused: 403
    assert (await client.get(child, headers=world.headers("centre_admin"))).status_code == 200
    assert (await client.get(child, headers=world.headers("teacher"))).status_code == 200

    first = await client.get(
        f"{child}/access-log/visits", params={"limit": 2}, headers=world.headers("parent")
    )
    assert first.status_code == 200, first.text
    visits = first.json()["items"]
    assert [(v["actorName"], v["eventCount"]) for v in visits] == [
        (world.teacher.display_name, 1),
        (world.centre_admin.display_name, 1),
    ]
    cursor = first.json()["nextCursor"]
    assert cursor
    second = await client.get(
        f"{child}/access-log/visits",
        params={"limit": 2, "cursor": cursor},
        headers=world.headers("parent"),
    )
    earlier = second.json()["items"][0]
    assert earlier["actorName"] == world.teacher.display_name
    assert earlier["eventCount"] == 4
    assert earlier["denied"] == 1
    assert earlier["resources"] == ["bsn", "child"]
    assert earlier["organisationName"] == world.school.name

    # As the access log itself: not for a guardian without authority, 404 across tenants.
    refused = await client.get(
        f"{child}/access-log/visits", headers=world.headers("parent_without_authority")
    )
    assert refused.status_code == 403
    hidden = await client.get(f"{child}/access-log/visits", headers=world.headers("other_admin"))
    assert hidden.status_code == 404


async def test_without_parental_authority_the_care_parts_are_left_out(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await client.get(
        f"/children/{world.pupil.id}",
        params={"expand": "careTeam,consents,plan,trajectories,signals,dailyTeam"},
        headers=world.headers("parent_without_authority"),
    )
    assert response.status_code == 200
    embedded = response.json()["embedded"]
    for part in ("careTeam", "consents", "plan", "trajectories", "signals"):
        assert embedded.get(part) is None, part
    assert embedded["dailyTeam"]
    full = await client.get(
        f"/children/{world.pupil.id}",
        params={"expand": "careTeam,consents,trajectories"},
        headers=world.headers("parent"),
    )
    assert full.json()["embedded"]["trajectories"] == []
    assert full.json()["embedded"]["careTeam"] == []


async def test_administrators_record_a_work_phone_number(
    client: httpx.AsyncClient, world: World
) -> None:
    url = f"/users/{world.teacher.id}"
    admin = world.headers("school_admin")
    response = await client.patch(url, json={"phone": "035 123 45 67"}, headers=admin)
    assert response.status_code == 200, response.text
    assert response.json()["phone"] == "035 123 45 67"
    refused = await client.patch(url, json={"phone": "bel me"}, headers=admin)
    assert refused.status_code == 400
    assert [e["location"] for e in refused.json()["errors"]] == ["#/phone"]
    cleared = await client.patch(url, json={"phone": None}, headers=admin)
    assert cleared.json()["phone"] is None
    # A teacher does not change accounts, not even a phone number.
    own = await client.patch(url, json={"phone": "06 1234 5678"}, headers=world.headers("teacher"))
    assert own.status_code == 403


async def test_a_place_that_came_free_waits_for_the_guardian_until_read(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    moved_up = Notification(
        tenant_id=world.tenant.id,
        user_id=world.parent.id,
        kind=NotificationKind.WAITLIST_MOVED_UP,
        child_id=world.pupil.id,
    )
    other = Notification(
        tenant_id=world.tenant.id,
        user_id=world.parent.id,
        kind=NotificationKind.GUARDIAN_NOTE,
        child_id=world.pupil.id,
    )
    session.add_all([moved_up, other])
    await session.flush()
    home = (await client.get("/me/home", headers=world.headers("parent"))).json()
    assert home["unreadNotifications"] == 2
    assert home["children"][0]["actions"] == [
        {
            "kind": "place_offered",
            "organisationName": None,
            "trajectoryId": None,
            "trajectoryType": None,
            "activityId": None,
            "activityName": None,
            "notificationId": str(moved_up.id),
        }
    ]
    read = await client.patch(
        f"/notifications/{moved_up.id}", json={"read": True}, headers=world.headers("parent")
    )
    assert read.status_code == 200, read.text
    home = (await client.get("/me/home", headers=world.headers("parent"))).json()
    assert home["unreadNotifications"] == 1
    assert home["children"][0]["actions"] == []


async def test_home_counts_unread_messages_until_the_thread_is_read(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    world.pupil.contact_person_id = world.teacher.id
    await session.flush()
    opened = await client.post(
        f"/children/{world.pupil.id}/threads",
        json={"subject": "Zwemles", "text": "Mag Pim donderdag eerder weg?"},
        headers=world.headers("parent"),
    )
    assert opened.status_code == 201, opened.text
    thread_id = opened.json()["id"]
    home = (await client.get("/me/home", headers=world.headers("parent"))).json()
    assert home["unreadMessages"] == 0  # one's own message is not unread
    for text in ("Ja, dat is goed.", "Om half drie?"):
        answer = await client.post(
            f"/threads/{thread_id}/messages", json={"text": text}, headers=world.headers("teacher")
        )
        assert answer.status_code == 201, answer.text
    home = (await client.get("/me/home", headers=world.headers("parent"))).json()
    assert home["unreadMessages"] == 2
    read = await client.post(f"/threads/{thread_id}/read", headers=world.headers("parent"))
    assert read.status_code in (200, 204), read.text
    home = (await client.get("/me/home", headers=world.headers("parent"))).json()
    assert home["unreadMessages"] == 0
