"""The child page's "Zorg & ondersteuning" in one request: `?expand=plan,trajectories,signals`
serves each part exactly as its own endpoint serves it to the same reader, leaves out what that
endpoint refuses, and is audited as one event that names the parts read."""

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit.models import AuditEvent
from kindcentraal.consent.models import Consent, ConsentPurpose
from kindcentraal.organisation.models import Organisation
from kindcentraal.seed.demo import DEMO_PASSWORD, seed
from kindcentraal.user.models import User

SUPPORT_PARTS = "plan,trajectories,signals"
READERS = (
    "ouder@regenboog.demo",  # guardian with authority
    "logopedist@regenboog.demo",  # coordinates the logopedie trajectory
    "leerkracht.groep3@regenboog.demo",  # the class teacher: the daily team
    "ib@regenboog.demo",  # the centre's care coordinator
    "gemeente@regenboog.demo",  # the municipality analyst: no relation to the child
)


async def _login(client: httpx.AsyncClient, email: str) -> dict[str, str]:
    login = await client.post("/auth/token", data={"username": email, "password": DEMO_PASSWORD})
    assert login.status_code == 200, email
    return {"Authorization": f"Bearer {login.json()['access_token']}"}


async def _events(session: AsyncSession) -> int:
    return await session.scalar(select(func.count()).select_from(AuditEvent)) or 0


async def _single(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], **params: str
) -> object | None:
    """What the part's own endpoint serves, or None where it refuses (403)."""
    response = await client.get(url, params=params, headers=headers)
    if response.status_code == 403:
        return None
    assert response.status_code == 200, response.text
    body = response.json()
    if "items" in body:
        assert body["nextCursor"] is None
        return body["items"]
    return body


async def test_support_section_is_one_request_with_each_parts_own_answer(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await seed(session)
    parent_id = await session.scalar(select(User.id).where(User.email == "ouder@regenboog.demo"))
    care = await session.scalar(
        select(Organisation.id).where(Organisation.name.startswith("Zorgpartners Gooi"))
    )
    # The demo parent's younger child: an active logopedie trajectory, a shared goal, a note.
    child = await session.scalar(
        select(Consent.child_id).where(
            Consent.given_by_id == parent_id,
            Consent.purpose == ConsentPurpose.CARE_TEAM,
            Consent.organisation_id == care,
        )
    )
    served_somewhere = set()
    for email in READERS:
        headers = await _login(client, email)
        before = await _events(session)
        page = await client.get(
            f"/children/{child}", params={"expand": SUPPORT_PARTS}, headers=headers
        )
        if email == "gemeente@regenboog.demo":
            assert page.status_code == 404, page.text
            continue
        assert page.status_code == 200, (email, page.text)
        assert await _events(session) == before + 1, email
        event = await session.scalar(
            select(AuditEvent)
            .join(User, User.id == AuditEvent.actor_user_id)
            .where(User.email == email)
            .order_by(AuditEvent.occurred_at.desc())
            .limit(1)
            .execution_options(populate_existing=True)
        )
        embedded = page.json()["embedded"]

        expected = {
            "plan": await _single(client, f"/children/{child}/plan", headers),
            "trajectories": await _single(
                client,
                "/support-trajectories",
                headers,
                childId=str(child),
                sort="-requestedAt",
                limit="100",
            ),
            "signals": await _single(client, f"/children/{child}/signals", headers),
        }
        for part, answer in expected.items():
            assert embedded.get(part) == answer, (email, part)
        served = [part for part in ("plan", "trajectories", "signals") if part in embedded]
        names = {"trajectories": "trajectory", "signals": "signal"}
        assert event is not None and event.parts == [
            "child",
            *(names.get(part, part) for part in served),
        ], email
        served_somewhere |= {(email, part) for part in served}
        if email == "ouder@regenboog.demo":
            assert embedded["plan"]["view"] == "guardian"
            assert embedded["plan"]["notes"], "the note meant for guardians"
            assert [t["type"] for t in embedded["trajectories"]].count("logopedie") >= 1
        if email == "leerkracht.groep3@regenboog.demo":
            assert embedded["plan"]["view"] == "daily_team"
            assert embedded["plan"]["notes"] == []
    # Every part was served to someone: the comparison above compared something.
    assert {part for _, part in served_somewhere} == {"plan", "trajectories", "signals"}
