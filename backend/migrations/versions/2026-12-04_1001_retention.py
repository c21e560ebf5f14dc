"""retention: per-tenant retention schedule and legal holds on children

The tenant's own terms (`retention_rule`), legal holds (`legal_hold`), the children the purge
de-identified (`anonymised_child`) and the access log's cuts (`audit_log_cut`). The access
log stays append-only, with one exception: rows of a seal at or below the tenant's newest cut
may be deleted, so the purge can drop whole sealed batches past their term while
`audit verify` checks the remaining chain against the cut (docs/retention.md).

Revision ID: e14a00000001
Revises: e13c0a000002
Create Date: 2026-12-04 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kindcentraal.db

revision: str = 'e14a00000001'
down_revision: str | None = 'e13c0a000002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CATEGORIES = (
    "pupil_file",
    "pupil_basic",
    "childcare_record",
    "care_trajectory",
    "consents",
    "messages",
    "announcements",
    "activity_data",
    "bookings",
    "notifications",
    "delivery_logs",
    "sign_in",
    "access_log",
)
LOG_TABLES = ("audit_event", "audit_event_child", "audit_seal", "audit_seal_event")

# When a row of each log table may be deleted: it belongs to a seal at or below a cut.
_CUT_SEAL = (
    "SELECT 1 FROM audit_log_cut c WHERE c.tenant_id = {seal}.tenant_id "
    "AND c.seal_number >= {seal}.number"
)
DELETABLE = {
    "audit_seal": f"EXISTS ({_CUT_SEAL.format(seal='OLD')})",
    "audit_seal_event": (
        "EXISTS (SELECT 1 FROM audit_seal s JOIN audit_log_cut c ON c.tenant_id = s.tenant_id "
        "AND c.seal_number >= s.number WHERE s.id = OLD.seal_id)"
    ),
    "audit_event_child": (
        "EXISTS (SELECT 1 FROM audit_seal_event se JOIN audit_seal s ON s.id = se.seal_id "
        "JOIN audit_log_cut c ON c.tenant_id = s.tenant_id AND c.seal_number >= s.number "
        "WHERE se.event_id = OLD.event_id)"
    ),
    # Its seal membership went first (the rows above); never an event still queued.
    "audit_event": (
        "NOT EXISTS (SELECT 1 FROM audit_seal_event se WHERE se.event_id = OLD.id) "
        "AND NOT EXISTS (SELECT 1 FROM audit_pending p WHERE p.event_id = OLD.id) "
        "AND EXISTS (SELECT 1 FROM audit_log_cut c WHERE c.tenant_id = OLD.tenant_id "
        "AND c.last_sealed_at >= OLD.occurred_at)"
    ),
}


def _category() -> sa.Enum:
    return sa.Enum(
        *CATEGORIES,
        name="retention_category",
        native_enum=False,
        length=40,
        create_constraint=True,
    )


def _create_tables() -> None:
    op.create_table(
        "retention_rule",
        sa.Column("category", _category(), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenant.id"],
            name=op.f("fk_retention_rule_tenant_id_tenant"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["user_account.id"],
            name=op.f("fk_retention_rule_updated_by_id_user_account"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retention_rule")),
        sa.UniqueConstraint(
            "tenant_id", "category", name=op.f("uq_retention_rule_tenant_id_category")
        ),
    )
    op.create_index(op.f("ix_retention_rule_tenant_id"), "retention_rule", ["tenant_id"])
    op.create_table(
        "legal_hold",
        sa.Column("child_id", sa.Uuid(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("set_by_id", sa.Uuid(), nullable=True),
        sa.Column("set_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("released_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("released_by_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["child_id"], ["child.id"],
            name=op.f("fk_legal_hold_child_id_child"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["released_by_id"], ["user_account.id"],
            name=op.f("fk_legal_hold_released_by_id_user_account"), ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["set_by_id"], ["user_account.id"],
            name=op.f("fk_legal_hold_set_by_id_user_account"), ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenant.id"],
            name=op.f("fk_legal_hold_tenant_id_tenant"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legal_hold")),
    )
    op.create_index("ix_legal_hold_tenant_child", "legal_hold", ["tenant_id", "child_id"])
    op.create_index(op.f("ix_legal_hold_tenant_id"), "legal_hold", ["tenant_id"])
    op.create_index(
        "uq_legal_hold_active",
        "legal_hold",
        ["child_id"],
        unique=True,
        sqlite_where=sa.text("released_at IS NULL"),
        postgresql_where=sa.text("released_at IS NULL"),
    )
    op.create_table(
        "anonymised_child",
        sa.Column("child_id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("anonymised_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["child_id"], ["child.id"],
            name=op.f("fk_anonymised_child_child_id_child"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenant.id"],
            name=op.f("fk_anonymised_child_tenant_id_tenant"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("child_id", name=op.f("pk_anonymised_child")),
    )
    op.create_index(op.f("ix_anonymised_child_tenant_id"), "anonymised_child", ["tenant_id"])
    op.create_table(
        "audit_log_cut",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("seal_number", sa.BigInteger(), nullable=False),
        sa.Column("seal_hash", sa.String(length=64), nullable=False),
        sa.Column("last_sealed_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("cut_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenant.id"],
            name=op.f("fk_audit_log_cut_tenant_id_tenant"), ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log_cut")),
        sa.UniqueConstraint(
            "tenant_id", "seal_number", name=op.f("uq_audit_log_cut_tenant_id_seal_number")
        ),
    )
    op.create_index(op.f("ix_audit_log_cut_tenant_id"), "audit_log_cut", ["tenant_id"])


def _refuse_everything(table: str, events: Sequence[str]) -> None:
    for event in events:
        op.execute(
            f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
        )


def upgrade() -> None:
    _create_tables()
    if op.get_bind().dialect.name == "sqlite":
        for table in LOG_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
            op.execute(
                f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
                f"WHEN NOT ({DELETABLE[table]}) "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )
        _refuse_everything("audit_log_cut", ("UPDATE", "DELETE"))
        return
    branches = " ".join(
        f"{'IF' if n == 0 else 'ELSIF'} TG_TABLE_NAME = '{table}' THEN "
        f"IF {DELETABLE[table]} THEN RETURN OLD; END IF;"
        for n, table in enumerate(LOG_TABLES)
    )
    op.execute(
        "CREATE OR REPLACE FUNCTION kindcentraal_audit_delete_guard() RETURNS trigger "
        f"LANGUAGE plpgsql AS $$ BEGIN {branches} END IF; "
        "RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'P0001'; "
        "END $$"
    )
    for table in LOG_TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION kindcentraal_refuse_change()"
        )
        op.execute(
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION kindcentraal_audit_delete_guard()"
        )
    op.execute(
        "CREATE TRIGGER audit_log_cut_append_only BEFORE UPDATE OR DELETE ON audit_log_cut "
        "FOR EACH ROW EXECUTE FUNCTION kindcentraal_refuse_change()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in LOG_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
            _refuse_everything(table, ("DELETE",))
        for event in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS audit_log_cut_no_{event}")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_log_cut_append_only ON audit_log_cut")
        for table in LOG_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION kindcentraal_refuse_change()"
            )
        op.execute("DROP FUNCTION IF EXISTS kindcentraal_audit_delete_guard()")
    op.drop_index(op.f("ix_audit_log_cut_tenant_id"), table_name="audit_log_cut")
    op.drop_table("audit_log_cut")
    op.drop_index(op.f("ix_anonymised_child_tenant_id"), table_name="anonymised_child")
    op.drop_table("anonymised_child")
    op.drop_index("uq_legal_hold_active", table_name="legal_hold")
    op.drop_index(op.f("ix_legal_hold_tenant_id"), table_name="legal_hold")
    op.drop_index("ix_legal_hold_tenant_child", table_name="legal_hold")
    op.drop_table("legal_hold")
    op.drop_index(op.f("ix_retention_rule_tenant_id"), table_name="retention_rule")
    op.drop_table("retention_rule")
