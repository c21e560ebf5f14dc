import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import '@/features/activities/components/activities.css';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useMe } from '@/features/auth/api/get-me';
import { useActivities } from '@/features/activities/api/activities';
import { useOwnChildren } from '@/features/activities/api/children';
import type { DeletedActivityState } from '@/features/activities/components/activity-admin';
import { ActivityCard } from '@/features/activities/components/activity-card';
import { ActivityFiltersForm } from '@/features/activities/components/activity-filters';
import { NewActivity } from '@/features/activities/components/new-activity';
import { useActivityFilters } from '@/features/activities/hooks/use-activity-filters';
import { hasFilters } from '@/features/activities/utils/filters';
import { isGuardian, offersActivities } from '@/features/activities/utils/roles';

/**
 * The catalogue: the filters (in the address), then a card per activity. A guardian gets
 * their children's enrolments and "Inschrijven" on each card; those enrolments come in the same
 * one request (`GET /activities?expand=myEnrolments`), so it waits until we know who asks. The
 * staff of an organisation get "Nieuwe activiteit" above the filters.
 */
export function ActivityCatalogue({ now }: { now?: Date }) {
  const { t } = useTranslation();
  const me = useMe();
  const guardian = isGuardian(me.data);
  const { filters, change, clear } = useActivityFilters();
  const activities = useActivities(filters, { myEnrolments: guardian, enabled: !me.isPending });
  const ownChildren = useOwnChildren({ enabled: guardian });
  const list = activities.data;
  const deleted = (useLocation().state as Partial<DeletedActivityState> | null)?.deletedActivity;

  return (
    <div className="kc-activities" data-testid="activity-catalogue">
      <div aria-live="polite" className="kc-status" data-testid="activity-deleted">
        {deleted ? <Paragraph className="kc-activity-message">{t('activities.remove.done', { activity: deleted })}</Paragraph> : null}
      </div>
      {me.data && offersActivities(me.data) ? <NewActivity me={me.data} /> : null}
      <ActivityFiltersForm filters={filters} onChange={change} onClear={clear} forGuardian={guardian} />
      <div aria-live="polite" data-testid="activity-count">
        {list ? (
          <Paragraph>
            {list.length > 0
              ? t('activities.list.count', { count: list.length })
              : hasFilters(filters)
                ? t('activities.list.noneForFilters')
                : t('activities.list.none')}
          </Paragraph>
        ) : null}
      </div>
      {activities.isError ? <ProblemAlert error={activities.error} /> : null}
      {activities.isPending ? <Loading /> : null}
      {guardian && ownChildren.isError ? <ProblemAlert error={ownChildren.error} /> : null}
      {list && list.length > 0 ? (
        <ul className="kc-activity-list" aria-label={t('activities.list.label')} data-testid="activity-list" aria-busy={activities.isFetching}>
          {list.map((activity) => (
            <li key={activity.id} className="kc-card kc-activity-list__item">
              <ActivityCard activity={activity} guardian={guardian} ownChildren={ownChildren.isError ? [] : ownChildren.data} now={now} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
