import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '@/components/ui/router-link';
import type { EnrolmentRead } from '@/features/parent-child/types';
import { childPaths } from '@/features/parent-child/utils/paths';

/** "Activiteiten" on Mijn kind: what the child takes part in or waits for, and the way to more. */
export function EnrolmentsSummary({ childId, name, enrolments }: { childId: string; name: string; enrolments: EnrolmentRead[] }) {
  const { t } = useTranslation();
  const current = enrolments
    .filter((enrolment) => enrolment.status !== 'cancelled')
    .sort((a, b) => (a.status === b.status ? a.activityTitle.localeCompare(b.activityTitle) : a.status === 'enrolled' ? -1 : 1));
  return (
    <section aria-labelledby="activities-heading" className="kc-section" data-testid="enrolments-summary">
      <Heading level={2} id="activities-heading">
        {t('parentChild.enrolments.title')}
      </Heading>
      {current.length === 0 ? <Paragraph>{t('parentChild.enrolments.empty', { name })}</Paragraph> : null}
      {current.length > 0 ? (
        <ul className="kc-plain-list kc-enrolments">
          {current.map((enrolment) => (
            <li key={enrolment.id} data-testid="enrolment-line" data-status={enrolment.status}>
              <strong>{enrolment.activityTitle}</strong>
              {': '}
              {enrolment.status === 'waitlisted'
                ? t('parentChild.enrolments.waitlisted', { position: enrolment.position ?? '' })
                : t('parentChild.enrolments.enrolled')}
            </li>
          ))}
        </ul>
      ) : null}
      <Paragraph>
        <RouterLink to={childPaths(childId).activities}>{t('parentChild.enrolments.more', { name })}</RouterLink>
      </Paragraph>
    </section>
  );
}
