"""Who changes retention: the centre's administrators (the schedule for their municipality,
a legal hold on a child of their centre)."""

from kindcentraal.child.policy import ChildRelations
from kindcentraal.errors import Forbidden


def ensure_can_hold(relations: ChildRelations) -> None:
    if not relations.is_centre_admin:
        raise Forbidden("Only an administrator of the child's centre sets or lifts a legal hold.")
