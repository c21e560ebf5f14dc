import { Button } from '@utrecht/component-library-react';
import { useOutcomesTexts } from '@/features/outcomes/hooks/use-outcomes-texts';
import { buildCsv, downloadCsv } from '@/features/outcomes/utils/csv';
import type { TableModel } from '@/features/outcomes/utils/table';

/** "Download CSV": the table as a file, made here in the browser from the figures on screen. */
export function CsvButton({ model }: { model: TableModel }) {
  const { t, language } = useOutcomesTexts();
  return (
    <Button
      type="button"
      appearance="secondary-action-button"
      className="kc-no-print"
      onClick={() => downloadCsv(`${model.fileName}.csv`, buildCsv(model, language, t('outcomes.hidden.csv')))}
    >
      {t('outcomes.csv.download')}{' '}
      <span className="kc-visually-hidden">{t('outcomes.csv.downloadTable', { table: model.caption })}</span>
    </Button>
  );
}
