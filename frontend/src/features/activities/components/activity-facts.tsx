import { useTranslation } from 'react-i18next';
import { todayInZone } from '@/features/rooms/utils/time';
import { useActivityTexts } from '@/features/activities/hooks/use-activity-texts';
import type { ActivityRead } from '@/features/activities/types';

/**
 * The facts of an activity as a list of label and value: when, for whom, what it costs and
 * whether there is a place. The catalogue shows the short list, the activity's page all of them.
 */
export function ActivityFacts({ activity, full = false, now }: { activity: ActivityRead; full?: boolean; now?: Date }) {
  const { t } = useTranslation();
  const texts = useActivityTexts();
  const today = todayInZone(now);
  const rows: { key: string; label: string; value: string }[] = [
    ...(full ? [{ key: 'category', label: t('activities.facts.category'), value: texts.category(activity) }] : []),
    { key: 'days', label: t('activities.facts.days'), value: texts.days(activity) },
    ...(activity.nextSessionAt
      ? [
          {
            key: 'next',
            label: t('activities.facts.next'),
            value: `${texts.format.day(activity.nextSessionAt)} ${texts.format.time(activity.nextSessionAt)}`,
          },
        ]
      : []),
    { key: 'ages', label: t('activities.facts.ages'), value: texts.ages(activity) },
    { key: 'cost', label: t('activities.facts.cost'), value: texts.cost(activity) },
    { key: 'places', label: t('activities.facts.places'), value: texts.places(activity) },
    ...(full
      ? [
          { key: 'capacity', label: t('activities.facts.capacity'), value: t('activities.facts.capacityValue', { enrolled: activity.enrolledCount, capacity: activity.capacity }) },
          { key: 'enrolment', label: t('activities.facts.enrolment'), value: texts.enrolment(activity, today) },
        ]
      : []),
  ];
  return (
    <dl className="kc-activity-facts" data-testid="activity-facts">
      {rows.map((row) => (
        <div key={row.key} data-testid={`activity-${row.key}`}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
