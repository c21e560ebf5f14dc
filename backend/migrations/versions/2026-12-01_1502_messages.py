"""messages: threads, participants, messages, read receipts, attachments (placeholder, filled
by the messages work)

Revision ID: e11c0a000002
Revises: e11c0a000001
Create Date: 2026-12-01 15:02:00
"""

from collections.abc import Sequence

revision: str = "e11c0a000002"
down_revision: str | None = "e11c0a000001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
