from datetime import date

from kindcentraal.careteam.models import CareTeamMember
from tests.backend.factories import World


def logopedist_on_the_team(world: World) -> CareTeamMember:
    """The care provider's speech therapist on the pupil's care team (no consent by itself)."""
    return CareTeamMember(
        tenant_id=world.tenant.id,
        child_id=world.pupil.id,
        user_id=world.logopedist.id,
        organisation_id=world.care.id,
        role="logopedist",
        since_date=date(2026, 1, 1),
    )
