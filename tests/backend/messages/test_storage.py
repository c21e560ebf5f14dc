"""The storage interface: local disk, and an S3-compatible store over real HTTP (moto's
server mode)."""

import uuid
from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest
from moto.server import ThreadedMotoServer

from kindcentraal.storage import Storage, StorageError, storage_from_url
from kindcentraal.storage.local import LocalStorage
from kindcentraal.storage.s3 import S3Storage


async def _round_trip(store: Storage) -> None:
    key = uuid.uuid4().hex
    await store.put(key, b"%PDF-1.4 inhoud", content_type="application/pdf")
    assert await store.get(key) == b"%PDF-1.4 inhoud"
    await store.put(key, b"nieuw", content_type="application/pdf")
    assert await store.get(key) == b"nieuw"
    await store.delete(key)
    with pytest.raises(StorageError):
        await store.get(key)
    await store.delete(key)  # a missing key: nothing happens


def _files(root: Path) -> list[tuple[str, bytes]]:
    return sorted(
        (str(p.relative_to(root)), p.read_bytes()) for p in root.rglob("*") if p.is_file()
    )


async def test_local_storage_puts_gets_and_deletes_by_key(tmp_path: Path) -> None:
    store = LocalStorage(tmp_path)
    assert isinstance(store, Storage)
    await _round_trip(store)
    key = uuid.uuid4().hex
    await store.put(key, b"x", content_type="image/png")
    assert _files(tmp_path) == [(f"{key[:2]}/{key}", b"x")]  # no temporary file left


@pytest.mark.parametrize("key", ["../etc/passwd", "a/b", "", ".hidden", "x" * 200])
async def test_local_storage_refuses_keys_that_are_not_plain_names(
    tmp_path: Path, key: str
) -> None:
    with pytest.raises(StorageError):
        await LocalStorage(tmp_path / "store").put(key, b"x", content_type="image/png")
    assert _files(tmp_path) == []


def test_the_storage_url_chooses_the_store(tmp_path: Path) -> None:
    local = storage_from_url("file:var/attachments", root=tmp_path)
    assert isinstance(local, LocalStorage) and local.root == tmp_path / "var" / "attachments"
    absolute = storage_from_url(f"file:{tmp_path}/elders", root=Path("/nergens"))
    assert isinstance(absolute, LocalStorage) and absolute.root == tmp_path / "elders"
    s3 = storage_from_url("s3://kc-bijlagen/ikc/prod", root=tmp_path, endpoint_url="http://s3")
    assert isinstance(s3, S3Storage)
    assert (s3.bucket, s3.prefix, s3.endpoint_url) == ("kc-bijlagen", "ikc/prod", "http://s3")
    for wrong in ("ftp://x", "s3:///prefix", "var/attachments"):
        with pytest.raises(ValueError):
            storage_from_url(wrong, root=tmp_path)


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def aws_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "test-key")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test-secret")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-1")


async def test_s3_storage_over_http(s3_endpoint: str, aws_credentials: None) -> None:
    bucket = f"kc-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_endpoint)
    client.create_bucket(
        Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
    )
    store = storage_from_url(f"s3://{bucket}/bijlagen", root=Path("."), endpoint_url=s3_endpoint)
    assert isinstance(store, S3Storage)
    await _round_trip(store)
    key = uuid.uuid4().hex
    await store.put(key, b"\x89PNG\r\n\x1a\n", content_type="image/png")
    stored = client.get_object(Bucket=bucket, Key=f"bijlagen/{key}")
    assert stored["Body"].read() == b"\x89PNG\r\n\x1a\n"
    assert stored["ContentType"] == "image/png"


async def test_s3_storage_reports_a_missing_bucket_as_a_storage_error(
    s3_endpoint: str, aws_credentials: None
) -> None:
    store = S3Storage("bestaat-niet", endpoint_url=s3_endpoint)
    with pytest.raises(StorageError):
        await store.get(uuid.uuid4().hex)
