import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useMe } from '@/features/auth/api/get-me';
import { ActivityCatalogue } from '@/features/activities/components/activity-catalogue';
import { isGuardian } from '@/features/activities/utils/roles';

/** /activiteiten: the activities after school, filtered by day, kind and age; guardians enrol here. */
export default function ActivitiesCatalogueRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('activities.title'));
  const me = useMe();

  return (
    <>
      <Heading level={1}>{t('activities.title')}</Heading>
      {me.data ? (
        <Paragraph>{isGuardian(me.data) ? t('activities.intro.guardian') : t('activities.intro.staff')}</Paragraph>
      ) : null}
      {me.isPending ? <Loading /> : <ActivityCatalogue />}
    </>
  );
}
