import { Heading } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** Parent app screen (being built). */
export default function ParentAccessLogRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('parentChild.accessLogTitle'));
  return <Heading level={1}>{t('parentChild.accessLogTitle')}</Heading>;
}
