"""communication: notification kinds, the mail outbox, e-mail settings, the contact-person
history

Revision ID: e11c0a000001
Revises: c3f1a2b4d5e6
Create Date: 2026-12-01 15:01:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kindcentraal.db

revision: str = "e11c0a000001"
down_revision: str | None = "c3f1a2b4d5e6"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_KINDS = (
    "team_member_joined",
    "signal_assigned",
    "consent_needed",
    "status_changed",
    "guardian_note",
    "booking_requested",
    "booking_confirmed",
    "booking_declined",
    "waitlist_moved_up",
)
NEW_KINDS = (
    *OLD_KINDS,
    "message_received",
    "announcement_published",
    "talk_slots_published",
    "talk_booked",
    "talk_cancelled",
    "contact_person_changed",
    "handover_received",
)


def _kinds(kinds: tuple[str, ...]) -> str:
    return "kind IN (" + ", ".join(f"'{kind}'" for kind in kinds) + ")"


def upgrade() -> None:
    op.create_table('notification_setting',
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('email_messages', sa.Boolean(), nullable=False),
    sa.Column('email_announcements', sa.Boolean(), nullable=False),
    sa.Column('email_consents', sa.Boolean(), nullable=False),
    sa.Column('email_talks', sa.Boolean(), nullable=False),
    sa.Column('email_activities', sa.Boolean(), nullable=False),
    sa.Column('email_contact_person', sa.Boolean(), nullable=False),
    sa.Column('weekly_digest', sa.Boolean(), nullable=False),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_notification_setting_tenant_id_tenant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_notification_setting_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notification_setting')),
    sa.UniqueConstraint('tenant_id', 'user_id', name=op.f('uq_notification_setting_tenant_id_user_id'))
    )
    with op.batch_alter_table('notification_setting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notification_setting_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('outbox_mail',
    sa.Column('user_id', sa.Uuid(), nullable=True),
    sa.Column('to_address', sa.String(length=320), nullable=False),
    sa.Column('template', sa.String(length=40), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('calendar', sa.Text(), nullable=True),
    sa.Column('dedupe_key', sa.String(length=200), nullable=True),
    sa.Column('status', sa.Enum('pending', 'sent', 'failed', name='mail_status', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('locked_until', kindcentraal.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('sent_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.String(length=200), nullable=True),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_outbox_mail_tenant_id_tenant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_outbox_mail_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_mail')),
    sa.UniqueConstraint('tenant_id', 'dedupe_key', name=op.f('uq_outbox_mail_tenant_id_dedupe_key'))
    )
    with op.batch_alter_table('outbox_mail', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_mail_status_next_attempt', ['status', 'next_attempt_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_mail_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('contact_person_assignment',
    sa.Column('child_id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=True),
    sa.Column('assigned_by_id', sa.Uuid(), nullable=True),
    sa.Column('started_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ended_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('handover_note', sa.Text(), nullable=True),
    sa.Column('tenant_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', kindcentraal.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['assigned_by_id'], ['user_account.id'], name=op.f('fk_contact_person_assignment_assigned_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_contact_person_assignment_child_id_child'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], name=op.f('fk_contact_person_assignment_tenant_id_tenant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_contact_person_assignment_user_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_person_assignment'))
    )
    with op.batch_alter_table('contact_person_assignment', schema=None) as batch_op:
        batch_op.create_index('ix_contact_person_assignment_child', ['tenant_id', 'child_id', 'started_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_contact_person_assignment_tenant_id'), ['tenant_id'], unique=False)

    # Plain ADD COLUMN: a batch (table copy) on SQLite would lose the lower(email) index.
    op.add_column(
        "user_account",
        sa.Column("email_undeliverable_at", kindcentraal.db.UTCDateTime(timezone=True), nullable=True),
    )
    # Autogenerate sees no changed CHECK: written by hand.
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_notification_notification_kind"), type_="check")
        batch_op.create_check_constraint("notification_kind", _kinds(NEW_KINDS))
    # The history starts with each child's present contact person.
    op.execute(
        "INSERT INTO contact_person_assignment "
        "(id, tenant_id, child_id, user_id, started_at, created_at, updated_at) "
        "SELECT id, tenant_id, id, contact_person_id, contact_person_since, "
        "contact_person_since, contact_person_since FROM child "
        "WHERE contact_person_id IS NOT NULL AND contact_person_since IS NOT NULL"
    )


def downgrade() -> None:
    op.execute(f"DELETE FROM notification WHERE kind IN ({', '.join(repr(k) for k in NEW_KINDS[len(OLD_KINDS):])})")
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_notification_notification_kind"), type_="check")
        batch_op.create_check_constraint("notification_kind", _kinds(OLD_KINDS))
    op.drop_column("user_account", "email_undeliverable_at")

    with op.batch_alter_table('contact_person_assignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_person_assignment_tenant_id'))
        batch_op.drop_index('ix_contact_person_assignment_child')

    op.drop_table('contact_person_assignment')
    with op.batch_alter_table('outbox_mail', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_mail_tenant_id'))
        batch_op.drop_index('ix_outbox_mail_status_next_attempt')

    op.drop_table('outbox_mail')
    with op.batch_alter_table('notification_setting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notification_setting_tenant_id'))

    op.drop_table('notification_setting')
