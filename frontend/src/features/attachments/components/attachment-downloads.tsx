import { Button } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useFormatters } from '@/hooks/use-formatters';
import { LOCALES } from '@/lib/format';
import { useDownloadAttachment } from '@/features/attachments/api/download-attachment';
import type { Attachment } from '@/features/attachments/types';
import { fileSize } from '@/features/attachments/utils/files';
import '@/features/attachments/attachments.css';

/**
 * "Bijlagen": a button per file, "rooster.pdf downloaden (1,2 MB)". A button, not a link: the
 * file comes through the API with the bearer token, which a plain link could not send.
 */
export function AttachmentDownloads({ attachments }: { attachments: Attachment[] }) {
  const { t } = useTranslation();
  const { language } = useFormatters();
  const download = useDownloadAttachment();
  if (attachments.length === 0) return null;
  return (
    <>
      <ul className="kc-attachment-downloads" aria-label={t('messages.thread.attachments')} data-testid="attachments">
        {attachments.map((attachment) => (
          <li key={attachment.id}>
            <Button
              type="button"
              appearance="subtle-button"
              className="kc-attachment-downloads__button"
              onClick={() => download.mutate(attachment)}
            >
              {t('messages.thread.download', {
                name: attachment.fileName,
                size: fileSize(attachment.size, LOCALES[language]),
              })}
            </Button>
          </li>
        ))}
      </ul>
      {download.isError ? <ProblemAlert error={download.error} /> : null}
    </>
  );
}
