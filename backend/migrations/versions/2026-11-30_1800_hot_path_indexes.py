"""hot path indexes: login by lower(email); trigram search on children's names (PostgreSQL)

EXPLAIN (ANALYZE, BUFFERS) on the `seed load --children 100000` dataset, before and after,
is in docs/performance.md ("EXPLAIN plans (100k children, PostgreSQL)"): login scanned every
account, a name search every child. The trigram indexes need pg_trgm, a trusted extension
(the database owner may create it); SQLite has neither and keeps scanning its small tables.

Revision ID: dfe0f41239ec
Revises: 5c1d7a9e2b40
Create Date: 2026-11-30 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "dfe0f41239ec"
down_revision: str | None = "5c1d7a9e2b40"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TRIGRAM_INDEXES = {
    "ix_child_given_name_trgm": "given_name",
    "ix_child_family_name_trgm": "family_name",
}


def _postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    op.create_index("ix_user_account_lower_email", "user_account", [sa.text("lower(email)")])
    if _postgresql():
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for name, column in TRIGRAM_INDEXES.items():
            op.create_index(
                name, "child", [sa.text(f"lower({column}) gin_trgm_ops")], postgresql_using="gin"
            )


def downgrade() -> None:
    if _postgresql():
        for name in TRIGRAM_INDEXES:
            op.drop_index(name, table_name="child")
        # pg_trgm stays: it may have been there before us, and other objects may use it.
    op.drop_index("ix_user_account_lower_email", table_name="user_account")
