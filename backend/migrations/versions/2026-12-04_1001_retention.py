"""retention: per-tenant retention schedule and legal holds on children

Revision ID: e14a00000001
Revises: e13c0a000002
Create Date: 2026-12-04 10:00:00
"""

from collections.abc import Sequence

revision: str = 'e14a00000001'
down_revision: str | None = 'e13c0a000002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
