"""access log: lock-free append, sealed batches instead of a per-event chain

Every event now carries the hash of its own content; a sealer links batches of committed
events (docs/access-log.md). Existing events are re-hashed and queued for sealing; the
downgrade rebuilds the per-tenant chain. The hash functions are frozen copies: a migration
must not change when the application code does.

Revision ID: 5c1d7a9e2b40
Revises: b64e1ee199b9
Create Date: 2026-11-30 17:00:00
"""

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC
from typing import Any

import sqlalchemy as sa
from alembic import op

import kindcentraal.db

revision: str = "5c1d7a9e2b40"
down_revision: str | None = "b64e1ee199b9"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_APPEND_ONLY = ("audit_event", "audit_event_child")
NEW_APPEND_ONLY = ("audit_event", "audit_event_child", "audit_seal", "audit_seal_event")
GENESIS_HASH = "0" * 64


def _create_triggers(tables: Sequence[str]) -> None:
    dialect = op.get_bind().dialect.name
    for table in tables:
        if dialect == "sqlite":
            for event in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                )
        else:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION kindcentraal_refuse_change()"
            )


def _drop_triggers(tables: Sequence[str]) -> None:
    dialect = op.get_bind().dialect.name
    for table in tables:
        if dialect == "sqlite":
            for event in ("update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{event}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")


def _common_fields(row: Any) -> dict[str, Any]:
    return {
        "id": str(row["id"]),
        "tenant_id": str(row["tenant_id"]),
        "occurred_at": row["occurred_at"].astimezone(UTC).isoformat(timespec="microseconds"),
        "actor_user_id": str(row["actor_user_id"]) if row["actor_user_id"] else None,
        "actor_organisation_id": (
            str(row["actor_organisation_id"]) if row["actor_organisation_id"] else None
        ),
        "actor_role": row["actor_role"],
        "on_behalf_of": row["on_behalf_of"],
        "child_ids": sorted(row["child_ids"]),
        "resource": row["resource"],
        "action": row["action"],
        "result": row["result"],
        "basis": row["basis"],
        "origin_ip": row["origin_ip"],
    }


def _sha(fields: dict[str, Any]) -> str:
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _event_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("occurred_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor_user_id", sa.Uuid(), nullable=True),
        sa.Column("actor_organisation_id", sa.Uuid(), nullable=True),
        sa.Column("actor_role", sa.String(length=40), nullable=True),
        sa.Column("on_behalf_of", sa.String(length=200), nullable=True),
        sa.Column("child_ids", sa.JSON(), nullable=False),
        sa.Column("resource", sa.String(length=60), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("result", sa.String(length=10), nullable=False),
        sa.Column("basis", sa.String(length=200), nullable=True),
        sa.Column("origin_ip", sa.String(length=45), nullable=True),
        sa.Column("hash", sa.String(length=64), nullable=False),
    ]


def _read_events() -> list[dict[str, Any]]:
    table = sa.table(
        "audit_event",
        *(sa.column(c.name, c.type) for c in _event_columns()),
    )
    rows = op.get_bind().execute(sa.select(table).order_by(table.c.occurred_at, table.c.id))
    return [dict(row._mapping) for row in rows]


def _read_event_children() -> list[dict[str, Any]]:
    rows = op.get_bind().execute(
        sa.text("SELECT event_id, child_id, tenant_id FROM audit_event_child")
    )
    return [dict(row._mapping) for row in rows]


def _drop_audit_tables(names: Sequence[str]) -> None:
    for name in names:
        op.drop_table(name)


def upgrade() -> None:
    _drop_triggers(OLD_APPEND_ONLY)
    events = _read_events()
    links = _read_event_children()
    _drop_audit_tables(("audit_event_child", "audit_event", "audit_chain_head"))

    event_table = op.create_table(
        "audit_event",
        *_event_columns(),
        sa.Column("parts", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenant.id"], name=op.f("fk_audit_event_tenant_id_tenant"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    op.create_index(op.f("ix_audit_event_tenant_id"), "audit_event", ["tenant_id"])
    child_table = op.create_table(
        "audit_event_child",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("child_id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("occurred_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["audit_event.id"],
            name=op.f("fk_audit_event_child_event_id_audit_event"), ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("event_id", "child_id", name=op.f("pk_audit_event_child")),
    )
    op.create_index(
        "ix_audit_event_child_tenant_child_time",
        "audit_event_child",
        ["tenant_id", "child_id", "occurred_at"],
    )
    pending_table = op.create_table(
        "audit_pending",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["audit_event.id"],
            name=op.f("fk_audit_pending_event_id_audit_event"), ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_audit_pending")),
    )
    op.create_index(op.f("ix_audit_pending_tenant_id"), "audit_pending", ["tenant_id"])
    op.create_table(
        "audit_seal",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.BigInteger(), nullable=False),
        sa.Column("sealed_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("event_count", sa.Integer(), nullable=False),
        sa.Column("events_hash", sa.String(length=64), nullable=False),
        sa.Column("previous_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenant.id"], name=op.f("fk_audit_seal_tenant_id_tenant"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_seal")),
        sa.UniqueConstraint("tenant_id", "number", name=op.f("uq_audit_seal_tenant_id_number")),
    )
    op.create_index(op.f("ix_audit_seal_tenant_id"), "audit_seal", ["tenant_id"])
    op.create_table(
        "audit_seal_event",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("seal_id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["audit_event.id"],
            name=op.f("fk_audit_seal_event_event_id_audit_event"), ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["seal_id"], ["audit_seal.id"],
            name=op.f("fk_audit_seal_event_seal_id_audit_seal"), ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_audit_seal_event")),
    )
    op.create_index(
        "ix_audit_seal_event_seal_ordinal", "audit_seal_event", ["seal_id", "ordinal"]
    )
    op.create_table(
        "audit_seal_head",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.BigInteger(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenant.id"], name=op.f("fk_audit_seal_head_tenant_id_tenant"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("tenant_id", name=op.f("pk_audit_seal_head")),
    )

    occurred = {event["id"]: event["occurred_at"] for event in events}
    new_events = []
    for event in events:
        row = {c.name: event[c.name] for c in _event_columns() if c.name != "hash"}
        row["parts"] = None
        row["hash"] = _sha({**_common_fields(row), "parts": None})
        new_events.append(row)
    if new_events:
        op.bulk_insert(event_table, new_events)
        op.bulk_insert(
            pending_table, [{"event_id": e["id"], "tenant_id": e["tenant_id"]} for e in events]
        )
    if links:
        op.bulk_insert(
            child_table, [{**link, "occurred_at": occurred[link["event_id"]]} for link in links]
        )
    _create_triggers(NEW_APPEND_ONLY)


def downgrade() -> None:
    _drop_triggers(NEW_APPEND_ONLY)
    events = _read_events()
    links = _read_event_children()
    _drop_audit_tables(
        (
            "audit_seal_head",
            "audit_seal_event",
            "audit_seal",
            "audit_pending",
            "audit_event_child",
            "audit_event",
        )
    )
    head_table = op.create_table(
        "audit_chain_head",
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("sequence", sa.BigInteger(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenant.id"], name=op.f("fk_audit_chain_head_tenant_id_tenant"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("tenant_id", name=op.f("pk_audit_chain_head")),
    )
    columns = _event_columns()
    event_table = op.create_table(
        "audit_event",
        *columns[:2],
        sa.Column("sequence", sa.BigInteger(), nullable=False),
        *columns[2:-1],
        sa.Column("previous_hash", sa.String(length=64), nullable=False),
        columns[-1],
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenant.id"], name=op.f("fk_audit_event_tenant_id_tenant"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
        sa.UniqueConstraint(
            "tenant_id", "sequence", name=op.f("uq_audit_event_tenant_id_sequence")
        ),
    )
    op.create_index(op.f("ix_audit_event_tenant_id"), "audit_event", ["tenant_id"])
    child_table = op.create_table(
        "audit_event_child",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("child_id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["audit_event.id"],
            name=op.f("fk_audit_event_child_event_id_audit_event"), ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("event_id", "child_id", name=op.f("pk_audit_event_child")),
    )
    op.create_index(
        "ix_audit_event_child_tenant_child", "audit_event_child", ["tenant_id", "child_id"]
    )

    heads: dict[Any, tuple[int, str]] = {}
    chained = []
    for event in events:
        sequence, previous = heads.get(event["tenant_id"], (0, GENESIS_HASH))
        row = {c.name: event[c.name] for c in columns if c.name != "hash"}
        row.update(sequence=sequence + 1, previous_hash=previous)
        fields = {**_common_fields(row), "sequence": row["sequence"], "previous_hash": previous}
        row["hash"] = _sha(fields)
        heads[event["tenant_id"]] = (row["sequence"], row["hash"])
        chained.append(row)
    if chained:
        op.bulk_insert(event_table, chained)
        op.bulk_insert(
            head_table,
            [
                {"tenant_id": tenant, "sequence": sequence, "last_hash": last}
                for tenant, (sequence, last) in heads.items()
            ],
        )
    if links:
        op.bulk_insert(child_table, links)
    _create_triggers(OLD_APPEND_ONLY)
