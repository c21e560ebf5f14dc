import { Button, ButtonGroup, FormFieldTextbox, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useFormatters } from '@/hooks/use-formatters';
import { flattenThreads, useThreads } from '@/features/messages/api/list-threads';
import type { ThreadChild, ThreadSummary } from '@/features/messages/types';
import '@/features/messages/messages.css';

type ThreadListProps = {
  /** Where a thread opens: `${basePath}/${threadId}`. */
  basePath: string;
  /** The child a thread is about: its badge and name (parent app) or its name (staff). */
  renderChild: (child: ThreadChild) => ReactNode;
  /** Shown when there is no thread at all. */
  emptyText: string;
};

/**
 * The caller's threads, newest first, each naming its child, with its unread count, and a
 * search over subjects and messages. The first 50, and "Meer laden" for the next 50 (the API's
 * `nextCursor`); focus then goes to the first of the threads added.
 */
export function ThreadList({ basePath, renderChild, emptyText }: ThreadListProps) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const threads = useThreads(q ? { q } : {});
  const items = flattenThreads(threads.data);
  const listRef = useRef<HTMLUListElement>(null);
  // After "Meer laden": the first of the older threads gets focus once it is shown.
  const [focusIndex, setFocusIndex] = useState<number | null>(null);

  useEffect(() => {
    if (focusIndex === null || items.length <= focusIndex) return;
    listRef.current?.querySelectorAll<HTMLElement>('[data-testid="thread-item"] a')[focusIndex]?.focus();
    setFocusIndex(null);
  }, [focusIndex, items.length]);

  function loadMore() {
    if (threads.isFetchingNextPage) return;
    const shown = items.length;
    void threads.fetchNextPage().then((result) => {
      if (!result.isError) setFocusIndex(shown);
    });
  }

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setQ(typed.trim());
  }

  return (
    <>
      <form role="search" onSubmit={search} className="kc-form kc-thread-search">
        <FormFieldTextbox
          name="q"
          type="search"
          label={t('messages.list.search')}
          value={typed}
          maxLength={100}
          onChange={(event) => setTyped((event.target as HTMLInputElement).value)}
        />
        <Button type="submit" appearance="secondary-action-button">
          {t('messages.list.searchButton')}
        </Button>
      </form>
      {threads.isPending ? <Loading /> : null}
      {threads.isError ? <ProblemAlert error={threads.error} /> : null}
      {threads.data && items.length === 0 ? (
        <Paragraph data-testid="threads-empty">{q ? t('messages.list.noneFound') : emptyText}</Paragraph>
      ) : null}
      {items.length > 0 ? (
        <ul ref={listRef} className="kc-thread-list" aria-busy={threads.isFetching && !threads.isFetchingNextPage}>
          {items.map((thread: ThreadSummary) => (
            <li key={thread.id} className="kc-thread-list__item" data-testid="thread-item">
              <div className="kc-thread-list__child">{renderChild(thread.child)}</div>
              <Heading level={2} className="kc-thread-list__subject">
                <Link to={`${basePath}/${thread.id}`} className="utrecht-link utrecht-link--html-a" dir="auto">
                  {thread.subject}
                </Link>
              </Heading>
              <Paragraph className="kc-thread-list__meta">
                <time dateTime={thread.lastMessageAt}>{dateTime(thread.lastMessageAt)}</time>
                {thread.unreadCount > 0 ? (
                  <strong className="kc-unread" data-testid="thread-unread">
                    {t('messages.list.unread', { count: thread.unreadCount })}
                  </strong>
                ) : null}
              </Paragraph>
            </li>
          ))}
        </ul>
      ) : null}
      {threads.hasNextPage ? (
        <ButtonGroup>
          <Button
            type="button"
            appearance="secondary-action-button"
            busy={threads.isFetchingNextPage}
            onClick={loadMore}
            data-testid="threads-more"
          >
            {t('messages.list.loadMore')}
          </Button>
        </ButtonGroup>
      ) : null}
    </>
  );
}
