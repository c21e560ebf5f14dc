"""No personal data in application logs, even for searches, bad input and crashes."""

import httpx
from sqlalchemy.exc import IntegrityError

from tests.backend.conftest import LOG_CAPTURE, personal_data_in_logs
from tests.backend.factories import World


async def test_requests_with_personal_data_leave_no_trace_in_logs(
    client: httpx.AsyncClient, world: World, app
) -> None:  # type: ignore[no-untyped-def]
    before = len(LOG_CAPTURE.lines)
    headers = world.headers("centre_admin")
    await client.get("/children", params={"q": "Pupil"}, headers=headers)
    await client.post(
        "/children",
        json={
            "centreId": str(world.centre.id),
            "givenName": "Pim",
            "familyName": "Pupil",
            "dateOfBirth": "2019-01-01",
            "bsn": "123456789",
        },
        headers=headers,
    )
    await client.post("/auth/token", data={"username": world.teacher.email, "password": "x"})
    await client.get(f"/children/{world.pupil.id}/bsn", headers=world.headers("school_admin"))

    # a crash whose exception message holds personal data: the log keeps only the frames
    from kindcentraal.child import page as child_page

    original = child_page.read_child_page

    # built at run time, so the traceback's source lines do not contain it either
    message = "INSERT ... " + "Pup" + "il " + "111" + "222333"

    async def crashing(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise IntegrityError(message, {}, Exception(message))

    child_page.read_child_page = crashing  # type: ignore[assignment]
    try:
        crashed = await client.get(f"/children/{world.pupil.id}", headers=headers)
    finally:
        child_page.read_child_page = original  # type: ignore[assignment]
    assert crashed.status_code == 500
    assert "Pupil" not in crashed.text

    new_lines = LOG_CAPTURE.lines[before:]
    assert any("GET /children " in line for line in new_lines), "request log captured"
    assert any("unhandled sqlalchemy.exc.IntegrityError" in line for line in new_lines)
    assert personal_data_in_logs() == []
