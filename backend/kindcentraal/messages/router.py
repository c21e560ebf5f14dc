import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response

from kindcentraal.auth.dependencies import SessionDep, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.common.pagination import PageParams, page_params
from kindcentraal.common.responses import problems
from kindcentraal.common.schemas import Page
from kindcentraal.messages import service
from kindcentraal.messages.schemas import (
    MessageCreate,
    MessageRead,
    ParticipantCreate,
    ParticipantRead,
    ThreadCreate,
    ThreadRead,
    ThreadSummary,
    UnreadCount,
)
from kindcentraal.policy.registry import declare

router = APIRouter(tags=["messages"])
ChildId = Annotated[uuid.UUID, Path(alias="childId")]
ThreadId = Annotated[uuid.UUID, Path(alias="threadId")]
MessageId = Annotated[uuid.UUID, Path(alias="messageId")]

OPEN_THREAD = declare(
    "threads.create",
    resource="messages",
    action="create",
    rows="the child's guardians (to the contact person) and its contact person (to the guardians)",
)
LIST_THREADS = declare(
    "threads.list",
    resource="messages",
    action="list",
    rows="threads of children the caller relates to, taking part (not left) or being the "
    "child's contact person",
)
UNREAD_COUNT = declare(
    "threads.unread-count",
    resource="messages",
    action="read",
    rows="the caller's own participations",
)
READ_THREAD = declare(
    "threads.read",
    resource="messages",
    action="read",
    rows="as the list: participants (not left) and the child's contact person",
)
POST_MESSAGE = declare(
    "messages.create",
    resource="messages",
    action="create",
    rows="who sees the thread; unseen threads are 404",
)
MARK_READ = declare(
    "threads.mark-read",
    resource="messages",
    action="update",
    rows="who sees the thread; marks only the caller's own reading",
)
WITHDRAW = declare(
    "messages.withdraw",
    resource="messages",
    action="update",
    rows="the message's author, in a thread they see",
)
CLOSE_THREAD = declare(
    "threads.close",
    resource="messages",
    action="update",
    rows="threads of the children the caller is contact person of",
)
ADD_PARTICIPANT = declare(
    "threads.participants.create",
    resource="messages",
    action="update",
    rows="a guardian with parental authority or the contact person, in a thread they see; "
    "the added user a consented care-team member of the child",
)


@router.post(
    "/children/{childId}/threads",
    status_code=201,
    response_model=ThreadRead,
    responses=problems(400, 401, 403, 404),
)
async def open_thread(
    child_id: ChildId,
    body: ThreadCreate,
    principal: Annotated[Principal, Depends(guard(OPEN_THREAD))],
    session: SessionDep,
) -> ThreadRead:
    """A guardian opens a thread with the child's contact person (400 on `childId` when the
    child has none); the contact person opens one with the child's guardians (all, or those
    in `guardianIds`). The first message is written with it."""
    return await service.open_thread(session, principal, child_id=child_id, data=body)


@router.get("/threads", response_model=Page[ThreadSummary], responses=problems(400, 401))
async def list_threads(
    principal: Annotated[Principal, Depends(guard(LIST_THREADS))],
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
    child_id: Annotated[uuid.UUID | None, Query(alias="childId")] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=100,
            description="Text in the subject or in a message of one's own threads "
            "(case-insensitive, literal).",
        ),
    ] = None,
) -> Page[ThreadSummary]:
    """The caller's threads, newest activity first, each with its unread count; one
    access-log event for the children listed."""
    items, cursor = await service.list_threads(
        session, principal, child_id=child_id, q=q, page=page
    )
    return Page[ThreadSummary](items=items, next_cursor=cursor)


@router.get("/threads/unread-count", response_model=UnreadCount, responses=problems(401))
async def read_unread_count(
    principal: Annotated[Principal, Depends(guard(UNREAD_COUNT))],
    session: SessionDep,
) -> UnreadCount:
    """Unread messages over all of the caller's threads, for the app header."""
    return UnreadCount(unread_count=await service.unread_count(session, principal))


@router.get("/threads/{threadId}", response_model=ThreadRead, responses=problems(400, 401, 404))
async def read_thread(
    thread_id: ThreadId,
    principal: Annotated[Principal, Depends(guard(READ_THREAD))],
    session: SessionDep,
) -> ThreadRead:
    """A thread with its messages (oldest first) and read receipts; logged. Reading marks
    nothing read: `POST /threads/{threadId}/read` does."""
    return await service.read_thread(session, principal, thread_id=thread_id)


@router.post(
    "/threads/{threadId}/messages",
    status_code=201,
    response_model=MessageRead,
    responses=problems(400, 401, 404, 409),
)
async def post_message(
    thread_id: ThreadId,
    body: MessageCreate,
    principal: Annotated[Principal, Depends(guard(POST_MESSAGE))],
    session: SessionDep,
) -> MessageRead:
    """Answer in a thread; `attachmentIds` are the caller's uploads not used yet."""
    return await service.post_message(session, principal, thread_id=thread_id, data=body)


@router.post("/threads/{threadId}/read", status_code=204, responses=problems(400, 401, 404))
async def mark_thread_read(
    thread_id: ThreadId,
    principal: Annotated[Principal, Depends(guard(MARK_READ))],
    session: SessionDep,
) -> Response:
    """Everything in the thread up to now is read by the caller (read receipts, unread
    count)."""
    await service.mark_read(session, principal, thread_id=thread_id)
    return Response(status_code=204)


@router.post(
    "/threads/{threadId}/messages/{messageId}/withdrawal",
    response_model=MessageRead,
    responses=problems(400, 401, 403, 404, 409),
)
async def withdraw_message(
    thread_id: ThreadId,
    message_id: MessageId,
    principal: Annotated[Principal, Depends(guard(WITHDRAW))],
    session: SessionDep,
) -> MessageRead:
    """Its author withdraws a message: a stub stays visible (text null, attachments hidden);
    nothing is deleted."""
    return await service.withdraw(session, principal, thread_id=thread_id, message_id=message_id)


@router.post(
    "/threads/{threadId}/closure",
    response_model=ThreadSummary,
    responses=problems(400, 401, 403, 404),
)
async def close_thread(
    thread_id: ThreadId,
    principal: Annotated[Principal, Depends(guard(CLOSE_THREAD))],
    session: SessionDep,
) -> ThreadSummary:
    """The child's contact person marks the thread done: it takes no new messages (a new
    question is a new thread) and does not move at a handover. Closing a closed thread changes
    nothing."""
    return await service.set_closed(session, principal, thread_id=thread_id, closed=True)


@router.delete(
    "/threads/{threadId}/closure",
    response_model=ThreadSummary,
    responses=problems(400, 401, 403, 404),
)
async def reopen_thread(
    thread_id: ThreadId,
    principal: Annotated[Principal, Depends(guard(CLOSE_THREAD))],
    session: SessionDep,
) -> ThreadSummary:
    """The child's contact person opens a closed thread again."""
    return await service.set_closed(session, principal, thread_id=thread_id, closed=False)


@router.post(
    "/threads/{threadId}/participants",
    status_code=201,
    response_model=ParticipantRead,
    responses=problems(400, 401, 403, 404, 409),
)
async def add_participant(
    thread_id: ThreadId,
    body: ParticipantCreate,
    principal: Annotated[Principal, Depends(guard(ADD_PARTICIPANT))],
    session: SessionDep,
) -> ParticipantRead:
    """With the guardians' consent: a guardian with parental authority or the contact person
    adds a care-team member whose organisation has the care-team consent in force (else 400
    on `userId`)."""
    return await service.add_participant(session, principal, thread_id=thread_id, data=body)
