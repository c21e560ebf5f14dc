import { Alert, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { type ProblemMessages, useProblemText } from '@/components/ui/problem-alert';
import { ApiError } from '@/lib/api-client';

type FormProblemProps = {
  error: unknown;
  messages?: ProblemMessages;
  /** Field labels by body field name (`startsAt`), to name what the server refused. */
  fields?: Record<string, string>;
};

/** The last segment of `#/trajectory/organisationId` or a parameter name. */
function fieldName(location: string): string {
  const segments = location.replace(/^#\//, '').split('/').filter(Boolean);
  return segments[segments.length - 1] ?? location;
}

/**
 * An API error next to the form that caused it: our plain text, the server's `detail` (why a
 * 409 refused), and for a 400 each field the server named with what is wrong with it.
 */
export function FormProblem({ error, messages, fields = {} }: FormProblemProps) {
  const { t } = useTranslation();
  const { message, detail } = useProblemText(error, messages);
  const invalid = error instanceof ApiError && error.status === 400 ? (error.problem?.errors ?? []) : [];
  return (
    <Alert type="error" className="kc-alert" data-testid="form-problem">
      <Paragraph>{message}</Paragraph>
      {detail ? <Paragraph>{t('errors.detail', { detail })}</Paragraph> : null}
      {invalid.length > 0 ? (
        <UnorderedList>
          {invalid.map((param, index) => {
            const name = fieldName(param.location);
            return (
              <UnorderedListItem key={`${param.location}-${index}`}>
                {t('support.fieldError', { field: fields[name] ?? name, detail: param.detail })}
              </UnorderedListItem>
            );
          })}
        </UnorderedList>
      ) : null}
    </Alert>
  );
}
