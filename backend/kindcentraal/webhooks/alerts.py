"""Telling an organisation's admins that a webhook of one of its clients was switched off: an
in-app notification and an e-mail, in the same transaction as the switch."""

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.auth.principal import Principal
from kindcentraal.config import get_settings
from kindcentraal.integration.models import ApiClient
from kindcentraal.notification.models import NotificationKind
from kindcentraal.notification.service import notify
from kindcentraal.organisation.models import Membership, Role
from kindcentraal.outbox import texts
from kindcentraal.outbox.service import queue_mail
from kindcentraal.user.models import User
from kindcentraal.webhooks.models import DisabledReason, WebhookSubscription

# {client} is the API client's name (a system, e.g. "Planning"), never a person's.
SUBJECT = {
    "nl": "Een webhook van de koppeling {client} is uitgeschakeld",
    "en": "A webhook of the API client {client} was switched off",
    "ar": "تم إيقاف webhook الخاص بعميل الواجهة البرمجية {client}",
    "tr": "{client} API istemcisinin bir webhook'u kapatıldı",
    "pl": "Webhook klienta API {client} został wyłączony",
    "uk": "Webhook API-клієнта {client} вимкнено",
}
WHY = {
    DisabledReason.GONE: {
        "nl": "Het adres antwoordde dat het niet meer bestaat (HTTP 410).",
        "en": "The address answered that it no longer exists (HTTP 410).",
        "ar": "أجاب العنوان بأنه لم يعد موجودًا (HTTP 410).",
        "tr": "Adres artık mevcut olmadığını bildirdi (HTTP 410).",
        "pl": "Adres odpowiedział, że już nie istnieje (HTTP 410).",
        "uk": "Адреса відповіла, що більше не існує (HTTP 410).",
    },
    DisabledReason.FAILING: {
        "nl": "Afleveren is 24 uur lang mislukt.",
        "en": "Delivery failed for 24 hours.",
        "ar": "فشل التسليم لمدة 24 ساعة.",
        "tr": "Teslimat 24 saat boyunca başarısız oldu.",
        "pl": "Dostarczanie nie udawało się przez 24 godziny.",
        "uk": "Доставка не вдавалася протягом 24 годин.",
    },
}
WHAT_NOW = {
    "nl": "Controleer het adres en zet de webhook weer aan; gemiste wijzigingen staan in de "
    "wijzigingenfeed.",
    "en": "Check the address and switch the webhook on again; missed changes are in the "
    "changes feed.",
    "ar": "تحقق من العنوان وأعد تشغيل webhook؛ التغييرات الفائتة موجودة في موجز التغييرات.",
    "tr": "Adresi kontrol edip webhook'u yeniden açın; kaçırılan değişiklikler değişiklik "
    "akışındadır.",
    "pl": "Sprawdź adres i włącz webhook ponownie; pominięte zmiany są w kanale zmian.",
    "uk": "Перевірте адресу та знову увімкніть webhook; пропущені зміни є у стрічці змін.",
}


async def _admins(session: AsyncSession, client: ApiClient) -> list[uuid.UUID]:
    """The organisation's admins (org_admin), active accounts."""
    rows = await session.scalars(
        select(Membership.user_id)
        .join(User, User.id == Membership.user_id)
        .where(
            Membership.tenant_id == client.tenant_id,
            Membership.organisation_id == client.organisation_id,
            Membership.role == Role.ORG_ADMIN,
            User.is_active,
        )
    )
    return sorted(set(rows), key=str)


async def tell_admins(
    session: AsyncSession, subscription: WebhookSubscription, *, reason: DisabledReason
) -> None:
    client = await session.scalar(
        select(ApiClient).where(
            ApiClient.id == subscription.client_id, ApiClient.tenant_id == subscription.tenant_id
        )
    )
    if client is None:
        return
    recipients = await _admins(session, client)
    # The client's service account "causes" it: notify never tells the one who caused.
    system = Principal(
        user_id=client.service_user_id, tenant_id=client.tenant_id, session_id=uuid.uuid4()
    )
    await notify(session, system, recipients, NotificationKind.WEBHOOK_DISABLED)
    languages = dict(
        (
            await session.execute(
                select(User.id, User.language).where(
                    User.tenant_id == client.tenant_id, User.id.in_(recipients)
                )
            )
        ).all()
    )
    link = get_settings().app_url.rstrip("/") + "/"
    for user_id in recipients:
        language = texts.language_of(languages.get(user_id))
        subject = SUBJECT[language].format(client=client.name)
        body = (
            f"{subject}.\n{WHY.get(reason, WHY[DisabledReason.FAILING])[language]}\n"
            f"{WHAT_NOW[language]}\n\n{texts.OPEN_APP[language]}\n{link}\n"
        )
        await queue_mail(
            session,
            tenant_id=client.tenant_id,
            user_id=user_id,
            template=NotificationKind.WEBHOOK_DISABLED.value,
            subject=subject,
            body=body,
        )
