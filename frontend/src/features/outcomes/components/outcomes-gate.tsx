import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useMe, type Me } from '@/features/auth/api/get-me';
import { useOutcomesTexts } from '@/features/outcomes/hooks/use-outcomes-texts';
import { readsOutcomes } from '@/features/outcomes/utils/roles';
import { ApiError } from '@/lib/api-client';

/** Who may read these figures, in plain words: for anyone else, and for a 403. */
export function OutcomesForbidden() {
  const { t } = useOutcomesTexts();
  return (
    <Alert type="info">
      <Paragraph data-testid="outcomes-forbidden">{t('outcomes.forbidden')}</Paragraph>
    </Alert>
  );
}

/** A report that did not load: a 403 is "not for you", a 404 a centre outside the caller's figures. */
export function OutcomesProblem({ error }: { error: unknown }) {
  const { t } = useOutcomesTexts();
  if (error instanceof ApiError && error.status === 403) return <OutcomesForbidden />;
  if (error instanceof ApiError && error.status === 404) {
    return (
      <Alert type="warning">
        <Paragraph>{t('outcomes.notFound')}</Paragraph>
      </Alert>
    );
  }
  return <ProblemAlert error={error} />;
}

/** Shows the reports to the centre's management and the municipality's analysts only. */
export function OutcomesGate({ children }: { children: (me: Me) => ReactNode }) {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ProblemAlert error={me.error} />;
  if (!readsOutcomes(me.data)) return <OutcomesForbidden />;
  return <>{children(me.data)}</>;
}
