"""Devices (docs/sessions.md): the list of a person's open sessions, signing one out, signing
out everywhere; only one's own sessions exist; the device label is coarse."""

import uuid

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit.models import AuditEvent
from kindcentraal.auth.devices import device_label
from kindcentraal.auth.models import AuthSession
from tests.backend.auth.browser import (
    BROWSER,
    IPHONE,
    bearer,
    cookie_refresh,
    refresh_cookie,
)
from tests.backend.factories import PASSWORD, World

WINDOWS_FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"


@pytest.mark.parametrize(
    ("user_agent", "label"),
    [
        (IPHONE, "Safari · iOS"),
        (WINDOWS_FIREFOX, "Firefox · Windows"),
        (
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/131.0.0.0 Mobile Safari/537.36",
            "Chrome · Android",
        ),
        (
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like "
            "Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
            "Edge · macOS",
        ),
        (
            "Mozilla/5.0 (Linux; Android 14; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) "
            "SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
            "Samsung Internet · Android",
        ),
        ("python-httpx/0.28.1", None),
        (None, None),
    ],
)
def test_the_device_label_is_browser_and_system_only(
    user_agent: str | None, label: str | None
) -> None:
    assert device_label(user_agent) == label


async def _login_from(client: httpx.AsyncClient, email: str, user_agent: str) -> httpx.Response:
    response = await client.post(
        "/auth/token",
        data={"username": email, "password": PASSWORD},
        headers=BROWSER | {"User-Agent": user_agent},
    )
    assert response.status_code == 200, response.text
    return response


async def test_the_list_shows_each_open_device_and_marks_this_one(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    phone = await _login_from(client, world.parent.email, IPHONE)
    laptop = await _login_from(client, world.parent.email, WINDOWS_FIREFOX)
    await client.post("/auth/logout", headers=bearer(laptop))  # ended: not listed
    again = await _login_from(client, world.parent.email, WINDOWS_FIREFOX)

    listed = await client.get("/me/sessions", headers=bearer(phone))
    assert listed.status_code == 200
    assert listed.headers["cache-control"] == "no-store"
    devices = listed.json()
    # The phone, the laptop's second login, and the world's own login of the parent.
    assert len(devices) == 3
    assert {d["deviceLabel"] for d in devices} == {"Safari · iOS", "Firefox · Windows", None}
    current = [d for d in devices if d["current"]]
    assert [d["deviceLabel"] for d in current] == ["Safari · iOS"]
    assert set(current[0]) == {
        "id",
        "deviceLabel",
        "createdAt",
        "lastUsedAt",
        "expiresAt",
        "current",
    }
    # Nothing of the User-Agent beyond the label is kept.
    stored = await session.scalars(
        select(AuthSession.device_label).where(AuthSession.user_id == world.parent.id)
    )
    assert all(label is None or len(label) < 30 for label in stored)
    # Someone else's list holds none of these.
    others = (await client.get("/me/sessions", headers=bearer(again))).json()
    assert {d["id"] for d in others} == {d["id"] for d in devices}
    teacher = (await client.get("/me/sessions", headers=world.headers("teacher"))).json()
    assert not {d["id"] for d in teacher} & {d["id"] for d in devices}


async def test_last_used_moves_on_refresh_and_not_on_every_request(
    client: httpx.AsyncClient, world: World
) -> None:
    phone = await _login_from(client, world.parent.email, IPHONE)

    async def last_used(headers: dict[str, str]) -> str:
        devices = (await client.get("/me/sessions", headers=headers)).json()
        return next(d["lastUsedAt"] for d in devices if d["current"])

    before = await last_used(bearer(phone))
    for _ in range(3):
        assert (await client.get("/me", headers=bearer(phone))).status_code == 200
    assert await last_used(bearer(phone)) == before
    refreshed = await cookie_refresh(client, refresh_cookie(phone)[0])
    assert await last_used(bearer(refreshed)) > before


async def test_signing_one_device_out(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    phone = await _login_from(client, world.parent.email, IPHONE)
    laptop = await _login_from(client, world.parent.email, WINDOWS_FIREFOX)
    devices = (await client.get("/me/sessions", headers=bearer(phone))).json()
    laptop_id = next(d["id"] for d in devices if d["deviceLabel"] == "Firefox · Windows")

    ended = await client.delete(f"/me/sessions/{laptop_id}", headers=bearer(phone))
    assert ended.status_code == 204
    assert "set-cookie" not in ended.headers  # not this device: its cookie stays
    assert (await client.get("/me", headers=bearer(laptop))).status_code == 401
    assert (await cookie_refresh(client, refresh_cookie(laptop)[0])).status_code == 401
    assert (await client.get("/me", headers=bearer(phone))).status_code == 200
    # Ended already: there is nothing to end any more.
    again = await client.delete(f"/me/sessions/{laptop_id}", headers=bearer(phone))
    assert again.status_code == 404
    logged = await session.scalar(
        select(func.count())
        .select_from(AuditEvent)
        .where(
            AuditEvent.resource == "session",
            AuditEvent.action == "delete",
            AuditEvent.actor_user_id == world.parent.id,
        )
    )
    assert logged == 1

    # This very device: signed out, and the browser forgets its cookie.
    phone_id = next(d["id"] for d in devices if d["current"])
    own = await client.delete(f"/me/sessions/{phone_id}", headers=bearer(phone))
    assert own.status_code == 204
    assert refresh_cookie(own)[1]["max-age"] == "0"


async def test_other_peoples_sessions_are_not_found(
    client: httpx.AsyncClient, world: World
) -> None:
    teacher = await _login_from(client, world.teacher.email, IPHONE)
    other_tenant = await _login_from(client, world.other_teacher.email, IPHONE)
    teacher_id = next(
        d["id"]
        for d in (await client.get("/me/sessions", headers=bearer(teacher))).json()
        if d["current"]
    )
    foreign_id = next(
        d["id"]
        for d in (await client.get("/me/sessions", headers=bearer(other_tenant))).json()
        if d["current"]
    )
    parent = world.headers("parent")
    for session_id in (teacher_id, foreign_id, str(uuid.uuid4())):
        response = await client.delete(f"/me/sessions/{session_id}", headers=parent)
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
    assert (await client.get("/me", headers=bearer(teacher))).status_code == 200
    assert (await client.get("/me", headers=bearer(other_tenant))).status_code == 200


async def test_signing_out_everywhere_ends_every_session_of_the_account(
    client: httpx.AsyncClient, world: World
) -> None:
    phone = await _login_from(client, world.parent.email, IPHONE)
    laptop = await _login_from(client, world.parent.email, WINDOWS_FIREFOX)
    everywhere = await client.post("/me/sessions/revocation", headers=bearer(laptop))
    assert everywhere.status_code == 204
    assert refresh_cookie(everywhere)[1]["max-age"] == "0"
    for response in (phone, laptop):
        assert (await client.get("/me", headers=bearer(response))).status_code == 401
        assert (await cookie_refresh(client, refresh_cookie(response)[0])).status_code == 401
    assert (await client.get("/me", headers=world.headers("parent"))).status_code == 401
    # Another person's sessions are untouched.
    assert (await client.get("/me", headers=world.headers("teacher"))).status_code == 200
