import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useMe } from '@/features/auth/api/get-me';
import { AddParticipant } from '@/features/messages/components/add-participant';
import { CloseThread } from '@/features/messages/components/close-thread';
import { ThreadView } from '@/features/messages/components/thread-view';

/** /berichten/:threadId: a thread with the guardians; staff may add a care-team member. */
export default function MessageThreadRoute() {
  const { t } = useTranslation();
  const { threadId = '' } = useParams();
  const me = useMe();
  useDocumentTitle(t('messages.title'));
  return (
    <>
      <Paragraph>
        <Link className="utrecht-link utrecht-link--html-a" to="/berichten">
          {t('messages.thread.back')}
        </Link>
      </Paragraph>
      <ThreadView
        key={threadId}
        threadId={threadId}
        myId={me.data?.id}
        renderChild={(thread) => (
          <Paragraph>
            <Link className="utrecht-link utrecht-link--html-a" to={`/children/${thread.child.id}`}>
              {t('staffMessages.aboutChild', { name: thread.child.givenName })}
            </Link>
          </Paragraph>
        )}
        renderTools={(thread) => (
          <>
            <AddParticipant thread={thread} />
            <CloseThread thread={thread} />
          </>
        )}
      />
    </>
  );
}
