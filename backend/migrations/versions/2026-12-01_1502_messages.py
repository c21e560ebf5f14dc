"""messages: threads, participants, messages, read receipts, attachments

Revision ID: e11c0a000002
Revises: e11c0a000001
Create Date: 2026-12-01 15:02:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kindcentraal.db

revision: str = "e11c0a000002"
down_revision: str | None = "e11c0a000001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('message_thread',
    sa.Column('child_id', sa.Uuid(), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('created_by_id', sa.Uuid(), nullable=True),
    sa.Column('last_message_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('closed_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_message_thread_child_id_child'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_message_thread_created_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_message_thread_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message_thread'))
    )
    with op.batch_alter_table('message_thread', schema=None) as batch_op:
        batch_op.create_index('ix_message_thread_child', ['tenant_id', 'child_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_message_thread_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('message',
    sa.Column('thread_id', sa.Uuid(), nullable=False),
    sa.Column('author_id', sa.Uuid(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('withdrawn_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['user_account.id'], name=op.f('fk_message_author_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_message_tenant_id_tenant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['thread_id'], ['message_thread.id'], name=op.f('fk_message_thread_id_message_thread'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message'))
    )
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_message_tenant_id'), ['tenant_id'], unique=False)
        batch_op.create_index('ix_message_thread_created', ['thread_id', 'created_at'], unique=False)

    op.create_table('thread_participant',
    sa.Column('thread_id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('added_by_id', sa.Uuid(), nullable=True),
    sa.Column('joined_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('left_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_read_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['added_by_id'], ['user_account.id'], name=op.f('fk_thread_participant_added_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_thread_participant_tenant_id_tenant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['thread_id'], ['message_thread.id'], name=op.f('fk_thread_participant_thread_id_message_thread'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_thread_participant_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_thread_participant')),
    sa.UniqueConstraint('thread_id', 'user_id', name=op.f('uq_thread_participant_thread_id_user_id'))
    )
    with op.batch_alter_table('thread_participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_thread_participant_tenant_id'), ['tenant_id'], unique=False)
        batch_op.create_index('ix_thread_participant_user', ['tenant_id', 'user_id'], unique=False)

    op.create_table('attachment',
    sa.Column('owner_id', sa.Uuid(), nullable=True),
    sa.Column('message_id', sa.Uuid(), nullable=True),
    sa.Column('storage_key', sa.String(length=64), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('content_type', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['message_id'], ['message.id'], name=op.f('fk_attachment_message_id_message'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_id'], ['user_account.id'], name=op.f('fk_attachment_owner_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_attachment_tenant_id_tenant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachment')),
    sa.UniqueConstraint('storage_key', name=op.f('uq_attachment_storage_key'))
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachment_message_id'), ['message_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('message_receipt',
    sa.Column('message_id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('read_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['message_id'], ['message.id'], name=op.f('fk_message_receipt_message_id_message'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_message_receipt_tenant_id_tenant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_message_receipt_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message_receipt')),
    sa.UniqueConstraint('message_id', 'user_id', name=op.f('uq_message_receipt_message_id_user_id'))
    )
    with op.batch_alter_table('message_receipt', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_message_receipt_tenant_id'), ['tenant_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('message_receipt', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_message_receipt_tenant_id'))

    op.drop_table('message_receipt')
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachment_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_attachment_owner_id'))
        batch_op.drop_index(batch_op.f('ix_attachment_message_id'))

    op.drop_table('attachment')
    with op.batch_alter_table('thread_participant', schema=None) as batch_op:
        batch_op.drop_index('ix_thread_participant_user')
        batch_op.drop_index(batch_op.f('ix_thread_participant_tenant_id'))

    op.drop_table('thread_participant')
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_index('ix_message_thread_created')
        batch_op.drop_index(batch_op.f('ix_message_tenant_id'))

    op.drop_table('message')
    with op.batch_alter_table('message_thread', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_message_thread_tenant_id'))
        batch_op.drop_index('ix_message_thread_child')

    op.drop_table('message_thread')
