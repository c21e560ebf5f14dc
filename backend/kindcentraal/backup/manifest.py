"""The manifest of a backup: per table its row count and a checksum of its contents, and the
access log's sealed heads, so a restore can prove it brought back exactly what was saved.

The checksum is the same for the same data on SQLite and PostgreSQL: columns in name order,
rows in primary-key order (strings compared byte-wise on both), every value read through the
model's column type and written in one canonical form (UUIDs with dashes, timestamps in UTC
ISO 8601, JSON with sorted keys).
"""

import base64
import datetime as dt
import decimal
import enum
import hashlib
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Inspector, String, Table, column, inspect, select, table
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import NullType, TypeEngine

FORMAT = "kindcentraal-backup/1"
MANIFEST_FILE = "manifest.json"
_BATCH = 2000


@dataclass(frozen=True)
class TableSum:
    rows: int
    sha256: str


@dataclass(frozen=True)
class SealHead:
    number: int
    hash: str


@dataclass(frozen=True)
class Contents:
    """What a database holds, in the terms a manifest records."""

    tables: dict[str, TableSum]
    seal_heads: dict[str, SealHead]
    revision: str | None

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables.values())


def _models() -> dict[str, Table]:
    import kindcentraal.models  # noqa: F401 - every mapper, so every column's type is known
    from kindcentraal.db import Base

    return dict(Base.metadata.tables)


def _same(value: Any) -> Any:
    return value


def _datetime(value: dt.datetime) -> str:
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC)
    return value.isoformat()


def _plain_slow(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return _plain(value.value)
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, decimal.Decimal):
        return str(value.normalize())
    if isinstance(value, dt.datetime):
        return _datetime(value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return repr(value.total_seconds())
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return "b64:" + base64.b64encode(bytes(value)).decode()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return str(value)


# The common types by exact type: one dictionary lookup a value (millions in a large log).
_BY_TYPE: dict[type, Any] = {
    type(None): _same,
    str: _same,
    int: _same,
    bool: _same,
    float: repr,
    uuid.UUID: str,
    dt.datetime: _datetime,
    dt.date: dt.date.isoformat,
}


def _plain(value: Any) -> Any:
    """One canonical JSON value per database value, whichever database it came from."""
    convert = _BY_TYPE.get(type(value))
    return convert(value) if convert is not None else _plain_slow(value)


def row_line(values: Iterable[Any]) -> bytes:
    return (
        json.dumps(
            [_plain(v) for v in values], sort_keys=True, separators=(",", ":"), ensure_ascii=False
        )
        + "\n"
    ).encode()


def _is_text(type_: TypeEngine[Any]) -> bool:
    return isinstance(type_, String) or isinstance(getattr(type_, "impl", None), String)


def table_sum(
    connection: Connection, inspector: Inspector, name: str, models: dict[str, Table]
) -> TableSum:
    reflected = {c["name"]: c["type"] for c in inspector.get_columns(name)}
    names = sorted(reflected)
    model = models.get(name)
    types: dict[str, TypeEngine[Any]] = {
        n: (model.c[n].type if model is not None and n in model.c else NullType()) for n in names
    }
    clause = table(name, *(column(n, types[n]) for n in names))
    keys = inspector.get_pk_constraint(name).get("constrained_columns") or []
    digest = hashlib.sha256(("\t".join(names) + "\n").encode())
    rows = 0
    if keys:
        postgresql = connection.dialect.name == "postgresql"
        order: list[ColumnElement[Any]] = []
        for key in keys:
            ordered: ColumnElement[Any] = clause.c[key]
            if postgresql and (_is_text(types[key]) or _is_text(reflected[key])):
                # Byte order, as SQLite's BINARY collation: the same order on both databases.
                ordered = ordered.collate("C")
            order.append(ordered)
        result = connection.execute(
            select(*clause.c).order_by(*order).execution_options(yield_per=_BATCH)
        )
        for row in result:
            digest.update(row_line(row))
            rows += 1
    else:
        lines = sorted(row_line(row) for row in connection.execute(select(*clause.c)))
        for line in lines:
            digest.update(line)
        rows = len(lines)
    return TableSum(rows, digest.hexdigest())


def contents(connection: Connection) -> Contents:
    """Count and checksum every table (SQLite's own bookkeeping tables left out), in the
    connection's transaction: one snapshot."""
    models = _models()
    inspector = inspect(connection)
    names = sorted(n for n in inspector.get_table_names() if not n.startswith("sqlite_"))
    tables = {name: table_sum(connection, inspector, name, models) for name in names}
    heads: dict[str, SealHead] = {}
    if "audit_seal_head" in names:
        head = models["audit_seal_head"]
        for tenant_id, number, last_hash in connection.execute(
            select(head.c.tenant_id, head.c.number, head.c.last_hash)
        ):
            heads[str(tenant_id)] = SealHead(int(number), str(last_hash))
    revision = None
    if "alembic_version" in names:
        revision = connection.execute(
            select(column("version_num")).select_from(table("alembic_version"))
        ).scalar()
    return Contents(tables, dict(sorted(heads.items())), revision)


def manifest(
    found: Contents, *, database: str, file_name: str, file_sha256: str, file_bytes: int
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "createdAt": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "database": database,
        "revision": found.revision,
        "file": {"name": file_name, "sha256": file_sha256, "bytes": file_bytes},
        "accessLog": {
            "sealHeads": {
                tenant: {"seal": head.number, "hash": head.hash}
                for tenant, head in found.seal_heads.items()
            },
        },
        "tables": {name: {"rows": t.rows, "sha256": t.sha256} for name, t in found.tables.items()},
    }


def recorded(document: dict[str, Any]) -> Contents:
    """The contents a manifest promises."""
    return Contents(
        tables={
            name: TableSum(int(t["rows"]), str(t["sha256"]))
            for name, t in document["tables"].items()
        },
        seal_heads={
            tenant: SealHead(int(h["seal"]), str(h["hash"]))
            for tenant, h in document["accessLog"]["sealHeads"].items()
        },
        revision=document.get("revision"),
    )


def differences(expected: Contents, found: Contents) -> list[str]:
    """What differs, one line each (table names and counts only, never row contents)."""
    problems: list[str] = []
    for name in sorted(expected.tables.keys() | found.tables.keys()):
        want, got = expected.tables.get(name), found.tables.get(name)
        if got is None:
            problems.append(f"table {name}: missing")
        elif want is None:
            problems.append(f"table {name}: not in the manifest")
        elif want.rows != got.rows:
            problems.append(f"table {name}: {got.rows} rows, the manifest says {want.rows}")
        elif want.sha256 != got.sha256:
            problems.append(f"table {name}: {got.rows} rows, but their checksum differs")
    if expected.seal_heads != found.seal_heads:
        problems.append("access log: the sealed heads differ from the manifest")
    if expected.revision != found.revision:
        problems.append(f"schema revision {found.revision}, the manifest says {expected.revision}")
    return problems


def file_sha256(path: Any) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size
