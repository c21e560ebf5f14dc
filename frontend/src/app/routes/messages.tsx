import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ThreadList } from '@/features/messages/components/thread-list';

/** /berichten: the threads of the children one is contact person of or takes part in. */
export default function MessagesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('messages.title'));
  return (
    <>
      <Heading level={1}>{t('messages.title')}</Heading>
      <Paragraph>{t('staffMessages.intro')}</Paragraph>
      <ThreadList
        basePath="/berichten"
        emptyText={t('messages.empty')}
        renderChild={(child) => <span>{t('staffMessages.aboutChild', { name: child.givenName })}</span>}
      />
    </>
  );
}
