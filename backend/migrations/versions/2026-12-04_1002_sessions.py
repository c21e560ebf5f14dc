"""sessions: devices and lifetimes of sign-in sessions (refresh cookie)

Revision ID: e14b00000001
Revises: e14a00000001
Create Date: 2026-12-04 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kindcentraal.db

revision: str = 'e14b00000001'
down_revision: str | None = 'e14a00000001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('auth_session', schema=None) as batch_op:
        batch_op.add_column(sa.Column('expires_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('last_used_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('device_label', sa.String(length=60), nullable=True))
    # A session made before this step ends when its last refresh token would have expired (the
    # old 14-day rule); one without any token has ended already. Portable SQL: both databases
    # compare and take the maximum of their own timestamp values.
    op.execute(
        """
        UPDATE auth_session SET
          expires_at = coalesce(
            (SELECT max(r.expires_at) FROM refresh_token r
             WHERE r.session_id = auth_session.id AND r.tenant_id = auth_session.tenant_id),
            created_at),
          last_used_at = coalesce(
            (SELECT max(r.created_at) FROM refresh_token r
             WHERE r.session_id = auth_session.id AND r.tenant_id = auth_session.tenant_id),
            created_at)
        """
    )
    with op.batch_alter_table('auth_session', schema=None) as batch_op:
        batch_op.alter_column('expires_at', existing_type=kindcentraal.db.UTCDateTime(timezone=True), nullable=False)
        batch_op.alter_column('last_used_at', existing_type=kindcentraal.db.UTCDateTime(timezone=True), nullable=False)

    with op.batch_alter_table('tenant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('parent_session_days', sa.Integer(), server_default='30', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('tenant', schema=None) as batch_op:
        batch_op.drop_column('parent_session_days')
    with op.batch_alter_table('auth_session', schema=None) as batch_op:
        batch_op.drop_column('device_label')
        batch_op.drop_column('last_used_at')
        batch_op.drop_column('expires_at')
