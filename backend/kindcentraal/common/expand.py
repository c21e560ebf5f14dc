"""`?expand=`: the parts of a page asked for, each a name the route knows."""

from collections.abc import Sequence

from kindcentraal.errors import InvalidInput


def parse_expand(expand: str | None, parts: Sequence[str]) -> frozenset[str]:
    """The comma-separated names; an empty list or an unknown name is a 400 on `expand`."""
    if expand is None:
        return frozenset()
    names = [name.strip() for name in expand.split(",") if name.strip()]
    if not names or any(name not in parts for name in names):
        raise InvalidInput.field(
            "expand",
            "invalid_expand",
            "Unknown part; choose from " + ", ".join(parts) + ".",
            "query",
        )
    return frozenset(names)
