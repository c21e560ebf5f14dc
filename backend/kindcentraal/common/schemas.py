"""The wire conventions every schema shares: camelCase aliases, unknown fields refused."""

import re
from datetime import date, datetime
from typing import Annotated, Any, ClassVar, Generic, TypeVar

from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
)
from pydantic.alias_generators import to_camel


class ApiModel(BaseModel):
    """Input and output models: lower camelCase on the wire, snake_case in Python."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        extra="forbid",
        validate_by_name=False,
        validate_by_alias=True,
        serialize_by_alias=True,
        from_attributes=True,
        strict=False,
    )


class UpdateModel(ApiModel):
    """PATCH bodies: every field optional; null only where the field is really nullable."""

    nullable: ClassVar[frozenset[str]] = frozenset()

    @field_validator("*", mode="after")
    @classmethod
    def _refuse_null(cls, value: Any, info: ValidationInfo) -> Any:
        if value is None and info.field_name not in cls.nullable:
            raise ValueError("may not be null; leave the field out to keep its value")
        return value


class ReadModel(ApiModel):
    """Output models, built from ORM objects or by Python field name."""

    model_config = ConfigDict(extra="ignore", validate_by_name=True)


class Timestamps(ReadModel):
    created_at: AwareDatetime
    updated_at: AwareDatetime


T = TypeVar("T")


class Page(ReadModel, Generic[T]):
    """A page of a list; pass nextCursor back as `cursor` for the next page."""

    items: list[T]
    next_cursor: str | None = Field(
        description="Opaque cursor for the next page; null on the last page."
    )


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _require_iso_date(value: Any) -> Any:
    # Lax parsing would take 0 or "1700000000" as a Unix time; dates travel as YYYY-MM-DD only.
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError("expected a date as YYYY-MM-DD")
    return value


IsoDate = Annotated[date, BeforeValidator(_require_iso_date)]


__all__ = ["ApiModel", "IsoDate", "Page", "ReadModel", "Timestamps", "UpdateModel", "datetime"]
