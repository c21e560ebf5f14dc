import base64
import hashlib
import hmac
import json
import uuid
from datetime import UTC, datetime, timedelta

import httpx
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jose import jwt
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.auth.models import AuthSession, LoginFailure
from kindcentraal.auth.tokens import AUDIENCE, ISSUER, issue_access_token
from tests.backend.conftest import TEST_SECRET
from tests.backend.factories import PASSWORD, World


async def _login(client: httpx.AsyncClient, email: str, password: str = PASSWORD) -> httpx.Response:
    return await client.post("/auth/token", data={"username": email, "password": password})


async def test_login_returns_tokens_that_open_me(client: httpx.AsyncClient, world: World) -> None:
    response = await _login(client, world.teacher.email)
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 15 * 60
    assert response.headers["Cache-Control"] == "no-store"
    me = await client.get("/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.status_code == 200
    assert me.json()["email"] == world.teacher.email
    assert me.json()["roles"] == ["staff"]
    assert me.json()["memberships"][0]["organisationType"] == "school"
    assert me.json()["isGuardian"] is False


async def test_me_tells_a_guardian(client: httpx.AsyncClient, world: World) -> None:
    me = await client.get("/me", headers=world.headers("parent"))
    assert me.json()["isGuardian"] is True
    assert me.json()["roles"] == []


async def test_email_is_case_insensitive(client: httpx.AsyncClient, world: World) -> None:
    response = await _login(client, world.teacher.email.upper())
    assert response.status_code == 200


async def test_wrong_password_is_401_problem(client: httpx.AsyncClient, world: World) -> None:
    response = await _login(client, world.teacher.email, "wrong-password-123")
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert world.teacher.email not in response.text


async def test_unknown_account_and_inactive_account_are_401(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    assert (await _login(client, "nobody@example.test")).status_code == 401
    world.teacher.is_active = False
    await session.flush()
    assert (await _login(client, world.teacher.email)).status_code == 401


async def test_ten_failures_lock_the_account_with_retry_after(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    for _ in range(10):
        assert (await _login(client, world.pm.email, "wrong-password-123")).status_code == 401
    locked = await _login(client, world.pm.email)  # even the right password
    assert locked.status_code == 429
    assert 1 <= int(locked.headers["Retry-After"]) <= 15 * 60 + 1
    assert locked.headers["content-type"] == "application/problem+json"
    # another account is not affected
    assert (await _login(client, world.teacher.email)).status_code == 200


async def test_failures_outside_the_window_do_not_count(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    from kindcentraal.auth.service import account_hash

    old = datetime.now(UTC) - timedelta(minutes=16)
    for _ in range(10):
        session.add(LoginFailure(account_hash=account_hash(world.pm.email), created_at=old))
    await session.flush()
    assert (await _login(client, world.pm.email)).status_code == 200


async def test_success_clears_failures(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    for _ in range(3):
        await _login(client, world.pm.email, "wrong-password-123")
    assert (await _login(client, world.pm.email)).status_code == 200
    remaining = await session.scalar(select(func.count()).select_from(LoginFailure))
    assert remaining == 0


async def test_refresh_rotates_and_reuse_revokes_the_family(
    client: httpx.AsyncClient, world: World
) -> None:
    first = (await _login(client, world.teacher.email)).json()
    second = await client.post("/auth/refresh", json={"refreshToken": first["refresh_token"]})
    assert second.status_code == 200
    new = second.json()
    assert new["refresh_token"] != first["refresh_token"]
    assert (
        await client.get("/me", headers={"Authorization": f"Bearer {new['access_token']}"})
    ).status_code == 200

    # the new token is used: the answer arrived, so the old one again is a thief's copy
    third = await client.post("/auth/refresh", json={"refreshToken": new["refresh_token"]})
    assert third.status_code == 200
    newest = third.json()
    reuse = await client.post("/auth/refresh", json={"refreshToken": first["refresh_token"]})
    assert reuse.status_code == 401
    # the whole family is gone: the newest refresh token and the access tokens too
    after = await client.post("/auth/refresh", json={"refreshToken": newest["refresh_token"]})
    assert after.status_code == 401
    me = await client.get("/me", headers={"Authorization": f"Bearer {new['access_token']}"})
    assert me.status_code == 401


async def test_refresh_with_unknown_token_is_401(client: httpx.AsyncClient, world: World) -> None:
    for token in ("x" * 43, f"{world.tenant.id.hex}.{'x' * 43}", f"{uuid.uuid4().hex}.abc" * 2):
        response = await client.post("/auth/refresh", json={"refreshToken": token})
        assert response.status_code == 401, token


async def test_refresh_token_of_one_tenant_is_not_found_under_another(
    client: httpx.AsyncClient, world: World
) -> None:
    tokens = (await _login(client, world.teacher.email)).json()
    _, secret = tokens["refresh_token"].split(".", 1)
    forged = f"{world.other_tenant.id.hex}.{secret}"
    assert (await client.post("/auth/refresh", json={"refreshToken": forged})).status_code == 401
    real = await client.post("/auth/refresh", json={"refreshToken": tokens["refresh_token"]})
    assert real.status_code == 200


async def test_refresh_body_in_snake_case_is_refused(client: httpx.AsyncClient) -> None:
    response = await client.post("/auth/refresh", json={"refresh_token": "x" * 43})
    assert response.status_code == 400
    locations = {e["location"] for e in response.json()["errors"]}
    # refreshToken itself is optional now (browsers send the cookie instead).
    assert locations == {"#/refresh_token"}


async def test_logout_makes_the_access_token_unusable(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    tokens = (await _login(client, world.teacher.email)).json()
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert (await client.post("/auth/logout", headers=headers)).status_code == 204
    assert (await client.get("/me", headers=headers)).status_code == 401
    refresh = await client.post("/auth/refresh", json={"refreshToken": tokens["refresh_token"]})
    assert refresh.status_code == 401
    revoked = await session.scalar(
        select(func.count()).select_from(AuthSession).where(AuthSession.revoked_reason == "logout")
    )
    assert revoked == 1


_RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
_RSA_PRIVATE = _RSA_KEY.private_bytes(
    serialization.Encoding.PEM,
    serialization.PrivateFormat.PKCS8,
    serialization.NoEncryption(),
).decode()
_RSA_PUBLIC = (
    _RSA_KEY.public_key()
    .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    .decode()
)


def _hmac_signed(token: str, key: bytes) -> str:
    """Re-sign a token with HS256 by hand (jose itself refuses a PEM key as HMAC secret)."""
    header_and_payload = token.rsplit(".", 1)[0]
    digest = hmac.new(key, header_and_payload.encode(), hashlib.sha256).digest()
    return header_and_payload + "." + base64.urlsafe_b64encode(digest).decode().rstrip("=")


def _token(world: World, **overrides: object) -> str:
    now = datetime.now(UTC)
    claims: dict[str, object] = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": str(world.teacher.id),
        "tid": str(world.tenant.id),
        "sid": str(uuid.uuid4()),
        "typ": "access",
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(minutes=5)).timestamp()),
    }
    claims.update(overrides)
    claims = {k: v for k, v in claims.items() if v is not None}
    return jwt.encode(claims, TEST_SECRET, algorithm="HS256")


async def test_bad_tokens_are_401(client: httpx.AsyncClient, world: World) -> None:
    good = world.tokens["teacher"]
    header, payload, signature = good.split(".")
    none_header = (
        base64.urlsafe_b64encode(json.dumps({"alg": "none"}).encode()).decode().rstrip("=")
    )
    expired = issue_access_token(
        secret=TEST_SECRET,
        user_id=world.teacher.id,
        tenant_id=world.tenant.id,
        session_id=uuid.uuid4(),
        lifetime=timedelta(minutes=1),
        now=datetime.now(UTC) - timedelta(hours=1),
    )
    flipped = signature[:-2] + ("A" if signature[-2] != "A" else "B") + signature[-1]
    bad = {
        "alg none": f"{none_header}.{payload}.",
        "tampered": f"{header}.{payload}.{flipped}",
        "expired": expired,
        "wrong audience": _token(world, aud="someone-else"),
        "missing audience": _token(world, aud=None),
        "wrong issuer": _token(world, iss="evil"),
        "refresh type": _token(world, typ="refresh"),
        "future iat": _token(world, iat=int((datetime.now(UTC) + timedelta(hours=1)).timestamp())),
        "other secret": jwt.encode({"sub": "x"}, "another-secret", algorithm="HS256"),
        "too large": good + "A" * 8200,
        "wrong algorithm HS512": jwt.encode(
            {**jwt.get_unverified_claims(good)}, TEST_SECRET, algorithm="HS512"
        ),
        "RS256 signed": jwt.encode(
            {**jwt.get_unverified_claims(good)}, _RSA_PRIVATE, algorithm="RS256"
        ),
        "public key as HMAC secret": _hmac_signed(good, _RSA_PUBLIC.encode()),
        "not yet valid": _token(
            world, nbf=int((datetime.now(UTC) + timedelta(hours=1)).timestamp())
        ),
        "missing sub": _token(world, sub=None),
        "refresh token as access token": "0" * 32 + "." + "x" * 43,
        "garbage": "not-a-token",
    }
    for name, token in bad.items():
        response = await client.get("/me", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401, name
        assert response.headers["content-type"] == "application/problem+json", name
    assert (await client.get("/me", headers=world.headers("teacher"))).status_code == 200


async def test_token_of_a_deactivated_user_stops_working(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    world.teacher.is_active = False
    await session.flush()
    assert (await client.get("/me", headers=world.headers("teacher"))).status_code == 401
