import { Button, ButtonGroup, Heading, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useBuildings } from '@/features/rooms/api/buildings';
import { useRoomFormat } from '@/features/rooms/hooks/use-room-format';
import { useRooms } from '@/features/activities/api/rooms';
import { CancelSession } from '@/features/activities/components/cancel-session';
import { SessionForm } from '@/features/activities/components/session-form';
import { splitSessions } from '@/features/activities/utils/sessions';
import type { ActivityRead, ActivitySession } from '@/features/activities/types';

/**
 * The activity's sessions: the coming ones (each can be called off, "Afzeggen"), the ones held
 * (folded away), and "Sessies toevoegen".
 */
export function SessionsSection({
  activity,
  sessions,
  onAttendance,
  now,
}: {
  activity: ActivityRead;
  sessions: ActivitySession[];
  /** Opens the attendance list of a session. */
  onAttendance: (sessionId: string) => void;
  now?: Date;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [adding, setAdding] = useState(false);
  const addRef = useRef<HTMLButtonElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const [message, setMessage] = useState('');
  const format = useRoomFormat();
  const { coming, past } = useMemo(() => splitSessions(sessions, now), [sessions, now]);

  const onCancelled = (session: ActivitySession) => {
    setMessage(t('activities.sessions.cancelledMessage', { when: format.span(session.startsAt, session.endsAt) }));
    // The question and its buttons are gone: the focus goes to what happened.
    statusRef.current?.focus();
  };

  return (
    <section id="sessies" aria-labelledby={headingId} className="kc-section" data-testid="sessions-section">
      <Heading level={2} id={headingId}>
        {t('activities.sessions.title')}
      </Heading>
      <div ref={statusRef} tabIndex={-1} aria-live="polite" className="kc-status" data-testid="sessions-message">
        {message ? <Paragraph className="kc-activity-message">{message}</Paragraph> : null}
      </div>
      {coming.length === 0 ? (
        <Paragraph data-testid="sessions-none">{t('activities.sessions.noneComing')}</Paragraph>
      ) : (
        <SessionList
          sessions={coming}
          label={t('activities.sessions.coming')}
          onAttendance={onAttendance}
          cancel={{ activityId: activity.id, now, onCancelled }}
          testId="sessions-coming"
        />
      )}
      {past.length > 0 ? (
        <details className="kc-activity-past">
          <summary>{t('activities.sessions.past', { count: past.length })}</summary>
          <SessionList sessions={past} label={t('activities.sessions.pastLabel')} onAttendance={onAttendance} testId="sessions-past" />
        </details>
      ) : null}
      {adding ? (
        <NewSessions
          activity={activity}
          onDone={() => {
            setAdding(false);
            // Back to the button that opened the form.
            window.setTimeout(() => addRef.current?.focus(), 0);
          }}
        />
      ) : (
        <ButtonGroup className="kc-activity-actions">
          <Button ref={addRef} type="button" appearance="secondary-action-button" onClick={() => setAdding(true)} data-testid="sessions-add">
            {t('activities.sessions.add')}
          </Button>
        </ButtonGroup>
      )}
    </section>
  );
}

function SessionList({
  sessions,
  label,
  onAttendance,
  cancel,
  testId,
}: {
  sessions: ActivitySession[];
  label: string;
  onAttendance: (sessionId: string) => void;
  /** "Afzeggen" for the sessions that have not begun and are not called off yet. */
  cancel?: { activityId: string; now?: Date; onCancelled: (session: ActivitySession) => void };
  testId: string;
}) {
  const { t } = useTranslation();
  const format = useRoomFormat();
  return (
    <ul className="kc-plain-list kc-activity-sessions" aria-label={label} data-testid={testId}>
      {sessions.map((session) => {
        const when = format.span(session.startsAt, session.endsAt);
        const cancellable =
          cancel !== undefined && !session.cancelled && Date.parse(session.startsAt) > (cancel.now ?? new Date()).getTime();
        return (
          <li key={session.id} className="kc-activity-session" data-testid="session">
            <div className="kc-card__text">
              <strong>{when}</strong>
              {session.roomName ? <span>, {session.roomName}</span> : null}
              {session.cancelled ? (
                <>
                  {' '}
                  <StatusBadge status="danger">{t('activities.sessions.cancelled')}</StatusBadge>
                </>
              ) : session.bookingStatus === 'requested' ? (
                <>
                  {' '}
                  <StatusBadge status="warning">{t('activities.sessions.requested')}</StatusBadge>
                </>
              ) : null}
            </div>
            {!session.cancelled ? (
              <div className="kc-activity-session__actions">
                <Button type="button" appearance="subtle-button" className="kc-activity-session__attendance" onClick={() => onAttendance(session.id)}>
                  {t('activities.sessions.attendance')}
                  {' '}<span className="kc-visually-hidden">{when}</span>
                </Button>
                {cancellable ? (
                  <CancelSession activityId={cancel.activityId} session={session} when={when} onCancelled={cancel.onCancelled} />
                ) : null}
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** The form, once the rooms it offers (those of the activity's centre) are in. */
function NewSessions({ activity, onDone }: { activity: ActivityRead; onDone: () => void }) {
  const { t } = useTranslation();
  const rooms = useRooms();
  const buildings = useBuildings();
  const inCentre = useMemo(() => {
    if (!rooms.data) return undefined;
    if (!buildings.data) return rooms.data;
    const ids = new Set(buildings.data.filter((building) => building.centreId === activity.centreId).map((b) => b.id));
    return rooms.data.filter((room) => ids.has(room.buildingId));
  }, [rooms.data, buildings.data, activity.centreId]);

  if (rooms.isError) return <ProblemAlert error={rooms.error} />;
  if (rooms.isPending || buildings.isPending) return <Loading />;
  if (!inCentre || inCentre.length === 0) {
    return (
      <div className="kc-subform">
        <Paragraph data-testid="sessions-no-rooms">{t('activities.sessionForm.noRooms')}</Paragraph>
        <Button type="button" appearance="secondary-action-button" onClick={onDone}>
          {t('activities.sessionForm.cancel')}
        </Button>
      </div>
    );
  }
  return <SessionForm activity={activity} rooms={inCentre} buildings={buildings.data ?? []} onDone={onDone} />;
}
