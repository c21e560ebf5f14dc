"""Attachments: typed by content, at most 10 MB, stored under random keys, read through the
message that carries them."""

import uuid
from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.attachments.models import Attachment
from kindcentraal.attachments.service import clean_file_name
from kindcentraal.audit.models import AuditEvent
from kindcentraal.storage.local import LocalStorage
from tests.backend.factories import World
from tests.backend.messages.conftest import stored_files
from tests.backend.messages.helpers import open_thread

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64
MAX = 10 * 1024 * 1024


async def _upload(
    client: httpx.AsyncClient,
    world: World,
    name: str,
    data: bytes,
    content_type: str = "application/octet-stream",
    who: str = "parent",
) -> httpx.Response:
    return await client.post(
        "/attachments", files={"file": (name, data, content_type)}, headers=world.headers(who)
    )


async def _rows(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Attachment)) or 0)


def _field_error(response: httpx.Response) -> tuple[str, str]:
    assert response.headers["content-type"] == "application/problem+json"
    [error] = response.json()["errors"]
    return error["location"], error["code"]


async def _thread_with_contact_person(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> dict[str, Any]:
    world.pupil.contact_person_id = world.teacher.id
    await session.flush()
    return await open_thread(client, world)


async def test_upload_attach_and_download(
    client: httpx.AsyncClient, world: World, session: AsyncSession, storage: LocalStorage
) -> None:
    thread = await _thread_with_contact_person(client, world, session)
    uploads = []
    for name, data, declared, expected in (
        ("scan.pdf", PDF, "application/pdf", "application/pdf"),
        ("foto.JPG", JPEG, "image/jpeg", "image/jpeg"),
        ("schema.png", PNG, "application/octet-stream", "image/png"),
        ("zonder-naam", PNG, "image/png", "image/png"),
    ):
        response = await _upload(client, world, name, data, declared)
        assert response.status_code == 201, response.text
        body = response.json()
        assert (body["contentType"], body["size"]) == (expected, len(data))
        uploads.append(body)
    assert uploads[3]["fileName"] == "zonder-naam.png"
    # Keys are random, never the name.
    files = stored_files(storage)
    assert len(files) == 4 and not any("scan" in f.name or "foto" in f.name for f in files)

    posted = await client.post(
        f"/threads/{thread['id']}/messages",
        json={"text": "De scan", "attachmentIds": [u["id"] for u in uploads[:2]]},
        headers=world.headers("parent"),
    )
    assert posted.status_code == 201, posted.text
    assert [a["fileName"] for a in posted.json()["attachments"]] == ["scan.pdf", "foto.JPG"]
    # Used once only.
    again = await client.post(
        f"/threads/{thread['id']}/messages",
        json={"text": "Nog eens", "attachmentIds": [uploads[0]["id"]]},
        headers=world.headers("parent"),
    )
    assert again.status_code == 400
    assert _field_error(again) == ("#/attachmentIds/0", "unknown_reference")

    download = await client.get(
        f"/attachments/{uploads[0]['id']}/content", headers=world.headers("teacher")
    )
    assert download.status_code == 200
    assert download.content == PDF
    assert download.headers["content-type"] == "application/pdf"
    assert download.headers["x-content-type-options"] == "nosniff"
    assert download.headers["content-security-policy"] == "default-src 'none'"
    assert download.headers["content-disposition"].startswith('attachment; filename="scan.pdf"')
    events = (
        await session.scalars(
            select(AuditEvent)
            .where(AuditEvent.resource == "attachments", AuditEvent.action == "read")
            .execution_options(populate_existing=True)
        )
    ).all()
    assert [e.child_ids for e in events] == [[str(world.pupil.id)]]
    for who in ("parent_without_authority", "school_admin", "outsider_parent", "other_admin"):
        refused = await client.get(
            f"/attachments/{uploads[0]['id']}/content", headers=world.headers(who)
        )
        assert refused.status_code == 404, who
    # An unused upload: only its uploader reads it.
    own = await client.get(
        f"/attachments/{uploads[2]['id']}/content", headers=world.headers("parent")
    )
    assert own.status_code == 200 and own.content == PNG
    assert (
        await client.get(
            f"/attachments/{uploads[2]['id']}/content", headers=world.headers("teacher")
        )
    ).status_code == 404
    # Nobody else claims it.
    stolen = await client.post(
        f"/threads/{thread['id']}/messages",
        json={"text": "Van mij", "attachmentIds": [uploads[2]["id"]]},
        headers=world.headers("teacher"),
    )
    assert stolen.status_code == 400
    # A withdrawn message hides its files.
    message_id = posted.json()["id"]
    await client.post(
        f"/threads/{thread['id']}/messages/{message_id}/withdrawal",
        headers=world.headers("parent"),
    )
    hidden = await client.get(
        f"/attachments/{uploads[0]['id']}/content", headers=world.headers("teacher")
    )
    assert hidden.status_code == 404
    assert (
        await client.get(f"/attachments/{uuid.uuid4()}/content", headers=world.headers("parent"))
    ).status_code == 404


async def test_refused_uploads_store_nothing(
    client: httpx.AsyncClient, world: World, session: AsyncSession, storage: LocalStorage
) -> None:
    cases = [
        ("foto.pdf", PNG, "application/octet-stream", 400, "type_mismatch"),  # PNG named .pdf
        ("foto.png", PNG, "application/pdf", 400, "type_mismatch"),  # declared otherwise
        ("scan.png", PDF, "image/png", 400, "type_mismatch"),
        ("setup.exe", ELF, "application/octet-stream", 400, "unsupported_type"),
        ("setup.pdf", ELF, "application/pdf", 400, "unsupported_type"),
        ("notities.txt", b"gewoon tekst", "text/plain", 400, "unsupported_type"),
        ("leeg.pdf", b"", "application/pdf", 400, "empty"),
    ]
    for name, data, declared, status, code in cases:
        response = await _upload(client, world, name, data, declared)
        assert response.status_code == status, (name, response.text)
        assert _field_error(response) == ("#/file", code), name
    missing = await client.post(
        "/attachments",
        files={"other": ("a.png", PNG, "image/png")},
        headers=world.headers("parent"),
    )
    assert missing.status_code == 400
    assert _field_error(missing)[0] == "#/file"
    not_multipart = await client.post(
        "/attachments",
        content=PNG,
        headers={**world.headers("parent"), "content-type": "image/png"},
    )
    assert not_multipart.status_code == 400
    assert (await client.post("/attachments", files={"file": ("a.png", PNG)})).status_code == 401
    assert await _rows(session) == 0
    assert stored_files(storage) == []


async def test_ten_megabytes_is_the_limit(
    client: httpx.AsyncClient, world: World, session: AsyncSession, storage: LocalStorage
) -> None:
    too_large = await _upload(client, world, "groot.png", PNG + b"\x00" * (MAX + 1 - len(PNG)))
    assert too_large.status_code == 413
    assert _field_error(too_large) == ("#/file", "too_large")
    assert await _rows(session) == 0
    assert stored_files(storage) == []
    exactly = await _upload(client, world, "groot.png", PNG + b"\x00" * (MAX - len(PNG)))
    assert exactly.status_code == 201, exactly.text
    assert exactly.json()["size"] == MAX
    # A body far past the limit is refused before it is read in full.
    huge = await client.post(
        "/attachments",
        content=b"x" * (MAX + 200 * 1024),
        headers={**world.headers("parent"), "content-type": "multipart/form-data; boundary=x"},
    )
    assert huge.status_code == 413
    assert await _rows(session) == 1


async def test_file_names_are_cleaned_for_the_download(
    client: httpx.AsyncClient, world: World, session: AsyncSession, storage: LocalStorage
) -> None:
    thread = await _thread_with_contact_person(client, world, session)
    response = await _upload(client, world, '..\\..\\rap"port;\x07 zeer één.pdf', PDF)
    assert response.status_code == 201, response.text
    name = response.json()["fileName"]
    # httpx sends `"` and control characters percent-encoded (as browsers do); the path goes.
    assert name == "rap%22port_%07 zeer één.pdf"
    await client.post(
        f"/threads/{thread['id']}/messages",
        json={"text": "Rapport", "attachmentIds": [response.json()["id"]]},
        headers=world.headers("parent"),
    )
    download = await client.get(
        f"/attachments/{response.json()['id']}/content", headers=world.headers("teacher")
    )
    disposition = download.headers["content-disposition"]
    assert disposition == (
        'attachment; filename="rap%22port_%07 zeer __n.pdf"; '
        "filename*=UTF-8''rap%2522port_%2507%20zeer%20%C3%A9%C3%A9n.pdf"
    )


def test_clean_file_name_keeps_the_last_segment_without_control_or_quoting_characters() -> None:
    assert clean_file_name('../../a"b;c\x07\r\nd.pdf', "application/pdf") == "a_b_c___d.pdf"
    assert clean_file_name("C:\\Users\\x\\foto.png", "image/png") == "foto.png"
    assert clean_file_name("  ..  ", "image/png") == "bijlage.png"
    assert clean_file_name(None, "image/jpeg") == "bijlage.jpg"
    long = clean_file_name("x" * 300 + ".pdf", "application/pdf")
    assert len(long) == 200 and long.endswith(".pdf")
