import { Heading } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** Parent app screen (being built). */
export default function ParentActivitiesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('parentChild.activitiesTitle'));
  return <Heading level={1}>{t('parentChild.activitiesTitle')}</Heading>;
}
