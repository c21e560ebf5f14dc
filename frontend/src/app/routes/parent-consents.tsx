import { Heading } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** Parent app screen (being built). */
export default function ParentConsentsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('parentChild.consentsTitle'));
  return <Heading level={1}>{t('parentChild.consentsTitle')}</Heading>;
}
