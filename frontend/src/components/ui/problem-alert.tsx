import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api-client';

export type ProblemMessages = Partial<Record<number, string>>;

/** The text a person reads for an error: ours (plain language) first, then the server's `detail`. */
export function useProblemText(error: unknown, messages: ProblemMessages = {}) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError)) {
    return { message: t('errors.network'), detail: null };
  }
  const detail = error.problem?.detail ?? null;
  const own = messages[error.status];
  if (own) return { message: own, detail };
  let message: string;
  if (error.status === 400) message = t('errors.badRequest');
  else if (error.status === 401) message = t('errors.unauthorized');
  else if (error.status === 403) message = t('errors.forbidden');
  else if (error.status === 404) message = t('errors.notFound');
  else if (error.status >= 500) message = t('errors.server');
  else message = t('errors.generic');
  return { message, detail };
}

/** Shows an API or network error in an NL Design System Alert (role="alert"). */
export function ProblemAlert({
  error,
  messages,
}: {
  error: unknown;
  messages?: ProblemMessages;
}) {
  const { t } = useTranslation();
  const { message, detail } = useProblemText(error, messages);
  return (
    <Alert type="error" className="kc-alert">
      <Paragraph>{message}</Paragraph>
      {detail ? <Paragraph>{t('errors.detail', { detail })}</Paragraph> : null}
    </Alert>
  );
}
