"""Threads about a child between its guardians and its contact person (docs/messages.md).

Nothing is deleted: a withdrawn message keeps its text stored and shows a stub; a participant
who leaves keeps their messages. Every read is in the access log (resource `messages`).
"""

import functools
import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Uuid, and_, bindparam, func, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from kindcentraal import driver_reads
from kindcentraal.attachments import service as attachments
from kindcentraal.attachments.models import Attachment
from kindcentraal.attachments.schemas import AttachmentRead
from kindcentraal.auth.principal import Principal
from kindcentraal.child import policy as child_policy
from kindcentraal.child import service as child_service
from kindcentraal.child.models import Child, Guardian
from kindcentraal.common.pagination import PageParams, SortKey, paginate
from kindcentraal.common.search import like_literal
from kindcentraal.errors import Conflict, Forbidden, InvalidInput, NotFound
from kindcentraal.messages import policy
from kindcentraal.messages.models import (
    Message,
    MessageReceipt,
    MessageThread,
    ThreadParticipant,
)
from kindcentraal.messages.schemas import (
    MessageCreate,
    MessageRead,
    ParticipantCreate,
    ParticipantRead,
    ReadReceipt,
    ThreadChild,
    ThreadCreate,
    ThreadRead,
    ThreadSummary,
)
from kindcentraal.notification.models import NotificationKind
from kindcentraal.notification.service import notify
from kindcentraal.user.models import User

RESOURCE = "messages"
Mine = aliased(ThreadParticipant, name="mine")
Author = aliased(User, name="author")


def _now() -> datetime:
    return datetime.now(UTC)


def _unread_of(participant: Any) -> Any:
    """Messages of others, not withdrawn, after the participant's read mark (correlated)."""
    return (
        select(func.count(Message.id))
        .where(
            Message.thread_id == participant.thread_id,
            Message.created_at > func.coalesce(participant.last_read_at, participant.joined_at),
            or_(Message.author_id.is_(None), Message.author_id != participant.user_id),
            Message.withdrawn_at.is_(None),
        )
        .scalar_subquery()
    )


# --- reading ---------------------------------------------------------------------------------


async def _visible_thread(
    session: AsyncSession, principal: Principal, thread_id: uuid.UUID
) -> MessageThread:
    thread = await session.scalar(
        policy.visible_threads(principal).where(MessageThread.id == thread_id)
    )
    if thread is None:
        raise NotFound("thread")
    return thread


async def _participants(
    session: AsyncSession, thread_ids: Sequence[uuid.UUID], *, current_only: bool
) -> dict[uuid.UUID, list[ParticipantRead]]:
    statement = (
        select(
            ThreadParticipant.thread_id,
            ThreadParticipant.user_id,
            User.display_name,
            ThreadParticipant.joined_at,
            ThreadParticipant.left_at,
        )
        .join(User, User.id == ThreadParticipant.user_id)
        .where(ThreadParticipant.thread_id.in_(list(thread_ids)))
        .order_by(ThreadParticipant.joined_at, ThreadParticipant.id)
    )
    if current_only:
        statement = statement.where(ThreadParticipant.left_at.is_(None))
    found: dict[uuid.UUID, list[ParticipantRead]] = defaultdict(list)
    for thread_id, user_id, name, joined, left in (await session.execute(statement)).all():
        found[thread_id].append(
            ParticipantRead(user_id=user_id, display_name=name, joined_at=joined, left_at=left)
        )
    return found


async def _summary(
    session: AsyncSession, principal: Principal, thread: MessageThread
) -> ThreadSummary:
    given_name = await session.scalar(select(Child.given_name).where(Child.id == thread.child_id))
    mine = await session.scalar(
        select(_unread_of(ThreadParticipant)).where(
            ThreadParticipant.thread_id == thread.id,
            ThreadParticipant.user_id == principal.user_id,
            ThreadParticipant.left_at.is_(None),
        )
    )
    participants = await _participants(session, [thread.id], current_only=True)
    return ThreadSummary(
        id=thread.id,
        subject=thread.subject,
        child=ThreadChild(id=thread.child_id, given_name=given_name or ""),
        participants=participants.get(thread.id, []),
        last_message_at=thread.last_message_at,
        unread_count=int(mine or 0),
        closed=thread.closed_at is not None,
        created_at=thread.created_at,
    )


async def _messages(
    session: AsyncSession, thread_id: uuid.UUID, *, only: uuid.UUID | None = None
) -> list[MessageRead]:
    statement = (
        select(Message, Author.display_name)
        .outerjoin(Author, Author.id == Message.author_id)
        .where(Message.thread_id == thread_id)
        .order_by(Message.created_at, Message.id)
    )
    if only is not None:
        statement = statement.where(Message.id == only)
    rows = (await session.execute(statement)).all()
    ids = [message.id for message, _ in rows]
    files: dict[uuid.UUID, list[AttachmentRead]] = defaultdict(list)
    receipts: dict[uuid.UUID, list[ReadReceipt]] = defaultdict(list)
    if ids:
        for attachment in await session.scalars(
            select(Attachment)
            .where(Attachment.message_id.in_(ids))
            .order_by(Attachment.created_at, Attachment.id)
        ):
            assert attachment.message_id is not None
            files[attachment.message_id].append(attachments.read_model(attachment))
        for message_id, user_id, name, read_at in (
            await session.execute(
                select(
                    MessageReceipt.message_id,
                    MessageReceipt.user_id,
                    User.display_name,
                    MessageReceipt.read_at,
                )
                .join(User, User.id == MessageReceipt.user_id)
                .where(MessageReceipt.message_id.in_(ids))
                .order_by(MessageReceipt.read_at, MessageReceipt.id)
            )
        ).all():
            receipts[message_id].append(
                ReadReceipt(user_id=user_id, display_name=name, read_at=read_at)
            )
    return [
        MessageRead(
            id=message.id,
            thread_id=message.thread_id,
            author_id=message.author_id,
            author_name=author,
            created_at=message.created_at,
            text=None if message.withdrawn_at is not None else message.text,
            withdrawn=message.withdrawn_at is not None,
            attachments=[] if message.withdrawn_at is not None else files[message.id],
            read_by=receipts[message.id],
        )
        for message, author in rows
    ]


async def read_thread(
    session: AsyncSession, principal: Principal, *, thread_id: uuid.UUID
) -> ThreadRead:
    """A thread the caller sees, with all its messages (oldest first) and read receipts; one
    access-log event. Reading marks nothing read (`POST .../read` does)."""
    thread = await _visible_thread(session, principal, thread_id)
    _, relations = await child_service.access_child_row(
        session, principal, child_id=thread.child_id, resource=RESOURCE, action="read"
    )
    summary = await _summary(session, principal, thread)
    messages = await _messages(session, thread.id)
    await child_service.log_access(
        session, principal, relations, thread.child_id, resource=RESOURCE, action="read"
    )
    return ThreadRead(
        **summary.model_dump(by_alias=False),
        messages=messages,
        can_close=relations.is_contact_person,
    )


async def list_threads(
    session: AsyncSession,
    principal: Principal,
    *,
    child_id: uuid.UUID | None,
    q: str | None,
    page: PageParams,
) -> tuple[list[ThreadSummary], str | None]:
    """The caller's threads, newest activity first; `q` searches subjects and the text of
    messages (not withdrawn ones) of these threads only. One access-log event."""
    unread = _unread_of(Mine)
    statement = (
        select(
            MessageThread.id,
            MessageThread.subject,
            MessageThread.child_id,
            Child.given_name,
            MessageThread.last_message_at,
            MessageThread.closed_at,
            MessageThread.created_at,
            func.coalesce(unread, 0).label("unread_count"),
        )
        .join(Child, Child.id == MessageThread.child_id)
        .outerjoin(
            Mine,
            and_(
                Mine.thread_id == MessageThread.id,
                Mine.user_id == principal.user_id,
                Mine.left_at.is_(None),
            ),
        )
        .where(MessageThread.tenant_id == principal.tenant_id, policy.thread_filter(principal))
    )
    if child_id is not None:
        statement = statement.where(MessageThread.child_id == child_id)
    if q and q.strip():
        word = like_literal(q.strip().lower())
        statement = statement.where(
            or_(
                func.lower(MessageThread.subject).contains(word, escape="/"),
                MessageThread.id.in_(
                    select(Message.thread_id).where(
                        Message.withdrawn_at.is_(None),
                        func.lower(Message.text).contains(word, escape="/"),
                    )
                ),
            )
        )
    rows, cursor = await paginate(
        session,
        statement,
        sort=SortKey(MessageThread.last_message_at, descending=True),
        id_column=MessageThread.id,
        params=page,
        rows=True,
    )
    participants = await _participants(session, [row.id for row in rows], current_only=True)
    items = [
        ThreadSummary(
            id=row.id,
            subject=row.subject,
            child=ThreadChild(id=row.child_id, given_name=row.given_name),
            participants=participants.get(row.id, []),
            last_message_at=row.last_message_at,
            unread_count=int(row.unread_count or 0),
            closed=row.closed_at is not None,
            created_at=row.created_at,
        )
        for row in rows
    ]
    children = sorted({item.child.id for item in items}, key=str)
    if children:
        await child_service.log_access_many(
            session, principal, children, resource=RESOURCE, action="list"
        )
    return items, cursor


@functools.lru_cache(maxsize=32)
def _unread_count_query(shape: tuple[bool, bool, bool, bool]) -> driver_reads.Query:
    """Unread messages over the caller's current participations in threads of children the
    caller still relates to: one statement, compiled once per shape of caller."""
    user = bindparam("rc_user", type_=Uuid)
    return driver_reads.Query(
        select(func.count(Message.id))
        .select_from(ThreadParticipant)
        .join(Message, Message.thread_id == ThreadParticipant.thread_id)
        .join(MessageThread, MessageThread.id == ThreadParticipant.thread_id)
        .join(Child, Child.id == MessageThread.child_id)
        .where(
            ThreadParticipant.tenant_id == bindparam("rc_tenant", type_=Uuid),
            ThreadParticipant.user_id == user,
            ThreadParticipant.left_at.is_(None),
            Message.created_at
            > func.coalesce(ThreadParticipant.last_read_at, ThreadParticipant.joined_at),
            or_(Message.author_id.is_(None), Message.author_id != user),
            Message.withdrawn_at.is_(None),
            child_policy.read_filter(shape),
        )
    )


async def unread_count(session: AsyncSession, principal: Principal) -> int:
    """For the app header: one cheap statement, no access-log event (it names no child)."""
    shape, parameters = child_policy.list_shape(principal)
    row = await driver_reads.fetch_first(session, _unread_count_query(shape), parameters)
    return int(row[0] or 0) if row is not None else 0


# --- writing ---------------------------------------------------------------------------------


async def _post(
    session: AsyncSession,
    principal: Principal,
    thread: MessageThread,
    text: str,
    attachment_ids: Sequence[uuid.UUID],
) -> Message:
    now = _now()
    message = Message(
        tenant_id=principal.tenant_id,
        thread_id=thread.id,
        author_id=principal.user_id,
        text=text,
        created_at=now,
    )
    session.add(message)
    await session.flush()
    await attachments.claim(session, principal, attachment_ids, message_id=message.id)
    thread.last_message_at = now
    # Answering reads what came before: receipts and read mark as `mark_read` writes them.
    mine = await _participation(session, thread.id, principal.user_id)
    if mine is not None and mine.left_at is None:
        await _read_up_to(session, principal, thread, mine, now)
    recipients = await session.scalars(
        select(ThreadParticipant.user_id).where(
            ThreadParticipant.thread_id == thread.id, ThreadParticipant.left_at.is_(None)
        )
    )
    await notify(
        session,
        principal,
        list(recipients.all()),
        NotificationKind.MESSAGE_RECEIVED,
        child_id=thread.child_id,
    )
    await session.flush()
    return message


async def _participation(
    session: AsyncSession, thread_id: uuid.UUID, user_id: uuid.UUID
) -> ThreadParticipant | None:
    participant: ThreadParticipant | None = await session.scalar(
        select(ThreadParticipant).where(
            ThreadParticipant.thread_id == thread_id, ThreadParticipant.user_id == user_id
        )
    )
    return participant


async def _join(
    session: AsyncSession,
    principal: Principal,
    thread: MessageThread,
    user_id: uuid.UUID,
    *,
    at: datetime,
) -> ThreadParticipant:
    """Take part (again): a participant who left rejoins on the same row."""
    participant = await _participation(session, thread.id, user_id)
    if participant is None:
        participant = ThreadParticipant(
            tenant_id=thread.tenant_id,
            thread_id=thread.id,
            user_id=user_id,
            added_by_id=principal.user_id,
            joined_at=at,
        )
        session.add(participant)
    else:
        participant.left_at = None
        participant.joined_at = at
        participant.added_by_id = principal.user_id
    return participant


async def open_thread(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID, data: ThreadCreate
) -> ThreadRead:
    """A guardian writes to the child's contact person (just the two of them); the contact
    person writes to the child's guardians (all, or those named in `guardianIds`)."""
    child, relations = await child_service.access_child(
        session,
        principal,
        child_id=child_id,
        resource=RESOURCE,
        action="create",
        ensure=policy.ensure_can_open,
    )
    if relations.is_contact_person:
        guardians = (
            await session.execute(
                select(Guardian.id, Guardian.user_id)
                .where(Guardian.child_id == child.id, Guardian.tenant_id == child.tenant_id)
                .order_by(Guardian.created_at, Guardian.id)
            )
        ).all()
        by_id = dict(guardians)
        if data.guardian_ids is not None:
            for index, guardian_id in enumerate(data.guardian_ids):
                if guardian_id not in by_id:
                    raise InvalidInput.field(
                        f"guardianIds/{index}", "unknown_reference", "No guardian of this child."
                    )
            others = [by_id[g] for g in dict.fromkeys(data.guardian_ids)]
        else:
            others = [user_id for _, user_id in guardians]
        others = [user_id for user_id in others if user_id != principal.user_id]
        if not others:
            raise InvalidInput.field(
                "guardianIds", "no_recipients", "The child has no guardian to write to."
            )
    else:
        if data.guardian_ids is not None:
            raise InvalidInput.field(
                "guardianIds", "not_allowed", "Only the contact person chooses guardians."
            )
        if child.contact_person_id is None:
            raise InvalidInput.field(
                "childId", "no_contact_person", "The child has no contact person yet.", "path"
            )
        others = [child.contact_person_id]
    now = _now()
    thread = MessageThread(
        tenant_id=principal.tenant_id,
        child_id=child.id,
        subject=data.subject,
        created_by_id=principal.user_id,
        last_message_at=now,
    )
    session.add(thread)
    await session.flush()
    for user_id in [principal.user_id, *others]:
        session.add(
            ThreadParticipant(
                tenant_id=principal.tenant_id,
                thread_id=thread.id,
                user_id=user_id,
                added_by_id=principal.user_id,
                joined_at=now,
            )
        )
    await session.flush()
    await _post(session, principal, thread, data.text, data.attachment_ids)
    await child_service.log_access(
        session, principal, relations, child.id, resource=RESOURCE, action="create"
    )
    summary = await _summary(session, principal, thread)
    return ThreadRead(
        **summary.model_dump(by_alias=False),
        messages=await _messages(session, thread.id),
        can_close=relations.is_contact_person,
    )


async def _writable(
    session: AsyncSession, principal: Principal, thread_id: uuid.UUID, action: str
) -> tuple[MessageThread, Any]:
    thread = await _visible_thread(session, principal, thread_id)
    _, relations = await child_service.access_child(
        session, principal, child_id=thread.child_id, resource=RESOURCE, action=action
    )
    return thread, relations


async def post_message(
    session: AsyncSession,
    principal: Principal,
    *,
    thread_id: uuid.UUID,
    data: MessageCreate,
) -> MessageRead:
    """Answer in a thread one sees; the child's contact person joins it by writing. Unseen
    threads are a 404 and nothing is stored."""
    thread, relations = await _writable(session, principal, thread_id, "create")
    if thread.closed_at is not None:
        raise Conflict("This thread is closed.")
    mine = await _participation(session, thread.id, principal.user_id)
    if mine is None or mine.left_at is not None:
        await _join(session, principal, thread, principal.user_id, at=_now())
        await session.flush()
    message = await _post(session, principal, thread, data.text, data.attachment_ids)
    await child_service.log_access(
        session, principal, relations, thread.child_id, resource=RESOURCE, action="create"
    )
    return (await _messages(session, thread.id, only=message.id))[0]


async def mark_read(session: AsyncSession, principal: Principal, *, thread_id: uuid.UUID) -> None:
    """Everything in the thread up to now is read by the caller: a receipt per message of
    others not read before, and the read mark for the unread count."""
    thread = await _visible_thread(session, principal, thread_id)
    mine = await _participation(session, thread.id, principal.user_id)
    if mine is None or mine.left_at is not None:
        return
    await _read_up_to(session, principal, thread, mine, _now())


async def _read_up_to(
    session: AsyncSession,
    principal: Principal,
    thread: MessageThread,
    mine: ThreadParticipant,
    now: datetime,
) -> None:
    already = select(MessageReceipt.id).where(
        MessageReceipt.message_id == Message.id, MessageReceipt.user_id == principal.user_id
    )
    unread = (
        await session.scalars(
            select(Message.id).where(
                Message.thread_id == thread.id,
                Message.created_at <= now,
                or_(Message.author_id.is_(None), Message.author_id != principal.user_id),
                ~already.exists(),
            )
        )
    ).all()
    if unread:
        await session.execute(
            insert(MessageReceipt),
            [
                {
                    "id": uuid.uuid4(),
                    "tenant_id": principal.tenant_id,
                    "message_id": message_id,
                    "user_id": principal.user_id,
                    "read_at": now,
                    "created_at": now,
                    "updated_at": now,
                }
                for message_id in unread
            ],
        )
    mine.last_read_at = now
    await session.flush()


async def withdraw(
    session: AsyncSession, principal: Principal, *, thread_id: uuid.UUID, message_id: uuid.UUID
) -> MessageRead:
    """Its author withdraws a message: a visible stub stays, the text stays stored."""
    thread, relations = await _writable(session, principal, thread_id, "update")
    message = await session.scalar(
        select(Message).where(Message.id == message_id, Message.thread_id == thread.id)
    )
    if message is None:
        raise NotFound("message")
    if message.author_id != principal.user_id:
        raise Forbidden("Only its author withdraws a message.")
    if message.withdrawn_at is not None:
        raise Conflict("This message was withdrawn already.")
    message.withdrawn_at = _now()
    await session.flush()
    await child_service.log_access(
        session, principal, relations, thread.child_id, resource=RESOURCE, action="update"
    )
    return (await _messages(session, thread.id, only=message.id))[0]


async def set_closed(
    session: AsyncSession, principal: Principal, *, thread_id: uuid.UUID, closed: bool
) -> ThreadSummary:
    """The child's contact person marks a thread done ("afgerond") or opens it again. A closed
    thread takes no new messages and stays with its participants at a handover."""
    thread, relations = await _writable(session, principal, thread_id, "update")
    policy.ensure_can_close(relations)
    if (thread.closed_at is not None) != closed:
        thread.closed_at = _now() if closed else None
        await session.flush()
    await child_service.log_access(
        session, principal, relations, thread.child_id, resource=RESOURCE, action="update"
    )
    return await _summary(session, principal, thread)


async def add_participant(
    session: AsyncSession,
    principal: Principal,
    *,
    thread_id: uuid.UUID,
    data: ParticipantCreate,
) -> ParticipantRead:
    """With the guardians' consent: a care-team member whose organisation has the care-team
    consent in force joins, added by a guardian with parental authority or the contact
    person."""
    thread = await _visible_thread(session, principal, thread_id)
    _, relations = await child_service.access_child(
        session,
        principal,
        child_id=thread.child_id,
        resource=RESOURCE,
        action="update",
        ensure=policy.ensure_can_add_participant,
    )
    if thread.closed_at is not None:
        raise Conflict("This thread is closed.")
    member = await session.scalar(
        policy.consented_team_member(
            thread.child_id, principal.tenant_id, data.user_id, date.today()
        ).limit(1)
    )
    if member is None:
        raise InvalidInput.field(
            "userId",
            "no_consent",
            "Only members of the child's care team whose organisation has the guardians' "
            "consent can be added.",
        )
    current = await _participation(session, thread.id, data.user_id)
    if current is not None and current.left_at is None:
        raise Conflict("This person takes part in the thread already.")
    participant = await _join(session, principal, thread, data.user_id, at=_now())
    await session.flush()
    await child_service.log_access(
        session, principal, relations, thread.child_id, resource=RESOURCE, action="update"
    )
    name = await session.scalar(select(User.display_name).where(User.id == data.user_id))
    return ParticipantRead(
        user_id=participant.user_id,
        display_name=name or "",
        joined_at=participant.joined_at,
        left_at=None,
    )


async def move_open_threads(
    session: AsyncSession,
    *,
    tenant_id: uuid.UUID,
    child_id: uuid.UUID,
    from_user_id: uuid.UUID,
    to_user_id: uuid.UUID,
) -> int:
    """The contact-person handover: the old contact person leaves the child's open threads
    they take part in (their messages stay), the new one joins them. Answers how many
    threads moved. Writes no access-log event: the handover itself is logged by its caller."""
    if from_user_id == to_user_id:
        return 0
    now = _now()
    leaving = (
        await session.scalars(
            select(ThreadParticipant)
            .join(MessageThread, MessageThread.id == ThreadParticipant.thread_id)
            .where(
                MessageThread.tenant_id == tenant_id,
                MessageThread.child_id == child_id,
                MessageThread.closed_at.is_(None),
                ThreadParticipant.user_id == from_user_id,
                ThreadParticipant.left_at.is_(None),
            )
        )
    ).all()
    for old in leaving:
        old.left_at = now
        joining = await _participation(session, old.thread_id, to_user_id)
        if joining is None:
            session.add(
                ThreadParticipant(
                    tenant_id=tenant_id,
                    thread_id=old.thread_id,
                    user_id=to_user_id,
                    added_by_id=None,
                    joined_at=now,
                )
            )
        elif joining.left_at is not None:
            joining.left_at = None
            joining.joined_at = now
    await session.flush()
    return len(leaving)
