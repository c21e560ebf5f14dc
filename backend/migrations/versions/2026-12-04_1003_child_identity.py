"""child identity: one child per BSN in a municipality, and merges of duplicate records

Revision ID: e14c00000001
Revises: e14b00000001
Create Date: 2026-12-04 10:00:00

The unique index on (tenant_id, bsn) can only be built when no municipality has a BSN twice.
Where duplicates exist already, this step builds the rest, leaves the index out and says how
many BSNs are registered more than once per municipality (counts only, never a BSN or a
name); the API refuses new duplicates from now on either way, and `kindcentraal bsn-index`
builds the index once the centre admins have merged the duplicate records (docs/erasure.md).
"""

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kindcentraal.db

revision: str = 'e14c00000001'
down_revision: str | None = 'e14b00000001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("alembic.runtime.migration")

DUPLICATES = sa.text(
    "SELECT tenant_id, count(*) FROM ("
    " SELECT tenant_id, bsn FROM child WHERE bsn IS NOT NULL"
    " GROUP BY tenant_id, bsn HAVING count(*) > 1) AS twice GROUP BY tenant_id"
)


def upgrade() -> None:
    op.create_table(
        "erasure_request",
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("child_id", sa.Uuid(), nullable=False),
        sa.Column("handled_by_id", sa.Uuid(), nullable=True),
        sa.Column("handled_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("request_received_on", sa.Date(), nullable=False),
        sa.Column("categories", sa.JSON(), nullable=False),
        sa.Column("erased", sa.JSON(), nullable=False),
        sa.Column("kept", sa.JSON(), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["centre_id"],
            ["child_centre.id"],
            name=op.f("fk_erasure_request_centre_id_child_centre"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["handled_by_id"],
            ["user_account.id"],
            name=op.f("fk_erasure_request_handled_by_id_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenant.id"],
            name=op.f("fk_erasure_request_tenant_id_tenant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure_request")),
    )
    op.create_index(
        "ix_erasure_request_tenant_centre_handled",
        "erasure_request",
        ["tenant_id", "centre_id", "handled_at"],
    )
    op.create_index(
        "ix_erasure_request_tenant_child", "erasure_request", ["tenant_id", "child_id"]
    )
    op.create_index(
        op.f("ix_erasure_request_tenant_id"), "erasure_request", ["tenant_id"]
    )
    twice = op.get_bind().execute(DUPLICATES).all()
    if twice:
        log.warning(
            "child identity: %d BSN(s) registered for more than one child in %d "
            "municipality(ies); the unique index uq_child_tenant_id_bsn is left out until the "
            "records are merged (then run `kindcentraal bsn-index`)",
            sum(int(n) for _, n in twice),
            len(twice),
        )
        return
    op.create_index(
        "uq_child_tenant_id_bsn",
        "child",
        ["tenant_id", "bsn"],
        unique=True,
        sqlite_where=sa.text("bsn IS NOT NULL"),
        postgresql_where=sa.text("bsn IS NOT NULL"),
    )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS uq_child_tenant_id_bsn")
    op.drop_index(op.f("ix_erasure_request_tenant_id"), table_name="erasure_request")
    op.drop_index("ix_erasure_request_tenant_child", table_name="erasure_request")
    op.drop_index("ix_erasure_request_tenant_centre_handled", table_name="erasure_request")
    op.drop_table("erasure_request")
