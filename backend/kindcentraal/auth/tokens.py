"""Access tokens. The ONLY module that imports jose, and it calls it in one safe way."""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from jose import jwt
from jose.exceptions import JOSEError

ALGORITHM = "HS256"
ISSUER = "kindcentraal"
AUDIENCE = "kindcentraal-api"
ACCESS_TYPE = "access"
MAX_TOKEN_BYTES = 8 * 1024
LEEWAY_SECONDS = 30


class InvalidToken(Exception):
    """The token is not one this API issued, or no longer valid; the reason stays internal."""


@dataclass(frozen=True)
class AccessClaims:
    user_id: uuid.UUID
    tenant_id: uuid.UUID
    session_id: uuid.UUID
    expires_at: datetime
    # A machine client's token: its client id, and the scopes granted (people's tokens: None).
    client_id: uuid.UUID | None = None
    scopes: frozenset[str] = frozenset()


def issue_access_token(
    *,
    secret: str,
    user_id: uuid.UUID,
    tenant_id: uuid.UUID,
    session_id: uuid.UUID,
    lifetime: timedelta,
    now: datetime | None = None,
    client_id: uuid.UUID | None = None,
    scopes: frozenset[str] | None = None,
) -> str:
    issued = now or datetime.now(UTC)
    claims = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": str(user_id),
        "tid": str(tenant_id),
        "sid": str(session_id),
        "typ": ACCESS_TYPE,
        "jti": uuid.uuid4().hex,
        "iat": int(issued.timestamp()),
        "nbf": int(issued.timestamp()),
        "exp": int((issued + lifetime).timestamp()),
    }
    if client_id is not None:
        claims["cid"] = str(client_id)
        claims["scope"] = " ".join(sorted(scopes or ()))
    return str(jwt.encode(claims, secret, algorithm=ALGORITHM))


def decode_access_token(token: str, *, secret: str, now: datetime | None = None) -> AccessClaims:
    """Verify signature, algorithm, issuer, audience, lifetime and type; raise InvalidToken.

    A token verified once is not verified again (the signature check and jose's parsing cost
    about half a millisecond, on every request): its claims are kept in a bounded cache keyed
    by the exact token and secret, and only the lifetime, which changes with the clock, is
    checked again. Whether the session behind it still stands is the principal's query.
    """
    if len(token.encode()) > MAX_TOKEN_BYTES:
        raise InvalidToken("token too large")
    if now is not None:
        return _verify(token, secret, now)
    claims = _verified(token, secret)
    if claims.expires_at.timestamp() + LEEWAY_SECONDS < datetime.now(UTC).timestamp():
        raise InvalidToken("expired")
    return claims


@lru_cache(maxsize=4096)
def _verified(token: str, secret: str) -> AccessClaims:
    return _verify(token, secret, None)


def _verify(token: str, secret: str, now: datetime | None) -> AccessClaims:
    try:
        header = jwt.get_unverified_header(token)
        if header.get("alg") != ALGORITHM:
            raise InvalidToken("wrong algorithm")
        claims = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            audience=AUDIENCE,
            issuer=ISSUER,
            options={
                "require_exp": True,
                "require_iat": True,
                "require_aud": True,
                "require_iss": True,
                "require_sub": True,
                "leeway": LEEWAY_SECONDS,
            },
        )
    except JOSEError as exc:
        raise InvalidToken("undecodable") from exc
    # jose lets a missing aud and a future iat through in some versions; check them ourselves.
    current = (now or datetime.now(UTC)).timestamp()
    if claims.get("aud") != AUDIENCE or claims.get("iss") != ISSUER:
        raise InvalidToken("wrong audience or issuer")
    if claims.get("typ") != ACCESS_TYPE:
        raise InvalidToken("not an access token")
    iat = claims.get("iat")
    if not isinstance(iat, int) or iat > current + LEEWAY_SECONDS:
        raise InvalidToken("issued in the future")
    try:
        client = claims.get("cid")
        return AccessClaims(
            user_id=uuid.UUID(str(claims["sub"])),
            tenant_id=uuid.UUID(str(claims["tid"])),
            session_id=uuid.UUID(str(claims["sid"])),
            expires_at=datetime.fromtimestamp(int(claims["exp"]), UTC),
            client_id=uuid.UUID(str(client)) if client is not None else None,
            scopes=frozenset(str(claims.get("scope", "")).split()) if client else frozenset(),
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise InvalidToken("malformed claims") from exc
