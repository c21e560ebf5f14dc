"""Announcements: publish to a group or a centre, the parent's feed, read and confirm, and
who read it. No commits here: the request's unit of work commits."""

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.announcements import policy
from kindcentraal.announcements.models import (
    Announcement,
    AnnouncementRecipient,
    AnnouncementRecipientChild,
)
from kindcentraal.announcements.schemas import (
    AnnouncementCounts,
    AnnouncementCreate,
    AnnouncementRead,
    AnnouncementRecipientRead,
    ChildLabel,
)
from kindcentraal.attachments import service as attachments
from kindcentraal.attachments.models import Attachment
from kindcentraal.attachments.schemas import AttachmentRead
from kindcentraal.audit import service as audit
from kindcentraal.auth.principal import Principal
from kindcentraal.centre.models import ChildCentre
from kindcentraal.child import policy as child_policy
from kindcentraal.child import service as child_service
from kindcentraal.child.models import Child, Guardian
from kindcentraal.common.pagination import PageParams, SortKey, paginate
from kindcentraal.common.repository import get_in_tenant
from kindcentraal.errors import Conflict, Forbidden, InvalidInput, NotFound
from kindcentraal.group.models import Group
from kindcentraal.notification.models import NotificationKind
from kindcentraal.notification.service import notify
from kindcentraal.placement.models import Placement
from kindcentraal.user.models import User


# --- The audience ------------------------------------------------------------------------
def group_children_filter(group: Group, today: date) -> ColumnElement[bool]:
    """The children of a group today: a school class's pupils (the child's group, placed at the
    organisation running it) and a BSO group's children (a current placement naming it)."""
    return exists(
        select(Placement.id).where(
            Placement.child_id == Child.id,
            Placement.tenant_id == group.tenant_id,
            child_policy.current_placement(today),
            or_(
                Placement.group_id == group.id,
                and_(
                    Child.group_id == group.id, Placement.organisation_id == group.organisation_id
                ),
            ),
        )
    )


def centre_children_filter(centre_id: uuid.UUID, today: date) -> ColumnElement[bool]:
    """The children of a centre with a current placement at one of its organisations."""
    return and_(
        Child.centre_id == centre_id,
        exists(
            select(Placement.id).where(
                Placement.child_id == Child.id, child_policy.current_placement(today)
            )
        ),
    )


async def group_children(session: AsyncSession, group: Group) -> list[uuid.UUID]:
    rows = await session.scalars(
        select(Child.id)
        .where(Child.tenant_id == group.tenant_id, group_children_filter(group, date.today()))
        .order_by(Child.id)
    )
    return list(rows)


async def guardians_of(
    session: AsyncSession, tenant_id: uuid.UUID, child_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[uuid.UUID]]:
    """Each guardian of these children (with or without parental authority: both are told
    what the school tells every family), with which of the children are theirs."""
    if not child_ids:
        return {}
    rows = await session.execute(
        select(Guardian.user_id, Guardian.child_id)
        .where(Guardian.tenant_id == tenant_id, Guardian.child_id.in_(child_ids))
        .order_by(Guardian.user_id, Guardian.child_id)
    )
    families: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for user_id, child_id in rows:
        families[user_id].append(child_id)
    return dict(families)


async def notify_families(
    session: AsyncSession,
    principal: Principal,
    families: dict[uuid.UUID, list[uuid.UUID]],
    kind: NotificationKind,
) -> None:
    """One notification per guardian: naming the child when it concerns one of theirs."""
    by_child: dict[uuid.UUID | None, list[uuid.UUID]] = defaultdict(list)
    for user_id, children in families.items():
        by_child[children[0] if len(children) == 1 else None].append(user_id)
    for child_id, users in sorted(by_child.items(), key=lambda item: str(item[0])):
        await notify(session, principal, users, kind, child_id=child_id)


# --- Publish -----------------------------------------------------------------------------
async def publish(
    session: AsyncSession, principal: Principal, *, data: AnnouncementCreate
) -> AnnouncementRead:
    """Send to the families of a group one works with, or of a centre one administers; each
    guardian receives it once, labelled with their children in the audience."""
    today = date.today()
    group: Group | None = None
    if data.group_id is not None:
        group = await get_in_tenant(session, Group, tenant_id=principal.tenant_id, id=data.group_id)
        if group is None:
            raise InvalidInput.field("groupId", "unknownReference", "There is no such group.")
        if not policy.works_with_group(principal, group):
            raise InvalidInput.field("groupId", "notYourGroup", "You do not work with this group.")
        centre_id = group.centre_id
        audience = group_children_filter(group, today)
    else:
        assert data.centre_id is not None
        centre = await get_in_tenant(
            session, ChildCentre, tenant_id=principal.tenant_id, id=data.centre_id
        )
        if centre is None:
            raise InvalidInput.field("centreId", "unknownReference", "There is no such centre.")
        if not policy.addresses_centre(principal, centre.id):
            raise InvalidInput.field(
                "centreId", "notYourCentre", "Only the centre's administrators address it all."
            )
        centre_id = centre.id
        audience = centre_children_filter(centre.id, today)
    child_ids = list(
        await session.scalars(
            select(Child.id).where(Child.tenant_id == principal.tenant_id, audience)
        )
    )
    families = await guardians_of(session, principal.tenant_id, child_ids)
    announcement = Announcement(
        tenant_id=principal.tenant_id,
        sender_id=principal.user_id,
        centre_id=centre_id,
        group_id=group.id if group is not None else None,
        title=data.title,
        text=data.text,
        requires_confirmation=data.requires_confirmation,
        published_at=datetime.now(UTC),
    )
    session.add(announcement)
    await session.flush()
    await attachments.claim(
        session, principal, data.attachment_ids, announcement_id=announcement.id
    )
    recipients = {
        user_id: AnnouncementRecipient(
            tenant_id=principal.tenant_id, announcement_id=announcement.id, user_id=user_id
        )
        for user_id in families
    }
    session.add_all(recipients.values())
    await session.flush()
    session.add_all(
        AnnouncementRecipientChild(
            tenant_id=principal.tenant_id, recipient_id=recipients[user_id].id, child_id=child_id
        )
        for user_id, children in families.items()
        for child_id in children
    )
    await session.flush()
    await audit.record_write(session, principal, resource="announcement", action="create")
    await notify_families(session, principal, families, NotificationKind.ANNOUNCEMENT_PUBLISHED)
    return (await _reads(session, principal, [announcement]))[0]


# --- Reading -----------------------------------------------------------------------------
async def _visible_announcement(
    session: AsyncSession, principal: Principal, announcement_id: uuid.UUID
) -> Announcement:
    found = await session.scalar(
        select(Announcement).where(Announcement.id == announcement_id, policy.visible(principal))
    )
    if found is None:
        raise NotFound("announcement")
    return found


async def _my_children(
    session: AsyncSession, principal: Principal, recipient_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[ChildLabel]]:
    """Per recipient row of the caller: the children it concerns the caller still has."""
    if not recipient_ids:
        return {}
    rows = await session.execute(
        select(AnnouncementRecipientChild.recipient_id, Child.id, Child.given_name)
        .join(Child, Child.id == AnnouncementRecipientChild.child_id)
        .join(
            Guardian,
            and_(Guardian.child_id == Child.id, Guardian.user_id == principal.user_id),
        )
        .where(
            AnnouncementRecipientChild.recipient_id.in_(recipient_ids),
            Child.tenant_id == principal.tenant_id,
        )
        .order_by(Child.date_of_birth, Child.id)
    )
    labels: dict[uuid.UUID, list[ChildLabel]] = defaultdict(list)
    for recipient_id, child_id, given_name in rows:
        labels[recipient_id].append(ChildLabel(id=child_id, given_name=given_name))
    return labels


async def _reads(
    session: AsyncSession, principal: Principal, announcements: Sequence[Announcement]
) -> list[AnnouncementRead]:
    ids = [a.id for a in announcements]
    if not ids:
        return []
    groups = {
        row.id: row.name
        for row in await session.execute(
            select(Group.id, Group.name).where(
                Group.id.in_({a.group_id for a in announcements if a.group_id is not None})
            )
        )
    }
    senders = {
        row.id: row.display_name
        for row in await session.execute(
            select(User.id, User.display_name).where(
                User.id.in_({a.sender_id for a in announcements if a.sender_id is not None})
            )
        )
    }
    mine = {
        row.announcement_id: row
        for row in (
            await session.scalars(
                select(AnnouncementRecipient).where(
                    AnnouncementRecipient.announcement_id.in_(ids),
                    AnnouncementRecipient.user_id == principal.user_id,
                )
            )
        )
    }
    labels = await _my_children(session, principal, [r.id for r in mine.values()])
    files: dict[uuid.UUID, list[AttachmentRead]] = defaultdict(list)
    for attachment in await session.scalars(
        select(Attachment)
        .where(Attachment.announcement_id.in_(ids))
        .order_by(Attachment.created_at, Attachment.id)
    ):
        assert attachment.announcement_id is not None
        files[attachment.announcement_id].append(attachments.read_model(attachment))
    counted = [
        a.id
        for a in announcements
        if policy.sees_recipients(principal, sender_id=a.sender_id, centre_id=a.centre_id)
    ]
    counts: dict[uuid.UUID, AnnouncementCounts] = {}
    if counted:
        for row in await session.execute(
            select(
                AnnouncementRecipient.announcement_id,
                func.count(AnnouncementRecipient.id),
                func.count(AnnouncementRecipient.read_at),
                func.count(AnnouncementRecipient.confirmed_at),
            )
            .where(AnnouncementRecipient.announcement_id.in_(counted))
            .group_by(AnnouncementRecipient.announcement_id)
        ):
            counts[row[0]] = AnnouncementCounts(recipients=row[1], read=row[2], confirmed=row[3])
    result = []
    for a in announcements:
        own = mine.get(a.id)
        children = labels.get(own.id, []) if own is not None else []
        if not children:
            own = None  # no longer a guardian of a child it concerns: not a recipient now
        result.append(
            AnnouncementRead(
                id=a.id,
                title=a.title,
                text=a.text,
                audience="group" if a.group_id is not None else "centre",
                centre_id=a.centre_id,
                group_id=a.group_id,
                group_name=groups.get(a.group_id) if a.group_id is not None else None,
                sender_name=senders.get(a.sender_id) if a.sender_id is not None else None,
                published_at=a.published_at,
                requires_confirmation=a.requires_confirmation,
                children=children,
                read=own is not None and own.read_at is not None,
                confirmed=own is not None and own.confirmed_at is not None,
                read_at=own.read_at if own is not None else None,
                confirmed_at=own.confirmed_at if own is not None else None,
                counts=(
                    counts.get(a.id, AnnouncementCounts(recipients=0, read=0, confirmed=0))
                    if a.id in counted
                    else None
                ),
                attachments=files.get(a.id, []),
            )
        )
    return result


async def list_announcements(
    session: AsyncSession, principal: Principal, *, page: PageParams
) -> tuple[list[AnnouncementRead], str | None]:
    """Newest first: for a family, what they received (each once); for staff, what they sent;
    for centre admins, their centres' announcements."""
    found, cursor = await paginate(
        session,
        select(Announcement).where(policy.visible(principal)),
        sort=SortKey(Announcement.published_at, descending=True),
        id_column=Announcement.id,
        params=page,
    )
    return await _reads(session, principal, found), cursor


async def get_announcement(
    session: AsyncSession, principal: Principal, *, announcement_id: uuid.UUID
) -> AnnouncementRead:
    announcement = await _visible_announcement(session, principal, announcement_id)
    return (await _reads(session, principal, [announcement]))[0]


async def _own_receipt(
    session: AsyncSession, principal: Principal, announcement_id: uuid.UUID
) -> tuple[Announcement, AnnouncementRecipient]:
    announcement = await _visible_announcement(session, principal, announcement_id)
    receipt = await session.scalar(
        select(AnnouncementRecipient).where(
            AnnouncementRecipient.announcement_id == announcement.id,
            AnnouncementRecipient.user_id == principal.user_id,
            policy.still_guardian(principal),
        )
    )
    if receipt is None:
        raise Forbidden("Only the families it was sent to mark it read or confirm it.")
    return announcement, receipt


async def mark_read(
    session: AsyncSession, principal: Principal, *, announcement_id: uuid.UUID
) -> AnnouncementRead:
    """A family read it (the first time counts)."""
    announcement, receipt = await _own_receipt(session, principal, announcement_id)
    if receipt.read_at is None:
        receipt.read_at = datetime.now(UTC)
        await session.flush()
    return (await _reads(session, principal, [announcement]))[0]


async def confirm(
    session: AsyncSession, principal: Principal, *, announcement_id: uuid.UUID
) -> AnnouncementRead:
    """A family confirms they read an announcement that asks for it (it is read then too)."""
    announcement, receipt = await _own_receipt(session, principal, announcement_id)
    if not announcement.requires_confirmation:
        raise Conflict("This announcement does not ask for a confirmation.")
    now = datetime.now(UTC)
    if receipt.read_at is None:
        receipt.read_at = now
    if receipt.confirmed_at is None:
        receipt.confirmed_at = now
    await session.flush()
    return (await _reads(session, principal, [announcement]))[0]


async def list_recipients(
    session: AsyncSession,
    principal: Principal,
    *,
    announcement_id: uuid.UUID,
    page: PageParams,
) -> tuple[list[AnnouncementRecipientRead], str | None]:
    """Who received it, with the children it concerns, and when they read and confirmed it:
    for the sender and the centre's admins. It names children: one access-log event for the
    children on the page."""
    announcement = await _visible_announcement(session, principal, announcement_id)
    if not policy.sees_recipients(
        principal, sender_id=announcement.sender_id, centre_id=announcement.centre_id
    ):
        raise Forbidden("Only the sender and the centre's administrators see who read it.")
    rows, cursor = await paginate(
        session,
        select(
            AnnouncementRecipient.id,
            AnnouncementRecipient.user_id,
            User.display_name,
            AnnouncementRecipient.read_at,
            AnnouncementRecipient.confirmed_at,
        )
        .join(User, User.id == AnnouncementRecipient.user_id)
        .where(AnnouncementRecipient.announcement_id == announcement.id),
        sort=SortKey(User.display_name),
        id_column=AnnouncementRecipient.id,
        params=page,
        rows=True,
    )
    children: dict[uuid.UUID, list[ChildLabel]] = defaultdict(list)
    if rows:
        for recipient_id, child_id, given_name in await session.execute(
            select(AnnouncementRecipientChild.recipient_id, Child.id, Child.given_name)
            .join(Child, Child.id == AnnouncementRecipientChild.child_id)
            .where(AnnouncementRecipientChild.recipient_id.in_([row.id for row in rows]))
            .order_by(Child.given_name, Child.id)
        ):
            children[recipient_id].append(ChildLabel(id=child_id, given_name=given_name))
        named = sorted({c.id for labels in children.values() for c in labels}, key=str)
        if named:
            await child_service.log_access_many(
                session, principal, named, resource="announcement-recipients", action="list"
            )
    items = [
        AnnouncementRecipientRead(
            user_id=row.user_id,
            display_name=row.display_name,
            children=children.get(row.id, []),
            read_at=row.read_at,
            confirmed_at=row.confirmed_at,
        )
        for row in rows
    ]
    return items, cursor
