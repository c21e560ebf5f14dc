import { Button, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import { LOCALES } from '@/lib/format';
import { useUploadAttachment } from '@/features/attachments/api/upload-attachment';
import type { Attachment } from '@/features/attachments/types';
import { ATTACHMENT_ACCEPT, fileProblem, fileSize, serverFileProblem } from '@/features/attachments/utils/files';
import '@/features/attachments/attachments.css';

/**
 * The files chosen for one message or announcement: each checked when chosen (type, size) and
 * uploaded at once, so sending only names their ids. Texts under `messages.attach`, which the
 * parent app has in all six languages.
 */
export function useAttachmentPicker() {
  const { t } = useTranslation();
  const { mutateAsync: upload, isPending: uploading } = useUploadAttachment();
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [error, setError] = useState<string | null>(null);

  const choose = useCallback(
    async (file: File | undefined) => {
      setError(null);
      if (!file) return;
      const problem = fileProblem(file);
      if (problem) {
        setError(t(`messages.attach.${problem}`, { name: file.name }));
        return;
      }
      try {
        const stored = await upload(file);
        setAttachments((current) => [...current, stored]);
      } catch (uploadError) {
        setError(t(`messages.attach.${serverFileProblem(uploadError)}`, { name: file.name }));
      }
    },
    [t, upload],
  );

  return {
    attachments,
    /** The ids to send (`attachmentIds`). */
    ids: attachments.map((attachment) => attachment.id),
    error,
    uploading,
    choose,
    remove: (id: string) => setAttachments((current) => current.filter((attachment) => attachment.id !== id)),
    /** After sending: start again with no files. */
    clear: () => {
      setAttachments([]);
      setError(null);
    },
  };
}

export type AttachmentPickerState = ReturnType<typeof useAttachmentPicker>;

type AttachmentPickerProps = {
  picker: AttachmentPickerState;
  /** The file input's test id. */
  testId?: string;
};

/**
 * "Bestand toevoegen": a file input for a PDF, JPG or PNG up to 10 MB, the error in plain words
 * when a file cannot go, and the files added, each with a button to take it off again.
 */
export function AttachmentPicker({ picker, testId }: AttachmentPickerProps) {
  const { t } = useTranslation();
  const { language } = useFormatters();
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const helpId = useId();
  const errorId = useId();

  return (
    <div className="kc-attachment-picker">
      <label htmlFor={inputId} className="utrecht-form-label">
        {t('messages.attach.label')}
      </label>
      <Paragraph id={helpId} className="kc-attachment-picker__help">
        {t('messages.attach.help')}
      </Paragraph>
      <input
        ref={inputRef}
        id={inputId}
        type="file"
        accept={ATTACHMENT_ACCEPT}
        aria-describedby={[helpId, picker.error ? errorId : null].filter(Boolean).join(' ')}
        aria-invalid={picker.error ? true : undefined}
        disabled={picker.uploading}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // The same file may be chosen again after it was taken off.
          if (inputRef.current) inputRef.current.value = '';
          void picker.choose(file);
        }}
        data-testid={testId}
      />
      {picker.uploading ? <Paragraph role="status">{t('messages.attach.uploading')}</Paragraph> : null}
      {picker.error ? (
        <p id={errorId} className="utrecht-form-field-error-message" role="alert" data-testid="file-error">
          {picker.error}
        </p>
      ) : null}
      {picker.attachments.length > 0 ? (
        <ul className="kc-attachment-picker__chosen" aria-label={t('messages.attach.chosen')}>
          {picker.attachments.map((attachment) => (
            <li key={attachment.id}>
              <span>
                {attachment.fileName} ({fileSize(attachment.size, LOCALES[language])})
              </span>{' '}
              <Button type="button" appearance="subtle-button" onClick={() => picker.remove(attachment.id)}>
                {t('messages.attach.remove', { name: attachment.fileName })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
