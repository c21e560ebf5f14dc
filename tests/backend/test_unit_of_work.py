"""One unit of work per request: a failing commit never yields a 2xx nor half-writes."""

from collections.abc import AsyncIterator

import httpx
from fastapi import FastAPI
from sqlalchemy import event, func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from kindcentraal.auth.dependencies import get_session
from kindcentraal.centre.models import ChildCentre
from kindcentraal.db import unit_of_work
from tests.backend.factories import World


class CommitRefused(Exception):
    pass


async def test_failed_commit_gives_no_2xx_and_writes_nothing(
    client: httpx.AsyncClient,
    app: FastAPI,
    connection: AsyncConnection,
    session: AsyncSession,
    world: World,
) -> None:
    api: FastAPI = app.state.api

    async def failing_session() -> AsyncIterator[AsyncSession]:
        await session.flush()
        async with AsyncSession(
            bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
        ) as request_session:

            @event.listens_for(request_session.sync_session, "before_commit")
            def refuse(_: object) -> None:
                raise CommitRefused

            async with unit_of_work(request_session) as unit:
                yield unit

    api.dependency_overrides[get_session] = failing_session
    before = await session.scalar(select(func.count()).select_from(ChildCentre))
    response = await client.post(
        "/child-centres", json={"name": "Nooit opgeslagen"}, headers=world.headers("centre_admin")
    )
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert await session.scalar(select(func.count()).select_from(ChildCentre)) == before
