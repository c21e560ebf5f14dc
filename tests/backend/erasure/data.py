"""A child's file with a row of every kind an erasure request or a merge touches."""

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.activities.models import (
    Activity,
    ActivityCategory,
    ActivitySession,
    Enrolment,
    EnrolmentStatus,
    SessionAttendance,
    SessionAttendanceStatus,
)
from kindcentraal.attachments.models import Attachment
from kindcentraal.child.models import Child
from kindcentraal.consent.models import Consent, ConsentPurpose
from kindcentraal.messages.models import Message, MessageThread, ThreadParticipant
from kindcentraal.notification.models import Notification, NotificationKind
from kindcentraal.support.models import Signal, SignalCategory
from tests.backend.factories import World


@dataclass
class File:
    thread: uuid.UUID
    question: uuid.UUID
    answer: uuid.UUID
    activity: uuid.UUID
    signal: uuid.UUID
    consent: uuid.UUID


async def make_activity(
    session: AsyncSession, world: World, centre_id: uuid.UUID, *, starts: datetime
) -> Activity:
    activity = Activity(
        tenant_id=world.tenant.id,
        centre_id=centre_id,
        organisation_id=world.childcare.id,
        title="Judo",
        description="",
        category=ActivityCategory.SPORT,
        group_ids=[],
        capacity=20,
        created_by_id=world.pm.id,
    )
    session.add(activity)
    await session.flush()
    for week in range(2):
        begin = starts + timedelta(weeks=week)
        session.add(
            ActivitySession(
                tenant_id=world.tenant.id,
                activity_id=activity.id,
                starts_at=begin,
                ends_at=begin + timedelta(hours=1),
            )
        )
    await session.flush()
    return activity


async def make_file(
    session: AsyncSession,
    world: World,
    child: Child,
    guardian_id: uuid.UUID,
    *,
    asked: datetime | None = None,
    activity: Activity | None = None,
) -> File:
    """A question of the guardian answered by the teacher (with a file), a notification, an
    enrolment with attendance and a cancelled one, a signal and a consent."""
    t = world.tenant.id
    asked = asked or datetime.now(UTC) - timedelta(days=3)
    thread = MessageThread(
        tenant_id=t,
        child_id=child.id,
        subject="Vraag over Pim",
        created_by_id=guardian_id,
        last_message_at=asked,
    )
    session.add(thread)
    await session.flush()
    for user in (guardian_id, world.teacher.id):
        session.add(
            ThreadParticipant(tenant_id=t, thread_id=thread.id, user_id=user, joined_at=asked)
        )
    question = Message(
        tenant_id=t, thread_id=thread.id, author_id=guardian_id, text="Hoe gaat het met lezen?"
    )
    answer = Message(
        tenant_id=t, thread_id=thread.id, author_id=world.teacher.id, text="Goed, zie bijlage."
    )
    session.add_all([question, answer])
    await session.flush()
    question.created_at = asked
    answer.created_at = asked + timedelta(hours=3, minutes=5)
    session.add(
        Attachment(
            tenant_id=t,
            owner_id=world.teacher.id,
            message_id=answer.id,
            storage_key=uuid.uuid4().hex,
            file_name="rapport-pim.pdf",
            content_type="application/pdf",
            size=10,
        )
    )
    session.add(
        Notification(
            tenant_id=t,
            user_id=world.teacher.id,
            kind=NotificationKind.MESSAGE_RECEIVED,
            child_id=child.id,
        )
    )
    if activity is None:
        activity = await make_activity(
            session, world, child.centre_id, starts=datetime.now(UTC) - timedelta(days=10)
        )
    now = datetime.now(UTC)
    session.add(
        Enrolment(
            tenant_id=t,
            activity_id=activity.id,
            child_id=child.id,
            status=EnrolmentStatus.ENROLLED,
            requested_at=now,
            enrolled_at=now,
            enrolled_by_id=guardian_id,
        )
    )
    other = await make_activity(session, world, child.centre_id, starts=now)
    session.add(
        Enrolment(
            tenant_id=t,
            activity_id=other.id,
            child_id=child.id,
            status=EnrolmentStatus.CANCELLED,
            requested_at=now,
            cancelled_at=now,
            enrolled_by_id=guardian_id,
        )
    )
    await session.flush()
    first = await session.scalar(
        select(ActivitySession.id).where(ActivitySession.activity_id == activity.id).limit(1)
    )
    session.add(
        SessionAttendance(
            tenant_id=t,
            session_id=first,
            child_id=child.id,
            status=SessionAttendanceStatus.PRESENT,
            recorded_by_id=world.pm.id,
        )
    )
    signal = Signal(
        tenant_id=t,
        child_id=child.id,
        author_id=world.teacher.id,
        category=SignalCategory.LANGUAGE_SPEECH,
        description="Spreekt weinig in de kring.",
    )
    consent = Consent(
        tenant_id=t,
        child_id=child.id,
        organisation_id=world.care.id,
        purpose=ConsentPurpose.CARE_TEAM,
        given_by_id=guardian_id,
        given_at=now - timedelta(days=20),
        valid_until=date.today() + timedelta(days=300),
    )
    session.add_all([signal, consent])
    await session.flush()
    return File(
        thread=thread.id,
        question=question.id,
        answer=answer.id,
        activity=activity.id,
        signal=signal.id,
        consent=consent.id,
    )
