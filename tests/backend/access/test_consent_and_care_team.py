"""Consent and the care team: a professional sees a child only while consent is in force."""

from datetime import date, timedelta

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.careteam.models import CareTeamMember
from kindcentraal.consent.models import Consent
from tests.backend.factories import World


async def _team_and_consent(client: httpx.AsyncClient, world: World) -> str:
    """The school admin puts the speech therapist on Pim's team; the parent consents."""
    added = await client.post(
        f"/children/{world.pupil.id}/care-team",
        json={
            "userId": str(world.logopedist.id),
            "organisationId": str(world.care.id),
            "role": "logopedist",
        },
        headers=world.headers("school_admin"),
    )
    assert added.status_code == 201, added.text
    assert added.json()["consentInForce"] is False
    consent = await client.post(
        f"/children/{world.pupil.id}/consents",
        json={"organisationId": str(world.care.id), "purpose": "care_team"},
        headers=world.headers("parent"),
    )
    assert consent.status_code == 201, consent.text
    return str(consent.json()["id"])


async def test_team_member_sees_the_child_only_with_consent(
    client: httpx.AsyncClient, world: World
) -> None:
    url = f"/children/{world.pupil.id}"
    assert (await client.get(url, headers=world.headers("logopedist"))).status_code == 404
    consent_id = await _team_and_consent(client, world)
    assert (await client.get(url, headers=world.headers("logopedist"))).status_code == 200
    team = await client.get(f"{url}/care-team", headers=world.headers("logopedist"))
    assert team.json()[0]["consentInForce"] is True
    listed = await client.get("/children", headers=world.headers("logopedist"))
    assert [c["givenName"] for c in listed.json()["items"]] == ["Pim"]

    withdrawn = await client.post(
        f"{url}/consents/{consent_id}/withdrawal", headers=world.headers("parent")
    )
    assert withdrawn.status_code == 200
    assert withdrawn.json()["inForce"] is False
    assert withdrawn.json()["withdrawnByName"] == world.parent.display_name
    # the very next request of the professional is refused
    assert (await client.get(url, headers=world.headers("logopedist"))).status_code == 404
    assert (await client.get("/children", headers=world.headers("logopedist"))).json()[
        "items"
    ] == []
    again = await client.post(
        f"{url}/consents/{consent_id}/withdrawal", headers=world.headers("parent")
    )
    assert again.status_code == 409


async def test_consent_history_is_kept(client: httpx.AsyncClient, world: World) -> None:
    consent_id = await _team_and_consent(client, world)
    await client.post(
        f"/children/{world.pupil.id}/consents/{consent_id}/withdrawal",
        headers=world.headers("parent"),
    )
    renewed = await client.post(
        f"/children/{world.pupil.id}/consents",
        json={"organisationId": str(world.care.id), "purpose": "care_team"},
        headers=world.headers("parent"),
    )
    assert renewed.status_code == 201
    history = (
        await client.get(f"/children/{world.pupil.id}/consents", headers=world.headers("parent"))
    ).json()
    assert [c["inForce"] for c in history] == [True, False]
    in_force = await client.get(
        f"/children/{world.pupil.id}/consents",
        params={"inForce": "true"},
        headers=world.headers("parent"),
    )
    assert len(in_force.json()) == 1


async def test_expired_consent_is_not_in_force(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    await _team_and_consent(client, world)
    consent = await session.scalar(select(Consent).where(Consent.child_id == world.pupil.id))
    assert consent is not None
    consent.valid_until = date.today() - timedelta(days=1)
    await session.flush()
    url = f"/children/{world.pupil.id}"
    assert (await client.get(url, headers=world.headers("logopedist"))).status_code == 404


async def test_ended_team_membership_ends_access(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    await _team_and_consent(client, world)
    member = await session.scalar(
        select(CareTeamMember).where(CareTeamMember.child_id == world.pupil.id)
    )
    assert member is not None
    member.since_date = date.today() - timedelta(days=30)
    member.until_date = date.today() - timedelta(days=1)
    await session.flush()
    url = f"/children/{world.pupil.id}"
    assert (await client.get(url, headers=world.headers("logopedist"))).status_code == 404


async def test_only_a_guardian_with_authority_consents(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    body = {"organisationId": str(world.care.id), "purpose": "care_team"}
    url = f"/children/{world.pupil.id}/consents"
    for who in ("parent_without_authority", "teacher", "school_admin", "centre_admin"):
        response = await client.post(url, json=body, headers=world.headers(who))
        assert response.status_code == 403, who
    assert (await client.post(url, json=body, headers=world.headers("pm"))).status_code == 404
    assert await session.scalar(select(func.count()).select_from(Consent)) == 0
    bad = await client.post(
        url, json={**body, "purpose": "trajectory"}, headers=world.headers("parent")
    )
    assert bad.status_code == 400
    ok = await client.post(
        url,
        json={**body, "purpose": "trajectory", "trajectoryType": "logopedie"},
        headers=world.headers("parent"),
    )
    assert ok.status_code == 201
    assert ok.json()["trajectoryType"] == "logopedie"
    foreign = await client.post(
        url,
        json={**body, "organisationId": str(world.other_school.id)},
        headers=world.headers("parent"),
    )
    assert foreign.status_code == 400
    assert foreign.json()["errors"][0]["location"] == "#/organisationId"


async def test_from_twelve_the_child_consents_too(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    world.pupil.date_of_birth = date.today().replace(year=date.today().year - 12) - timedelta(
        days=1
    )
    await session.flush()
    url = f"/children/{world.pupil.id}/consents"
    body = {"organisationId": str(world.care.id), "purpose": "care_team"}
    refused = await client.post(url, json=body, headers=world.headers("parent"))
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["location"] == "#/childAlsoConsents"
    given = await client.post(
        url, json={**body, "childAlsoConsents": True}, headers=world.headers("parent")
    )
    assert given.status_code == 201
    assert given.json()["childAlsoConsented"] is True


async def test_guardian_without_authority_sees_less(
    client: httpx.AsyncClient, world: World
) -> None:
    base = f"/children/{world.pupil.id}"
    headers = world.headers("parent_without_authority")
    assert (await client.get(base, headers=headers)).status_code == 200
    assert (await client.get(f"{base}/guardians", headers=headers)).status_code == 200
    for part in ("care-team", "consents", "access-log"):
        assert (await client.get(f"{base}/{part}", headers=headers)).status_code == 403, part
    for part in ("care-team", "consents", "access-log"):
        response = await client.get(f"{base}/{part}", headers=world.headers("parent"))
        assert response.status_code == 200, part


async def test_care_team_management_rules(client: httpx.AsyncClient, world: World) -> None:
    url = f"/children/{world.pupil.id}/care-team"
    body = {
        "userId": str(world.logopedist.id),
        "organisationId": str(world.care.id),
        "role": "logopedist",
    }
    assert (await client.post(url, json=body, headers=world.headers("teacher"))).status_code == 403
    assert (await client.post(url, json=body, headers=world.headers("parent"))).status_code == 403
    assert (await client.post(url, json=body, headers=world.headers("pm"))).status_code == 404
    not_member = {**body, "organisationId": str(world.school.id)}
    refused = await client.post(url, json=not_member, headers=world.headers("school_admin"))
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["location"] == "#/userId"
    created = await client.post(url, json=body, headers=world.headers("centre_admin"))
    assert created.status_code == 201
    duplicate = await client.post(url, json=body, headers=world.headers("centre_admin"))
    assert duplicate.status_code == 409
    member_id = created.json()["id"]
    ended = await client.patch(
        f"{url}/{member_id}",
        json={"untilDate": str(date.today())},
        headers=world.headers("centre_admin"),
    )
    assert ended.json()["untilDate"] == str(date.today())
    backwards = await client.patch(
        f"{url}/{member_id}",
        json={"untilDate": "2000-01-01"},
        headers=world.headers("centre_admin"),
    )
    assert backwards.status_code == 400
    removed = await client.delete(f"{url}/{member_id}", headers=world.headers("centre_admin"))
    assert removed.status_code == 204
    assert (await client.get(url, headers=world.headers("teacher"))).json() == []


async def test_mass_assignment_is_refused(client: httpx.AsyncClient, world: World) -> None:
    """Read-only and privileged fields are unknown to the input schemas: 400, nothing written."""
    attempts = [
        (
            f"/children/{world.pupil.id}/consents",
            "parent",
            {
                "organisationId": str(world.care.id),
                "purpose": "care_team",
                "withdrawnAt": None,
                "inForce": True,
            },
        ),
        (
            f"/children/{world.pupil.id}/consents",
            "parent",
            {
                "organisationId": str(world.care.id),
                "purpose": "care_team",
                "givenById": str(world.parent_without_authority.id),
            },
        ),
        (
            "/users",
            "school_admin",
            {
                "email": "nieuw@basisschool.nl",
                "displayName": "N",
                "password": "long-enough-pass",
                "role": "centre_admin",
            },
        ),
        (
            "/users",
            "school_admin",
            {
                "email": "nieuw@basisschool.nl",
                "displayName": "N",
                "password": "long-enough-pass",
                "tenantId": str(world.other_tenant.id),
            },
        ),
        (
            "/memberships",
            "school_admin",
            {
                "userId": str(world.pm.id),
                "organisationId": str(world.school.id),
                "role": "staff",
                "id": "00000000-0000-4000-8000-000000000000",
            },
        ),
    ]
    for url, who, body in attempts:
        response = await client.post(url, json=body, headers=world.headers(who))
        assert response.status_code == 400, (url, body)
        codes = {e["code"] for e in response.json()["errors"]}
        assert codes == {"extra_forbidden"}, (url, response.json()["errors"])
    consents = await client.get(
        f"/children/{world.pupil.id}/consents", headers=world.headers("parent")
    )
    assert consents.json() == []


async def test_consent_for_another_child_opens_nothing(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    """A consent for the organisation about another child must not open this child."""
    from tests.backend.factories import make_child, make_guardian

    other = await make_child(session, world.centre, given_name="Olga", family_name="Oost")
    await make_guardian(session, other, world.parent)
    added = await client.post(
        f"/children/{world.pupil.id}/care-team",
        json={
            "userId": str(world.logopedist.id),
            "organisationId": str(world.care.id),
            "role": "logopedist",
        },
        headers=world.headers("school_admin"),
    )
    assert added.status_code == 201
    elsewhere = await client.post(
        f"/children/{other.id}/consents",
        json={"organisationId": str(world.care.id), "purpose": "care_team"},
        headers=world.headers("parent"),
    )
    assert elsewhere.status_code == 201
    url = f"/children/{world.pupil.id}"
    assert (await client.get(url, headers=world.headers("logopedist"))).status_code == 404
    assert (await client.get("/children", headers=world.headers("logopedist"))).json()[
        "items"
    ] == []
