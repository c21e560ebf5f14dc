"""announcements and talk slots (placeholder, filled by the announcements and talks work)

Revision ID: e11c0a000003
Revises: e11c0a000002
Create Date: 2026-12-01 15:03:00
"""

from collections.abc import Sequence

revision: str = "e11c0a000003"
down_revision: str | None = "e11c0a000002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
