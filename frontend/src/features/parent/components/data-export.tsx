import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useFormatters } from '@/hooks/use-formatters';
import { useCreateDataExport, useDataExport, useDownloadDataExport } from '@/features/parent/api/data-exports';
import type { FamilyChild } from '@/features/parent/hooks/use-family';
import type { DataExportFormat } from '@/features/parent/types';
import { childPath } from '@/features/parent/utils/paths';

/** "gegevens-noah-de-vries-2026-03-25.json": a file name without spaces or odd characters. */
export function exportFileName(child: Pick<FamilyChild, 'givenName' | 'familyName'>, date: string, format: DataExportFormat) {
  const slug = `${child.givenName} ${child.familyName}`
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return `gegevens-${slug}-${date}.${format}`;
}

/**
 * "Mijn gegevens" (AVG right of access) for one child: what the export holds, a button that
 * starts it, the progress while the server prepares it, then the JSON and a readable version.
 */
export function DataExportPanel({ child }: { child: FamilyChild }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const progressId = useId();
  const [exportId, setExportId] = useState<string | null>(null);
  const create = useCreateDataExport(child.id);
  const current = useDataExport(exportId);
  const download = useDownloadDataExport(exportId);
  const [downloaded, setDownloaded] = useState<DataExportFormat[]>([]);
  const name = child.givenName;
  const status = exportId ? (current.data?.status ?? 'queued') : null;
  const progress = Math.max(0, Math.min(100, current.data?.progress ?? 0));
  const today = new Date().toISOString().slice(0, 10);

  const start = () => {
    setDownloaded([]);
    download.reset();
    create.mutate(undefined, { onSuccess: (created) => setExportId(created.id) });
  };

  const save = (fileFormat: DataExportFormat) =>
    download.mutate(
      { format: fileFormat, fileName: exportFileName(child, today, fileFormat) },
      { onSuccess: () => setDownloaded((done) => (done.includes(fileFormat) ? done : [...done, fileFormat])) },
    );

  const busy = create.isPending || status === 'queued' || status === 'running';

  return (
    <>
      <Paragraph>{t('parent.export.intro', { name })}</Paragraph>
      <Heading level={2}>{t('parent.export.holdsTitle')}</Heading>
      <ul className="kc-parent-list">
        <li>{t('parent.export.holdsChild', { name })}</li>
        <li>{t('parent.export.holdsYou')}</li>
      </ul>
      {child.hasParentalAuthority ? null : <Paragraph>{t('parent.export.noAuthority', { name })}</Paragraph>}
      <Paragraph>
        {t('parent.export.logged')}{' '}
        <Link className="utrecht-link utrecht-link--html-a" to={childPath(child.id, 'bekeken')}>
          {t('parent.export.loggedLink', { name })}
        </Link>
      </Paragraph>

      {status === null || status === 'failed' || status === 'expired' ? (
        <ButtonGroup>
          <Button type="button" appearance="primary-action-button" busy={create.isPending} disabled={create.isPending} onClick={start}>
            {status === null ? t('parent.export.start', { name }) : t('parent.export.again')}
          </Button>
        </ButtonGroup>
      ) : null}
      {create.isError ? <ProblemAlert error={create.error} /> : null}

      {/* Announced once per state (not at every percent): preparing, ready or failed. */}
      <div role="status" className="kc-export-status">
        {busy && exportId ? <Paragraph>{t('parent.export.preparing')}</Paragraph> : null}
        {status === 'ready' ? <Paragraph>{t('parent.export.ready', { name })}</Paragraph> : null}
        {status === 'expired' ? <Paragraph>{t('parent.export.expired')}</Paragraph> : null}
      </div>
      {busy && exportId ? (
        <div className="kc-export-progress">
          <label htmlFor={progressId} className="kc-block">
            {t('parent.export.progressLabel')}
          </label>
          <progress id={progressId} max={100} value={progress}>
            {t('parent.export.progressText', { percent: progress })}
          </progress>
          <Paragraph data-testid="export-progress-text">{t('parent.export.progressText', { percent: progress })}</Paragraph>
        </div>
      ) : null}
      {status === 'failed' ? (
        <Alert type="error" className="kc-alert">
          <Paragraph>{t('parent.export.failed')}</Paragraph>
        </Alert>
      ) : null}
      {current.isError ? <ProblemAlert error={current.error} /> : null}

      {status === 'ready' && current.data ? (
        <section aria-labelledby="export-downloads-heading" className="kc-parent-section">
          <Heading level={2} id="export-downloads-heading">
            {t('parent.export.downloadsTitle')}
          </Heading>
          <ul className="kc-parent-downloads">
            <li>
              <Button
                type="button"
                appearance="primary-action-button"
                busy={download.isPending && download.variables?.format === 'html'}
                onClick={() => save('html')}
              >
                {t('parent.export.downloadHtml')}
              </Button>
              <Paragraph className="kc-explain">{t('parent.export.htmlExplain')}</Paragraph>
              {downloaded.includes('html') ? <Paragraph>{t('parent.export.downloaded')}</Paragraph> : null}
            </li>
            <li>
              <Button
                type="button"
                appearance="secondary-action-button"
                busy={download.isPending && download.variables?.format === 'json'}
                onClick={() => save('json')}
              >
                {t('parent.export.downloadJson')}
              </Button>
              <Paragraph className="kc-explain">{t('parent.export.jsonExplain')}</Paragraph>
              {downloaded.includes('json') ? <Paragraph>{t('parent.export.downloaded')}</Paragraph> : null}
            </li>
          </ul>
          {current.data.careDataIncluded ? null : (
            <Paragraph>{t('parent.export.noAuthority', { name })}</Paragraph>
          )}
          <Paragraph>{t('parent.export.expires', { dateTime: format.dateTime(current.data.expiresAt) })}</Paragraph>
          {download.isError ? <ProblemAlert error={download.error} messages={{ 404: t('parent.export.expired') }} /> : null}
        </section>
      ) : null}
    </>
  );
}
