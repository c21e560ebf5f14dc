import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useEntryText } from '@/features/day/hooks/use-entry-text';
import type { ChildDay, DayEntry } from '@/features/day/types';
import { isWholeDayAbsence, orderEntries, attendanceState } from '@/features/day/utils/timeline';
import '@/features/day/components/day.css';

/**
 * A child's day as an ordered list: when, what, with whom, where. A whole-day absence comes
 * first with its reason; a part the child is reported absent for is struck through and marked
 * "Afgemeld" (in words, not by the line alone). Times on the Amsterdam clock.
 */
export function DayTimeline({ day }: { day: ChildDay }) {
  const { t } = useTranslation();
  const text = useEntryText();
  const entries = orderEntries(day.entries);
  const date = text.format.longDate(day.date);

  return (
    <>
      <Paragraph>
        <time dateTime={day.date}>{date}</time>
      </Paragraph>
      {entries.length === 0 ? <Paragraph>{t('day.timeline.empty')}</Paragraph> : null}
      {entries.length > 0 ? (
        <ol className="kc-day" aria-label={t('day.timeline.listLabel', { date })}>
          {entries.map((entry, index) => (
            <TimelineItem key={`${entry.kind}-${entry.startsAt ?? 'day'}-${index}`} entry={entry} />
          ))}
        </ol>
      ) : null}
    </>
  );
}

function TimelineItem({ entry }: { entry: DayEntry }) {
  const { t } = useTranslation();
  const text = useEntryText();

  if (isWholeDayAbsence(entry)) {
    return (
      <li className="kc-day__item kc-day__item--absence" data-testid="day-entry">
        <span className="kc-day__time">{text.range(entry)}</span>
        <span className="kc-day__title">
          <strong>{t('day.timeline.wholeDayAbsent')}</strong>
        </span>
        {entry.absenceReason ? (
          <span className="kc-day__detail">
            {t('day.timeline.reason', { reason: text.reason(entry.absenceReason) })}
          </span>
        ) : null}
      </li>
    );
  }

  const who = text.who(entry);
  const where = text.where(entry);
  const attendance = attendanceState(entry.attendance);
  const content = (
    <>
      <span className="kc-day__time">
        {entry.startsAt ? <time dateTime={entry.startsAt}>{text.range(entry)}</time> : text.range(entry)}
      </span>
      <span className="kc-day__title">{text.title(entry)}</span>
      {who ? <span className="kc-day__detail">{t('day.timeline.who', { who })}</span> : null}
      {where ? <span className="kc-day__detail">{t('day.timeline.where', { where })}</span> : null}
    </>
  );

  return (
    <li className={`kc-day__item${entry.absent ? ' kc-day__item--absent' : ''}`} data-testid="day-entry">
      {entry.absent ? <del className="kc-day__struck">{content}</del> : content}
      {entry.absent ? <span className="kc-day__badge kc-day__badge--absent">{t('day.absent')}</span> : null}
      {attendance && !entry.absent ? (
        <span className="kc-day__badge">{t(`day.attendance.${attendance}`)}</span>
      ) : null}
    </li>
  );
}
