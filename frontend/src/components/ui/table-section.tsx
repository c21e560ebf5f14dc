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
import type { ReactNode } from 'react';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';

export type Column<Row> = { label: string; render: (row: Row) => ReactNode };

type Props<Row> = {
  /** Unique on the page: used for the heading id. */
  id: string;
  title: string;
  caption: string;
  empty: string;
  rows: Row[] | undefined;
  rowKey: (row: Row) => string;
  columns: Column<Row>[];
  /** For rows that load on their own; rows handed down from a loaded page need neither. */
  isPending?: boolean;
  error?: unknown;
};

/** A titled section with loading, error and empty states and a table that turns into cards
 *  on narrow screens (each cell carries its column label). */
export function TableSection<Row>({
  id,
  title,
  caption,
  empty,
  rows,
  rowKey,
  columns,
  isPending = false,
  error = null,
}: Props<Row>) {
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId} className="kc-section">
      <Heading level={2} id={headingId}>
        {title}
      </Heading>
      {isPending ? <Loading /> : null}
      {error ? <ProblemAlert error={error} /> : null}
      {rows?.length === 0 ? <Paragraph>{empty}</Paragraph> : null}
      {rows && rows.length > 0 ? (
        <Table className="kc-table kc-table--cards" role="table">
          <TableCaption className="kc-visually-hidden">{caption}</TableCaption>
          <TableHeader role="rowgroup">
            <TableRow role="row">
              {columns.map((column) => (
                <TableHeaderCell key={column.label} scope="col" role="columnheader">
                  {column.label}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody role="rowgroup">
            {rows.map((row) => (
              <TableRow key={rowKey(row)} role="row">
                {columns.map((column) => (
                  <TableCell key={column.label} role="cell" data-label={column.label}>
                    {column.render(row)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </section>
  );
}
