import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { sortWeekdays } from '@/lib/format';
import { useOrganisations } from '@/features/children/api/get-organisations';
import { usePlacements } from '@/features/children/api/get-placements';
import { useFormatters } from '@/hooks/use-formatters';

export function ChildPlacements({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const placements = usePlacements(childId);
  const organisations = useOrganisations();
  const organisationNames = useMemo(
    () => new Map((organisations.data ?? []).map((org) => [org.id, org.name])),
    [organisations.data],
  );
  const columns = {
    organisation: t('child.placements.organisation'),
    kind: t('child.placements.kind'),
    start: t('child.placements.start'),
    end: t('child.placements.end'),
    days: t('child.placements.days'),
  };

  return (
    <section aria-labelledby="child-placements-heading" className="kc-section">
      <Heading level={2} id="child-placements-heading">
        {t('child.placements.title')}
      </Heading>
      {placements.isPending ? <Loading /> : null}
      {placements.isError ? <ProblemAlert error={placements.error} /> : null}
      {placements.data?.length === 0 ? (
        <Paragraph>{t('child.placements.empty')}</Paragraph>
      ) : null}
      {placements.data && placements.data.length > 0 ? (
        <Table className="kc-table kc-table--cards" role="table">
          <TableCaption className="kc-visually-hidden">
            {t('child.placements.caption')}
          </TableCaption>
          <TableHeader role="rowgroup">
            <TableRow role="row">
              {Object.values(columns).map((label) => (
                <TableHeaderCell key={label} scope="col" role="columnheader">
                  {label}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody role="rowgroup">
            {placements.data.map((placement) => (
              <TableRow key={placement.id} role="row">
                <TableCell role="cell" data-label={columns.organisation}>
                  {organisationNames.get(placement.organisationId) ??
                    (organisations.isPending
                      ? t('app.loading')
                      : t('child.placements.unknownOrganisation'))}
                </TableCell>
                <TableCell role="cell" data-label={columns.kind}>
                  {t(`placementKinds.${placement.kind}`)}
                </TableCell>
                <TableCell role="cell" data-label={columns.start}>
                  <time dateTime={placement.startDate}>{format.date(placement.startDate)}</time>
                </TableCell>
                <TableCell role="cell" data-label={columns.end}>
                  {placement.endDate ? (
                    <time dateTime={placement.endDate}>{format.date(placement.endDate)}</time>
                  ) : (
                    t('child.placements.noEnd')
                  )}
                </TableCell>
                <TableCell role="cell" data-label={columns.days}>
                  {placement.days.length > 0
                    ? sortWeekdays(placement.days)
                        .map((day) => t(`days.${day}`))
                        .join(', ')
                    : t('child.placements.noDays')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </section>
  );
}
