"""Consent: given and withdrawn by a guardian with parental authority; history never lost."""

import uuid
from datetime import UTC, date, datetime
from typing import Any, Protocol

from sqlalchemy import Select, Uuid, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from kindcentraal.auth.principal import Principal
from kindcentraal.child import policy as child_policy
from kindcentraal.child import service as child_service
from kindcentraal.consent.models import Consent
from kindcentraal.consent.schemas import ConsentCreate, ConsentRead
from kindcentraal.driver_reads import Query, entity_columns, fetch
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


class ConsentValidity(Protocol):
    withdrawn_at: datetime | None
    valid_until: date | None


def is_in_force(consent: ConsentValidity, today: date | None = None) -> bool:
    today = today or date.today()
    return consent.withdrawn_at is None and (
        consent.valid_until is None or consent.valid_until >= today
    )


_GIVER = aliased(User)
_WITHDRAWER = aliased(User)


def _consents_statement(one: bool) -> Select[Any]:
    statement = (
        select(
            *entity_columns(Consent),
            Organisation.name.label("organisation_name"),
            _GIVER.display_name.label("given_by_name"),
            _WITHDRAWER.display_name.label("withdrawn_by_name"),
        )
        .join(Organisation, Organisation.id == Consent.organisation_id)
        .join(_GIVER, _GIVER.id == Consent.given_by_id)
        .outerjoin(_WITHDRAWER, _WITHDRAWER.id == Consent.withdrawn_by_id)
        .where(
            Consent.child_id == bindparam("consent_child", type_=Uuid),
            Consent.tenant_id == bindparam("consent_tenant", type_=Uuid),
        )
        .order_by(Consent.given_at.desc(), Consent.id)
    )
    if one:
        statement = statement.where(Consent.id == bindparam("consent_id", type_=Uuid))
    return statement


_CONSENTS = Query(_consents_statement(one=False))
_CONSENT = Query(_consents_statement(one=True))


async def _read_models(
    session: AsyncSession,
    principal: Principal,
    *,
    child_id: uuid.UUID,
    consent_id: uuid.UUID | None,
) -> list[ConsentRead]:
    parameters = {
        "consent_child": child_id,
        "consent_tenant": principal.tenant_id,
        "consent_id": consent_id,
    }
    rows = await fetch(session, _CONSENTS if consent_id is None else _CONSENT, parameters)
    today = date.today()
    return [
        ConsentRead(
            id=row.id,
            child_id=row.child_id,
            organisation_id=row.organisation_id,
            organisation_name=row.organisation_name,
            purpose=row.purpose,
            trajectory_type=row.trajectory_type,
            given_by_id=row.given_by_id,
            given_by_name=row.given_by_name,
            child_also_consented=row.child_also_consented,
            given_at=row.given_at,
            valid_until=row.valid_until,
            withdrawn_at=row.withdrawn_at,
            withdrawn_by_name=row.withdrawn_by_name,
            in_force=is_in_force(row, today),
        )
        for row in rows
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
