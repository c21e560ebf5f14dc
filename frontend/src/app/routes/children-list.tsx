import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ChildrenList } from '@/features/children/components/children-list';

export default function ChildrenListRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('children.title'));
  return (
    <>
      <Heading level={1}>{t('children.title')}</Heading>
      <Paragraph>{t('children.intro')}</Paragraph>
      <ChildrenList />
    </>
  );
}
