import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useFormatters } from '@/hooks/use-formatters';
import { isHiddenFromCaller } from '@/lib/api-client';
import { useAccessLog } from '@/features/access-log/api/get-access-log';
import { useDescribeAccess } from '@/features/access-log/hooks/use-describe-access';

/**
 * "Wie heeft het dossier bekeken": every read and change of the child's file, newest first, for
 * the guardians with parental authority and the contact person. Hidden from everyone else.
 */
export function AccessLog({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const describe = useDescribeAccess();
  const log = useAccessLog(childId);
  const entries = useMemo(() => log.data?.pages.flatMap((page) => page.items) ?? [], [log.data]);

  if (isHiddenFromCaller(log.error)) return null;

  return (
    <section aria-labelledby="child-access-log-heading" className="kc-section">
      <Heading level={2} id="child-access-log-heading">
        {t('accessLog.title')}
      </Heading>
      <Paragraph>{t('accessLog.intro')}</Paragraph>
      {log.isPending ? <Loading /> : null}
      {log.isError ? <ProblemAlert error={log.error} /> : null}
      {log.isSuccess && entries.length === 0 ? <Paragraph>{t('accessLog.empty')}</Paragraph> : null}
      {entries.length > 0 ? (
        <ol className="kc-timeline" aria-label={t('accessLog.listLabel')}>
          {entries.map((entry) => (
            <li
              key={entry.id}
              className={
                entry.result === 'denied' ? 'kc-timeline__item kc-timeline__item--denied' : 'kc-timeline__item'
              }
            >
              <time dateTime={entry.occurredAt} className="kc-timeline__time">
                {format.dateTime(entry.occurredAt)}
              </time>
              <Paragraph className="kc-timeline__text">
                <strong>{describe.who(entry)}</strong> {describe.what(entry)}
              </Paragraph>
            </li>
          ))}
        </ol>
      ) : null}
      {log.hasNextPage ? (
        <ButtonGroup className="kc-timeline__more">
          <Button
            type="button"
            appearance="secondary-action-button"
            busy={log.isFetchingNextPage}
            onClick={() => {
              if (!log.isFetchingNextPage) void log.fetchNextPage();
            }}
          >
            {t('accessLog.loadMore')}
          </Button>
        </ButtonGroup>
      ) : null}
      <div aria-live="polite" className="kc-visually-hidden">
        {log.isFetchingNextPage ? t('app.loading') : ''}
      </div>
    </section>
  );
}
