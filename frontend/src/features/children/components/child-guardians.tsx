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
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useChildGuardians } from '@/features/children/api/get-child-guardians';

export function ChildGuardians({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const guardians = useChildGuardians(childId);
  const columns = {
    name: t('child.guardians.name'),
    relation: t('child.guardians.relation'),
    authority: t('child.guardians.parentalAuthority'),
  };

  return (
    <section aria-labelledby="child-guardians-heading" className="kc-section">
      <Heading level={2} id="child-guardians-heading">
        {t('child.guardians.title')}
      </Heading>
      {guardians.isPending ? <Loading /> : null}
      {guardians.isError ? <ProblemAlert error={guardians.error} /> : null}
      {guardians.data?.length === 0 ? <Paragraph>{t('child.guardians.empty')}</Paragraph> : null}
      {guardians.data && guardians.data.length > 0 ? (
        <Table className="kc-table kc-table--cards" role="table">
          <TableCaption className="kc-visually-hidden">{t('child.guardians.caption')}</TableCaption>
          <TableHeader role="rowgroup">
            <TableRow role="row">
              <TableHeaderCell scope="col" role="columnheader">
                {columns.name}
              </TableHeaderCell>
              <TableHeaderCell scope="col" role="columnheader">
                {columns.relation}
              </TableHeaderCell>
              <TableHeaderCell scope="col" role="columnheader">
                {columns.authority}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody role="rowgroup">
            {guardians.data.map((guardian) => (
              <TableRow key={guardian.id} role="row">
                <TableCell role="cell" data-label={columns.name}>
                  {guardian.displayName}
                </TableCell>
                <TableCell role="cell" data-label={columns.relation}>
                  {t(`relations.${guardian.relation}`)}
                </TableCell>
                <TableCell role="cell" data-label={columns.authority}>
                  {guardian.hasParentalAuthority ? t('yesNo.yes') : t('yesNo.no')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </section>
  );
}
