"""The outbox delivered over real SMTP: every mail once, refused addresses marked, temporary
failures retried later, nothing but what happened and the child's first name in any mail."""

import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from kindcentraal.auth.principal import Principal
from kindcentraal.config import Settings
from kindcentraal.notification.models import NotificationKind
from kindcentraal.notification.service import notify
from kindcentraal.outbox import texts
from kindcentraal.outbox.delivery import SmtpUrlError, deliver_due, message_id, parse_smtp_url
from kindcentraal.outbox.models import MailStatus, NotificationSetting, OutboxMail
from kindcentraal.outbox.service import queue_mail
from kindcentraal.user.models import User
from tests.backend.factories import World
from tests.backend.smtp import Inbox


async def _mails(session: AsyncSession) -> list[OutboxMail]:
    rows = await session.scalars(
        select(OutboxMail)
        .order_by(OutboxMail.created_at, OutboxMail.id)
        .execution_options(populate_existing=True)
    )
    return list(rows)


async def _one_mail_to_the_parent(world: World, session: AsyncSession) -> None:
    await queue_mail(
        session,
        tenant_id=world.tenant.id,
        user_id=world.parent.id,
        template="test",
        subject="Er is iets nieuws",
        body="Open KindCentraal.",
    )
    await session.flush()


async def _as(world: World, session: AsyncSession, who: str) -> Principal:
    user: User = getattr(world, who)
    return Principal(user_id=user.id, tenant_id=user.tenant_id, session_id=uuid.uuid4())


@pytest.mark.parametrize("kind", sorted(texts.TOPIC_OF, key=lambda k: k.value))
@pytest.mark.parametrize("language", texts.LANGUAGES)
async def test_every_template_names_only_the_event_and_the_first_name(
    kind: NotificationKind,
    language: str,
    world: World,
    session: AsyncSession,
    sessions: async_sessionmaker[AsyncSession],
    smtp: tuple[Inbox, str],
    mail_settings: Settings,
) -> None:
    inbox, _url = smtp
    world.parent.language = language
    world.pupil.given_name = "Fatima"
    world.pupil.family_name = "Geheimnaam"
    await session.flush()
    principal = await _as(world, session, "teacher")
    await notify(session, principal, [world.parent.id], kind, child_id=world.pupil.id)
    await session.flush()

    assert await deliver_due(sessions, mail_settings) == 1
    [mail] = inbox.messages
    assert mail["To"] == world.parent.email
    assert mail["Message-ID"] == message_id((await _mails(session))[0].id)
    body = mail.get_body(preferencelist=("plain",))
    assert body is not None
    text = body.get_content().replace("\r\n", "\n")
    expected = texts.EVENT_LINES[kind][language].format(name="Fatima")
    assert mail["Subject"] == expected
    assert text.startswith(expected + "\n")
    # Only the first name: no family name, no date of birth, no BSN, no other child data.
    whole = inbox.texts()[0]
    for secret in ("Geheimnaam", "111222333", world.pupil.date_of_birth.isoformat()):
        assert secret not in whole
    assert mail_settings.app_url in text
    assert [m.status for m in await _mails(session)] == [MailStatus.SENT]


async def test_a_refused_address_is_marked_and_not_tried_again(
    world: World,
    session: AsyncSession,
    sessions: async_sessionmaker[AsyncSession],
    smtp: tuple[Inbox, str],
    mail_settings: Settings,
) -> None:
    inbox, _url = smtp
    inbox.refuse.add(world.parent.email)
    principal = await _as(world, session, "teacher")
    for _ in range(2):
        await notify(
            session,
            principal,
            [world.parent.id, world.parent_without_authority.id],
            NotificationKind.MESSAGE_RECEIVED,
            child_id=world.pupil.id,
        )
    # The same address in another municipality: another account, its mail not touched.
    elsewhere = OutboxMail(
        tenant_id=world.other_tenant.id,
        user_id=world.other_admin.id,
        to_address=world.parent.email,
        template="test",
        subject="Er is iets nieuws",
        body="Open KindCentraal.",
        status=MailStatus.PENDING,
        attempts=0,
        next_attempt_at=datetime.now(UTC) + timedelta(hours=1),
    )
    session.add(elsewhere)
    await session.flush()

    assert await deliver_due(sessions, mail_settings) == 2
    await session.refresh(elsewhere)
    assert elsewhere.status == MailStatus.PENDING
    mails = [m for m in await _mails(session) if m.id != elsewhere.id]
    refused = [m for m in mails if m.to_address == world.parent.email]
    assert {m.status for m in refused} == {MailStatus.FAILED}
    assert all(world.parent.email not in (m.last_error or "") for m in refused)
    await session.refresh(world.parent)
    assert world.parent.email_undeliverable_at is not None
    # No new mail is queued for the marked address, and delivery has nothing left to do.
    await notify(
        session,
        principal,
        [world.parent.id],
        NotificationKind.MESSAGE_RECEIVED,
        child_id=world.pupil.id,
    )
    await session.flush()
    assert len(await _mails(session)) == len(mails) + 1
    assert await deliver_due(sessions, mail_settings) == 0
    assert [m["To"] for m in inbox.messages] == [world.parent_without_authority.email] * 2


async def test_a_deferred_mail_is_retried_with_backoff_and_then_delivered(
    world: World,
    session: AsyncSession,
    sessions: async_sessionmaker[AsyncSession],
    smtp: tuple[Inbox, str],
    mail_settings: Settings,
) -> None:
    inbox, _url = smtp
    inbox.defer.add(world.parent.email)
    await _one_mail_to_the_parent(world, session)
    started = datetime.now(UTC)
    assert await deliver_due(sessions, mail_settings) == 0
    [mail] = await _mails(session)
    assert mail.status == MailStatus.PENDING
    assert mail.attempts == 1
    assert mail.next_attempt_at >= started + timedelta(seconds=29)
    assert mail.last_error is not None and "451" in mail.last_error
    # Not due yet: nothing is tried.
    assert await deliver_due(sessions, mail_settings) == 0
    assert (await _mails(session))[0].attempts == 1
    # Due again, and the server takes it now.
    inbox.defer.clear()
    await session.execute(update(OutboxMail).values(next_attempt_at=datetime.now(UTC)))
    assert await deliver_due(sessions, mail_settings) == 1
    [mail] = await _mails(session)
    assert (mail.status, mail.attempts) == (MailStatus.SENT, 2)
    assert len(inbox.messages) == 1


async def test_after_the_last_attempt_a_mail_fails_for_good(
    world: World,
    session: AsyncSession,
    sessions: async_sessionmaker[AsyncSession],
    smtp: tuple[Inbox, str],
    mail_settings: Settings,
) -> None:
    inbox, _url = smtp
    inbox.defer.add(world.parent.email)
    settings = mail_settings.model_copy(update={"outbox_max_attempts": 2})
    await _one_mail_to_the_parent(world, session)
    for _ in range(2):
        await session.execute(update(OutboxMail).values(next_attempt_at=datetime.now(UTC)))
        await deliver_due(sessions, settings)
    [mail] = await _mails(session)
    assert (mail.status, mail.attempts) == (MailStatus.FAILED, 2)


async def test_an_unreachable_server_keeps_the_mail_for_later(
    world: World,
    session: AsyncSession,
    sessions: async_sessionmaker[AsyncSession],
    settings: Settings,
) -> None:
    from tests.backend.smtp import free_port

    down = settings.model_copy(update={"smtp_url": f"smtp://127.0.0.1:{free_port()}?tls=none"})
    await _one_mail_to_the_parent(world, session)
    assert await deliver_due(sessions, down) == 0
    [mail] = await _mails(session)
    assert mail.status == MailStatus.PENDING and mail.attempts == 1
    assert mail.locked_until is None


async def test_email_settings_choose_which_notifications_are_mailed(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    url = "/me/notification-settings"
    defaults = await client.get(url, headers=world.headers("parent"))
    assert defaults.status_code == 200
    assert all(defaults.json().values())
    changed = await client.put(
        url, json={**defaults.json(), "messages": False}, headers=world.headers("parent")
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["messages"] is False
    bad = await client.put(url, json={"messages": "nee"}, headers=world.headers("parent"))
    assert bad.status_code == 400
    principal = await _as(world, session, "teacher")
    await notify(
        session,
        principal,
        [world.parent.id],
        NotificationKind.MESSAGE_RECEIVED,
        child_id=world.pupil.id,
    )
    await notify(
        session,
        principal,
        [world.parent.id],
        NotificationKind.CONSENT_NEEDED,
        child_id=world.pupil.id,
    )
    await session.flush()
    assert [m.template for m in await _mails(session)] == ["consent_needed"]
    stored = await session.scalar(
        select(NotificationSetting).where(NotificationSetting.user_id == world.parent.id)
    )
    assert stored is not None and stored.email_messages is False


def test_smtp_urls_require_tls_except_on_the_loopback() -> None:
    assert parse_smtp_url("smtp://u%40x:p@mail.example.nl").start_tls
    assert parse_smtp_url("smtp://u%40x:p@mail.example.nl").username == "u@x"
    assert parse_smtp_url("smtp://mail.example.nl").port == 587
    assert parse_smtp_url("smtps://mail.example.nl").use_tls
    assert not parse_smtp_url("smtp://127.0.0.1:1025?tls=none").start_tls
    for bad in ("smtp://mail.example.nl?tls=none", "http://mail.example.nl", "smtp://"):
        with pytest.raises(SmtpUrlError):
            parse_smtp_url(bad)
