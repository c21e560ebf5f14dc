"""Who may export a child's file (AVG art. 15): its guardians. Without parental authority
the export leaves out the care data, as every screen does."""

from kindcentraal.child.policy import ChildRelations
from kindcentraal.errors import Forbidden


def ensure_can_export(relations: ChildRelations) -> None:
    if not relations.is_guardian:
        raise Forbidden("Only the child's guardians export its file.")


def includes_care_data(relations: ChildRelations) -> bool:
    """The care team, consents, support and the access log: for parental authority only."""
    return relations.guardian_with_authority
