import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useMe } from '@/features/auth/api/get-me';
import { ThreadView } from '@/features/messages/components/thread-view';
import { ChildBadgeView } from '@/features/parent/components/child-badge';
import { useFamily } from '@/features/parent/hooks/use-family';

/** /ouder/berichten/:threadId: one thread as a chat; opening it marks it read. */
export default function ParentMessageThreadRoute() {
  const { t } = useTranslation();
  const { threadId = '' } = useParams();
  const me = useMe();
  const family = useFamily();
  useDocumentTitle(t('messages.title'));
  return (
    <>
      <Paragraph>
        <Link className="utrecht-link utrecht-link--html-a" to="/ouder/berichten">
          {t('messages.thread.back')}
        </Link>
      </Paragraph>
      <ThreadView
        key={threadId}
        threadId={threadId}
        myId={me.data?.id}
        renderChild={(thread) => {
          const child = family.child(thread.child.id);
          return (
            <Paragraph className="kc-thread-list__child">
              {child ? <ChildBadgeView child={child} size="small" decorative /> : null}
              <span>{t('messages.thread.about', { name: thread.child.givenName })}</span>
            </Paragraph>
          );
        }}
      />
    </>
  );
}
