"""Access tokens: a verified token's claims are cached, its lifetime is checked every time."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from kindcentraal.auth import tokens
from kindcentraal.auth.tokens import InvalidToken, decode_access_token, issue_access_token

SECRET = "a-test-secret-of-at-least-thirty-two-bytes-0123456789"


def _token(lifetime: timedelta) -> str:
    return issue_access_token(
        secret=SECRET,
        user_id=uuid.uuid4(),
        tenant_id=uuid.uuid4(),
        session_id=uuid.uuid4(),
        lifetime=lifetime,
    )


class _Later(datetime):
    """The clock an hour on: the cached claims are not checked against jose's clock again."""

    @classmethod
    def now(cls, tz: object = None) -> "_Later":  # type: ignore[override]
        moment = datetime.now(UTC) + timedelta(hours=1)
        return cls.fromtimestamp(moment.timestamp(), UTC)


def test_a_cached_token_is_refused_once_it_has_expired(monkeypatch: pytest.MonkeyPatch) -> None:
    token = _token(timedelta(minutes=15))
    first = decode_access_token(token, secret=SECRET)
    assert decode_access_token(token, secret=SECRET) == first  # served from the cache
    monkeypatch.setattr(tokens, "datetime", _Later)
    with pytest.raises(InvalidToken):
        decode_access_token(token, secret=SECRET)


def test_the_cache_is_keyed_by_the_secret_too() -> None:
    token = _token(timedelta(minutes=15))
    decode_access_token(token, secret=SECRET)
    with pytest.raises(InvalidToken):
        decode_access_token(token, secret=SECRET + "-rotated")


def test_a_token_altered_after_caching_is_verified_afresh() -> None:
    token = _token(timedelta(minutes=15))
    decode_access_token(token, secret=SECRET)
    header, payload, signature = token.split(".")
    tampered = ".".join(
        [header, payload, signature[:-2] + ("AA" if signature[-2:] != "AA" else "BB")]
    )
    with pytest.raises(InvalidToken):
        decode_access_token(tampered, secret=SECRET)
