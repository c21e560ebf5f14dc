"""Two-factor login (TOTP), recovery codes, mandatory enrolment, and sessions that end."""

import httpx
import pyotp
from sqlalchemy.ext.asyncio import AsyncSession

from tests.backend.factories import PASSWORD, World


async def _login(client: httpx.AsyncClient, email: str, **extra: str) -> httpx.Response:
    return await client.post("/auth/token", data={"username": email, "password": PASSWORD, **extra})


async def _enrol(client: httpx.AsyncClient, headers: dict[str, str]) -> tuple[str, list[str]]:
    started = await client.post("/me/two-factor/enrolment", headers=headers)
    assert started.status_code == 201
    secret = started.json()["secret"]
    assert started.json()["otpauthUri"].startswith("otpauth://totp/KindCentraal:")
    wrong = await client.post(
        "/me/two-factor/enrolment/confirmation", json={"code": "000000"}, headers=headers
    )
    assert wrong.status_code == 400
    confirmed = await client.post(
        "/me/two-factor/enrolment/confirmation",
        json={"code": pyotp.TOTP(secret).now()},
        headers=headers,
    )
    assert confirmed.status_code == 200
    codes = confirmed.json()["recoveryCodes"]
    assert len(codes) == len(set(codes)) == 10
    return secret, codes


async def test_enrolled_login_needs_the_code(client: httpx.AsyncClient, world: World) -> None:
    secret, codes = await _enrol(client, world.headers("teacher"))
    missing = await _login(client, world.teacher.email)
    assert missing.status_code == 401
    assert missing.json()["type"].endswith("/two-factor-required")
    wrong = await _login(client, world.teacher.email, totp="123456")
    assert wrong.status_code == 401
    assert wrong.json()["type"].endswith("/two-factor-invalid")
    # the code used at enrolment cannot be replayed
    replay = await _login(client, world.teacher.email, totp=pyotp.TOTP(secret).now())
    assert replay.status_code == 401
    recovery = await _login(client, world.teacher.email, totp=codes[0])
    assert recovery.status_code == 200
    spent = await _login(client, world.teacher.email, totp=codes[0])
    assert spent.status_code == 401
    me = await client.get(
        "/me", headers={"Authorization": f"Bearer {recovery.json()['access_token']}"}
    )
    assert me.json()["twoFactor"] == {
        "enabled": True,
        "enrolmentRequired": False,
        "mandatory": False,
        "recoveryCodesLeft": 9,
    }


async def test_deactivation_needs_the_password(client: httpx.AsyncClient, world: World) -> None:
    headers = world.headers("parent")  # parents may opt in
    await _enrol(client, headers)
    wrong = await client.post(
        "/me/two-factor/deactivation", json={"password": "not-it"}, headers=headers
    )
    assert wrong.status_code == 400
    off = await client.post(
        "/me/two-factor/deactivation", json={"password": PASSWORD}, headers=headers
    )
    assert off.status_code == 204
    assert (await _login(client, world.parent.email)).status_code == 200


async def test_mandatory_enrolment_per_role(client: httpx.AsyncClient, world: World) -> None:
    admin = world.headers("centre_admin")
    refused = await client.put(
        "/security-settings",
        json={"mandatoryTwoFactorRoles": ["staff"]},
        headers=world.headers("teacher"),
    )
    assert refused.status_code == 403
    saved = await client.put(
        "/security-settings", json={"mandatoryTwoFactorRoles": ["staff"]}, headers=admin
    )
    assert saved.json() == {"mandatoryTwoFactorRoles": ["staff"], "parentSessionDays": 30}
    teacher = world.headers("teacher")
    blocked = await client.get("/children", headers=teacher)
    assert blocked.status_code == 403
    assert blocked.json()["type"].endswith("/two-factor-enrolment-required")
    me = await client.get("/me", headers=teacher)
    assert me.json()["twoFactor"]["enrolmentRequired"] is True
    # roles not listed are not affected
    assert (await client.get("/children", headers=world.headers("parent"))).status_code == 200
    await _enrol(client, teacher)
    assert (await client.get("/children", headers=teacher)).status_code == 200
    cannot_disable = await client.post(
        "/me/two-factor/deactivation", json={"password": PASSWORD}, headers=teacher
    )
    assert cannot_disable.status_code == 403


async def test_password_change_ends_every_session(client: httpx.AsyncClient, world: World) -> None:
    other_login = (await _login(client, world.teacher.email)).json()
    headers = world.headers("teacher")
    wrong = await client.post(
        "/me/password",
        json={"currentPassword": "nope", "newPassword": "a-brand-new-password"},
        headers=headers,
    )
    assert wrong.status_code == 400
    changed = await client.post(
        "/me/password",
        json={"currentPassword": PASSWORD, "newPassword": "a-brand-new-password"},
        headers=headers,
    )
    assert changed.status_code == 204
    assert (await client.get("/me", headers=headers)).status_code == 401
    stale = {"Authorization": f"Bearer {other_login['access_token']}"}
    assert (await client.get("/me", headers=stale)).status_code == 401
    refresh = await client.post(
        "/auth/refresh", json={"refreshToken": other_login["refresh_token"]}
    )
    assert refresh.status_code == 401
    assert (await _login(client, world.teacher.email)).status_code == 401
    new = await client.post(
        "/auth/token",
        data={"username": world.teacher.email, "password": "a-brand-new-password"},
    )
    assert new.status_code == 200


async def test_disabling_an_account_ends_its_sessions(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    url = f"/users/{world.teacher.id}"
    refused = await client.patch(url, json={"isActive": False}, headers=world.headers("pm"))
    assert refused.status_code == 404
    disabled = await client.patch(
        url, json={"isActive": False}, headers=world.headers("school_admin")
    )
    assert disabled.status_code == 200
    assert disabled.json()["isActive"] is False
    assert (await client.get("/me", headers=world.headers("teacher"))).status_code == 401
    assert (await _login(client, world.teacher.email)).status_code == 401
    own = await client.patch(
        f"/users/{world.school_admin.id}",
        json={"isActive": False},
        headers=world.headers("school_admin"),
    )
    assert own.status_code == 400


async def test_personal_responses_are_not_cached_and_headers_are_safe(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await client.get(f"/children/{world.pupil.id}", headers=world.headers("teacher"))
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "Strict-Transport-Security" not in response.headers  # only in production
