import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { RouterLink } from '@/components/ui/router-link';
import { useFormatters } from '@/hooks/use-formatters';
import { LOCALES } from '@/lib/format';
import { useAgenda } from '@/features/support/api/sessions';
import { addDays, AGENDA_TIME_ZONE, currentWeek, sessionsByDay, weekOf } from '@/features/support/utils/week';
import type { SessionRead } from '@/features/support/types';


/** Day and time texts on the Amsterdam clock, which is also how the week is cut into days. */
function useAgendaFormat() {
  const { language } = useFormatters();
  return useMemo(() => {
    const locale = LOCALES[language];
    const day = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
    const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: AGENDA_TIME_ZONE });
    const calendar = (iso: string) => new Date(`${iso}T00:00:00Z`);
    return {
      day: (iso: string) => day.format(calendar(iso)),
      date: (iso: string) => date.format(calendar(iso)),
      time: (instant: string) => time.format(new Date(instant)),
    };
  }, [language]);
}

/**
 * The professional's week: their sessions from Monday to Sunday (Amsterdam time), one list per
 * day, with the previous and next week one button away. One request per week shown.
 */
export function AgendaWeek({ now }: { now?: Date }) {
  const { t } = useTranslation();
  const format = useAgendaFormat();
  const [thisWeek] = useState(() => currentWeek(now));
  const [monday, setMonday] = useState(thisWeek.monday);
  const week = useMemo(() => weekOf(monday), [monday]);
  const agenda = useAgenda(week.from, week.to);
  const days = useMemo(() => sessionsByDay(agenda.data ?? [], week), [agenda.data, week]);
  const isThisWeek = monday === thisWeek.monday;
  const title = t('support.agenda.week', {
    number: week.number,
    from: format.date(week.monday),
    to: format.date(week.sunday),
  });

  return (
    <div className="kc-agenda" data-testid="agenda-week" data-week-start={week.monday}>
      <ButtonGroup>
        <Button type="button" appearance="secondary-action-button" data-testid="agenda-previous" onClick={() => setMonday(addDays(monday, -7))}>
          {t('support.agenda.previous')}
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          data-testid="agenda-this-week"
          disabled={isThisWeek}
          onClick={() => setMonday(thisWeek.monday)}
        >
          {t('support.agenda.thisWeek')}
        </Button>
        <Button type="button" appearance="secondary-action-button" data-testid="agenda-next" onClick={() => setMonday(addDays(monday, 7))}>
          {t('support.agenda.next')}
        </Button>
      </ButtonGroup>
      <div aria-live="polite">
        <Heading level={2} data-testid="agenda-title">
          {title}
        </Heading>
        {agenda.isSuccess ? (
          <Paragraph>{t('support.agenda.count', { count: agenda.data.length })}</Paragraph>
        ) : null}
      </div>
      {agenda.isPending ? <Loading /> : null}
      {agenda.isError ? <ProblemAlert error={agenda.error} /> : null}
      {agenda.isSuccess ? (
        <div className="kc-agenda__days">
          {week.days.map((day) => (
            <AgendaDay key={day} day={day} label={format.day(day)} sessions={days.get(day) ?? []} time={format.time} />
          ))}
        </div>
      ) : null}
    </div>
  );
}

function AgendaDay({
  day,
  label,
  sessions,
  time,
}: {
  day: string;
  label: string;
  sessions: SessionRead[];
  time: (instant: string) => string;
}) {
  const { t } = useTranslation();
  const headingId = `agenda-day-${day}`;
  return (
    <section aria-labelledby={headingId} className="kc-agenda__day" data-testid="agenda-day" data-date={day}>
      <Heading level={3} id={headingId} className="kc-agenda__heading">
        {label}
      </Heading>
      {sessions.length === 0 ? (
        <Paragraph className="kc-muted">{t('support.agenda.noSessions')}</Paragraph>
      ) : (
        <ul className="kc-plain-list">
          {sessions.map((session) => (
            <li key={session.id} className="kc-card" data-testid="agenda-session" data-session-id={session.id}>
              <Paragraph>
                <strong>
                  <time dateTime={session.startsAt}>{time(session.startsAt)}</time>
                  {' – '}
                  <time dateTime={session.endsAt}>{time(session.endsAt)}</time>
                </strong>
              </Paragraph>
              <Paragraph>
                <RouterLink to={`/zorg/trajecten/${session.trajectoryId}`}>
                  {t('support.agenda.session', {
                    name: session.childName,
                    type: t(`consents.trajectoryTypes.${session.trajectoryType}`),
                  })}
                </RouterLink>
              </Paragraph>
              <Paragraph>
                {t(`support.sessionLocations.${session.location}`)}
                {session.locationDetail ? `: ${session.locationDetail}` : ''}
                {session.attendance !== 'planned' ? ` · ${t(`support.attendance.${session.attendance}`)}` : ''}
              </Paragraph>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
