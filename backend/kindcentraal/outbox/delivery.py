"""Delivering the outbox over SMTP.

A worker claims due mails by setting a lease (`locked_until`) and commits; it then sends each
one and records the outcome in its own commit. A worker killed mid-delivery leaves its claimed
mails leased: after the lease they are due again, so no mail is lost. Every mail carries a
Message-ID derived from its row, so the one case that can repeat a mail (killed in the
milliseconds between the server's "250 OK" and the commit) repeats the same message, which
mail systems recognise as one.
"""

import contextlib
import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import formatdate
from urllib.parse import parse_qs, unquote, urlsplit

import aiosmtplib
from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from kindcentraal.config import Settings
from kindcentraal.outbox.models import MailStatus, OutboxMail
from kindcentraal.user.models import User

logger = logging.getLogger("kindcentraal.outbox")

LOOPBACK = {"localhost", "127.0.0.1", "::1"}
BATCH = 20
MAX_BACKOFF = timedelta(hours=6)
FIRST_BACKOFF = timedelta(seconds=30)


class SmtpUrlError(ValueError):
    pass


@dataclass(frozen=True)
class SmtpTarget:
    host: str
    port: int
    username: str | None
    password: str | None
    use_tls: bool
    start_tls: bool


def parse_smtp_url(url: str) -> SmtpTarget:
    """smtp://user:pass@host:587 (STARTTLS required), smtps://host:465 (TLS), and, on the
    loopback only, smtp://localhost:1025?tls=none (a development or test server)."""
    parts = urlsplit(url)
    if parts.scheme not in {"smtp", "smtps"} or not parts.hostname:
        raise SmtpUrlError("KC_SMTP_URL must look like smtp://host:587 or smtps://host:465")
    plain = parse_qs(parts.query).get("tls") == ["none"]
    if plain and parts.hostname not in LOOPBACK:
        raise SmtpUrlError("tls=none is only allowed for a server on the loopback")
    smtps = parts.scheme == "smtps"
    return SmtpTarget(
        host=parts.hostname,
        port=parts.port or (465 if smtps else 587),
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        use_tls=smtps,
        start_tls=not smtps and not plain,
    )


def message_id(mail_id: uuid.UUID) -> str:
    return f"<{mail_id}@kindcentraal>"


@dataclass(frozen=True)
class Claimed:
    id: uuid.UUID
    tenant_id: uuid.UUID
    user_id: uuid.UUID | None
    to_address: str
    subject: str
    body: str
    calendar: str | None
    attempts: int


def build_message(mail: Claimed, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = mail.to_address
    message["Subject"] = mail.subject
    message["Message-ID"] = message_id(mail.id)
    message["Date"] = formatdate(usegmt=True)
    # No out-of-office replies to a notification.
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(mail.body)
    if mail.calendar is not None:
        message.add_attachment(
            mail.calendar,
            subtype="calendar",
            filename="uitnodiging.ics",
            params={"method": "REQUEST"},
        )
    return message


async def _claim(
    sessionmaker: async_sessionmaker[AsyncSession], settings: Settings, now: datetime
) -> list[Claimed]:
    async with sessionmaker() as session, session.begin():
        statement = (
            select(OutboxMail)
            .where(
                OutboxMail.status == MailStatus.PENDING,
                OutboxMail.next_attempt_at <= now,
                or_(OutboxMail.locked_until.is_(None), OutboxMail.locked_until < now),
            )
            .order_by(OutboxMail.next_attempt_at, OutboxMail.id)
            .limit(BATCH)
        )
        if not settings.is_sqlite:
            # Two workers side by side take different mails instead of waiting on each other.
            statement = statement.with_for_update(skip_locked=True)
        mails = list(await session.scalars(statement))
        lease = now + timedelta(seconds=settings.outbox_lease_seconds)
        for mail in mails:
            mail.locked_until = lease
            mail.attempts += 1
        return [
            Claimed(
                id=mail.id,
                tenant_id=mail.tenant_id,
                user_id=mail.user_id,
                to_address=mail.to_address,
                subject=mail.subject,
                body=mail.body,
                calendar=mail.calendar,
                attempts=mail.attempts,
            )
            for mail in mails
        ]


async def _sent(sessionmaker: async_sessionmaker[AsyncSession], mail: Claimed) -> None:
    async with sessionmaker() as session, session.begin():
        await session.execute(
            update(OutboxMail)
            .where(OutboxMail.id == mail.id)
            .values(status=MailStatus.SENT, sent_at=datetime.now(UTC), locked_until=None)
        )


async def _refused(
    sessionmaker: async_sessionmaker[AsyncSession], mail: Claimed, code: int, *, address: bool
) -> None:
    """Refused for good: the mail fails, and a refused address takes no more mail until the
    person changes it (no retrying forever)."""
    now = datetime.now(UTC)
    async with sessionmaker() as session, session.begin():
        await session.execute(
            update(OutboxMail)
            .where(OutboxMail.id == mail.id)
            .values(status=MailStatus.FAILED, locked_until=None, last_error=f"refused {code}")
        )
        if address and mail.user_id is not None:
            await session.execute(
                update(User)
                .where(
                    User.tenant_id == mail.tenant_id,
                    User.id == mail.user_id,
                    User.email == mail.to_address,
                )
                .values(email_undeliverable_at=now)
            )
            # The account's other mails to that address would be refused the same way. Only
            # this account's: the same address in another municipality is another account.
            await session.execute(
                update(OutboxMail)
                .where(
                    OutboxMail.tenant_id == mail.tenant_id,
                    OutboxMail.user_id == mail.user_id,
                    OutboxMail.to_address == mail.to_address,
                    OutboxMail.status == MailStatus.PENDING,
                    OutboxMail.id != mail.id,
                )
                .values(status=MailStatus.FAILED, last_error="address refused")
            )


async def _retry_later(
    sessionmaker: async_sessionmaker[AsyncSession],
    settings: Settings,
    mail: Claimed,
    reason: str,
) -> None:
    backoff = min(FIRST_BACKOFF * 2 ** (mail.attempts - 1), MAX_BACKOFF)
    final = mail.attempts >= settings.outbox_max_attempts
    async with sessionmaker() as session, session.begin():
        await session.execute(
            update(OutboxMail)
            .where(OutboxMail.id == mail.id)
            .values(
                status=MailStatus.FAILED if final else MailStatus.PENDING,
                next_attempt_at=datetime.now(UTC) + backoff,
                locked_until=None,
                last_error=reason[:200],
            )
        )


def _reason(exc: Exception) -> str:
    # The class and the SMTP code: a server's text may repeat the address.
    code = getattr(exc, "code", None)
    if isinstance(exc, aiosmtplib.SMTPRecipientsRefused) and exc.recipients:
        code = exc.recipients[0].code
    return f"{type(exc).__name__} {code}" if code is not None else type(exc).__name__


async def deliver_due(sessionmaker: async_sessionmaker[AsyncSession], settings: Settings) -> int:
    """Deliver one batch of due mails over one SMTP connection; the number sent."""
    if settings.smtp_url is None:
        return 0
    target = parse_smtp_url(settings.smtp_url)
    mails = await _claim(sessionmaker, settings, datetime.now(UTC))
    if not mails:
        return 0
    sent = 0
    client = aiosmtplib.SMTP(
        hostname=target.host,
        port=target.port,
        use_tls=target.use_tls,
        start_tls=target.start_tls,
        timeout=30,
    )
    try:
        await client.connect()
        if target.username is not None:
            await client.login(target.username, target.password or "")
    except (aiosmtplib.SMTPException, OSError) as exc:
        logger.warning("mail server unreachable: %s", _reason(exc))
        for mail in mails:
            await _retry_later(sessionmaker, settings, mail, _reason(exc))
        return 0
    try:
        for index, mail in enumerate(mails):
            try:
                await client.send_message(build_message(mail, settings.mail_from))
            except aiosmtplib.SMTPRecipientsRefused as exc:
                codes = [refusal.code for refusal in exc.recipients]
                if codes and all(code >= 500 for code in codes):
                    await _refused(sessionmaker, mail, codes[0], address=True)
                else:
                    await _retry_later(sessionmaker, settings, mail, _reason(exc))
                continue
            except aiosmtplib.SMTPResponseException as exc:
                if exc.code >= 500:
                    await _refused(sessionmaker, mail, exc.code, address=False)
                else:
                    await _retry_later(sessionmaker, settings, mail, _reason(exc))
                continue
            except (aiosmtplib.SMTPException, OSError) as exc:
                # The connection is gone: this mail and the rest of the batch go again later.
                for rest in mails[index:]:
                    await _retry_later(sessionmaker, settings, rest, _reason(exc))
                return sent
            await _sent(sessionmaker, mail)
            sent += 1
    finally:
        with contextlib.suppress(aiosmtplib.SMTPException, OSError):
            await client.quit()
    return sent
