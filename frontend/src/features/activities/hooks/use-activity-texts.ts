import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import { useRoomFormat } from '@/features/rooms/hooks/use-room-format';
import { ageRangeText, costText, weekdaysText } from '@/features/activities/utils/format';
import type { ActivityRead } from '@/features/activities/types';

/** The texts an activity is shown with, in the reader's language (times on the Amsterdam clock). */
export function useActivityTexts() {
  const { t } = useTranslation();
  const { language, date } = useFormatters();
  const format = useRoomFormat();

  return useMemo(
    () => ({
      format,
      date,
      category: (activity: Pick<ActivityRead, 'category'>) => t(`activities.categories.${activity.category}`),
      ages: (activity: Pick<ActivityRead, 'minAge' | 'maxAge'>) => ageRangeText(t, activity),
      cost: (activity: Pick<ActivityRead, 'costCents'>) => costText(activity.costCents, language) ?? t('activities.list.free'),
      days: (activity: Pick<ActivityRead, 'weekdays'>) => weekdaysText(t, activity.weekdays) ?? t('activities.list.noDays'),
      places: (activity: Pick<ActivityRead, 'placesLeft' | 'waitlistCount'>) =>
        activity.placesLeft > 0
          ? t('activities.list.placesLeft', { count: activity.placesLeft })
          : activity.waitlistCount > 0
            ? t('activities.list.fullWithWaiting', { count: activity.waitlistCount })
            : t('activities.list.full'),
      /** Whether and when a child can be enrolled. */
      enrolment: (activity: Pick<ActivityRead, 'enrolmentOpen' | 'enrolmentOpens' | 'enrolmentCloses'>, today: string) => {
        if (activity.enrolmentOpen) {
          return activity.enrolmentCloses
            ? t('activities.list.enrolmentOpenUntil', { date: date(activity.enrolmentCloses) })
            : t('activities.list.enrolmentOpen');
        }
        if (activity.enrolmentOpens && activity.enrolmentOpens > today) {
          return t('activities.list.enrolmentOpensOn', { date: date(activity.enrolmentOpens) });
        }
        return t('activities.list.enrolmentClosed');
      },
    }),
    [t, language, date, format],
  );
}
