"""Password hashing with argon2id; verification runs off the event loop."""

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from starlette.concurrency import run_in_threadpool

_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified against when the account does not exist, so timing does not reveal which exist.
    Made on first use, not at import (an argon2 hash costs tens of milliseconds)."""
    return _hasher.hash("kindcentraal-timing-equaliser")


MIN_PASSWORD_LENGTH = 12


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


async def verify_password(password_hash: str | None, password: str) -> bool:
    if password_hash is None:
        await run_in_threadpool(_verify, _dummy_hash(), password)
        return False
    return await run_in_threadpool(_verify, password_hash, password)
