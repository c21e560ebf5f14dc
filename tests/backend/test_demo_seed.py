"""The demo data: the documented accounts exist and the parent has exactly two school children."""

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.child.models import Child
from kindcentraal.config import Settings
from kindcentraal.seed.demo import DEMO_PASSWORD, DemoRefused, load_demo, seed

DEMO_ACCOUNTS = {
    "beheer@regenboog.demo": ["centre_admin"],
    "leerkracht@regenboog.demo": ["staff"],
    "pm@regenboog.demo": ["staff"],
    "logopedist@regenboog.demo": ["care_professional"],
    "gemeente@regenboog.demo": ["municipality_analyst"],
    "ouder@regenboog.demo": [],
}


async def test_demo_accounts_and_children(client: httpx.AsyncClient, session: AsyncSession) -> None:
    counts = await seed(session)
    assert 180 <= counts["children"] <= 220
    assert await session.scalar(select(func.count()).select_from(Child)) >= counts["children"]
    for email, roles in DEMO_ACCOUNTS.items():
        login = await client.post(
            "/auth/token", data={"username": email, "password": DEMO_PASSWORD}
        )
        assert login.status_code == 200, email
        headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
        me = (await client.get("/me", headers=headers)).json()
        assert me["roles"] == roles, email
        if email == "ouder@regenboog.demo":
            children = (await client.get("/children", headers=headers)).json()["items"]
            assert len(children) == 2
            for child in children:
                placements = (
                    await client.get(
                        "/placements", params={"childId": child["id"]}, headers=headers
                    )
                ).json()["items"]
                assert "school" in {p["kind"] for p in placements}
        if email == "gemeente@regenboog.demo":
            assert (await client.get("/children", headers=headers)).json()["items"] == []


async def test_demo_is_deterministic(session: AsyncSession) -> None:
    await seed(session)
    names = (
        await session.scalars(
            select(Child.given_name).order_by(
                Child.family_name, Child.date_of_birth, Child.given_name
            )
        )
    ).all()
    first = list(names)
    await session.rollback()
    await seed(session)
    names = (
        await session.scalars(
            select(Child.given_name).order_by(
                Child.family_name, Child.date_of_birth, Child.given_name
            )
        )
    ).all()
    assert list(names) == first


async def test_production_refuses_demo_data() -> None:
    settings = Settings(
        _env_file=None,
        env="production",
        secret_key="p" * 48,  # type: ignore[call-arg]
        database_url="postgresql://nowhere/kc",
    )
    with pytest.raises(DemoRefused):
        await load_demo(settings)
