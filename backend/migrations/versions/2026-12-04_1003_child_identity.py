"""child identity: one child per BSN in a municipality, and merges of duplicate records

Revision ID: e14c00000001
Revises: e14b00000001
Create Date: 2026-12-04 10:00:00
"""

from collections.abc import Sequence

revision: str = 'e14c00000001'
down_revision: str | None = 'e14b00000001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
