import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '@/components/ui/router-link';
import { useDocumentTitle } from '@/hooks/use-document-title';

export default function NotFoundRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <>
      <Heading level={1}>{t('notFound.title')}</Heading>
      <Paragraph>{t('notFound.body')}</Paragraph>
      <Paragraph>
        <RouterLink to="/children">{t('notFound.home')}</RouterLink>
      </Paragraph>
    </>
  );
}
