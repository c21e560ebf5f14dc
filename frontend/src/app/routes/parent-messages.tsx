import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ThreadList } from '@/features/messages/components/thread-list';
import { ChildBadgeView } from '@/features/parent/components/child-badge';
import { useFamily } from '@/features/parent/hooks/use-family';

/** /ouder/berichten: the family's threads with the contact person, each with its child's badge. */
export default function ParentMessagesRoute() {
  const { t } = useTranslation();
  const family = useFamily();
  useDocumentTitle(t('messages.title'));
  const first = family.children.find((child) => child.id);
  return (
    <>
      <Heading level={1}>{t('messages.title')}</Heading>
      <Paragraph>{t('messages.parentIntro')}</Paragraph>
      {first ? (
        <Link
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
          to={`/ouder/berichten/nieuw?kind=${first.id}`}
        >
          {t('messages.newMessage')}
        </Link>
      ) : null}
      <ThreadList
        basePath="/ouder/berichten"
        emptyText={t('messages.empty')}
        renderChild={(threadChild) => {
          const child = family.child(threadChild.id);
          return (
            <>
              {child ? <ChildBadgeView child={child} size="small" decorative /> : null}
              <span>{t('messages.thread.about', { name: threadChild.givenName })}</span>
            </>
          );
        }}
      />
    </>
  );
}
