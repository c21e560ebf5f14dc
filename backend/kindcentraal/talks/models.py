"""A planning round (the slots published in one go, for a group or for chosen families), its
slots and their bookings.

A slot is booked once and a child has one talk per round: both are unique constraints, so
two parents racing for a slot get one booking and one 409, on SQLite and PostgreSQL alike.
"""

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from kindcentraal.db import Base, TenantMixin, UTCDateTime


class TalkRound(TenantMixin, Base):
    """The slots one publisher offered in one call, and to whom."""

    __tablename__ = "talk_round"
    __table_args__ = (
        CheckConstraint(
            "cancel_before_hours >= 0 AND cancel_before_hours <= 336", name="cancel_before_range"
        ),
    )

    publisher_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    # The organisation the publisher acted for (books the room, names the talk).
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("organisation.id", ondelete="SET NULL")
    )
    centre_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("child_centre.id", ondelete="CASCADE")
    )
    # Set when the round was offered to a whole group: the planning of that group.
    group_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("child_group.id", ondelete="SET NULL"), index=True
    )
    # A family cancels up to this many hours before the talk.
    cancel_before_hours: Mapped[int] = mapped_column(Integer)


class TalkRoundChild(TenantMixin, Base):
    """A child whose family is offered the round's slots."""

    __tablename__ = "talk_round_child"
    __table_args__ = (UniqueConstraint("round_id", "child_id"),)

    round_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("talk_round.id", ondelete="CASCADE")
    )
    child_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("child.id", ondelete="CASCADE"), index=True
    )


class TalkSlot(TenantMixin, Base):
    """One time for a talk; optionally in a room, held by a room booking."""

    __tablename__ = "talk_slot"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        Index("ix_talk_slot_round_starts", "round_id", "starts_at"),
    )

    round_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("talk_round.id", ondelete="CASCADE")
    )
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    room_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("room.id", ondelete="SET NULL")
    )
    room_booking_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("booking.id", ondelete="SET NULL")
    )


class TalkBooking(TenantMixin, Base):
    """A family's booking of a slot, for one child. Cancelling deletes it: the slot is free."""

    __tablename__ = "talk_booking"
    __table_args__ = (
        UniqueConstraint("slot_id"),
        UniqueConstraint("round_id", "child_id"),
    )

    slot_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("talk_slot.id", ondelete="CASCADE"))
    round_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("talk_round.id", ondelete="CASCADE")
    )
    child_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("child.id", ondelete="CASCADE"), index=True
    )
    booked_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="SET NULL")
    )
