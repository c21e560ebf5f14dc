import { Button, ButtonGroup, FormFieldTextarea } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { ApiError } from '@/lib/api-client';
import { formatNumber } from '@/lib/format';
import { DEFAULT_LANGUAGE, isLanguage } from '@/lib/i18n';
import { useCreateSupportRequest } from '@/features/support/api/signals';
import type { SignalRead } from '@/features/support/types';

/** The longest question the API takes (openapi.yaml: SupportRequestCreate.description, maxLength). */
export const SUPPORT_REQUEST_MAX = 2000;

/** Characters as the API counts them (code points, not UTF-16 units: an emoji is one). */
export function characterCount(text: string): number {
  return Array.from(text).length;
}

/** Why the question cannot be sent: keys under `parentChild.supportRequest.errors`. */
type FieldError = 'required' | 'tooLong' | 'other';

/** The question as it is checked and sent: without the spaces and empty lines around it. */
function localError(question: string): FieldError | null {
  if (question === '') return 'required';
  if (characterCount(question) > SUPPORT_REQUEST_MAX) return 'tooLong';
  return null;
}

/**
 * What the server refused about the question (`errors` of a 400 at `#/description`), in our
 * words; null when its 400 names no such error (it is then shown above the button).
 */
function serverFieldError(error: unknown): FieldError | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const found = (error.problem?.errors ?? []).filter((param) => /^#\/description(\/|$)/.test(param.location));
  if (found.length === 0) return null;
  const codes = found.map((param) => param.code);
  if (codes.some((code) => code === 'string_too_long')) return 'tooLong';
  if (codes.some((code) => code === 'string_too_short' || code === 'missing')) return 'required';
  return 'other';
}

type SupportRequestFormProps = {
  childId: string;
  name: string;
  onSent: (signal: SignalRead) => void;
};

/**
 * The parent's question: one text field with a label, a short help and a character count, and
 * the send button. Checked here first (empty, too long); what the server still refuses about
 * the question appears at the field in our words, other problems above the button.
 */
export function ParentSupportRequestForm({ childId, name, onSent }: SupportRequestFormProps) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
  const number = (value: number) => formatNumber(value, language);
  const [text, setText] = useState('');
  const [local, setLocal] = useState<FieldError | null>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const send = useCreateSupportRequest(childId, { onSuccess: onSent });

  const question = text.trim();
  const used = characterCount(question);
  const over = used > SUPPORT_REQUEST_MAX;
  const server = serverFieldError(send.error);
  const fieldError = local ?? server;
  const max = number(SUPPORT_REQUEST_MAX);
  const errorText = fieldError ? t(`parentChild.supportRequest.errors.${fieldError}`, { max }) : undefined;

  // After the server refused the question, go back to it.
  useEffect(() => {
    if (server) fieldRef.current?.focus();
  }, [server, send.error]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (send.isPending) return;
    const found = localError(question);
    setLocal(found);
    if (found) {
      send.reset();
      fieldRef.current?.focus();
      return;
    }
    // The parent does not sort the question: the contact person does (the API's default, `other`).
    send.mutate({ description: question, category: 'other' });
  }

  const otherProblem = send.isError && !server;

  return (
    <form onSubmit={submit} noValidate className="kc-form kc-support-request-form" data-testid="support-request-form">
      <FormFieldTextarea
        inputRef={fieldRef}
        name="description"
        label={t('parentChild.supportRequest.label')}
        description={t('parentChild.supportRequest.descriptionHelp')}
        rows={6}
        inputDir="auto"
        value={text}
        onChange={(event) => setText(event.target.value)}
        invalid={Boolean(errorText)}
        errorMessage={errorText}
        status={
          <span
            className={`kc-support-request-form__count${over ? ' kc-support-request-form__count--over' : ''}`}
            data-testid="support-request-count"
          >
            {t(over ? 'parentChild.supportRequest.counterOver' : 'parentChild.supportRequest.counter', {
              used: number(used),
              max,
            })}
          </span>
        }
        required
      />
      {otherProblem ? (
        <ProblemAlert
          error={send.error}
          messages={{ 403: t('parentChild.supportRequest.forbidden', { name }) }}
        />
      ) : null}
      <ButtonGroup>
        <Button
          type="submit"
          appearance="primary-action-button"
          busy={send.isPending}
          className="kc-support-request-form__submit"
        >
          {send.isPending ? t('parentChild.supportRequest.busy') : t('parentChild.supportRequest.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
