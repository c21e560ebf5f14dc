"""Queueing e-mail: rows in the outbox, written in the caller's transaction, so a mail exists
exactly when the event it tells about was committed. `kindcentraal worker` delivers them."""

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.child.models import Child, Guardian
from kindcentraal.config import get_settings
from kindcentraal.notification.models import Notification, NotificationKind
from kindcentraal.outbox import texts
from kindcentraal.outbox.models import MailStatus, NotificationSetting, OutboxMail
from kindcentraal.user.models import User

PARENT_PATHS = {
    NotificationKind.MESSAGE_RECEIVED: "/ouder/berichten",
    NotificationKind.ANNOUNCEMENT_PUBLISHED: "/ouder/mededelingen",
    NotificationKind.TALK_SLOTS_PUBLISHED: "/ouder/gesprekken",
    NotificationKind.TALK_BOOKED: "/ouder/gesprekken",
    NotificationKind.TALK_CANCELLED: "/ouder/gesprekken",
}
STAFF_PATHS = {
    NotificationKind.MESSAGE_RECEIVED: "/berichten",
    NotificationKind.TALK_BOOKED: "/gesprekken",
    NotificationKind.TALK_CANCELLED: "/gesprekken",
}


def _link(path: str) -> str:
    return get_settings().app_url.rstrip("/") + path


def _body(language: str, line: str, path: str) -> str:
    return (
        f"{line}\n\n{texts.OPEN_APP[language]}\n{_link(path)}\n\n"
        f"-- \n{texts.WHY_THIS_MAIL[language]}\n"
    )


async def _recipients(
    session: AsyncSession, tenant_id: uuid.UUID, user_ids: Iterable[uuid.UUID]
) -> list[tuple[User, NotificationSetting | None]]:
    """The active accounts with a deliverable address, with their e-mail settings."""
    ids = sorted(set(user_ids), key=str)
    if not ids:
        return []
    rows = await session.execute(
        select(User, NotificationSetting)
        .outerjoin(
            NotificationSetting,
            (NotificationSetting.user_id == User.id)
            & (NotificationSetting.tenant_id == User.tenant_id),
        )
        .where(
            User.tenant_id == tenant_id,
            User.id.in_(ids),
            User.is_active,
            User.email_undeliverable_at.is_(None),
        )
        .order_by(User.id)
    )
    return [(user, setting) for user, setting in rows.tuples()]


def _wants(setting: NotificationSetting | None, topic: str) -> bool:
    return True if setting is None else bool(getattr(setting, topic))


def _mail(
    user: User,
    *,
    template: str,
    subject: str,
    body: str,
    calendar: str | None = None,
    dedupe_key: str | None = None,
) -> OutboxMail:
    """A mail to the account's address, due now."""
    return OutboxMail(
        tenant_id=user.tenant_id,
        user_id=user.id,
        to_address=user.email,
        template=template,
        subject=subject,
        body=body,
        calendar=calendar,
        dedupe_key=dedupe_key,
        status=MailStatus.PENDING,
        attempts=0,
        next_attempt_at=datetime.now(UTC),
    )


async def queue_mail(
    session: AsyncSession,
    *,
    tenant_id: uuid.UUID,
    user_id: uuid.UUID,
    template: str,
    subject: str,
    body: str,
    calendar: str | None = None,
    dedupe_key: str | None = None,
) -> OutboxMail | None:
    """Queue one mail to an account's address; none when the account has no deliverable
    address. The caller writes only what happened, never a message's or note's text."""
    found = await _recipients(session, tenant_id, [user_id])
    if not found:
        return None
    user, _setting = found[0]
    mail = _mail(
        user,
        template=template,
        subject=subject,
        body=body,
        calendar=calendar,
        dedupe_key=dedupe_key,
    )
    session.add(mail)
    return mail


async def mail_notifications(
    session: AsyncSession,
    *,
    tenant_id: uuid.UUID,
    user_ids: Sequence[uuid.UUID],
    kind: NotificationKind,
    child_id: uuid.UUID | None,
    calendar: str | None = None,
) -> int:
    """The e-mail side of `notify`: one mail per recipient who wants this kind by e-mail,
    naming what happened and the child's first name, in the recipient's language; with an
    iCalendar invitation attached when there is one (a booked talk)."""
    topic = texts.TOPIC_OF.get(kind)
    if topic is None or not user_ids:
        return 0
    recipients = [
        user
        for user, setting in await _recipients(session, tenant_id, user_ids)
        if _wants(setting, topic)
    ]
    if not recipients:
        return 0
    first_name = "KindCentraal"
    guardians: set[uuid.UUID] = set()
    if child_id is not None:
        first_name = (
            await session.scalar(
                select(Child.given_name).where(Child.id == child_id, Child.tenant_id == tenant_id)
            )
            or first_name
        )
        guardians = set(
            await session.scalars(
                select(Guardian.user_id).where(
                    Guardian.child_id == child_id,
                    Guardian.tenant_id == tenant_id,
                    Guardian.user_id.in_([user.id for user in recipients]),
                )
            )
        )
    for user in recipients:
        language = texts.language_of(user.language)
        line = texts.EVENT_LINES[kind][language].format(name=first_name)
        paths = PARENT_PATHS if user.id in guardians else STAFF_PATHS
        default = "/ouder" if user.id in guardians else "/"
        session.add(
            _mail(
                user,
                template=kind.value,
                subject=line,
                body=_body(language, line, paths.get(kind, default)),
                calendar=calendar,
            )
        )
    return len(recipients)


def digest_key(user_id: uuid.UUID, week_start: datetime) -> str:
    iso = week_start.isocalendar()
    return f"digest:{iso.year}-W{iso.week:02d}:{user_id}"


async def queue_weekly_digests(
    session: AsyncSession, *, tenant_id: uuid.UUID, week_end: datetime
) -> int:
    """One digest per guardian who wants it and had notifications in the seven days before
    `week_end`: counts per child and kind, in the guardian's language. Idempotent per week:
    a digest already queued for that week is not queued again."""
    week_start = week_end - timedelta(days=7)
    guardian_ids = select(Guardian.user_id).where(Guardian.tenant_id == tenant_id)
    counts = await session.execute(
        select(Notification.user_id, Notification.child_id, Notification.kind, func.count())
        .where(
            Notification.tenant_id == tenant_id,
            Notification.created_at >= week_start,
            Notification.created_at < week_end,
            Notification.user_id.in_(guardian_ids),
        )
        .group_by(Notification.user_id, Notification.child_id, Notification.kind)
    )
    per_user: dict[uuid.UUID, dict[uuid.UUID | None, dict[NotificationKind, int]]] = defaultdict(
        lambda: defaultdict(dict)
    )
    for user_id, child_id, kind, count in counts.tuples():
        per_user[user_id][child_id][kind] = count
    if not per_user:
        return 0
    keys = {user_id: digest_key(user_id, week_end) for user_id in per_user}
    already = set(
        await session.scalars(
            select(OutboxMail.dedupe_key).where(
                OutboxMail.tenant_id == tenant_id, OutboxMail.dedupe_key.in_(keys.values())
            )
        )
    )
    child_ids = {c for children in per_user.values() for c in children if c is not None}
    names = dict(
        (
            await session.execute(
                select(Child.id, Child.given_name).where(
                    Child.tenant_id == tenant_id, Child.id.in_(child_ids)
                )
            )
        )
        .tuples()
        .all()
    )
    queued = 0
    for user, setting in await _recipients(session, tenant_id, per_user):
        if not _wants(setting, "weekly_digest") or keys[user.id] in already:
            continue
        language = texts.language_of(user.language)
        lines = [texts.DIGEST_INTRO[language], ""]
        for child_id, kinds in sorted(
            per_user[user.id].items(), key=lambda item: names.get(item[0], "") if item[0] else ""
        ):
            label = names.get(child_id) if child_id else texts.ALL_CHILDREN[language]
            if label is None:
                continue
            parts = []
            other = 0
            for kind, count in sorted(kinds.items(), key=lambda item: item[0].value):
                if kind in texts.DIGEST_LABELS:
                    parts.append(f"{count} {texts.DIGEST_LABELS[kind][language]}")
                else:
                    other += count
            if other:
                parts.append(f"{other} {texts.OTHER_LABEL[language]}")
            lines.append(f"- {label}: {', '.join(parts)}")
        body = "\n".join(lines)
        session.add(
            _mail(
                user,
                template="weekly_digest",
                subject=texts.DIGEST_SUBJECT[language],
                body=_body(language, body, "/ouder"),
                dedupe_key=keys[user.id],
            )
        )
        queued += 1
    return queued
