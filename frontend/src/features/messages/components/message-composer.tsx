import { Button, ButtonGroup, FormFieldTextarea } from '@utrecht/component-library-react';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useFormatters } from '@/hooks/use-formatters';
import { LOCALES } from '@/lib/format';
import { AttachmentPicker, useAttachmentPicker } from '@/features/attachments/components/attachment-picker';
import { characterCount, MESSAGE_MAX } from '@/features/messages/utils/files';

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
  const files = useAttachmentPicker();
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const number = (value: number) => new Intl.NumberFormat(LOCALES[language]).format(value);

  const trimmed = text.trim();
  const used = characterCount(trimmed);
  const over = used > MESSAGE_MAX;
  const shownProblem: TextProblem | null = over ? 'tooLong' : textProblem;
  const textError = shownProblem
    ? t(`messages.compose.${shownProblem}`, { max: number(MESSAGE_MAX), length: number(used) })
    : undefined;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending || files.uploading) return;
    const beforeOk = validateBefore ? validateBefore() : true;
    const problem: TextProblem | null = trimmed === '' ? 'empty' : over ? 'tooLong' : null;
    setTextProblem(problem);
    if (problem) {
      if (beforeOk) fieldRef.current?.focus();
      return;
    }
    if (!beforeOk) return;
    try {
      await onSend({ text: trimmed, attachmentIds: files.ids });
      setText('');
      files.clear();
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
      <AttachmentPicker picker={files} testId="message-file" />
      {error ? <ProblemAlert error={error} /> : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={pending} disabled={files.uploading}>
          {submitLabel}
        </Button>
      </ButtonGroup>
    </form>
  );
}
