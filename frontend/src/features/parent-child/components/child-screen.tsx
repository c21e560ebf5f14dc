import { Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { RouterLink } from '@/components/ui/router-link';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { FreshnessMark } from '@/features/offline/components/freshness-mark';
import { ChildHeading } from '@/features/parent/components/child-badge';
import { useFamily } from '@/features/parent/hooks/use-family';
import { childPaths } from '@/features/parent-child/utils/paths';
import '@/features/parent-child/components/parent-child.css';

/** What the frame needs of the screen's one query. */
export type ScreenQuery = {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  dataUpdatedAt: number;
  /** There is something to show (possibly out of date). */
  hasData: boolean;
};

/** The given name of one of the parent's children: from the family, else from the screen's data. */
export function useChildName(childId: string, fallback?: string | null): string {
  const { child } = useFamily();
  return child(childId)?.givenName ?? fallback ?? '';
}

/**
 * A parent's screen about one child: the way back, the child's badge and name in the heading
 * (so the parent of several children always knows which child this is about), a "niet actueel"
 * mark above the data when it may be out of date, and the screen's loading and error states.
 */
export function ChildScreen({
  childId,
  heading,
  intro,
  back = 'overview',
  query,
  children,
}: {
  childId: string;
  /** The heading and the document title; name the child in it. */
  heading: string;
  intro?: ReactNode;
  /** Where "terug" goes: this child's overview, or the parent's home. */
  back?: 'overview' | 'home';
  query: ScreenQuery;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const name = useChildName(childId);
  useDocumentTitle(heading);
  return (
    <div className="kc-parent-child" data-testid="parent-child-screen" data-child-id={childId}>
      <Paragraph className="kc-back">
        {back === 'home' ? (
          <RouterLink to="/ouder">{t('parentChild.backHome')}</RouterLink>
        ) : (
          <RouterLink to={childPaths(childId).overview}>
            {name ? t('parentChild.backTo', { name }) : t('parentChild.backToChild')}
          </RouterLink>
        )}
      </Paragraph>
      <ChildHeading childId={childId}>{heading}</ChildHeading>
      {intro}
      <FreshnessMark dataUpdatedAt={query.dataUpdatedAt} isError={query.isError} />
      {query.isPending && !query.hasData ? <Loading /> : null}
      {query.isError && !query.hasData ? (
        <ProblemAlert
          error={query.error}
          messages={{ 404: t('parentChild.notFound'), 403: t('parentChild.forbidden') }}
        />
      ) : null}
      {query.hasData ? children : null}
    </div>
  );
}
