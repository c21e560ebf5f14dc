import { Alert, Paragraph } from '@utrecht/component-library-react';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { ApiError } from '@/lib/api-client';
import { useRoomReportsTranslation } from '@/features/room-reports/hooks/use-room-reports-translation';

/** Who may read the reports, in plain words: for anyone without a reader's role, and for a 403. */
export function ReportsForbidden() {
  const { t } = useRoomReportsTranslation();
  return (
    <Alert type="info" className="kc-alert">
      <Paragraph data-testid="reports-forbidden">{t('forbidden')}</Paragraph>
    </Alert>
  );
}

/**
 * A report that did not load. A 403 is no error to report but a "not for you", said plainly
 * (the server's English detail would not help this reader).
 */
export function ReportProblem({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.status === 403) return <ReportsForbidden />;
  return <ProblemAlert error={error} />;
}
