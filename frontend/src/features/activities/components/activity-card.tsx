import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useId } from 'react';
import { RouterLink } from '@/components/ui/router-link';
import type { ChildRead } from '@/features/children/api/get-children';
import { ActivityFacts } from '@/features/activities/components/activity-facts';
import { GuardianEnrolment } from '@/features/activities/components/guardian-enrolment';
import type { ActivityRead } from '@/features/activities/types';

/**
 * One activity in the catalogue; a guardian enrols their children right here, their enrolments
 * coming with the activity (`myEnrolments`) rather than asked for per card.
 */
export function ActivityCard({
  activity,
  guardian,
  ownChildren,
  now,
}: {
  activity: ActivityRead;
  guardian: boolean;
  ownChildren: ChildRead[] | undefined;
  now?: Date;
}) {
  const headingId = useId();
  return (
    <article aria-labelledby={headingId} className="kc-activity-card" data-testid="activity-card" data-activity-id={activity.id}>
      <Heading level={2} id={headingId} className="kc-activity-card__title">
        <RouterLink to={`/activiteiten/${activity.id}`}>{activity.title}</RouterLink>
      </Heading>
      <Paragraph className="kc-activity-card__organisation" data-testid="activity-organisation">
        {activity.organisationName}
      </Paragraph>
      <ActivityFacts activity={activity} now={now} />
      {guardian ? (
        <GuardianEnrolment activity={activity} ownChildren={ownChildren} enrolments={activity.myEnrolments ?? []} now={now} />
      ) : null}
    </article>
  );
}
