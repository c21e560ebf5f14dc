"""Searching by words people type: matched literally, never as a LIKE pattern."""


def like_literal(word: str) -> str:
    """The word for `column.contains(word, escape="/")`: its `%`, `_` and `/` match
    themselves."""
    return word.replace("/", "//").replace("%", "/%").replace("_", "/_")
