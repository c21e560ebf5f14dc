"""Bulk writes are one unit: every item is tried, and the errors of all wrong items come back
together, each located at its item (`#/items/{index}/{field}`), while nothing is stored."""

from kindcentraal.errors import AppError, InvalidInput


class BulkErrors:
    def __init__(self) -> None:
        self.errors: list[dict[str, str]] = []

    def add(self, index: int, exc: AppError, field: str) -> None:
        """The item's errors: a 400's own fields, or the refusal (404, 403, 409) on `field`."""
        where = f"#/items/{index}/"
        if isinstance(exc, InvalidInput):
            self.errors += [
                {**error, "location": where + error["location"].removeprefix("#/")}
                for error in exc.errors
            ]
            return
        self.errors.append(
            {"in": "body", "location": where + field, "code": exc.code, "detail": exc.detail}
        )

    def raise_any(self) -> None:
        if self.errors:
            raise InvalidInput(self.errors, "Some items are invalid; nothing was stored.")
