import {
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useId } from 'react';
import { CsvButton } from '@/features/outcomes/components/csv-button';
import { Figure } from '@/features/outcomes/components/figure';
import { useOutcomesTexts } from '@/features/outcomes/hooks/use-outcomes-texts';
import { hasHidden, isFigure, type TableModel } from '@/features/outcomes/utils/table';

/**
 * A table of the report, the accessible form of its chart: a caption, column headers, the
 * first cell of each row as its header. Wide tables scroll inside a focusable region, so a
 * keyboard can scroll them too. Under it "Download CSV" and, when a cell is hidden or empty,
 * what that means.
 */
export function OutcomeTable({ model, threshold }: { model: TableModel; threshold: number }) {
  const { t } = useOutcomesTexts();
  const captionId = useId();
  if (model.rows.length === 0) {
    return <Paragraph>{t('outcomes.table.empty')}</Paragraph>;
  }
  const empty = model.rows.some((row) =>
    row.cells.some((cell) => isFigure(cell) && !cell.cell?.suppressed && (cell.cell?.value ?? null) === null),
  );
  return (
    <div className="kc-outcome__table-part">
      <div className="kc-outcome__scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <Table className="kc-outcome__table" data-testid={`table-${model.id}`}>
          <TableCaption id={captionId}>{model.caption}</TableCaption>
          <TableHeader>
            <TableRow>
              {model.columns.map((column) => (
                <TableHeaderCell key={column.key} scope="col" className={column.numeric ? 'kc-outcome__number' : undefined}>
                  {column.label}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {model.rows.map((row) => (
              <TableRow key={row.key}>
                {row.cells.map((cell, index) => {
                  const key = model.columns[index]?.key ?? index;
                  if (!isFigure(cell)) {
                    return index === 0 ? (
                      <TableHeaderCell key={key} scope="row">
                        {cell.text}
                      </TableHeaderCell>
                    ) : (
                      <TableCell key={key}>{cell.text}</TableCell>
                    );
                  }
                  return (
                    <TableCell key={key} className="kc-outcome__number">
                      <Figure cell={cell.cell} kind={cell.kind} />
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <div className="kc-outcome__actions">
        <CsvButton model={model} />
      </div>
      {hasHidden(model) ? (
        <Paragraph className="kc-outcome__note" data-testid="hidden-explained">
          {t('outcomes.hidden.explain', { threshold })}
        </Paragraph>
      ) : null}
      {empty ? <Paragraph className="kc-outcome__note">{t('outcomes.none.explain')}</Paragraph> : null}
    </div>
  );
}
