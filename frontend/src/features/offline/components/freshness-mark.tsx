import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import { useConnection } from '@/features/offline/hooks/use-connection';
import '@/features/offline/components/offline.css';

function sameLocalDay(a: Date, b: Date): boolean {
  return (
    a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate()
  );
}

/**
 * Marks data on screen that may be out of date: while offline (no network, or the API's latest
 * word was no answer at all: `useConnection`), or when the last attempt to refresh it failed.
 * Renders nothing while online and the last fetch succeeded, and nothing when there is no data
 * yet (`dataUpdatedAt` 0: the screen's own "geen verbinding" state says it).
 *
 * Put it above the data: `<FreshnessMark dataUpdatedAt={query.dataUpdatedAt} isError={query.isError} />`.
 */
export function FreshnessMark({ dataUpdatedAt, isError = false }: { dataUpdatedAt: number; isError?: boolean }) {
  const { t } = useTranslation();
  const { time, dateTime } = useFormatters();
  const online = useConnection();
  if ((online && !isError) || !dataUpdatedAt) return null;
  const updated = new Date(dataUpdatedAt);
  const iso = updated.toISOString();
  const when = sameLocalDay(updated, new Date())
    ? t('offline.updatedAt', { time: time(iso) })
    : t('offline.updatedOn', { dateTime: dateTime(iso) });
  return (
    <p className="kc-freshness" data-testid="freshness-mark">
      <strong>{t('offline.notCurrent')}</strong> · <time dateTime={iso}>{when}</time>
    </p>
  );
}
