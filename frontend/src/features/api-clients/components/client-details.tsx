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
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import { formatNumber } from '@/lib/format';
import type { ApiClientRead } from '@/features/api-clients/types';
import { WebhooksSection } from '@/features/api-clients/components/webhooks-section';
import { usageByDay } from '@/features/api-clients/utils/usage';

/** A table; with `cards`, one that turns into cards on narrow screens (each cell carries its column label). */
function SimpleTable<Row>({
  caption,
  rows,
  rowKey,
  columns,
  testId,
  cards = false,
}: {
  cards?: boolean;
  caption: string;
  rows: Row[];
  rowKey: (row: Row, index: number) => string;
  columns: { label: string; render: (row: Row) => ReactNode }[];
  testId: string;
}) {
  return (
    <Table className={cards ? 'kc-table kc-table--cards' : 'kc-table'} role="table" data-testid={testId}>
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
        {rows.map((row, index) => (
          <TableRow key={rowKey(row, index)} role="row">
            {columns.map((column) => (
              <TableCell key={column.label} role="cell" data-label={column.label}>
                {column.render(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * Calls and errors per day for 14 days, the last failed calls (what went wrong, when, where) and
 * the client's webhooks (asked for only once this is opened).
 */
export function ClientDetails({ client }: { client: ApiClientRead }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const days = useMemo(() => usageByDay(client.usage), [client.usage]);
  const number = (value: number) => formatNumber(value, format.language);

  return (
    <div className="kc-api-client__details" data-testid="api-client-details">
      <Heading level={4}>{t('apiClients.usage.title')}</Heading>
      <SimpleTable
        testId="api-client-usage"
        caption={t('apiClients.usage.caption', { name: client.name })}
        rows={days}
        rowKey={(day) => day.day}
        columns={[
          { label: t('apiClients.usage.day'), render: (day) => <time dateTime={day.day}>{format.date(day.day)}</time> },
          { label: t('apiClients.usage.calls'), render: (day) => number(day.calls) },
          { label: t('apiClients.usage.errors'), render: (day) => number(day.errors) },
        ]}
      />
      <Heading level={4}>{t('apiClients.recentErrors.title')}</Heading>
      {client.recentErrors.length === 0 ? (
        <Paragraph>{t('apiClients.recentErrors.empty')}</Paragraph>
      ) : (
        <SimpleTable
          cards
          testId="api-client-errors"
          caption={t('apiClients.recentErrors.caption', { name: client.name })}
          rows={client.recentErrors}
          rowKey={(error, index) => `${error.occurredAt}-${index}`}
          columns={[
            {
              label: t('apiClients.recentErrors.time'),
              render: (error) => <time dateTime={error.occurredAt}>{format.dateTime(error.occurredAt)}</time>,
            },
            { label: t('apiClients.recentErrors.method'), render: (error) => <code>{error.method}</code> },
            { label: t('apiClients.recentErrors.route'), render: (error) => <code className="kc-api-client__route">{error.route}</code> },
            { label: t('apiClients.recentErrors.status'), render: (error) => error.status },
          ]}
        />
      )}
      <WebhooksSection client={client} />
    </div>
  );
}
