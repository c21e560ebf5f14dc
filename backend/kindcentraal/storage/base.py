"""The storage interface and the choice of store from `KC_STORAGE_URL`."""

from pathlib import Path
from typing import Protocol, runtime_checkable


class StorageError(Exception):
    """A key that is not there, or a store that failed; never carries the content."""


@runtime_checkable
class Storage(Protocol):
    """Bytes by key. `put` overwrites, `get` raises StorageError for a missing key,
    `delete` of a missing key does nothing."""

    async def put(self, key: str, data: bytes, *, content_type: str) -> None: ...

    async def get(self, key: str) -> bytes: ...

    async def delete(self, key: str) -> None: ...


def storage_from_url(url: str, *, root: Path, endpoint_url: str | None = None) -> Storage:
    """`file:<path>` (relative to `root`) or `s3://bucket/prefix` (endpoint `endpoint_url`,
    credentials from the standard AWS_* environment variables)."""
    if url.startswith("file:"):
        from kindcentraal.storage.local import LocalStorage

        path = Path(url.removeprefix("file:").removeprefix("//"))
        return LocalStorage(path if path.is_absolute() else root / path)
    if url.startswith("s3://"):
        from kindcentraal.storage.s3 import S3Storage

        bucket, _, prefix = url.removeprefix("s3://").partition("/")
        if not bucket:
            raise ValueError("KC_STORAGE_URL s3://bucket/prefix needs a bucket")
        return S3Storage(bucket, prefix=prefix, endpoint_url=endpoint_url)
    raise ValueError("KC_STORAGE_URL must start with file: or s3://")
