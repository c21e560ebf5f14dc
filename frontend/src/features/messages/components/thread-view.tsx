import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useThread } from '@/features/messages/api/get-thread';
import { useMarkThreadRead } from '@/features/messages/api/mark-read';
import { usePostMessage } from '@/features/messages/api/post-message';
import { MessageComposer } from '@/features/messages/components/message-composer';
import { MessageItem } from '@/features/messages/components/message-item';
import type { Thread } from '@/features/messages/types';
import '@/features/messages/messages.css';

type ThreadViewProps = {
  threadId: string;
  /** Who is reading: their own messages are on the other side and can be withdrawn. */
  myId: string | undefined;
  /** Above the messages: the child (its badge in the parent app, a link for staff). */
  renderChild?: (thread: Thread) => ReactNode;
  /** Below the participants: adding a team member (staff). */
  renderTools?: (thread: Thread) => ReactNode;
};

/**
 * A thread as a chat: the subject, who takes part, the messages oldest first, and the answer
 * box. Opening it marks it read (once, when something is unread), which the writer sees as
 * "Gelezen door …" and the header's count follows.
 */
export function ThreadView({ threadId, myId, renderChild, renderTools }: ThreadViewProps) {
  const { t, i18n } = useTranslation();
  const thread = useThread(threadId);
  const markRead = useMarkThreadRead();
  const reply = usePostMessage(threadId);
  const marked = useRef<string | null>(null);
  const unread = thread.data?.unreadCount ?? 0;
  const { mutate: markReadMutate } = markRead;

  useEffect(() => {
    if (unread > 0 && marked.current !== threadId) {
      marked.current = threadId;
      markReadMutate(threadId);
    }
  }, [unread, threadId, markReadMutate]);

  if (thread.isPending) return <Loading />;
  if (thread.isError) return <ProblemAlert error={thread.error} />;
  const data = thread.data;
  const others = data.participants.filter((p) => p.userId !== myId && !p.leftAt);
  const names = new Intl.ListFormat(i18n.resolvedLanguage ?? 'nl', { type: 'conjunction' }).format(
    others.map((p) => p.displayName),
  );

  return (
    <article className="kc-thread" data-testid="thread">
      <Heading level={1} className="kc-thread__subject" dir="auto">
        {data.subject}
      </Heading>
      {renderChild?.(data)}
      {others.length > 0 ? <Paragraph className="kc-thread__with">{t('messages.thread.with', { names })}</Paragraph> : null}
      {renderTools?.(data)}
      <ol className="kc-thread__messages" aria-label={t('messages.thread.messagesLabel')}>
        {data.messages.map((message) => (
          <MessageItem
            key={message.id}
            message={message}
            threadId={threadId}
            own={Boolean(myId) && message.authorId === myId}
            closed={data.closed}
          />
        ))}
      </ol>
      {data.closed ? (
        <Paragraph className="kc-thread__closed">{t('messages.thread.closed')}</Paragraph>
      ) : (
        <section aria-labelledby="kc-reply-heading" className="kc-thread__reply">
          <Heading level={2} id="kc-reply-heading">
            {t('messages.reply.title')}
          </Heading>
          <MessageComposer
            label={t('messages.reply.label')}
            submitLabel={t('messages.reply.send')}
            pending={reply.isPending}
            error={reply.error}
            onSend={(message) => reply.mutateAsync(message)}
          />
        </section>
      )}
    </article>
  );
}
