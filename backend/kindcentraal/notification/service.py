"""In-app notifications: that something happened, for which child, to whom. No care content."""

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import Select, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.auth.principal import Principal
from kindcentraal.child import policy as child_policy
from kindcentraal.child.models import Child, Guardian
from kindcentraal.common.pagination import PageParams, SortKey, paginate
from kindcentraal.errors import NotFound
from kindcentraal.notification.models import Notification, NotificationKind
from kindcentraal.notification.schemas import NotificationRead, NotificationUpdate
from kindcentraal.outbox.service import mail_notifications

ABOUT = {
    NotificationKind.TEAM_MEMBER_JOINED: "A professional joined the team around the child.",
    NotificationKind.SIGNAL_ASSIGNED: "A signal about the child waits for your decision.",
    NotificationKind.CONSENT_NEEDED: "Support for the child waits for your consent.",
    NotificationKind.STATUS_CHANGED: "The status of the child's support changed.",
    NotificationKind.GUARDIAN_NOTE: "There is a new note for you about the child's support.",
    NotificationKind.BOOKING_REQUESTED: "A booking of a room you manage waits for approval.",
    NotificationKind.BOOKING_CONFIRMED: "Your room booking was approved.",
    NotificationKind.BOOKING_DECLINED: "Your room booking was declined or cancelled.",
    NotificationKind.WAITLIST_MOVED_UP: (
        "A place came free: your child moved up from the waiting list."
    ),
    NotificationKind.MESSAGE_RECEIVED: "There is a new message about the child.",
    NotificationKind.ANNOUNCEMENT_PUBLISHED: "There is a new announcement.",
    NotificationKind.TALK_SLOTS_PUBLISHED: "You can book a talk about the child.",
    NotificationKind.TALK_BOOKED: "A talk about the child was booked.",
    NotificationKind.TALK_CANCELLED: "A talk about the child was cancelled.",
    NotificationKind.CONTACT_PERSON_CHANGED: "The child has a new contact person.",
    NotificationKind.HANDOVER_RECEIVED: "You are the child's new contact person.",
    NotificationKind.WEBHOOK_DISABLED: (
        "A webhook of one of your organisation's API clients was switched off."
    ),
}


async def notify(
    session: AsyncSession,
    principal: Principal,
    recipients: Iterable[uuid.UUID | None],
    kind: NotificationKind,
    *,
    child_id: uuid.UUID | None = None,
    trajectory_id: uuid.UUID | None = None,
    signal_id: uuid.UUID | None = None,
    booking_id: uuid.UUID | None = None,
    calendar: str | None = None,
) -> None:
    """One notification per recipient, never to the caller who caused it; those who want it
    by e-mail also get a mail in the outbox, in the same transaction (with `calendar`, an
    iCalendar invitation, attached)."""
    user_ids = sorted({r for r in recipients if r is not None and r != principal.user_id}, key=str)
    for user_id in user_ids:
        session.add(
            Notification(
                tenant_id=principal.tenant_id,
                user_id=user_id,
                kind=kind,
                child_id=child_id,
                trajectory_id=trajectory_id,
                signal_id=signal_id,
                booking_id=booking_id,
            )
        )
    await mail_notifications(
        session,
        tenant_id=principal.tenant_id,
        user_ids=user_ids,
        kind=kind,
        child_id=child_id,
        calendar=calendar,
    )


async def guardians_with_authority(session: AsyncSession, child: Child) -> list[uuid.UUID]:
    rows = await session.scalars(
        select(Guardian.user_id).where(
            Guardian.child_id == child.id,
            Guardian.tenant_id == child.tenant_id,
            Guardian.has_parental_authority,
        )
    )
    return list(rows)


def _mine(principal: Principal, unread_only: bool) -> Select[Notification, str, str]:
    statement = (
        select(Notification, Child.given_name, Child.family_name)
        .outerjoin(Child, Child.id == Notification.child_id)
        .where(
            Notification.tenant_id == principal.tenant_id,
            Notification.user_id == principal.user_id,
            # Only while the caller still relates to the child: a withdrawn consent or an
            # ended placement takes its notifications (the child's name) out of view too.
            # A notification about a room booking names no child.
            or_(Notification.child_id.is_(None), child_policy.readable_children(principal)),
        )
    )
    if unread_only:
        statement = statement.where(Notification.read_at.is_(None))
    return statement


def _read(notification: Notification, given: str | None, family: str | None) -> NotificationRead:
    return NotificationRead(
        id=notification.id,
        kind=notification.kind,
        text=ABOUT[notification.kind],
        child_id=notification.child_id,
        child_name=f"{given} {family}" if notification.child_id is not None else None,
        trajectory_id=notification.trajectory_id,
        signal_id=notification.signal_id,
        booking_id=notification.booking_id,
        read=notification.read_at is not None,
        created_at=notification.created_at,
    )


async def list_notifications(
    session: AsyncSession, principal: Principal, *, unread_only: bool, page: PageParams
) -> tuple[list[NotificationRead], str | None]:
    rows, cursor = await paginate(
        session,
        _mine(principal, unread_only),
        sort=SortKey(Notification.created_at, descending=True),
        id_column=Notification.id,
        params=page,
        rows=True,
    )
    return [_read(*row) for row in rows], cursor


async def unread_count(session: AsyncSession, principal: Principal) -> int:
    return int(
        await session.scalar(select(func.count()).select_from(_mine(principal, True).subquery()))
        or 0
    )


async def update_notification(
    session: AsyncSession,
    principal: Principal,
    *,
    notification_id: uuid.UUID,
    data: NotificationUpdate,
) -> NotificationRead:
    row = (
        await session.execute(_mine(principal, False).where(Notification.id == notification_id))
    ).first()
    if row is None:
        raise NotFound("notification")
    notification, given, family = row
    notification.read_at = datetime.now(UTC) if data.read else None
    await session.flush()
    return _read(notification, given, family)
