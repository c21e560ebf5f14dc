"""The weekly digest: per parent, in their language, counts per child and kind of what
happened in the week, never content; queued once per week however often it runs."""

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.notification.models import Notification, NotificationKind
from kindcentraal.outbox.models import NotificationSetting, OutboxMail
from kindcentraal.outbox.service import queue_weekly_digests
from kindcentraal.outbox.worker import digest_week_end
from tests.backend.factories import World, make_child, make_guardian

WEEK_END = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)  # Monday 07:00 in Amsterdam


def _notification(
    world: World, user_id: object, kind: NotificationKind, child: object, days: float
) -> Notification:
    return Notification(
        tenant_id=world.tenant.id,
        user_id=user_id,
        kind=kind,
        child_id=getattr(child, "id", None),
        created_at=WEEK_END - timedelta(days=days),
    )


async def test_one_digest_per_parent_with_counts_per_child_in_their_language(
    world: World, session: AsyncSession
) -> None:
    sister = await make_child(
        session, world.centre, given_name="Sara", date_of_birth=date(2015, 1, 1)
    )
    await make_guardian(session, sister, world.parent)
    world.parent.language = "en"
    session.add_all(
        [
            _notification(
                world, world.parent.id, NotificationKind.MESSAGE_RECEIVED, world.pupil, 1
            ),
            _notification(
                world, world.parent.id, NotificationKind.MESSAGE_RECEIVED, world.pupil, 2
            ),
            _notification(world, world.parent.id, NotificationKind.CONSENT_NEEDED, sister, 3),
            _notification(world, world.parent.id, NotificationKind.STATUS_CHANGED, sister, 3),
            # Before the week: not counted.
            _notification(
                world, world.parent.id, NotificationKind.MESSAGE_RECEIVED, world.pupil, 9
            ),
            # A professional's notifications make no digest.
            _notification(
                world, world.teacher.id, NotificationKind.MESSAGE_RECEIVED, world.pupil, 1
            ),
            # A parent who turned the digest off gets none.
            _notification(
                world,
                world.parent_without_authority.id,
                NotificationKind.MESSAGE_RECEIVED,
                world.pupil,
                1,
            ),
            NotificationSetting(
                tenant_id=world.tenant.id,
                user_id=world.parent_without_authority.id,
                weekly_digest=False,
            ),
        ]
    )
    await session.flush()

    assert await queue_weekly_digests(session, tenant_id=world.tenant.id, week_end=WEEK_END) == 1
    assert await queue_weekly_digests(session, tenant_id=world.tenant.id, week_end=WEEK_END) == 0
    [mail] = list(await session.scalars(select(OutboxMail)))
    assert mail.to_address == world.parent.email
    assert mail.subject == "Your week in KindCentraal"
    assert "- Pim: 2 new messages" in mail.body
    assert "- Sara: 1 requests for consent, 1 other notifications" in mail.body
    assert world.pupil.family_name not in mail.body
    assert mail.dedupe_key is not None and "2026-W49" in mail.dedupe_key


def test_the_digest_week_ends_on_monday_seven_in_amsterdam_across_daylight_saving() -> None:
    # Winter (UTC+1): Monday 07:00 is 06:00 UTC.
    assert digest_week_end(datetime(2026, 12, 1, 12, 0, tzinfo=UTC)) == datetime(
        2026, 11, 30, 6, 0, tzinfo=UTC
    )
    # Before Monday 07:00 the previous week is the last one that ended.
    assert digest_week_end(datetime(2026, 11, 30, 5, 59, tzinfo=UTC)) == datetime(
        2026, 11, 23, 6, 0, tzinfo=UTC
    )
    # Summer (UTC+2): 05:00 UTC.
    assert digest_week_end(datetime(2026, 7, 8, 12, 0, tzinfo=UTC)) == datetime(
        2026, 7, 6, 5, 0, tzinfo=UTC
    )
