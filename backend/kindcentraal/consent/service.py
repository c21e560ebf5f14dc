"""Consent: given and withdrawn by a guardian with parental authority; history never lost."""

import uuid
from datetime import UTC, date, datetime

from sqlalchemy import Uuid, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from kindcentraal.auth.principal import Principal
from kindcentraal.child import policy as child_policy
from kindcentraal.child import service as child_service
from kindcentraal.consent.models import Consent
from kindcentraal.consent.schemas import ConsentCreate, ConsentRead
from kindcentraal.errors import Conflict, InvalidInput, NotFound
from kindcentraal.organisation.models import Organisation
from kindcentraal.user.models import User

# WGBO: from 12 the child consents too; from 16 alone (outside this platform's 0-13 range).
CHILD_CO_CONSENT_AGE = 12


def age_on(date_of_birth: date, today: date) -> int:
    return (
        today.year
        - date_of_birth.year
        - ((today.month, today.day) < (date_of_birth.month, date_of_birth.day))
    )


def is_in_force(consent: Consent, today: date | None = None) -> bool:
    today = today or date.today()
    return consent.withdrawn_at is None and (
        consent.valid_until is None or consent.valid_until >= today
    )


_GIVER = aliased(User)
_WITHDRAWER = aliased(User)
_CONSENTS = (
    select(Consent, Organisation.name, _GIVER.display_name, _WITHDRAWER.display_name)
    .join(Organisation, Organisation.id == Consent.organisation_id)
    .join(_GIVER, _GIVER.id == Consent.given_by_id)
    .outerjoin(_WITHDRAWER, _WITHDRAWER.id == Consent.withdrawn_by_id)
    .where(
        Consent.child_id == bindparam("consent_child", type_=Uuid),
        Consent.tenant_id == bindparam("consent_tenant", type_=Uuid),
    )
    .order_by(Consent.given_at.desc(), Consent.id)
)


async def _read_models(
    session: AsyncSession,
    principal: Principal,
    *,
    child_id: uuid.UUID,
    consent_id: uuid.UUID | None,
) -> list[ConsentRead]:
    statement = _CONSENTS
    if consent_id is not None:
        statement = statement.where(Consent.id == consent_id)
    parameters = {"consent_child": child_id, "consent_tenant": principal.tenant_id}
    rows = (await session.execute(statement, parameters)).all()
    today = date.today()
    return [
        ConsentRead(
            id=consent.id,
            child_id=consent.child_id,
            organisation_id=consent.organisation_id,
            organisation_name=organisation_name,
            purpose=consent.purpose,
            trajectory_type=consent.trajectory_type,
            given_by_id=consent.given_by_id,
            given_by_name=given_by,
            child_also_consented=consent.child_also_consented,
            given_at=consent.given_at,
            valid_until=consent.valid_until,
            withdrawn_at=consent.withdrawn_at,
            withdrawn_by_name=withdrawn_by,
            in_force=is_in_force(consent, today),
        )
        for consent, organisation_name, given_by, withdrawn_by in rows
    ]


async def consents_of(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID
) -> list[ConsentRead]:
    """Every consent of a child whose care data the caller may see (checked by the caller)."""
    return await _read_models(session, principal, child_id=child_id, consent_id=None)


async def list_consents(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID, in_force: bool | None
) -> list[ConsentRead]:
    child, relations = await child_service.access_child(
        session,
        principal,
        child_id=child_id,
        resource="consents",
        action="list",
        ensure=child_policy.ensure_can_see_care_data,
    )
    items = await _read_models(session, principal, child_id=child.id, consent_id=None)
    if in_force is not None:
        items = [item for item in items if item.in_force == in_force]
    await child_service.log_access(
        session,
        principal,
        relations,
        child.id,
        resource="consents",
        action="list",
    )
    return items


async def give_consent(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID, data: ConsentCreate
) -> ConsentRead:
    child, relations = await child_service.access_child(
        session,
        principal,
        child_id=child_id,
        resource="consents",
        action="create",
        ensure=child_policy.ensure_can_consent,
    )
    organisation = await session.scalar(
        select(Organisation).where(
            Organisation.id == data.organisation_id, Organisation.tenant_id == principal.tenant_id
        )
    )
    if organisation is None:
        raise InvalidInput.field("organisationId", "unknown_reference", "No such organisation.")
    if age_on(child.date_of_birth, date.today()) >= CHILD_CO_CONSENT_AGE and not (
        data.child_also_consents
    ):
        raise InvalidInput.field(
            "childAlsoConsents",
            "child_consent_required",
            "From 12 years old the child must consent as well.",
        )
    consent = Consent(
        tenant_id=principal.tenant_id,
        child_id=child.id,
        organisation_id=organisation.id,
        purpose=data.purpose,
        trajectory_type=data.trajectory_type,
        given_by_id=principal.user_id,
        child_also_consented=data.child_also_consents,
        given_at=datetime.now(UTC),
        valid_until=data.valid_until,
    )
    session.add(consent)
    await session.flush()
    await child_service.log_access(
        session,
        principal,
        relations,
        child.id,
        resource="consents",
        action="create",
        basis=f"consent:{consent.id}",
    )
    return (await _read_models(session, principal, child_id=child.id, consent_id=consent.id))[0]


async def withdraw_consent(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID, consent_id: uuid.UUID
) -> ConsentRead:
    """Takes effect on the next request: access is computed from consents in force."""
    child, relations = await child_service.access_child(
        session,
        principal,
        child_id=child_id,
        resource="consents",
        action="update",
        ensure=child_policy.ensure_can_consent,
    )
    consent = await session.scalar(
        select(Consent).where(
            Consent.id == consent_id,
            Consent.child_id == child.id,
            Consent.tenant_id == principal.tenant_id,
        )
    )
    if consent is None:
        raise NotFound("consent")
    if consent.withdrawn_at is not None:
        raise Conflict("This consent was already withdrawn.")
    consent.withdrawn_at = datetime.now(UTC)
    consent.withdrawn_by_id = principal.user_id
    await session.flush()
    await child_service.log_access(
        session,
        principal,
        relations,
        child.id,
        resource="consents",
        action="update",
        basis=f"consent:{consent.id}",
    )
    return (await _read_models(session, principal, child_id=child.id, consent_id=consent.id))[0]
