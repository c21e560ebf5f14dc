import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '@/components/ui/router-link';
import type { ChildRead } from '@/features/children/api/get-children';
import { useFormatters } from '@/hooks/use-formatters';

type ChildrenTableProps = {
  items: ChildRead[];
  groupNames: Map<string, string>;
  /** True while these rows are the previous search's, and the new ones are on their way. */
  busy?: boolean;
};

/**
 * A table on wide screens; below 40em each row is shown as a card (CSS only). The explicit
 * roles keep the table semantics that some browsers drop once `display` changes.
 */
export function ChildrenTable({ items, groupNames, busy = false }: ChildrenTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const columns = {
    givenName: t('children.columns.givenName'),
    familyName: t('children.columns.familyName'),
    dateOfBirth: t('children.columns.dateOfBirth'),
    group: t('children.columns.group'),
  };

  function groupName(child: ChildRead) {
    if (!child.groupId) return t('children.noGroup');
    return groupNames.get(child.groupId) ?? t('children.unknownGroup');
  }

  return (
    <Table className="kc-table kc-table--cards" role="table" busy={busy}>
      <TableCaption className="kc-visually-hidden">{t('children.tableCaption')}</TableCaption>
      <TableHeader role="rowgroup">
        <TableRow role="row">
          <TableHeaderCell scope="col" role="columnheader">
            {columns.givenName}
          </TableHeaderCell>
          <TableHeaderCell scope="col" role="columnheader">
            {columns.familyName}
          </TableHeaderCell>
          <TableHeaderCell scope="col" role="columnheader">
            {columns.dateOfBirth}
          </TableHeaderCell>
          <TableHeaderCell scope="col" role="columnheader">
            {columns.group}
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody role="rowgroup">
        {items.map((child) => (
          <TableRow key={child.id} role="row">
            <TableCell role="cell" data-label={columns.givenName}>
              <RouterLink
                to={`/children/${child.id}`}
                aria-label={t('children.open', { name: `${child.givenName} ${child.familyName}` })}
              >
                {child.givenName}
              </RouterLink>
            </TableCell>
            <TableCell role="cell" data-label={columns.familyName}>
              {child.familyName}
            </TableCell>
            <TableCell role="cell" data-label={columns.dateOfBirth}>
              <time dateTime={child.dateOfBirth}>{format.date(child.dateOfBirth)}</time>
            </TableCell>
            <TableCell role="cell" data-label={columns.group}>
              {groupName(child)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
