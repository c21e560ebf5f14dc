import { Button, ButtonGroup, FormFieldTextarea, Paragraph } from '@utrecht/component-library-react';
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useFormatters } from '@/hooks/use-formatters';
import { ApiError } from '@/lib/api-client';
import { LOCALES } from '@/lib/format';
import { useUploadAttachment } from '@/features/messages/api/attachments';
import type { Attachment } from '@/features/messages/types';
import { characterCount, fileProblem, fileSize, MESSAGE_MAX, type FileProblem } from '@/features/messages/utils/files';

export type ComposedMessage = { text: string; attachmentIds: string[] };

type MessageComposerProps = {
  /** Sends the message; resolve to clear the form, reject to keep it (the error shows). */
  onSend: (message: ComposedMessage) => Promise<unknown>;
  pending: boolean;
  error: unknown;
  label: string;
  submitLabel: string;
  /** Fields before the text (the subject of a new message). */
  before?: ReactNode;
  /** Checks the fields in `before`; false stops the send. */
  validateBefore?: () => boolean;
};

type TextProblem = 'empty' | 'tooLong';

/** The server's word about a file (a 400 or 413 at `#/file`), in ours. */
function serverFileProblem(error: unknown): FileProblem | 'failed' {
  if (error instanceof ApiError) {
    if (error.status === 413) return 'tooBig';
    const codes = (error.problem?.errors ?? []).map((param) => param.code);
    if (codes.includes('too_large')) return 'tooBig';
    if (error.status === 400) return 'wrongType';
  }
  return 'failed';
}

/**
 * Writing a message: the text (at most 5,000 characters, counted as it is typed, with a plain
 * error), files to attach (PDF, JPEG or PNG up to 10 MB, checked when chosen and uploaded at
 * once, each with a button to take it off again) and the send button.
 */
export function MessageComposer({ onSend, pending, error, label, submitLabel, before, validateBefore }: MessageComposerProps) {
  const { t } = useTranslation();
  const { language } = useFormatters();
  const [text, setText] = useState('');
  const [textProblem, setTextProblem] = useState<TextProblem | null>(null);
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const fileHelpId = useId();
  const fileErrorId = useId();
  const upload = useUploadAttachment();
  const number = (value: number) => new Intl.NumberFormat(LOCALES[language]).format(value);

  const trimmed = text.trim();
  const used = characterCount(trimmed);
  const over = used > MESSAGE_MAX;
  const shownProblem: TextProblem | null = over ? 'tooLong' : textProblem;
  const textError = shownProblem
    ? t(`messages.compose.${shownProblem}`, { max: number(MESSAGE_MAX), length: number(used) })
    : undefined;

  async function chooseFile(files: FileList | null) {
    setFileError(null);
    const file = files?.[0];
    if (fileRef.current) fileRef.current.value = '';
    if (!file) return;
    const problem = fileProblem(file);
    if (problem) {
      setFileError(t(`messages.attach.${problem}`, { name: file.name }));
      return;
    }
    try {
      const stored = await upload.mutateAsync(file);
      setAttachments((current) => [...current, stored]);
    } catch (uploadError) {
      setFileError(t(`messages.attach.${serverFileProblem(uploadError)}`, { name: file.name }));
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending || upload.isPending) return;
    const beforeOk = validateBefore ? validateBefore() : true;
    const problem: TextProblem | null = trimmed === '' ? 'empty' : over ? 'tooLong' : null;
    setTextProblem(problem);
    if (problem) {
      if (beforeOk) fieldRef.current?.focus();
      return;
    }
    if (!beforeOk) return;
    try {
      await onSend({ text: trimmed, attachmentIds: attachments.map((a) => a.id) });
      setText('');
      setAttachments([]);
    } catch {
      // Shown through `error`.
    }
  }

  return (
    <form onSubmit={submit} noValidate className="kc-form kc-message-composer" data-testid="message-composer">
      {before}
      <FormFieldTextarea
        inputRef={fieldRef}
        name="text"
        label={label}
        rows={4}
        inputDir="auto"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          if (textProblem === 'empty') setTextProblem(null);
        }}
        invalid={Boolean(textError)}
        errorMessage={textError}
        status={
          <span className={`kc-message-composer__count${over ? ' kc-message-composer__count--over' : ''}`}>
            {t('messages.compose.counter', { length: number(used), max: number(MESSAGE_MAX) })}
          </span>
        }
        required
      />
      <div className="kc-message-composer__files">
        <label htmlFor={fileId} className="utrecht-form-label">
          {t('messages.attach.label')}
        </label>
        <Paragraph id={fileHelpId} className="kc-message-composer__help">
          {t('messages.attach.help')}
        </Paragraph>
        <input
          ref={fileRef}
          id={fileId}
          type="file"
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          aria-describedby={[fileHelpId, fileError ? fileErrorId : null].filter(Boolean).join(' ')}
          aria-invalid={fileError ? true : undefined}
          disabled={upload.isPending}
          onChange={(event) => void chooseFile(event.target.files)}
          data-testid="message-file"
        />
        {upload.isPending ? <Paragraph role="status">{t('messages.attach.uploading')}</Paragraph> : null}
        {fileError ? (
          <p id={fileErrorId} className="utrecht-form-field-error-message" role="alert" data-testid="file-error">
            {fileError}
          </p>
        ) : null}
        {attachments.length > 0 ? (
          <ul className="kc-message-composer__attached" aria-label={t('messages.attach.chosen')}>
            {attachments.map((attachment) => (
              <li key={attachment.id}>
                <span>
                  {attachment.fileName} ({fileSize(attachment.size, LOCALES[language])})
                </span>{' '}
                <Button
                  type="button"
                  appearance="subtle-button"
                  onClick={() => setAttachments((current) => current.filter((a) => a.id !== attachment.id))}
                >
                  {t('messages.attach.remove', { name: attachment.fileName })}
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {error ? <ProblemAlert error={error} /> : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={pending} disabled={upload.isPending}>
          {submitLabel}
        </Button>
      </ButtonGroup>
    </form>
  );
}
