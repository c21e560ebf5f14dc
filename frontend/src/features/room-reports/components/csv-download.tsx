import { Button, Paragraph } from '@utrecht/component-library-react';
import { useRoomReportsTranslation } from '@/features/room-reports/hooks/use-room-reports-translation';
import type { UtilisationReport } from '@/features/room-reports/types';
import { buildUtilisationCsv, csvFileName, downloadCsv } from '@/features/room-reports/utils/csv';

/** "Download CSV": the tables per room and per organisation as a file, made here in the browser. */
export function CsvDownload({ report, buildingName }: { report: UtilisationReport; buildingName: string }) {
  const { t, language } = useRoomReportsTranslation();
  return (
    <div className="kc-reports__actions">
      <Button
        type="button"
        appearance="secondary-action-button"
        data-testid="csv-download"
        onClick={() =>
          downloadCsv(
            csvFileName(t('utilisation.csv.file'), buildingName, report.from, report.to),
            buildUtilisationCsv(report, buildingName, language),
          )
        }
      >
        {t('utilisation.csv.download')}
      </Button>
      <Paragraph>{t('utilisation.csv.help')}</Paragraph>
    </div>
  );
}
