import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Link,
  Paragraph,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { RouterLink } from '@/components/ui/router-link';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ApiError } from '@/lib/api-client';
import {
  type ChildDetail,
  type ContactPersonRead,
  useChildDetail,
} from '@/features/children/api/get-child-detail';
import { useGroups } from '@/features/children/api/get-groups';
import { ChildGuardians } from '@/features/children/components/child-guardians';
import { ChildPlacements } from '@/features/children/components/child-placements';
import { useFormatters } from '@/hooks/use-formatters';

type ChildDetailsProps = {
  childId: string;
  /**
   * Sections of other features (care team, consent, access log), placed after the placements;
   * they render from the same response (`child.embedded`) and fetch no child data of their own.
   */
  extraSections?: (child: ChildDetail) => ReactNode;
};

/** The child page: one request for the child and every part of its file it shows. */
export function ChildDetails({ childId, extraSections }: ChildDetailsProps) {
  const { t } = useTranslation();
  const child = useChildDetail(childId);
  const notFound = child.error instanceof ApiError && child.error.status === 404;
  const name = child.data ? `${child.data.givenName} ${child.data.familyName}` : undefined;
  useDocumentTitle(notFound ? t('child.notFoundTitle') : name);

  return (
    <div className="kc-child">
      <Paragraph className="kc-back">
        <RouterLink to="/children">{t('child.back')}</RouterLink>
      </Paragraph>
      {child.isPending ? <Loading /> : null}
      {notFound ? (
        <>
          <Heading level={1}>{t('child.notFoundTitle')}</Heading>
          <Paragraph>{t('child.notFound')}</Paragraph>
        </>
      ) : null}
      {child.isError && !notFound ? <ProblemAlert error={child.error} /> : null}
      {child.data ? (
        <>
          <ChildOverview child={child.data} />
          {extraSections?.(child.data)}
        </>
      ) : null}
    </div>
  );
}

function ChildOverview({ child }: { child: ChildDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const groups = useGroups();
  const embedded = child.embedded ?? {};
  // Absent when the server left it out; null when no contact person is assigned.
  const contact: ContactPersonRead | null = embedded.contactPerson ?? null;

  const group = child.groupId
    ? (groups.data?.find((item) => item.id === child.groupId)?.name ??
      (groups.isPending ? t('app.loading') : t('children.unknownGroup')))
    : t('children.noGroup');

  return (
    <>
      <Heading level={1}>
        {child.givenName} {child.familyName}
      </Heading>
      <section aria-labelledby="child-details-heading" className="kc-section">
        <Heading level={2} id="child-details-heading">
          {t('child.details')}
        </Heading>
        <DataList className="kc-data-list">
          <DataListItem>
            <DataListKey>{t('child.dateOfBirth')}</DataListKey>
            <DataListValue>
              <time dateTime={child.dateOfBirth}>{format.date(child.dateOfBirth)}</time>
            </DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t('child.age')}</DataListKey>
            <DataListValue>{format.age(child.dateOfBirth)}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t('child.group')}</DataListKey>
            <DataListValue>{group}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t('child.contactPerson')}</DataListKey>
            <DataListValue>
              {child.contactPerson === null ? (
                t('child.noContactPerson')
              ) : (
                <span className="kc-contact">
                  <span>{contact?.displayName ?? child.contactPerson.displayName}</span>
                  {contact?.email ? (
                    <Link
                      href={`mailto:${contact.email}`}
                      aria-label={t('child.emailContact', { name: contact.displayName })}
                    >
                      {contact.email}
                    </Link>
                  ) : null}
                  {contact?.since ? (
                    <span>{t('child.contactSince', { date: format.date(contact.since) })}</span>
                  ) : null}
                </span>
              )}
            </DataListValue>
          </DataListItem>
        </DataList>
      </section>
      {embedded.guardians ? <ChildGuardians guardians={embedded.guardians} /> : null}
      {embedded.placements ? <ChildPlacements placements={embedded.placements} /> : null}
    </>
  );
}
