import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { RouterLink } from '@/components/ui/router-link';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useActivity } from '@/features/activities/api/activities';
import { ActivityDetailPage } from '@/features/activities/components/activity-detail-page';

/**
 * /activiteiten/:activityId: the activity's details for everyone who sees it; sessions,
 * enrolments and attendance for its organisation's people; a guardian's own enrolments.
 */
export default function ActivityDetailRoute() {
  const { t } = useTranslation();
  const { activityId = '' } = useParams();
  const activity = useActivity(activityId);
  useDocumentTitle(activity.data?.title ?? t('activities.detail.title'));

  return (
    <>
      <Paragraph className="kc-back">
        <RouterLink to="/activiteiten">← {t('activities.detail.back')}</RouterLink>
      </Paragraph>
      <ActivityDetailPage key={activityId} activityId={activityId} />
    </>
  );
}
