import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useEnrolments } from '@/features/activities/api/enrolments';
import { CancelEnrolment } from '@/features/activities/components/cancel-enrolment';
import type { ActivityRead, EnrolmentRead } from '@/features/activities/types';

/**
 * For the activity's people: who is enrolled, and the waiting list in order. Taking a child off
 * gives the place to the first on the waiting list (the server does that, and tells the family).
 */
export function EnrolmentsSection({ activity }: { activity: ActivityRead }) {
  const { t } = useTranslation();
  const headingId = useId();
  const enrolments = useEnrolments(activity.id);
  const [message, setMessage] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  const enrolled = useMemo(() => (enrolments.data ?? []).filter((e) => e.status === 'enrolled'), [enrolments.data]);
  const waiting = useMemo(
    () =>
      (enrolments.data ?? [])
        .filter((e) => e.status === 'waitlisted')
        .sort((a, b) => (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER)),
    [enrolments.data],
  );

  const onCancelled = (enrolment: EnrolmentRead, wasEnrolled: boolean) => {
    const done = t('activities.enrolments.cancelled', { child: enrolment.childName });
    setMessage(wasEnrolled && waiting.length > 0 ? `${done} ${t('activities.enrolments.movedUp')}` : done);
    statusRef.current?.focus();
  };

  return (
    <section id="inschrijvingen" aria-labelledby={headingId} className="kc-section" data-testid="enrolments-section">
      <Heading level={2} id={headingId}>
        {t('activities.enrolments.title')}
      </Heading>
      <div ref={statusRef} tabIndex={-1} aria-live="polite" className="kc-status" data-testid="enrolments-message">
        {message ? <Paragraph>{message}</Paragraph> : null}
      </div>
      {enrolments.isError ? <ProblemAlert error={enrolments.error} /> : null}
      {enrolments.isPending ? <Loading /> : null}
      {enrolments.data ? (
        <>
          <Paragraph data-testid="enrolments-summary">
            {t('activities.enrolments.summary', { enrolled: enrolled.length, capacity: activity.capacity })}
          </Paragraph>
          <Heading level={3}>{t('activities.enrolments.enrolled', { count: enrolled.length })}</Heading>
          {enrolled.length === 0 ? (
            <Paragraph>{t('activities.enrolments.noneEnrolled')}</Paragraph>
          ) : (
            <ul className="kc-cards" data-testid="enrolled-list">
              {enrolled.map((enrolment) => (
                <li key={enrolment.id} className="kc-card" data-testid="enrolled">
                  <EnrolmentLine enrolment={enrolment} />
                  <CancelEnrolment activity={activity} enrolment={enrolment} onCancelled={(e) => onCancelled(e, true)} />
                </li>
              ))}
            </ul>
          )}
          <Heading level={3}>{t('activities.enrolments.waitlist', { count: waiting.length })}</Heading>
          {waiting.length === 0 ? (
            <Paragraph>{t('activities.enrolments.noneWaiting')}</Paragraph>
          ) : (
            <ol className="kc-cards" data-testid="waitlist">
              {waiting.map((enrolment) => (
                <li key={enrolment.id} className="kc-card" data-testid="waiting">
                  <Paragraph className="kc-muted">{t('activities.enrolments.position', { position: enrolment.position ?? '' })}</Paragraph>
                  <EnrolmentLine enrolment={enrolment} />
                  <CancelEnrolment activity={activity} enrolment={enrolment} onCancelled={(e) => onCancelled(e, false)} />
                </li>
              ))}
            </ol>
          )}
        </>
      ) : null}
    </section>
  );
}

function EnrolmentLine({ enrolment }: { enrolment: EnrolmentRead }) {
  return (
    <Paragraph className="kc-card__text">
      <strong>{enrolment.childName}</strong>
      {enrolment.groupName ? `, ${enrolment.groupName}` : ''}
    </Paragraph>
  );
}
