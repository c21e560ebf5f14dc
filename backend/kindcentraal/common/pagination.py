"""Keyset (cursor) pagination: stable under inserts, no OFFSET scans."""

import base64
import binascii
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any

from fastapi import Query
from sqlalchemy import Integer, Row, Select, bindparam, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from kindcentraal import driver_reads
from kindcentraal.db import UTCDateTime
from kindcentraal.errors import InvalidInput

MAX_LIMIT = 100
DEFAULT_LIMIT = 25


@dataclass(frozen=True)
class PageParams:
    limit: int
    cursor: str | None


async def page_params(
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, at most {MAX_LIMIT}.")
    ] = DEFAULT_LIMIT,
    cursor: Annotated[
        str | None,
        Query(max_length=500, description="The `nextCursor` of the previous page."),
    ] = None,
) -> PageParams:
    return PageParams(limit=limit, cursor=cursor)


@dataclass(frozen=True)
class SortKey:
    column: InstrumentedAttribute[Any]
    descending: bool = False


def _encode(values: Sequence[Any]) -> str:
    raw = json.dumps([v.isoformat() if isinstance(v, date) else str(v) for v in values])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def cursor_after(sort_value: Any, id_value: Any) -> str:
    """The cursor of a page that ends at this row (for pages of things built from rows)."""
    return _encode([sort_value, id_value])


def _decode(cursor: str, expected: int) -> list[str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise InvalidInput.field(
            "cursor", "invalid_cursor", "The cursor is not valid.", "query"
        ) from exc
    if not isinstance(values, list) or len(values) != expected:
        raise InvalidInput.field("cursor", "invalid_cursor", "The cursor is not valid.", "query")
    return [str(v) for v in values]


def _typed(column: InstrumentedAttribute[Any], value: str) -> Any:
    column_type = column.property.columns[0].type
    python_type = datetime if isinstance(column_type, UTCDateTime) else column_type.python_type
    try:
        if python_type is uuid.UUID:
            return uuid.UUID(value)
        if python_type is datetime:
            parsed = datetime.fromisoformat(value)
            if parsed.tzinfo is None:
                raise ValueError("naive timestamp")
            return parsed
        if python_type is date:
            return date.fromisoformat(value)
        if python_type in (int, str):
            return python_type(value)
        raise ValueError("unsupported sort column")
    except (ValueError, TypeError) as exc:
        raise InvalidInput.field(
            "cursor", "invalid_cursor", "The cursor is not valid.", "query"
        ) from exc


async def paginate(
    session: AsyncSession,
    statement: Select[*tuple[Any, ...]],
    *,
    sort: SortKey,
    id_column: InstrumentedAttribute[Any],
    params: PageParams,
    rows: bool = False,
    parameters: dict[str, Any] | None = None,
) -> tuple[list[Any], str | None]:
    """One page ordered by `sort` then id (in the same direction); the cursor holds the last
    row's key.

    With `rows`, the statement selects columns (not an entity) and the page holds its rows;
    `parameters` fill a cached statement's bind parameters."""
    if params.cursor:
        raw_value, raw_id = _decode(params.cursor, 2)
        value, last_id = _typed(sort.column, raw_value), _typed(id_column, raw_id)
        # A row-value comparison is one index condition; `a > x OR (a = x AND id > y)` is not,
        # and made every later page walk all the rows before it.
        key, after = tuple_(sort.column, id_column), tuple_(value, last_id)
        statement = statement.where(key < after if sort.descending else key > after)
    if sort.descending:
        statement = statement.order_by(sort.column.desc(), id_column.desc())
    else:
        statement = statement.order_by(sort.column.asc(), id_column.asc())
    statement = statement.limit(params.limit + 1)
    if rows:
        page = list((await session.execute(statement, parameters)).all())
    else:
        page = list((await session.scalars(statement, parameters)).unique().all())
    next_cursor = None
    if len(page) > params.limit:
        page = page[: params.limit]
        final = page[-1]
        next_cursor = _encode([_value(final, sort.column), _value(final, id_column)])
    return page, next_cursor


def keyset_page(
    statement: Select[*tuple[Any, ...]],
    *,
    sort: SortKey,
    id_column: InstrumentedAttribute[Any],
    after: bool,
) -> Select[*tuple[Any, ...]]:
    """`statement` as one keyset page, with the position and size as parameters (`after_value`,
    `after_id`, `page_size`): built once, run for every page (driver_reads.Query)."""
    if after:
        key = tuple_(sort.column, id_column)
        position = tuple_(
            bindparam("after_value", type_=sort.column.type),
            bindparam("after_id", type_=id_column.type),
        )
        statement = statement.where(key < position if sort.descending else key > position)
    if sort.descending:
        statement = statement.order_by(sort.column.desc(), id_column.desc())
    else:
        statement = statement.order_by(sort.column.asc(), id_column.asc())
    return statement.limit(bindparam("page_size", type_=Integer))


async def read_page(
    session: AsyncSession,
    query: Callable[[bool], driver_reads.Query],
    *,
    sort: SortKey,
    id_column: InstrumentedAttribute[Any],
    params: PageParams,
    parameters: dict[str, Any],
) -> tuple[list[Any], str | None]:
    """`paginate` for a `driver_reads.Query`: `query(after)` gives the page query built by
    `keyset_page` (cached by its caller), with or without a position."""
    values = dict(parameters, page_size=params.limit + 1)
    if params.cursor:
        raw_value, raw_id = _decode(params.cursor, 2)
        values["after_value"] = _typed(sort.column, raw_value)
        values["after_id"] = _typed(id_column, raw_id)
    page = list(await driver_reads.fetch(session, query(bool(params.cursor)), values))
    next_cursor = None
    if len(page) > params.limit:
        page = page[: params.limit]
        final = page[-1]
        next_cursor = _encode([_value(final, sort.column), _value(final, id_column)])
    return page, next_cursor


def _value(item: Any, column: InstrumentedAttribute[Any]) -> Any:
    """The key value of the last row: an entity's attribute, a selected column, or the
    attribute of the entity of that column's class selected in the row."""
    if not isinstance(item, Row):
        return getattr(item, column.key)
    if column.key in item._fields:
        return getattr(item, column.key)
    owner = column.class_
    for element in item:
        if isinstance(owner, type) and isinstance(element, owner):
            return getattr(element, column.key)
    raise LookupError(f"the page's rows hold no {column}")
