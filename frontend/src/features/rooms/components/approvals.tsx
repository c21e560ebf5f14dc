import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '@/features/rooms/components/rooms.css';
import { ConfirmActions } from '@/components/ui/confirm-actions';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useConfirmStep } from '@/hooks/use-confirm-step';
import { ApiError } from '@/lib/api-client';
import { useBookings, useTransitionBooking } from '@/features/rooms/api/bookings';
import { useRoomFormat } from '@/features/rooms/hooks/use-room-format';
import { conflictsOf } from '@/features/rooms/utils/booking-form';
import { addDays, todayInZone } from '@/features/rooms/utils/time';
import type { BookingRead, BuildingRead, RoomRead } from '@/features/rooms/types';

/** The longest window GET /bookings answers for. */
const WINDOW_DAYS = 62;

/**
 * The requests that wait for the owner of a room of this building, from today on (the next 62
 * days: what GET /bookings answers in one go). Everyone may look; the server decides who
 * approves or declines, and its refusal is shown in plain words.
 */
export function Approvals({ building, rooms, now }: { building: BuildingRead; rooms: RoomRead[]; now?: Date }) {
  const { t } = useTranslation();
  const format = useRoomFormat();
  const [from] = useState(() => todayInZone(now));
  const to = addDays(from, WINDOW_DAYS);
  const requests = useBookings({ buildingId: building.id, from, to, status: 'requested' });
  const [message, setMessage] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  const roomName = useMemo(() => new Map(rooms.map((room) => [room.id, room.name])), [rooms]);
  const sorted = useMemo(
    () => [...(requests.data ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
    [requests.data],
  );

  const announce = (text: string) => {
    setMessage(text);
    statusRef.current?.focus();
  };

  return (
    <div data-testid="approvals">
      <Paragraph>{t('rooms.approvals.period', { from: format.date(from), to: format.date(to) })}</Paragraph>
      <div ref={statusRef} tabIndex={-1} aria-live="polite" className="kc-status" data-testid="approvals-message">
        {message ? <Paragraph>{message}</Paragraph> : null}
      </div>
      {requests.isPending ? <Loading /> : null}
      {requests.isError ? <ProblemAlert error={requests.error} /> : null}
      {requests.isSuccess ? (
        <Paragraph data-testid="approvals-count">
          {sorted.length === 0 ? t('rooms.approvals.empty') : t('rooms.approvals.count', { count: sorted.length })}
        </Paragraph>
      ) : null}
      {sorted.length > 0 ? (
        <ol className="kc-cards" aria-label={t('rooms.approvals.listLabel')}>
          {sorted.map((booking) => (
            <li key={booking.id} className="kc-card" data-testid="approval" data-booking-id={booking.id}>
              <Approval booking={booking} room={roomName.get(booking.roomId) ?? t('rooms.approvals.unknownRoom')} announce={announce} />
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}

function Approval({ booking, room, announce }: { booking: BookingRead; room: string; announce: (text: string) => void }) {
  const { t } = useTranslation();
  const format = useRoomFormat();
  const headingId = useId();
  const questionId = useId();
  const when = format.span(booking.startsAt, booking.endsAt);
  const names = { organisation: booking.organisationName, room, when };
  const { confirming, startRef, questionRef, ask, cancel } = useConfirmStep();
  const transition = useTransitionBooking({
    onSuccess: (result) =>
      announce(t(result.status === 'confirmed' ? 'rooms.approvals.approved' : 'rooms.approvals.declined', names)),
  });
  const pending = transition.isPending;

  return (
    <article aria-labelledby={headingId}>
      <Heading level={2} id={headingId} className="kc-card__title">
        {when}
      </Heading>
      <dl className="kc-approval__details">
        <div>
          <dt>{t('rooms.approvals.room')}</dt>
          <dd>{room}</dd>
        </div>
        <div>
          <dt>{t('rooms.approvals.organisation')}</dt>
          <dd>{booking.organisationName}</dd>
        </div>
        <div>
          <dt>{t('rooms.approvals.purpose')}</dt>
          <dd>{booking.detail === 'full' && booking.purpose ? booking.purpose : t('rooms.approvals.hidden')}</dd>
        </div>
        {booking.bookedByName ? (
          <div>
            <dt>{t('rooms.approvals.bookedBy')}</dt>
            <dd>{booking.bookedByName}</dd>
          </div>
        ) : null}
        {booking.attendees ? (
          <div>
            <dt>{t('rooms.approvals.attendees')}</dt>
            <dd>{booking.attendees}</dd>
          </div>
        ) : null}
      </dl>
      {transition.isError ? <TransitionProblem error={transition.error} /> : null}
      {confirming ? (
        <div role="group" aria-labelledby={questionId} className="kc-confirm" data-testid="decline-confirm">
          <Paragraph id={questionId} ref={questionRef} tabIndex={-1}>
            {t('rooms.approvals.declineQuestion', names)}
          </Paragraph>
          <ConfirmActions
            confirmLabel={t('rooms.approvals.declineConfirm')}
            keepLabel={t('rooms.approvals.declineCancel')}
            busy={pending}
            onConfirm={() => transition.mutate({ bookingId: booking.id, to: 'cancelled' })}
            onKeep={() => {
              transition.reset();
              cancel();
            }}
          />
        </div>
      ) : (
        <ButtonGroup className="kc-card__actions">
          <Button
            type="button"
            appearance="primary-action-button"
            busy={pending}
            aria-label={t('rooms.approvals.approveLabel', names)}
            onClick={() => {
              if (!pending) transition.mutate({ bookingId: booking.id, to: 'confirmed' });
            }}
          >
            {t('rooms.approvals.approve')}
          </Button>
          <Button
            ref={startRef}
            type="button"
            appearance="secondary-action-button"
            disabled={pending}
            aria-label={t('rooms.approvals.declineLabel', names)}
            onClick={() => {
              transition.reset();
              ask();
            }}
          >
            {t('rooms.approvals.decline')}
          </Button>
        </ButtonGroup>
      )}
    </article>
  );
}

/** Why the server refused: not the owner (403), decided already (409), or taken meanwhile. */
function TransitionProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const conflicts = conflictsOf(error);
  const takenBy = conflicts?.flatMap((conflict) => conflict.takenBy.map((booking) => booking.organisationName)) ?? [];
  const conflictMessage =
    takenBy.length > 0 ? t('rooms.approvals.takenMeanwhile', { by: [...new Set(takenBy)].join(t('rooms.conflicts.and')) }) : undefined;
  return (
    <div data-testid="approval-problem">
      <ProblemAlert
        error={error}
        messages={{
          403: t('rooms.approvals.forbidden'),
          404: t('rooms.approvals.notFound'),
          409: error instanceof ApiError && conflictMessage ? conflictMessage : t('rooms.approvals.alreadyDecided'),
        }}
      />
    </div>
  );
}
