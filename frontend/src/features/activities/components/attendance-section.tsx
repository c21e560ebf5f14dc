import { Button, Heading, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { SelectField } from '@/components/ui/select-field';
import { useRoomFormat } from '@/features/rooms/hooks/use-room-format';
import { useAttendance, useRecordAttendance } from '@/features/activities/api/attendance';
import {
  ATTENDANCE_STATUSES,
  type ActivitySession,
  type AttendanceMark,
  type AttendanceStatus,
  type SessionAttendanceRead,
} from '@/features/activities/types';

/**
 * The attendance list of one session, made for a phone in the gym: a row per enrolled child
 * with three big buttons, the parents' absence reports marked, saved in one go.
 */
export function AttendanceSection({
  activityId,
  sessions,
  sessionId,
  onChoose,
}: {
  activityId: string;
  sessions: ActivitySession[];
  sessionId: string | undefined;
  onChoose: (sessionId: string) => void;
}) {
  const { t } = useTranslation();
  const format = useRoomFormat();
  const headingId = useId();
  const held = useMemo(
    () => sessions.filter((session) => !session.cancelled).sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
    [sessions],
  );
  const attendance = useAttendance(activityId, sessionId);

  return (
    <section id="aanwezigheid" aria-labelledby={headingId} className="kc-section kc-attendance" data-testid="attendance-section">
      <Heading level={2} id={headingId}>
        {t('activities.attendance.title')}
      </Heading>
      {held.length === 0 ? (
        <Paragraph>{t('activities.attendance.noSessions')}</Paragraph>
      ) : (
        <div className="kc-form">
          <SelectField
            label={t('activities.attendance.session')}
            name="sessionId"
            value={sessionId ?? ''}
            onChange={onChoose}
            options={held.map((session) => ({
              value: session.id,
              label: session.roomName
                ? `${format.span(session.startsAt, session.endsAt)}, ${session.roomName}`
                : format.span(session.startsAt, session.endsAt),
            }))}
          />
        </div>
      )}
      {attendance.isError ? <ProblemAlert error={attendance.error} messages={{ 403: t('activities.attendance.forbidden') }} /> : null}
      {sessionId && attendance.isPending ? <Loading /> : null}
      {sessionId && attendance.data ? (
        <AttendanceList key={sessionId} activityId={activityId} sessionId={sessionId} attendance={attendance.data} />
      ) : null}
    </section>
  );
}

function AttendanceList({
  activityId,
  sessionId,
  attendance,
}: {
  activityId: string;
  sessionId: string;
  attendance: SessionAttendanceRead;
}) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<Record<string, AttendanceStatus>>({});
  const [saved, setSaved] = useState(false);
  const record = useRecordAttendance(activityId, sessionId, {
    onSuccess: (result) => {
      // Keep what was changed while saving; the rest is the server's now.
      setDrafts((current) => {
        const next: Record<string, AttendanceStatus> = {};
        for (const row of result.items) {
          const draft = current[row.childId];
          if (draft && draft !== row.status) next[row.childId] = draft;
        }
        return next;
      });
      setSaved(true);
    },
  });
  const rows = attendance.items;
  const markOf = (childId: string, status: AttendanceStatus | null) => drafts[childId] ?? status;
  const changes: AttendanceMark[] = rows
    .filter((row) => drafts[row.childId] !== undefined && drafts[row.childId] !== row.status)
    .map((row) => ({ childId: row.childId, status: drafts[row.childId]! }));
  const unmarked = rows.filter((row) => !markOf(row.childId, row.status));
  const counts = Object.fromEntries(
    ATTENDANCE_STATUSES.map((status) => [status, rows.filter((row) => markOf(row.childId, row.status) === status).length]),
  ) as Record<AttendanceStatus, number>;

  const mark = (childId: string, status: AttendanceStatus) => {
    setSaved(false);
    setDrafts((current) => ({ ...current, [childId]: status }));
  };

  // Everyone not marked yet: present, or excused when a parent reported them absent.
  const markTheRest = () => {
    setSaved(false);
    setDrafts((current) => {
      const next = { ...current };
      for (const row of unmarked) next[row.childId] = row.reportedAbsent ? 'excused' : 'present';
      return next;
    });
  };

  if (rows.length === 0) return <Paragraph data-testid="attendance-empty">{t('activities.attendance.empty')}</Paragraph>;

  return (
    <div className="kc-attendance__list" data-testid="attendance-list">
      <Paragraph data-testid="attendance-counts">
        {t('activities.attendance.counts', {
          present: counts.present,
          absent: counts.absent,
          excused: counts.excused,
          open: unmarked.length,
        })}
      </Paragraph>
      {unmarked.length > 0 ? (
        <Button type="button" appearance="secondary-action-button" className="kc-attendance__rest" onClick={markTheRest}>
          {t('activities.attendance.markTheRest', { count: unmarked.length })}
        </Button>
      ) : null}
      <ul className="kc-plain-list kc-attendance__rows">
        {rows.map((row) => {
          const current = markOf(row.childId, row.status);
          return (
            <li key={row.childId} className="kc-attendance__row" data-testid="attendance-row" data-child-id={row.childId}>
              <div className="kc-attendance__child">
                <strong className="kc-card__text">{row.childName}</strong>
                {row.groupName ? <span className="kc-muted"> {row.groupName}</span> : null}
                {row.reportedAbsent ? (
                  <>
                    {' '}
                    <StatusBadge status="warning" className="kc-attendance__badge" data-testid="reported-absent">
                      {t('activities.attendance.reportedAbsent')}
                    </StatusBadge>
                  </>
                ) : null}
              </div>
              <div role="group" aria-label={t('activities.attendance.markFor', { child: row.childName })} className="kc-attendance__choices">
                {ATTENDANCE_STATUSES.map((status) => (
                  <Button
                    key={status}
                    type="button"
                    appearance={current === status ? 'primary-action-button' : 'secondary-action-button'}
                    aria-pressed={current === status}
                    className={`kc-attendance__choice kc-attendance__choice--${status}`}
                    onClick={() => mark(row.childId, status)}
                  >
                    {t(`activities.attendance.status.${status}`)}
                  </Button>
                ))}
              </div>
            </li>
          );
        })}
      </ul>
      <div className="kc-attendance__save" data-testid="attendance-save">
        <Paragraph aria-live="polite" data-testid="attendance-state">
          {changes.length > 0
            ? t('activities.attendance.unsaved', { count: changes.length })
            : saved
              ? t('activities.attendance.saved')
              : t('activities.attendance.nothingToSave')}
        </Paragraph>
        {record.isError ? <ProblemAlert error={record.error} messages={{ 403: t('activities.attendance.forbidden') }} /> : null}
        <Button
          type="button"
          appearance="primary-action-button"
          className="kc-attendance__submit"
          busy={record.isPending}
          disabled={changes.length === 0}
          onClick={() => {
            if (!record.isPending && changes.length > 0) record.mutate(changes);
          }}
        >
          {t('activities.attendance.save')}
        </Button>
      </div>
    </div>
  );
}
