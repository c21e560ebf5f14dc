"""The refresh token as an HttpOnly cookie (docs/sessions.md): its attributes, rotation and
reuse detection through the cookie, the CSRF rules of the refresh request, and the session
lifetimes (parents 30 days or the tenant's setting, staff a working day; absolute)."""

from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit.models import AuditEvent
from kindcentraal.auth import service as auth_service
from kindcentraal.auth.models import AuthSession, RefreshToken
from kindcentraal.config import Settings
from tests.backend.auth.browser import (
    BROWSER,
    SPA,
    bearer,
    browser_login,
    cookie_refresh,
    refresh_cookie,
)
from tests.backend.factories import PASSWORD, World, make_guardian


async def test_a_browser_login_sets_the_cookie_and_keeps_the_token_out_of_the_body(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await browser_login(client, world.parent.email)
    assert response.status_code == 200
    assert "refresh_token" not in response.json()
    value, attributes = refresh_cookie(response)
    assert value.startswith(world.tenant.id.hex + ".")
    assert attributes["httponly"] == "true"
    assert attributes["secure"] == "true"
    assert attributes["samesite"] == "strict"
    assert attributes["path"] == "/api/v1/auth"
    assert "domain" not in attributes  # host-only: the API's own host, no sibling
    # A parent's session: the cookie outlives a closed app, for 30 days.
    assert abs(int(attributes["max-age"]) - 30 * 24 * 3600) < 60
    # Credentialed CORS for the configured SPA origin only.
    assert response.headers["access-control-allow-origin"] == SPA
    assert response.headers["access-control-allow-credentials"] == "true"
    stranger = await client.post(
        "/auth/token",
        data={"username": world.parent.email, "password": PASSWORD},
        headers={"Origin": "https://evil.example"},
    )
    assert "access-control-allow-origin" not in stranger.headers


async def test_a_client_without_origin_still_gets_the_token_in_the_body(
    client: httpx.AsyncClient, world: World
) -> None:
    login = await client.post(
        "/auth/token", data={"username": world.teacher.email, "password": PASSWORD}
    )
    token = login.json()["refresh_token"]
    assert refresh_cookie(login)[0] == token
    again = await client.post("/auth/refresh", json={"refreshToken": token})
    assert again.status_code == 200
    assert again.json()["refresh_token"] != token


async def test_cookie_refresh_rotates_and_reuse_ends_the_whole_family(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    login = await browser_login(client, world.parent.email)
    first, _ = refresh_cookie(login)

    rotated = await cookie_refresh(client, first)
    assert rotated.status_code == 200, rotated.text
    assert "refresh_token" not in rotated.json()
    assert rotated.headers["cache-control"] == "no-store"
    second, attributes = refresh_cookie(rotated)
    assert second != first
    assert attributes["path"] == "/api/v1/auth" and attributes["httponly"] == "true"
    assert (await client.get("/me", headers=bearer(rotated))).status_code == 200

    # The browser got the answer: the new cookie comes back on the next refresh.
    third, _ = refresh_cookie(await cookie_refresh(client, second))
    # The spent cookie again, after its successor was used: a thief's copy. The family ends.
    reused = await cookie_refresh(client, first)
    assert reused.status_code == 401
    assert refresh_cookie(reused)[1]["max-age"] == "0"  # the browser forgets it
    assert (await cookie_refresh(client, third)).status_code == 401
    assert (await client.get("/me", headers=bearer(rotated))).status_code == 401
    reason = await session.scalar(
        select(AuthSession.revoked_reason).where(
            AuthSession.user_id == world.parent.id, AuthSession.device_label.is_not(None)
        )
    )
    assert reason == "refresh_reuse"
    logged = await session.scalar(
        select(func.count())
        .select_from(AuditEvent)
        .where(
            AuditEvent.resource == "session",
            AuditEvent.result == "denied",
            AuditEvent.actor_user_id == world.parent.id,
        )
    )
    assert logged == 1


async def test_the_cookie_counts_only_in_a_json_request(
    client: httpx.AsyncClient, world: World
) -> None:
    """A form another site could post (text/plain, or no type at all) is refused before the
    token is looked at; the token stays unspent."""
    value, _ = refresh_cookie(await browser_login(client, world.parent.email))
    as_text = await cookie_refresh(
        client, value, content=b"{}", headers={"Content-Type": "text/plain"}
    )
    assert as_text.status_code == 400
    untyped = await cookie_refresh(client, value, content=b"{}")
    assert untyped.status_code == 400
    # No body at all (a bare POST any page can send): refused by the JSON rule itself.
    bare = await cookie_refresh(client, value, content=b"")
    assert bare.status_code == 400
    assert bare.json()["errors"][0]["code"] == "json_required"
    assert (await cookie_refresh(client, value)).status_code == 200


async def test_without_any_refresh_token_the_answer_is_401(client: httpx.AsyncClient) -> None:
    response = await client.post("/auth/refresh", json={}, headers=BROWSER)
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"


async def test_logout_ends_the_session_and_clears_the_cookie(
    client: httpx.AsyncClient, world: World
) -> None:
    login = await browser_login(client, world.parent.email)
    value, _ = refresh_cookie(login)
    out = await client.post("/auth/logout", headers=bearer(login) | BROWSER)
    assert out.status_code == 204
    _, cleared = refresh_cookie(out)
    assert cleared["max-age"] == "0" and cleared["path"] == "/api/v1/auth"
    assert (await cookie_refresh(client, value)).status_code == 401


# --- Lifetimes: absolute, decided at login; the clock injected into the service -------------
T0 = datetime(2026, 12, 7, 7, 30, tzinfo=UTC)


async def _login_at(
    session: AsyncSession, settings: Settings, email: str, now: datetime
) -> auth_service.TokenPair:
    pair = await auth_service.login(session, settings, email=email, password=PASSWORD, now=now)
    assert isinstance(pair, auth_service.TokenPair), pair
    return pair


async def _renewed(
    session: AsyncSession, settings: Settings, token: str, now: datetime
) -> auth_service.TokenPair:
    """A refresh at `now` that must go through."""
    pair = await auth_service.refresh(session, settings, refresh_token=token, now=now)
    assert isinstance(pair, auth_service.TokenPair), pair
    return pair


async def _refused(session: AsyncSession, settings: Settings, token: str, now: datetime) -> None:
    """A refresh at `now` that must be refused."""
    answer = await auth_service.refresh(session, settings, refresh_token=token, now=now)
    assert isinstance(answer, auth_service.RefreshRejected), answer


async def test_a_parent_stays_signed_in_30_days_however_often_the_app_opens(
    session: AsyncSession, settings: Settings, world: World
) -> None:
    pair = await _login_at(session, settings, world.parent.email, T0)
    assert pair.expires_at == T0 + timedelta(days=30)
    token = pair.refresh_token
    for day in (1, 12, 29):  # the app opened now and then: each opening refreshes
        now = T0 + timedelta(days=day)
        refreshed = await auth_service.refresh(session, settings, refresh_token=token, now=now)
        assert isinstance(refreshed, auth_service.TokenPair)
        assert refreshed.expires_at == T0 + timedelta(days=30)  # absolute: never extended
        token = refreshed.refresh_token
    last = T0 + timedelta(days=30) - timedelta(minutes=5)
    refreshed = await auth_service.refresh(session, settings, refresh_token=token, now=last)
    assert isinstance(refreshed, auth_service.TokenPair)
    assert refreshed.expires_in == 5 * 60  # no access token outlives its session
    await _refused(session, settings, refreshed.refresh_token, T0 + timedelta(days=30, seconds=1))


async def test_staff_are_signed_in_for_one_working_day(
    session: AsyncSession, settings: Settings, world: World
) -> None:
    pair = await _login_at(session, settings, world.teacher.email, T0)
    assert pair.expires_at == T0 + timedelta(hours=10)  # 07:30 -> 17:30
    at_five = T0 + timedelta(hours=9, minutes=30)
    refreshed = await auth_service.refresh(
        session, settings, refresh_token=pair.refresh_token, now=at_five
    )
    assert isinstance(refreshed, auth_service.TokenPair)
    assert refreshed.expires_in == 15 * 60
    evening = T0 + timedelta(hours=10, minutes=1)
    ended = await auth_service.refresh(
        session, settings, refresh_token=refreshed.refresh_token, now=evening
    )
    assert isinstance(ended, auth_service.RefreshRejected)
    # Staff who are parents too: the working day (their account reaches other children).
    await make_guardian(session, world.pupil, world.pm)
    pair = await _login_at(session, settings, world.pm.email, T0)
    assert pair.expires_at - T0 == timedelta(hours=10)


async def test_the_centre_admin_sets_how_long_parents_stay_signed_in(
    client: httpx.AsyncClient, world: World
) -> None:
    admin = world.headers("centre_admin")
    assert (await client.get("/security-settings", headers=admin)).json()["parentSessionDays"] == 30
    for wrong in (0, 91):
        refused = await client.put(
            "/security-settings",
            json={"mandatoryTwoFactorRoles": [], "parentSessionDays": wrong},
            headers=admin,
        )
        assert refused.status_code == 400
    teacher = await client.put(
        "/security-settings",
        json={"mandatoryTwoFactorRoles": [], "parentSessionDays": 7},
        headers=world.headers("teacher"),
    )
    assert teacher.status_code == 403
    saved = await client.put(
        "/security-settings",
        json={"mandatoryTwoFactorRoles": [], "parentSessionDays": 7},
        headers=admin,
    )
    assert saved.json()["parentSessionDays"] == 7
    _, attributes = refresh_cookie(await browser_login(client, world.parent.email))
    assert abs(int(attributes["max-age"]) - 7 * 24 * 3600) < 60
    # Left out: unchanged.
    kept = await client.put(
        "/security-settings", json={"mandatoryTwoFactorRoles": []}, headers=admin
    )
    assert kept.json()["parentSessionDays"] == 7


# --- A lost answer: the spent token again within the grace, its successor unused -----------


async def _rotated(
    session: AsyncSession, settings: Settings, email: str
) -> tuple[str, auth_service.TokenPair]:
    """A login at T0 and one refresh at T0 + 1 minute: (the spent token, the rotation's pair)."""
    first = (await _login_at(session, settings, email, T0)).refresh_token
    return first, await _renewed(session, settings, first, T0 + timedelta(minutes=1))


async def _revoked_reason(session: AsyncSession, token: str) -> str | None:
    hashed = auth_service._sha256(token)
    return await session.scalar(
        select(AuthSession.revoked_reason)
        .join(RefreshToken, RefreshToken.session_id == AuthSession.id)
        .where(RefreshToken.token_hash == hashed)
    )


async def test_a_lost_answer_within_the_grace_gets_a_new_token_and_spends_the_unseen_one(
    session: AsyncSession, settings: Settings, world: World
) -> None:
    spent, unseen = await _rotated(session, settings, world.parent.email)
    again = T0 + timedelta(minutes=1) + auth_service.REFRESH_REUSE_GRACE
    renewed = await _renewed(session, settings, spent, again)
    assert renewed.refresh_token not in (spent, unseen.refresh_token)
    assert await _revoked_reason(session, spent) is None
    # The session goes on with the new token; the one whose answer was lost is spent, and
    # presented after the grace it is reuse: the session ends.
    later = again + timedelta(minutes=5)
    await _renewed(session, settings, renewed.refresh_token, later)
    await _refused(session, settings, unseen.refresh_token, later + timedelta(seconds=1))
    assert await _revoked_reason(session, spent) == "refresh_reuse"


async def test_the_spent_token_after_the_grace_ends_the_session(
    session: AsyncSession, settings: Settings, world: World
) -> None:
    spent, unseen = await _rotated(session, settings, world.parent.email)
    too_late = T0 + timedelta(minutes=1) + auth_service.REFRESH_REUSE_GRACE + timedelta(seconds=1)
    await _refused(session, settings, spent, too_late)
    assert await _revoked_reason(session, spent) == "refresh_reuse"
    await _refused(session, settings, unseen.refresh_token, too_late)


async def test_the_spent_token_once_its_successor_was_used_ends_the_session_at_once(
    session: AsyncSession, settings: Settings, world: World
) -> None:
    spent, seen = await _rotated(session, settings, world.parent.email)
    soon = T0 + timedelta(minutes=1, seconds=2)
    used = await _renewed(session, settings, seen.refresh_token, soon)
    # The answer arrived (its token came back): a copy of the older token is a thief's.
    await _refused(session, settings, spent, soon + timedelta(seconds=1))
    assert await _revoked_reason(session, spent) == "refresh_reuse"
    await _refused(session, settings, used.refresh_token, soon + timedelta(seconds=2))
