"""The outcome reports over a past period give the same figures before and after a purge that
de-identified every child, care file and thread behind them: the purge keeps the rows the
reports count (dates, types, outcomes) and removes names, texts and links to the person."""

from datetime import UTC, date, datetime, timedelta

import httpx
from dateutil.relativedelta import relativedelta
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.careteam.models import CareTeamMember
from kindcentraal.child.models import Child
from kindcentraal.messages.models import Message
from kindcentraal.outcomes.periods import school_year_of
from kindcentraal.retention.purge import REMOVED
from kindcentraal.retention.service import run_retention
from kindcentraal.support.models import SupportTrajectory
from tests.backend.conftest import TEST_SECRET
from tests.backend.factories import World, token_for
from tests.backend.retention.history import ChildSpec, build, savepoint


async def test_a_past_periods_report_is_identical_before_and_after_a_purge(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    admin = world.headers("centre_admin")
    threshold = await client.put("/report-settings", headers=admin, json={"smallCellThreshold": 5})
    assert threshold.status_code == 200, threshold.text
    purged = []
    for n in range(7):
        # Pupils that left a year ago, their care closed a year ago, threads a year old.
        spec = ChildSpec("pupil", left=13, closed=13, talked=13, attended=13, held=False)
        built = await build(session, world, spec, n)
        purged.append(built.child_id)
        session.add(
            CareTeamMember(
                tenant_id=world.tenant.id,
                child_id=built.child_id,
                user_id=world.logopedist.id,
                organisation_id=world.care.id,
                role="logopedist",
                trajectory_id=built.trajectory_id,
                since_date=date.today() - timedelta(days=500),
                until_date=date.today() - timedelta(days=400),
            )
        )
    await session.flush()

    first = school_year_of(date.today()) - 2
    query = {"from": f"{first}-08-01", "to": (date.today() - timedelta(days=1)).isoformat()}
    before = await client.get("/reports/outcomes", headers=admin, params=query)
    assert before.status_code == 200, before.text
    cells = [
        cell
        for indicator in before.json()["indicators"]
        for row in indicator["series"]
        for cell in row["values"].values()
        if cell.get("value") not in (None, 0)
    ]
    assert cells, "the report has figures to compare"

    # 25 years on, everything behind the report is past its term.
    later = datetime.now(UTC) + relativedelta(years=25)
    done = await run_retention(lambda: savepoint(session), now=later, tenants=[world.tenant.id])
    assert done.total > 0
    names = set(await session.scalars(select(Child.family_name).where(Child.id.in_(purged))))
    assert names == {REMOVED}
    assert not await session.scalar(
        select(func.count()).select_from(SupportTrajectory).where(SupportTrajectory.reason != "")
    )
    assert not await session.scalar(
        select(func.count()).select_from(Message).where(Message.text != "")
    )

    # The run also ended the admin's sign-in session of 25 years before: sign in again.
    token = await token_for(session, world.centre_admin, secret=TEST_SECRET)
    admin = {"Authorization": f"Bearer {token}"}
    after = await client.get("/reports/outcomes", headers=admin, params=query)
    assert after.status_code == 200, after.text
    assert after.json() == before.json()
