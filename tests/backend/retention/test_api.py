"""The retention schedule and legal holds over real HTTP."""

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit.models import AuditEvent
from kindcentraal.retention.models import LegalHold
from tests.backend.factories import World


def _terms(body: dict) -> dict[str, int | None]:
    return {item["category"]: item["months"] for item in body["items"]}


async def test_the_schedule_shows_defaults_with_their_legal_basis(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await client.get("/retention-schedule", headers=world.headers("centre_admin"))
    assert response.status_code == 200, response.text
    items = {item["category"]: item for item in response.json()["items"]}
    assert items["care_trajectory"]["months"] == 240
    assert items["care_trajectory"]["minimumMonths"] == 240
    assert "Jeugdwet" in items["care_trajectory"]["legalBasis"]
    assert items["access_log"]["months"] == 60 and "NEN 7513" in items["access_log"]["legalBasis"]
    assert items["consents"]["months"] is None
    assert all(item["isDefault"] for item in items.values())
    refused = await client.get("/retention-schedule", headers=world.headers("teacher"))
    assert refused.status_code == 403


async def test_an_admin_sets_terms_and_a_term_below_the_law_is_refused(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    admin = world.headers("centre_admin")
    changed = await client.put(
        "/retention-schedule",
        headers=admin,
        json={"items": [{"category": "messages", "months": 12}]},
    )
    assert changed.status_code == 200, changed.text
    assert _terms(changed.json())["messages"] == 12
    other_tenant = await client.get("/retention-schedule", headers=world.headers("other_admin"))
    assert _terms(other_tenant.json())["messages"] == 24

    too_short = await client.put(
        "/retention-schedule",
        headers=admin,
        json={
            "items": [
                {"category": "messages", "months": 6},
                {"category": "care_trajectory", "months": 120},
                {"category": "consents", "months": 12},
            ]
        },
    )
    assert too_short.status_code == 400
    assert too_short.headers["content-type"].startswith("application/problem+json")
    errors = {(e["location"], e["code"]) for e in too_short.json()["errors"]}
    assert errors == {
        ("#/items/1/months", "belowLegalMinimum"),
        ("#/items/2/months", "noTermOfItsOwn"),
    }
    # Nothing of the refused request was kept.
    again = await client.get("/retention-schedule", headers=admin)
    assert _terms(again.json())["messages"] == 12

    reset = await client.put("/retention-schedule", headers=admin, json={"items": []})
    assert _terms(reset.json())["messages"] == 24
    bad = await client.put(
        "/retention-schedule", headers=admin, json={"items": [{"category": "x", "months": 0}]}
    )
    assert bad.status_code == 400


async def test_a_legal_hold_is_set_with_a_reason_and_lifted_audited_without_it(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    path = f"/children/{world.pupil.id}/legal-hold"
    admin = world.headers("centre_admin")
    assert (await client.get(path, headers=admin)).json()["held"] is False
    reason = "Rechtszaak 2026/0412 bij de rechtbank"
    held = await client.put(path, headers=admin, json={"reason": reason})
    assert held.status_code == 200, held.text
    assert held.json()["held"] is True and held.json()["reason"] == reason
    assert held.json()["setByName"] == world.centre_admin.display_name

    events = (
        await session.scalars(select(AuditEvent).where(AuditEvent.resource == "legal-hold"))
    ).all()
    assert [e.action for e in events] == ["read", "update"]
    assert all(reason not in repr(vars(e)) for e in events)
    assert [str(c) for c in events[1].child_ids] == [str(world.pupil.id)]

    assert (
        await client.put(path, headers=world.headers("teacher"), json={"reason": "x" * 5})
    ).status_code == 403
    assert (await client.put(path, headers=admin, json={"reason": ""})).status_code == 400
    foreign = f"/children/{world.other_child.id}/legal-hold"
    assert (await client.put(foreign, headers=admin, json={"reason": "abc"})).status_code == 404

    lifted = await client.delete(path, headers=admin)
    assert lifted.status_code == 204
    assert (await client.get(path, headers=admin)).json()["held"] is False
    history = (await session.scalars(select(LegalHold))).all()
    assert len(history) == 1 and history[0].released_at is not None


async def test_a_held_child_cannot_be_deleted_until_the_hold_is_lifted(
    client: httpx.AsyncClient, world: World
) -> None:
    admin = world.headers("centre_admin")
    hold = f"/children/{world.pupil.id}/legal-hold"
    assert (await client.put(hold, headers=admin, json={"reason": "Klacht"})).status_code == 200
    refused = await client.delete(f"/children/{world.pupil.id}", headers=admin)
    assert refused.status_code == 409
    assert refused.json()["type"].endswith("/legal-hold")
    assert (await client.get(f"/children/{world.pupil.id}", headers=admin)).status_code == 200
    assert (await client.delete(hold, headers=admin)).status_code == 204
    assert (await client.delete(f"/children/{world.pupil.id}", headers=admin)).status_code == 204


async def test_the_child_page_carries_the_hold_for_the_centre_admin_only(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    """`?expand=legalHold`: the child page shows the hold in its one request; for anyone but
    the centre's administrators the part is left out, and the page is still served."""
    page = f"/children/{world.pupil.id}"
    admin = world.headers("centre_admin")
    reason = "Zaak 2026/17"
    assert (
        await client.put(f"{page}/legal-hold", headers=admin, json={"reason": reason})
    ).status_code == 200

    read = await client.get(page, headers=admin, params={"expand": "guardians,legalHold"})
    assert read.status_code == 200, read.text
    hold = read.json()["embedded"]["legalHold"]
    assert hold["held"] is True and hold["reason"] == reason
    assert hold["setByName"] == world.centre_admin.display_name
    newest = await session.scalar(
        select(AuditEvent)
        .where(AuditEvent.actor_user_id == world.centre_admin.id, AuditEvent.resource == "child")
        .order_by(AuditEvent.occurred_at.desc())
        .limit(1)
    )
    assert newest is not None and newest.parts == ["child", "guardians", "legal-hold"]
    assert reason not in repr(vars(newest))

    for who in ("teacher", "parent"):
        other = await client.get(page, headers=world.headers(who), params={"expand": "legalHold"})
        assert other.status_code == 200
        assert "legalHold" not in other.json()["embedded"]

    await client.delete(f"{page}/legal-hold", headers=admin)
    lifted = await client.get(page, headers=admin, params={"expand": "legalHold"})
    assert lifted.json()["embedded"]["legalHold"] == {"childId": str(world.pupil.id), "held": False}
