"""Through the real API and a real SMTP server: messages, a handover note, an announcement and
a booked talk all make e-mail, and not one word of their content reaches a mail."""

from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from kindcentraal.config import Settings
from kindcentraal.outbox.delivery import deliver_due
from tests.backend.factories import World
from tests.backend.smtp import Inbox

SECRETS = {
    "subject": "Zorgen om de thuissituatie",
    "message": "Vader is opgenomen; Pim slaapt slecht.",
    "answer": "Ik bel de jeugdverpleegkundige over de slaapproblemen.",
    "note": "Gesprek met Veilig Thuis loopt, niet delen met opa.",
    "title": "Uitslag hoofdluiscontrole",
    "text": "In groep 5 is hoofdluis gevonden bij twee kinderen.",
}

# A word of each that no mail template has.
MARKERS = ("thuissituatie", "opgenomen", "jeugdverpleegkundige", "Veilig", "hoofdluis")


async def _deliver_all(sessions: async_sessionmaker[AsyncSession], settings: Settings) -> None:
    while await deliver_due(sessions, settings):
        pass


async def test_no_content_of_a_message_note_announcement_or_talk_reaches_a_mail(
    client: httpx.AsyncClient,
    world: World,
    session: AsyncSession,
    sessions: async_sessionmaker[AsyncSession],
    smtp: tuple[Inbox, str],
    mail_settings: Settings,
) -> None:
    inbox, _url = smtp
    world.pupil.contact_person_id = world.teacher.id
    await session.flush()
    parent, teacher = world.headers("parent"), world.headers("teacher")

    opened = await client.post(
        f"/children/{world.pupil.id}/threads",
        json={"subject": SECRETS["subject"], "text": SECRETS["message"]},
        headers=parent,
    )
    assert opened.status_code == 201, opened.text
    answered = await client.post(
        f"/threads/{opened.json()['id']}/messages",
        json={"text": SECRETS["answer"]},
        headers=teacher,
    )
    assert answered.status_code == 201, answered.text
    handed = await client.put(
        f"/children/{world.pupil.id}/contact-person",
        json={"userId": str(world.pm.id), "handoverNote": SECRETS["note"]},
        headers=world.headers("school_admin"),
    )
    assert handed.status_code == 200, handed.text
    announced = await client.post(
        "/announcements",
        json={"groupId": str(world.group.id), "title": SECRETS["title"], "text": SECRETS["text"]},
        headers=teacher,
    )
    assert announced.status_code == 201, announced.text
    starts = (datetime.now(UTC) + timedelta(days=3)).replace(minute=0, second=0, microsecond=0)
    published = await client.post(
        "/talk-slots",
        json={
            "groupId": str(world.group.id),
            "series": {"startsAt": starts.isoformat(), "durationMinutes": 15, "count": 1},
        },
        headers=teacher,
    )
    assert published.status_code == 201, published.text
    slot = published.json()["items"][0]["id"]
    booked = await client.post(
        f"/talk-slots/{slot}/booking", json={"childId": str(world.pupil.id)}, headers=parent
    )
    assert booked.status_code == 201, booked.text

    await _deliver_all(sessions, mail_settings)
    subjects = {m["Subject"] for m in inbox.messages if m["To"] == world.parent.email}
    assert "Er is een nieuw bericht over Pim in KindCentraal." in subjects
    assert "Pim heeft een nieuwe contactpersoon in KindCentraal." in subjects
    assert "Er is een nieuwe mededeling voor Pim in KindCentraal." in subjects
    assert any(m.get_content_type() == "multipart/mixed" for m in inbox.messages)  # the invitation
    to_new_contact = [m["Subject"] for m in inbox.messages if m["To"] == world.pm.email]
    assert "U bent de nieuwe contactpersoon van Pim in KindCentraal." in to_new_contact
    everything = "\n".join(inbox.texts())
    for word in MARKERS:
        assert word not in everything, word
    assert world.pupil.family_name not in everything
