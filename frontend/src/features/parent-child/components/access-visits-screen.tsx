import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useFormatters } from '@/hooks/use-formatters';
import { ApiError } from '@/lib/api-client';
import { useAccessVisits } from '@/features/parent-child/api/get-access-visits';
import { ChildScreen, useChildName } from '@/features/parent-child/components/child-screen';
import { NoAuthorityNote } from '@/features/parent-child/components/no-authority-note';
import type { AccessVisit } from '@/features/parent-child/types';
import { visitKind, visitResources } from '@/features/parent-child/utils/visits';

// `api_client`: the organisation's connected system (its name says "(koppeling)"). A role the
// server adds later shows no role rather than a key.
const ROLES = ['centre_admin', 'org_admin', 'staff', 'care_professional', 'municipality_analyst', 'api_client'] as const;
type Role = (typeof ROLES)[number];
const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/**
 * "Wie heeft het dossier van mijn kind bekeken": one line per visit (one person's reads and
 * changes close together), newest first: who, when, what in plain words, and a refused attempt
 * marked. Reading the log is itself logged; it is one request per page ("Meer laden").
 */
export function AccessVisitsScreen({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const visits = useAccessVisits(childId);
  const name = useChildName(childId);
  const items = useMemo(() => visits.data?.pages.flatMap((page) => page.items) ?? [], [visits.data]);
  const forbidden = visits.error instanceof ApiError && (visits.error.status === 403 || visits.error.status === 404);

  return (
    <ChildScreen
      childId={childId}
      heading={name ? t('parentChild.visits.title', { name }) : t('parentChild.accessLogTitle')}
      intro={<Paragraph>{t('parentChild.visits.intro')}</Paragraph>}
      query={{
        isPending: visits.isPending,
        // A refusal is said below in plain words, not as an error.
        isError: visits.isError && !forbidden && !visits.isFetchNextPageError,
        error: visits.error,
        dataUpdatedAt: visits.dataUpdatedAt,
        hasData: Boolean(visits.data) || forbidden,
      }}
    >
      {forbidden ? (
        <NoAuthorityNote name={name} what="accessLog" />
      ) : (
        <>
          <Paragraph className="kc-muted">{t('parentChild.visits.grouping')}</Paragraph>
          {items.length === 0 ? <Paragraph>{t('parentChild.visits.empty')}</Paragraph> : null}
          {items.length > 0 ? (
            <ol className="kc-plain-list kc-visits" aria-label={t('parentChild.visits.listLabel', { name })}>
              {items.map((visit, index) => (
                <VisitItem key={`${index}-${visit.startedAt}`} visit={visit} />
              ))}
            </ol>
          ) : null}
          {visits.isFetchNextPageError ? <ProblemAlert error={visits.error} /> : null}
          {visits.isFetchingNextPage ? <Loading /> : null}
          {visits.hasNextPage ? (
            <ButtonGroup>
              <Button
                type="button"
                appearance="secondary-action-button"
                busy={visits.isFetchingNextPage}
                onClick={() => {
                  if (!visits.isFetchingNextPage) void visits.fetchNextPage();
                }}
              >
                {t('parentChild.visits.more')}
              </Button>
            </ButtonGroup>
          ) : null}
        </>
      )}
    </ChildScreen>
  );
}

function VisitItem({ visit }: { visit: AccessVisit }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const role = !visit.role ? null : isRole(visit.role) ? t(`roles.${visit.role}`) : visit.role === 'guardian' ? t('parentChild.visits.guardian') : null;
  // A connected system is named after its organisation already: "De Regenboog (koppeling)".
  const named = visit.role === 'api_client' && visit.organisationName && visit.actorName.startsWith(visit.organisationName);
  const who = [named ? null : visit.organisationName, role].filter(Boolean).join(', ');
  const parts = visitResources(visit.resources).map((resource) => t(`parentChild.visits.resources.${resource}`));
  const list = new Intl.ListFormat(format.language, { type: 'conjunction' }).format(parts);
  const sameMinute = visit.startedAt.slice(0, 16) === visit.endedAt.slice(0, 16);
  const sameDay = format.date(visit.startedAt) === format.date(visit.endedAt);
  return (
    <li
      className={`kc-card kc-visit${visit.denied > 0 ? ' kc-visit--denied' : ''}`}
      data-testid="access-visit"
      data-denied={visit.denied > 0 ? 'true' : undefined}
    >
      <Paragraph className="kc-visit__when">
        <time dateTime={visit.startedAt}>{format.dateTime(visit.startedAt)}</time>
        {sameMinute ? null : (
          <>
            {' – '}
            <time dateTime={visit.endedAt}>{sameDay ? format.time(visit.endedAt) : format.dateTime(visit.endedAt)}</time>
          </>
        )}
      </Paragraph>
      <Paragraph className="kc-card__text">
        <strong>{visit.actorName}</strong>
        {who ? ` (${who})` : ''}
      </Paragraph>
      {parts.length > 0 ? (
        <Paragraph>{t(`parentChild.visits.${visitKind(visit.actions)}`, { parts: list })}</Paragraph>
      ) : null}
      {visit.denied > 0 ? (
        <Paragraph className="kc-flag kc-visit__denied" data-testid="visit-denied">
          <strong>{t('parentChild.visits.deniedTitle')}</strong> {t('parentChild.visits.denied', { count: visit.denied })}
        </Paragraph>
      ) : null}
    </li>
  );
}
