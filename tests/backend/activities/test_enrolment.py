"""Enrolment: capacity, the waiting list moving up, refusals with reasons, cancellation."""

from datetime import timedelta

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from tests.backend.activities.helpers import AMS, activity, club


async def test_past_capacity_the_child_waits_and_moves_up_when_a_place_frees(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    c = await club(client, session)
    judo = await activity(client, c, capacity=2)
    admin = c.centre.admin
    first, second = c.pupils[0], c.pupils[1]
    path = f"/activities/{judo['id']}/enrolments"

    for pupil in (first, second):
        made = await client.post(path, headers=admin, json={"childId": pupil["id"]})
        assert made.status_code == 201, made.text
        assert made.json()["status"] == "enrolled" and made.json()["position"] is None

    younger, older = c.parent_children
    waiting = await client.post(path, headers=c.parent, json={"childId": younger["id"]})
    assert waiting.status_code == 201, waiting.text
    assert waiting.json()["status"] == "waitlisted" and waiting.json()["position"] == 1
    behind = await client.post(path, headers=c.parent, json={"childId": older["id"]})
    assert behind.json()["status"] == "waitlisted" and behind.json()["position"] == 2

    # The catalogue in one request: each activity with the family's own enrolments.
    catalogue = await client.get("/activities", headers=c.parent, params={"expand": "myEnrolments"})
    (entry,) = [a for a in catalogue.json() if a["id"] == judo["id"]]
    assert [(e["childId"], e["position"]) for e in entry["myEnrolments"]] == [
        (younger["id"], 1),
        (older["id"], 2),
    ]
    plain = await client.get("/activities", headers=c.parent)
    assert all("myEnrolments" not in a for a in plain.json())
    bad = await client.get("/activities", headers=c.parent, params={"expand": "everything"})
    assert bad.status_code == 400

    listed = await client.get(f"/activities/{judo['id']}", headers=c.parent)
    assert listed.json()["enrolledCount"] == 2 and listed.json()["waitlistCount"] == 2
    assert listed.json()["placesLeft"] == 0

    # The family sees its own children's enrolments only; the coach sees all four.
    own = await client.get(path, headers=c.parent)
    assert {e["childId"] for e in own.json()} == {younger["id"], older["id"]}
    everyone = await client.get(path, headers=c.coach)
    assert [e["status"] for e in everyone.json()] == [
        "enrolled",
        "enrolled",
        "waitlisted",
        "waitlisted",
    ]

    enrolled_first = next(e for e in everyone.json() if e["childId"] == first["id"])
    cancelled = await client.post(f"{path}/{enrolled_first['id']}/cancellation", headers=admin)
    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json()["status"] == "cancelled"

    after = {e["childId"]: e for e in (await client.get(path, headers=c.coach)).json()}
    assert after[younger["id"]]["status"] == "enrolled"
    assert after[older["id"]]["status"] == "waitlisted" and after[older["id"]]["position"] == 1
    notices = (await client.get("/notifications", headers=c.parent)).json()["items"]
    assert [n["childId"] for n in notices if n["kind"] == "waitlist_moved_up"] == [younger["id"]]

    # Cancelling twice is refused; the first cancellation stands.
    again = await client.post(f"{path}/{enrolled_first['id']}/cancellation", headers=admin)
    assert again.status_code == 409 and again.json()["reason"] == "alreadyCancelled"

    # More places: the rest of the list moves up too.
    more = await client.patch(f"/activities/{judo['id']}", headers=c.coach, json={"capacity": 3})
    assert more.status_code == 200 and more.json()["waitlistCount"] == 0
    assert more.json()["enrolledCount"] == 3


async def test_refusals_name_their_reason(client: httpx.AsyncClient, session: AsyncSession) -> None:
    c = await club(client, session)
    younger, older = c.parent_children
    from datetime import datetime

    today = datetime.now(AMS).date()

    older_only = await activity(client, c, minAge=9, maxAge=12, capacity=5)
    too_young = await client.post(
        f"/activities/{older_only['id']}/enrolments",
        headers=c.parent,
        json={"childId": younger["id"]},
    )
    assert too_young.status_code == 400
    assert too_young.headers["content-type"].startswith("application/problem+json")
    (error,) = too_young.json()["errors"]
    assert error["location"] == "#/childId" and error["code"] == "outsideAgeRange"

    closed = await activity(
        client,
        c,
        enrolmentOpens=(today - timedelta(days=30)).isoformat(),
        enrolmentCloses=(today - timedelta(days=1)).isoformat(),
    )
    late = await client.post(
        f"/activities/{closed['id']}/enrolments", headers=c.parent, json={"childId": older["id"]}
    )
    assert late.status_code == 409 and late.json()["reason"] == "enrolmentClosed"
    assert late.headers["content-type"].startswith("application/problem+json")

    open_one = await activity(client, c, capacity=5)
    path = f"/activities/{open_one['id']}/enrolments"
    first = await client.post(path, headers=c.parent, json={"childId": older["id"]})
    assert first.status_code == 201
    twice = await client.post(path, headers=c.parent, json={"childId": older["id"]})
    assert twice.status_code == 409 and twice.json()["reason"] == "alreadyEnrolled"

    # Another family's child does not exist for this parent.
    other = await client.post(path, headers=c.parent, json={"childId": c.pupils[0]["id"]})
    assert other.status_code == 404

    # The coach may not enrol a child (no relation with it): 404, nothing written.
    coach = await client.post(path, headers=c.coach, json={"childId": c.pupils[0]["id"]})
    assert coach.status_code == 404
    listed = await client.get(path, headers=c.coach)
    assert [e["childId"] for e in listed.json()] == [older["id"]]

    # A window in the wrong order and a minimum age above the maximum are field errors.
    wrong = await client.post(
        "/activities",
        headers=c.coach,
        json={
            "centreId": c.centre.centre,
            "title": "Omgekeerd",
            "category": "sport",
            "capacity": 3,
            "minAge": 10,
            "maxAge": 6,
        },
    )
    assert wrong.status_code == 400 and wrong.json()["errors"]


async def test_the_coach_sees_name_and_group_only_and_not_the_child_page(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    c = await club(client, session)
    judo = await activity(client, c, capacity=5)
    younger, _ = c.parent_children
    made = await client.post(
        f"/activities/{judo['id']}/enrolments", headers=c.parent, json={"childId": younger["id"]}
    )
    assert made.status_code == 201
    (row,) = (await client.get(f"/activities/{judo['id']}/enrolments", headers=c.coach)).json()
    assert row["childName"] and row["groupName"] == "Groep 3"
    assert not {"dateOfBirth", "bsn", "hasBsn", "contactPerson"} & set(row)
    assert (await client.get(f"/children/{younger['id']}", headers=c.coach)).status_code == 404
    assert (await client.get(f"/children/{younger['id']}/day", headers=c.coach)).status_code == 404
