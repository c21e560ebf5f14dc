"""hot path indexes: login looks the account up by lower(email)

EXPLAIN (ANALYZE, BUFFERS) on the `seed load --children 100000` dataset, before and after,
is in docs/performance.md ("EXPLAIN plans (100k children, PostgreSQL)"): login read every
account (112,761) to compare lower(email). The other hot queries already run on indexes.

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


def upgrade() -> None:
    op.create_index("ix_user_account_lower_email", "user_account", [sa.text("lower(email)")])


def downgrade() -> None:
    op.drop_index("ix_user_account_lower_email", table_name="user_account")
