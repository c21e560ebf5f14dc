"""Who reads the outcome reports, on which centres.

- The municipality's analysts: every centre of the municipality, aggregates only.
- A centre's administrators and its care coordinators (intern begeleiders): their own
  centres, with the caseload (names of colleagues, never a child).
- Everybody else: nothing (403). A centre the caller does not report on is not found (404).

The comparison between centres shows every centre of the municipality to every reader: its
cells are aggregates, suppressed like the rest.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from kindcentraal.auth.principal import Principal
from kindcentraal.common.roles import Role
from kindcentraal.errors import Forbidden, NotFound


@dataclass(frozen=True)
class Readership:
    reportable: frozenset[uuid.UUID]  # the centres the caller reports on
    managed: frozenset[uuid.UUID]  # the caller's own centres: caseload is shown for these


def readership(principal: Principal, centres: Iterable[uuid.UUID]) -> Readership:
    every = frozenset(centres)
    managed = (principal.admin_centre_ids | principal.coordinator_centre_ids) & every
    reportable = every if principal.has_role(Role.MUNICIPALITY_ANALYST) else managed
    if not reportable:
        raise Forbidden(
            "The outcome reports are for the centre's management, its care coordinators and "
            "the municipality's analysts."
        )
    return Readership(reportable=reportable, managed=managed)


def series_centres(readers: Readership, centre_id: uuid.UUID | None) -> frozenset[uuid.UUID]:
    """The centres of the series: the one asked for (if the caller reports on it), or all."""
    if centre_id is None:
        return readers.reportable
    if centre_id not in readers.reportable:
        raise NotFound("centre")
    return frozenset({centre_id})
