import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DayTimeline } from '@/features/day/components/day-timeline';
import type { ChildDay } from '@/features/day/types';
import '@/features/day/components/day.css';

type ChildDaySectionProps = {
  childId: string;
  /** Today, from the child page's one request (`embedded.day`); absent when the server left it out. */
  day: ChildDay | null | undefined;
  /** Shows "Ziek of afwezig melden" (a guardian with parental authority: the server lets them). */
  canReportAbsence: boolean;
};

/** "Vandaag" on the child page: the day's timeline, and the way to report the child absent. */
export function ChildDaySection({ childId, day, canReportAbsence }: ChildDaySectionProps) {
  const { t } = useTranslation();
  if (!day && !canReportAbsence) return null;
  return (
    <section aria-labelledby="child-day-heading" className="kc-section">
      <Heading level={2} id="child-day-heading">
        {t('day.timeline.title')}
      </Heading>
      {day ? <DayTimeline day={day} /> : null}
      {canReportAbsence ? (
        <Paragraph className="kc-day__report">
          <Link
            to={`/children/${childId}/afmelden`}
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
          >
            {t('day.timeline.report')}
          </Link>
        </Paragraph>
      ) : null}
    </section>
  );
}
