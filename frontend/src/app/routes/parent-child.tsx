import { Heading } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** Parent app screen (being built). */
export default function ParentChildRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('parentChild.title'));
  return <Heading level={1}>{t('parentChild.title')}</Heading>;
}
