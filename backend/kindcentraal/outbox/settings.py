"""Each person's choice of notifications by e-mail; without a stored choice, all of them."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.auth.principal import Principal
from kindcentraal.outbox.models import NotificationSetting
from kindcentraal.outbox.schemas import NotificationSettings

# API field -> column
COLUMNS = {
    "messages": "email_messages",
    "announcements": "email_announcements",
    "consents": "email_consents",
    "talks": "email_talks",
    "activities": "email_activities",
    "contact_person": "email_contact_person",
    "weekly_digest": "weekly_digest",
}


async def _stored(session: AsyncSession, principal: Principal) -> NotificationSetting | None:
    return await session.scalar(
        select(NotificationSetting).where(
            NotificationSetting.tenant_id == principal.tenant_id,
            NotificationSetting.user_id == principal.user_id,
        )
    )


async def read_settings(session: AsyncSession, principal: Principal) -> NotificationSettings:
    stored = await _stored(session, principal)
    return NotificationSettings.model_validate(
        {field: stored is None or getattr(stored, column) for field, column in COLUMNS.items()},
        by_name=True,
    )


async def update_settings(
    session: AsyncSession, principal: Principal, data: NotificationSettings
) -> NotificationSettings:
    stored = await _stored(session, principal)
    if stored is None:
        stored = NotificationSetting(tenant_id=principal.tenant_id, user_id=principal.user_id)
        session.add(stored)
    for field, column in COLUMNS.items():
        setattr(stored, column, getattr(data, field))
    await session.flush()
    return data
