"""Sessions as room bookings, one absence report reaching everyone, the day timeline across a
daylight-saving change, and the participation figures with small counts suppressed."""

from datetime import date, datetime
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from tests.backend.activities.helpers import Club, activity, at, club, school_weeks
from tests.backend.rooms.test_bookings import _login

WEDNESDAY = 2


async def _groups(client: httpx.AsyncClient, c: Club) -> dict[str, str]:
    """The demo centre's groups (the tenant has the comparison school's too)."""
    found = await client.get(
        "/groups", headers=c.centre.admin, params={"limit": 100, "centreId": c.centre.centre}
    )
    assert found.status_code == 200, found.text
    body = found.json()
    items = body["items"] if isinstance(body, dict) else body
    return {g["name"]: g["id"] for g in items}


async def test_sessions_obey_the_room_conflict_rules_and_free_the_room_when_cancelled(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    c = await club(client, session)
    judo = await activity(client, c, capacity=10)
    first = school_weeks(WEDNESDAY, 4)
    third = date.fromordinal(first.toordinal() + 14)
    until = date.fromordinal(first.toordinal() + 21).strftime("%Y%m%d")

    # After-school care has the gym on the third Wednesday at half past three.
    taken = await client.post(
        "/bookings",
        headers=c.centre.bso,
        json={
            "roomId": c.centre.gym,
            "purpose": "BSO buitenspel",
            "startsAt": at(third, 15, 30),
            "endsAt": at(third, 16, 30),
        },
    )
    assert taken.status_code == 201, taken.text

    body = {
        "roomId": c.centre.gym,
        "startsAt": at(first, 15),
        "endsAt": at(first, 16),
        "recurrence": f"FREQ=WEEKLY;BYDAY=WE;UNTIL={until}",
    }
    path = f"/activities/{judo['id']}/sessions"
    refused = await client.post(path, headers=c.coach, json=body)
    assert refused.status_code == 409, refused.text
    (conflict,) = refused.json()["conflicts"]
    assert conflict["startsAt"] == at(third, 15) or conflict["startsAt"].startswith(
        third.isoformat()
    )
    assert (await client.get(path, headers=c.coach)).json() == []  # nothing half-written

    made = await client.post(path, headers=c.coach, json={**body, "skipConflicts": True})
    assert made.status_code == 201, made.text
    assert [s["startsAt"][:10] for s in made.json()["items"]] == [
        date.fromordinal(first.toordinal() + 7 * week).isoformat() for week in (0, 1, 3)
    ]
    assert [s["reason"] for s in made.json()["skipped"]] == ["conflict"]
    assert {s["roomName"] for s in made.json()["items"]} == {"Speelzaal"}

    # The calendar shows the sessions as the club's bookings, linked to the activity.
    week = await client.get(
        "/bookings",
        headers=c.coach,
        params={"roomId": c.centre.gym, "from": first.isoformat(), "to": first.isoformat()},
    )
    (booked,) = week.json()
    assert booked["activityId"] == judo["id"] and booked["purpose"] == "Judo"

    # Calling the first session off frees the gym: the teacher books it.
    session_id = made.json()["items"][0]["id"]
    off = await client.post(f"{path}/{session_id}/cancellation", headers=c.coach)
    assert off.status_code == 200 and off.json()["cancelled"] is True
    gym = await client.post(
        "/bookings",
        headers=c.centre.teacher,
        json={
            "roomId": c.centre.gym,
            "purpose": "Gymles",
            "startsAt": at(first, 15),
            "endsAt": at(first, 16),
        },
    )
    assert gym.status_code == 201, gym.text
    listed = await client.get(f"/activities/{judo['id']}", headers=c.parent)
    assert listed.json()["weekdays"] == ["wednesday"]


async def test_one_absence_report_reaches_the_teacher_the_bso_and_the_coach(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    c = await club(client, session)
    younger, _ = c.parent_children
    groups = await _groups(client, c)
    wednesday = school_weeks(WEDNESDAY)
    placed = await client.post(
        "/placements",
        headers=c.centre.admin,
        json={
            "childId": younger["id"],
            "organisationId": c.centre.childcare,
            "kind": "out_of_school_care",
            "groupId": groups["BSO De Regenboog"],
            "startDate": date.today().isoformat(),
            "days": ["wednesday"],
        },
    )
    assert placed.status_code == 201, placed.text
    judo = await activity(client, c, capacity=10)
    sessions = await client.post(
        f"/activities/{judo['id']}/sessions",
        headers=c.coach,
        json={"roomId": c.centre.gym, "startsAt": at(wednesday, 15), "endsAt": at(wednesday, 16)},
    )
    assert sessions.status_code == 201, sessions.text
    session_id = sessions.json()["items"][0]["id"]
    enrolled = await client.post(
        f"/activities/{judo['id']}/enrolments", headers=c.parent, json={"childId": younger["id"]}
    )
    assert enrolled.status_code == 201

    # Before the report: the day of the child, in order, nobody absent.
    day = await client.get(
        f"/children/{younger['id']}/day", headers=c.parent, params={"date": wednesday.isoformat()}
    )
    assert day.status_code == 200, day.text
    entries = day.json()["entries"]
    starts = {e["kind"]: datetime.fromisoformat(e["startsAt"]) for e in entries}
    assert [e["startsAt"] for e in entries] == sorted(e["startsAt"] for e in entries)
    assert starts == {
        "school": datetime.fromisoformat(at(wednesday, 8, 30)),
        "out_of_school_care": datetime.fromisoformat(at(wednesday, 12, 30)),
        "activity": datetime.fromisoformat(at(wednesday, 15)),
    }
    judo_entry = next(e for e in entries if e["kind"] == "activity")
    assert judo_entry["where"]["name"] == "Speelzaal" and judo_entry["title"] == "Judo"
    assert not any(e["absent"] for e in entries)
    assert entries[0]["title"] == "School, Groep 3"

    report = await client.post(
        f"/children/{younger['id']}/absences",
        headers=c.parent,
        json={"from": wednesday.isoformat(), "to": wednesday.isoformat(), "reason": "ill"},
    )
    assert report.status_code == 201, report.text

    def row(group_day: dict[str, Any]) -> dict[str, Any]:
        (found,) = [r for r in group_day["children"] if r["childId"] == younger["id"]]
        return found

    teacher = await _login(client, "leerkracht.groep3@regenboog.demo")
    school_list = await client.get(
        f"/groups/{groups['Groep 3']}/day", headers=teacher, params={"date": wednesday.isoformat()}
    )
    assert school_list.status_code == 200, school_list.text
    first, *rest = row(school_list.json())["entries"]
    assert first["kind"] == "absence" and first["absenceReason"] == "ill"
    assert all(e["absent"] for e in rest) and {e["kind"] for e in rest} >= {"activity"}

    bso_list = await client.get(
        f"/groups/{groups['BSO De Regenboog']}/day",
        headers=c.centre.bso,
        params={"date": wednesday.isoformat()},
    )
    assert bso_list.status_code == 200, bso_list.text
    assert row(bso_list.json())["entries"][0]["kind"] == "absence"
    # A child not placed at the BSO that day is not on the BSO's list.
    thursday = date.fromordinal(wednesday.toordinal() + 1)
    other_day = await client.get(
        f"/groups/{groups['BSO De Regenboog']}/day",
        headers=c.centre.bso,
        params={"date": thursday.isoformat()},
    )
    assert younger["id"] not in {r["childId"] for r in other_day.json()["children"]}
    # Nor on the toddlers' group's list: the placement is in the BSO group.
    toddlers = await client.get(
        f"/groups/{groups['Peuters Zonnetje']}/day",
        headers=c.centre.bso,
        params={"date": wednesday.isoformat()},
    )
    assert younger["id"] not in {r["childId"] for r in toddlers.json()["children"]}

    coach_list = await client.get(
        f"/activities/{judo['id']}/sessions/{session_id}/attendance", headers=c.coach
    )
    (mark,) = coach_list.json()["items"]
    assert mark["reportedAbsent"] is True and mark["status"] is None
    assert "absenceReason" not in mark and "reason" not in mark  # the coach hears no reason

    marked = await client.put(
        f"/activities/{judo['id']}/sessions/{session_id}/attendance",
        headers=c.coach,
        json={"items": [{"childId": younger["id"], "status": "excused"}]},
    )
    assert marked.status_code == 200 and marked.json()["items"][0]["status"] == "excused"
    stranger = await client.put(
        f"/activities/{judo['id']}/sessions/{session_id}/attendance",
        headers=c.coach,
        json={"items": [{"childId": c.pupils[0]["id"], "status": "present"}]},
    )
    assert stranger.status_code == 400
    assert stranger.json()["errors"][0]["code"] == "notEnrolled"

    # A report in the past is refused at its field.
    past = await client.post(
        f"/children/{younger['id']}/absences",
        headers=c.parent,
        json={"from": "2020-01-06", "to": "2020-01-06", "reason": "ill"},
    )
    assert past.status_code == 400 and past.json()["errors"][0]["location"] == "#/from"


async def test_the_day_keeps_local_times_across_the_change_to_summer_time(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    c = await club(client, session)
    younger, _ = c.parent_children
    judo = await activity(client, c, capacity=10)
    # Thursdays 25 March and 1 April 2027: summer time starts on Sunday 28 March.
    made = await client.post(
        f"/activities/{judo['id']}/sessions",
        headers=c.coach,
        json={
            "roomId": c.centre.gym,
            "startsAt": "2027-03-25T15:00:00+01:00",
            "endsAt": "2027-03-25T16:00:00+01:00",
            "recurrence": "FREQ=WEEKLY;BYDAY=TH;UNTIL=20270401",
        },
    )
    assert made.status_code == 201, made.text
    assert [s["startsAt"] for s in made.json()["items"]] == [
        "2027-03-25T14:00:00Z",
        "2027-04-01T13:00:00Z",
    ]
    assert (
        await client.post(
            f"/activities/{judo['id']}/enrolments",
            headers=c.parent,
            json={"childId": younger["id"]},
        )
    ).status_code == 201

    async def entries(day: str) -> dict[str, tuple[str, str]]:
        found = await client.get(
            f"/children/{younger['id']}/day", headers=c.parent, params={"date": day}
        )
        assert found.status_code == 200, found.text
        return {e["kind"]: (e["startsAt"], e["endsAt"]) for e in found.json()["entries"]}

    winter, summer = await entries("2027-03-25"), await entries("2027-04-01")
    assert winter["school"] == ("2027-03-25T07:30:00Z", "2027-03-25T13:30:00Z")
    assert summer["school"] == ("2027-04-01T06:30:00Z", "2027-04-01T12:30:00Z")
    assert winter["activity"] == ("2027-03-25T14:00:00Z", "2027-03-25T15:00:00Z")
    assert summer["activity"] == ("2027-04-01T13:00:00Z", "2027-04-01T14:00:00Z")
    # The Sunday of the change itself has no school and no session.
    assert await entries("2027-03-28") == {}


async def test_participation_counts_under_ten_are_suppressed(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    c = await club(client, session)
    judo = await activity(client, c, capacity=12)
    chess = await activity(client, c, title="Schaken", category="culture", capacity=12)
    day = school_weeks(WEDNESDAY)
    for offered, hour in ((judo, 15), (chess, 17)):
        made = await client.post(
            f"/activities/{offered['id']}/sessions",
            headers=c.coach,
            json={"roomId": c.centre.gym, "startsAt": at(day, hour), "endsAt": at(day, hour + 1)},
        )
        assert made.status_code == 201, made.text
    judo_session = (await client.get(f"/activities/{judo['id']}/sessions", headers=c.coach)).json()[
        0
    ]["id"]
    for pupil in c.pupils[:11]:
        made = await client.post(
            f"/activities/{judo['id']}/enrolments",
            headers=c.centre.admin,
            json={"childId": pupil["id"]},
        )
        assert made.status_code == 201, made.text
    for pupil in c.pupils[11:13]:
        await client.post(
            f"/activities/{chess['id']}/enrolments",
            headers=c.centre.admin,
            json={"childId": pupil["id"]},
        )
    marks = [
        {"childId": p["id"], "status": "present" if i < 10 else "absent"}
        for i, p in enumerate(c.pupils[:11])
    ]
    assert (
        await client.put(
            f"/activities/{judo['id']}/sessions/{judo_session}/attendance",
            headers=c.coach,
            json={"items": marks},
        )
    ).status_code == 200

    params = {
        "centreId": c.centre.centre,
        "from": date.today().isoformat(),
        "to": date.fromordinal(day.toordinal() + 7).isoformat(),
    }
    analyst = await _login(client, "gemeente@regenboog.demo")
    report = await client.get("/reports/participation", headers=analyst, params=params)
    assert report.status_code == 200, report.text
    figures = report.json()
    by_title = {a["title"]: a for a in figures["activities"]}
    assert by_title["Judo"]["participants"] == {"value": 11, "suppressed": False}
    assert by_title["Judo"]["attendanceRate"] == round(10 / 11, 3)
    assert by_title["Schaken"]["participants"] == {"value": None, "suppressed": True}
    assert by_title["Schaken"]["attendanceRate"] is None
    # The demo's own activities take part too: at least these 13 children.
    assert figures["participants"]["value"] >= 13
    assert figures["shareParticipating"] == round(
        figures["participants"]["value"] / figures["children"], 3
    )
    for band in by_title["Judo"]["byAgeBand"].values():
        assert band["value"] is None or band["value"] == 0 or band["value"] >= 10
    # A teacher is no reader of the figures.
    refused = await client.get("/reports/participation", headers=c.centre.teacher, params=params)
    assert refused.status_code == 403


async def test_mine_lists_the_groups_whose_day_the_caller_reads(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    c = await club(client, session)
    groups = await _groups(client, c)

    async def mine(headers: dict[str, str]) -> set[str]:
        found = await client.get("/groups", headers=headers, params={"mine": "true", "limit": 100})
        assert found.status_code == 200, found.text
        return {g["name"] for g in found.json()["items"]}

    childcare = await mine(c.centre.bso)
    assert childcare == {"Baby's Maantje", "Peuters Zonnetje", "BSO De Regenboog"}
    assert "Groep 3" in await mine(c.centre.teacher) and not childcare & await mine(
        c.centre.teacher
    )
    assert await mine(c.centre.admin) == set(groups)  # the centre's administrator: every group
    assert await mine(c.parent) == set() and await mine(c.coach) == set()
    for name in childcare:
        day = await client.get(f"/groups/{groups[name]}/day", headers=c.centre.bso)
        assert day.status_code == 200
