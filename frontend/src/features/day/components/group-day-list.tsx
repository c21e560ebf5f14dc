import { Button, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { RouterLink } from '@/components/ui/router-link';
import { useRecordDailyAttendance } from '@/features/day/api/daily-attendance';
import { useEntryText } from '@/features/day/hooks/use-entry-text';
import type { DayEntry, GroupChildDay, GroupDay } from '@/features/day/types';
import { absenceOf, afterSchool, attendanceAt } from '@/features/day/utils/timeline';
import { utcToZoned, zonedToUtc } from '@/features/rooms/utils/time';
import '@/features/day/components/day.css';

type GroupDayListProps = {
  day: GroupDay;
  /** The group's organisation: where the children are checked in and out (school or BSO). */
  organisationId: string;
  /** The list shown is the previous one while the chosen group or date loads: no check-ins. */
  stale?: boolean;
  now?: () => Date;
};

/** One row per child: name, "Afgemeld" with the reason, where it goes after school, In and Uit. */
export function GroupDayList({ day, organisationId, stale = false, now = () => new Date() }: GroupDayListProps) {
  const { t } = useTranslation();
  const text = useEntryText();
  const date = text.format.longDate(day.date);
  const absent = day.children.filter((child) => absenceOf(child.entries)).length;

  if (day.children.length === 0) {
    return <Paragraph>{t('day.group.empty')}</Paragraph>;
  }
  return (
    <>
      <Paragraph data-testid="group-day-summary">
        {t('day.group.count', { count: day.children.length })}
        {absent > 0 ? `, ${t('day.group.absentCount', { count: absent })}` : ''}
      </Paragraph>
      <ul
        className="kc-cards"
        aria-label={t('day.group.listLabel', { group: day.groupName, date })}
        aria-busy={stale || undefined}
      >
        {day.children.map((child) => (
          <GroupChildRow
            key={child.childId}
            child={child}
            date={day.date}
            organisationId={organisationId}
            disabled={stale}
            now={now}
          />
        ))}
      </ul>
    </>
  );
}

function GroupChildRow({
  child,
  date,
  organisationId,
  disabled,
  now,
}: {
  child: GroupChildDay;
  date: string;
  organisationId: string;
  disabled: boolean;
  now: () => Date;
}) {
  const { t } = useTranslation();
  const text = useEntryText();
  const [message, setMessage] = useState('');
  const record = useRecordDailyAttendance();
  const absence = absenceOf(child.entries);
  const state = attendanceAt(child.entries, organisationId);
  const { schoolEndsAt, items } = afterSchool(child.entries);

  function check(direction: 'in' | 'out') {
    if (record.isPending) return;
    setMessage('');
    // The current time on the Amsterdam clock, on the day of the list.
    const time = utcToZoned(now()).time;
    const at = zonedToUtc(date, time);
    const body = direction === 'in' ? { checkedInAt: at, organisationId } : { checkedOutAt: at, organisationId };
    record.mutate(
      { childId: child.childId, date, body },
      {
        onSuccess: () =>
          setMessage(
            t(direction === 'in' ? 'day.group.checkedInAt' : 'day.group.checkedOutAt', { name: child.childName, time }),
          ),
      },
    );
  }

  return (
    <li className="kc-card kc-day-row" data-testid="group-day-row">
      <div className="kc-day-row__head">
        <RouterLink to={`/children/${child.childId}`} className="kc-day-row__name">
          {child.childName}
        </RouterLink>
        {absence ? <span className="kc-day__badge kc-day__badge--absent">{text.absent(absence)}</span> : null}
        {state ? <span className="kc-day__badge">{t(`day.group.state.${state}`)}</span> : null}
      </div>
      <div className="kc-day-row__after">
        <strong>{schoolEndsAt ? t('day.group.afterSchool') : t('day.group.thisDay')}: </strong>
        {items.length > 0 ? (
          <ul>
            {items.map((entry, index) => (
              <li key={`${entry.kind}-${entry.startsAt}-${index}`}>
                <AfterSchoolItem entry={entry} />
              </li>
            ))}
          </ul>
        ) : (
          <span>{schoolEndsAt ? t('day.group.homeAt', { time: text.format.time(schoolEndsAt) }) : t('day.group.home')}</span>
        )}
      </div>
      <div className="kc-day-row__actions" role="group" aria-label={t('day.group.checkGroup', { name: child.childName })}>
        <Button
          type="button"
          appearance={state === 'checked_in' ? 'secondary-action-button' : 'primary-action-button'}
          aria-label={t('day.group.checkInLabel', { name: child.childName })}
          disabled={disabled || record.isPending}
          busy={record.isPending && record.variables?.body.checkedInAt !== undefined}
          onClick={() => check('in')}
        >
          {t('day.group.checkIn')}
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          aria-label={t('day.group.checkOutLabel', { name: child.childName })}
          disabled={disabled || record.isPending}
          busy={record.isPending && record.variables?.body.checkedOutAt !== undefined}
          onClick={() => check('out')}
        >
          {t('day.group.checkOut')}
        </Button>
      </div>
      <div aria-live="polite" className="kc-status">
        {message ? <Paragraph>{message}</Paragraph> : null}
      </div>
      {record.isError ? (
        <ProblemAlert error={record.error} messages={{ 403: t('day.group.checkForbidden'), 404: t('day.group.checkForbidden') }} />
      ) : null}
    </li>
  );
}

/** "15:00–16:00 Judo, Gymzaal (Hoofdgebouw)"; struck through when the child is reported absent. */
function AfterSchoolItem({ entry }: { entry: DayEntry }) {
  const text = useEntryText();
  const where = text.where(entry) ?? entry.responsible?.organisationName ?? null;
  const title = text.title(entry);
  const words = where && where !== title ? `${text.range(entry)} ${title}, ${where}` : `${text.range(entry)} ${title}`;
  return entry.absent ? <del className="kc-day__struck">{words}</del> : <>{words}</>;
}
