import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useId, useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useFormatters } from '@/hooks/use-formatters';
import { useAccessLog } from '@/features/access-log/api/get-access-log';
import { useDescribeAccess } from '@/features/access-log/hooks/use-describe-access';
import { type AccessLogLine, groupAccessLog } from '@/features/access-log/utils/group-access-log';

/**
 * "Wie heeft het dossier bekeken": every read and change of the child's file, newest first, for
 * the guardians with parental authority and the contact person (the page shows this section to
 * them only). Reading the log is itself a read of the file: it loads when the person opens it,
 * so opening the child page stays one request and one access-log event.
 */
export function AccessLog({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const contentId = useId();

  return (
    <section aria-labelledby="child-access-log-heading" className="kc-section">
      <Heading level={2} id="child-access-log-heading">
        {t('accessLog.title')}
      </Heading>
      <Paragraph>{t('accessLog.intro')}</Paragraph>
      <ButtonGroup>
        <Button
          type="button"
          appearance="secondary-action-button"
          aria-expanded={open}
          aria-controls={contentId}
          onClick={() => setOpen((value) => !value)}
        >
          {open ? t('accessLog.close') : t('accessLog.open')}
        </Button>
      </ButtonGroup>
      <div id={contentId}>{open ? <AccessLogEntries childId={childId} /> : null}</div>
    </section>
  );
}

function AccessLogEntries({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const describe = useDescribeAccess();
  const log = useAccessLog(childId);
  const lines = useMemo(
    () => groupAccessLog(log.data?.pages.flatMap((page) => page.items) ?? []),
    [log.data],
  );

  return (
    <>
      {log.isPending ? <Loading /> : null}
      {log.isError ? (
        <ProblemAlert error={log.error} messages={{ 403: t('accessLog.forbidden') }} />
      ) : null}
      {log.isSuccess && lines.length === 0 ? <Paragraph>{t('accessLog.empty')}</Paragraph> : null}
      {lines.length > 0 ? (
        <>
          <Paragraph>{t('accessLog.grouping')}</Paragraph>
          <ol className="kc-timeline" aria-label={t('accessLog.listLabel')}>
            {lines.map((line) => (
              <li
                key={line.id}
                className={
                  line.entries[0].result === 'denied'
                    ? 'kc-timeline__item kc-timeline__item--denied'
                    : 'kc-timeline__item'
                }
              >
                <LineTime line={line} />
                <Paragraph className="kc-timeline__text">
                  <strong>{describe.who(line.entries[0])}</strong> {describe.line(line)}
                </Paragraph>
              </li>
            ))}
          </ol>
        </>
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
    </>
  );
}

/** "3 maart 2026 om 14:05", or for a visit "3 maart 2026 om 14:05 tot 14:12". */
function LineTime({ line }: { line: AccessLogLine }) {
  const format = useFormatters();
  const from = format.dateTime(line.from);
  const until = format.dateTime(line.until);
  if (from === until) {
    return (
      <time dateTime={line.until} className="kc-timeline__time">
        {until}
      </time>
    );
  }
  const sameDay = format.date(line.from) === format.date(line.until);
  return (
    <span className="kc-timeline__time">
      <Trans
        i18nKey="accessLog.timeRange"
        values={{ from, until: sameDay ? format.time(line.until) : until }}
        components={{ from: <time dateTime={line.from} />, until: <time dateTime={line.until} /> }}
      />
    </span>
  );
}
