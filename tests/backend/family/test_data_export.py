"""The AVG export: prepared after the request with visible progress, holding what the
guardian may see (no care data without parental authority), every download logged."""

import asyncio
import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit.models import AuditEvent
from kindcentraal.consent.models import Consent, ConsentPurpose
from kindcentraal.family.models import DataExport
from tests.backend.factories import World
from tests.backend.family.helpers import logopedist_on_the_team


async def _ready(client: httpx.AsyncClient, export_id: str, headers: dict[str, str]) -> Any:
    seen = []
    for _ in range(200):
        export = (await client.get(f"/data-exports/{export_id}", headers=headers)).json()
        seen.append(export["progress"])
        if export["status"] in ("ready", "failed"):
            assert seen == sorted(seen)  # progress only goes forward
            return export
        await asyncio.sleep(0.02)
    raise AssertionError(f"export not ready: {seen}")


async def _care_team_with_consent(session: AsyncSession, world: World) -> None:
    session.add_all(
        [
            logopedist_on_the_team(world),
            Consent(
                tenant_id=world.tenant.id,
                child_id=world.pupil.id,
                organisation_id=world.care.id,
                purpose=ConsentPurpose.CARE_TEAM,
                given_by_id=world.parent.id,
                given_at=datetime(2026, 9, 1, tzinfo=UTC),
            ),
        ]
    )
    await session.flush()


async def test_a_guardian_exports_the_childs_file_as_json_and_html(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    await _care_team_with_consent(session, world)
    parent = world.headers("parent")
    await client.get(f"/children/{world.pupil.id}", headers=world.headers("teacher"))
    started = await client.post(f"/children/{world.pupil.id}/data-exports", headers=parent)
    assert started.status_code == 202, started.text
    assert started.json()["status"] == "queued"
    assert started.json()["careDataIncluded"] is True
    export = await _ready(client, started.json()["id"], parent)
    assert (export["status"], export["progress"]) == ("ready", 100)

    response = await client.get(f"/data-exports/{export['id']}/content", headers=parent)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert "attachment" in response.headers["content-disposition"]
    assert world.pupil.given_name not in response.headers["content-disposition"]
    document = response.json()
    assert document["child"]["givenName"] == "Pim"
    assert document["me"]["hasParentalAuthority"] is True
    assert [m["organisationName"] for m in document["file"]["careTeam"]] == [world.care.name]
    assert [c["purpose"] for c in document["file"]["consents"]] == ["care_team"]
    assert "trajectories" in document["file"]
    # The teacher's read is in the exported access log.
    assert any(e["actorName"] == world.teacher.display_name for e in document["accessLog"])

    page = await client.get(
        f"/data-exports/{export['id']}/content", params={"format": "html"}, headers=parent
    )
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert "<h1>Gegevens van Pim Pupil</h1>" in page.text
    assert world.care.name in page.text

    events = (
        await session.scalars(
            select(AuditEvent)
            .where(AuditEvent.resource == "data-export")
            .order_by(AuditEvent.occurred_at)
            .execution_options(populate_existing=True)
        )
    ).all()
    assert [(e.action, e.actor_user_id) for e in events] == [
        ("create", world.parent.id),
        ("read", world.parent.id),
        ("read", world.parent.id),
    ]
    assert all(e.child_ids == [str(world.pupil.id)] for e in events)


async def test_without_parental_authority_the_export_holds_no_care_data(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    await _care_team_with_consent(session, world)
    headers = world.headers("parent_without_authority")
    started = await client.post(f"/children/{world.pupil.id}/data-exports", headers=headers)
    assert started.status_code == 202
    assert started.json()["careDataIncluded"] is False
    export = await _ready(client, started.json()["id"], headers)
    document = (await client.get(f"/data-exports/{export['id']}/content", headers=headers)).json()
    assert document["careDataIncluded"] is False
    assert document["child"]["givenName"] == "Pim"
    for care in ("careTeam", "consents", "plan", "trajectories", "signals"):
        assert care not in document["file"]
    assert "accessLog" not in document
    text = json.dumps(document)
    assert world.care.name not in text and "logopedist" not in text


async def test_only_guardians_export_and_only_the_requester_reads_it(
    client: httpx.AsyncClient, world: World
) -> None:
    url = f"/children/{world.pupil.id}/data-exports"
    assert (await client.post(url, headers=world.headers("teacher"))).status_code == 403
    assert (await client.post(url, headers=world.headers("outsider_parent"))).status_code == 404
    assert (await client.post(url, headers=world.headers("other_admin"))).status_code == 404
    started = (await client.post(url, headers=world.headers("parent"))).json()
    await _ready(client, started["id"], world.headers("parent"))
    for who in ("parent_without_authority", "teacher", "centre_admin", "other_admin"):
        for path in ("", "/content"):
            response = await client.get(
                f"/data-exports/{started['id']}{path}", headers=world.headers(who)
            )
            assert response.status_code == 404, (who, path)
    bad = await client.get(
        f"/data-exports/{started['id']}/content",
        params={"format": "pdf"},
        headers=world.headers("parent"),
    )
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["location"] == "format"


async def test_an_export_past_its_term_reads_as_expired_and_its_file_is_gone(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    parent = world.headers("parent")
    started = (await client.post(f"/children/{world.pupil.id}/data-exports", headers=parent)).json()
    await _ready(client, started["id"], parent)
    export = await session.get(DataExport, uuid.UUID(started["id"]))
    assert export is not None
    export.expires_at = datetime.now(UTC) - timedelta(minutes=1)
    await session.flush()
    # A GET only reads: the status says expired, the file is refused, nothing is written.
    status = await client.get(f"/data-exports/{started['id']}", headers=parent)
    assert status.status_code == 200, status.text
    assert status.json()["status"] == "expired"
    gone = await client.get(f"/data-exports/{started['id']}/content", headers=parent)
    assert gone.status_code == 404
    # The next export asked for in the tenant erases the file.
    again = await client.post(f"/children/{world.pupil.id}/data-exports", headers=parent)
    await _ready(client, again.json()["id"], parent)  # the job ends before the test does
    await session.refresh(export)
    assert (export.status, export.content) == ("expired", None)
