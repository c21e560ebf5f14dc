import { Paragraph } from '@utrecht/component-library-react';
import { Loading } from '@/components/ui/loading';
import { useFormatters } from '@/hooks/use-formatters';
import { useUtilisation } from '@/features/room-reports/api/reports';
import { BuildingSelect } from '@/features/room-reports/components/building-select';
import { CsvDownload } from '@/features/room-reports/components/csv-download';
import { HourHeatmap } from '@/features/room-reports/components/hour-heatmap';
import { OrganisationChart } from '@/features/room-reports/components/organisation-chart';
import { OrganisationUseTable } from '@/features/room-reports/components/organisation-use-table';
import { PeriodForm } from '@/features/room-reports/components/period-form';
import { ReportProblem } from '@/features/room-reports/components/report-problem';
import { RoomUseTable } from '@/features/room-reports/components/room-use-table';
import { UtilisationTotals } from '@/features/room-reports/components/utilisation-totals';
import { usePeriodChoice } from '@/features/room-reports/hooks/use-period-choice';
import { useReportBuilding } from '@/features/room-reports/hooks/use-report-building';
import { useRoomReportsTranslation } from '@/features/room-reports/hooks/use-room-reports-translation';
import '@/features/room-reports/components/room-reports.css';

/**
 * How a building's rooms were used in a period: the building (`?gebouw=`), the period
 * (`?van=&tot=`, the school year by default), then the totals, per room, per organisation
 * with a bar chart, the hour-of-week heatmap and the CSV download.
 */
export function UtilisationOverview({ today }: { today?: Date }) {
  const { t } = useRoomReportsTranslation();
  const { date } = useFormatters();
  const { buildings, building, choose } = useReportBuilding({ enabled: true });
  const { period, choose: choosePeriod } = usePeriodChoice(today);
  const report = useUtilisation({ buildingId: building?.id, from: period.from, to: period.to, enabled: true });

  if (buildings.isError) return <ReportProblem error={buildings.error} />;
  if (buildings.isPending) return <Loading />;
  if (!building) return <Paragraph data-testid="no-buildings">{t('noBuildings')}</Paragraph>;

  return (
    <>
      <div className="kc-reports__filters">
        <BuildingSelect buildings={buildings.data} building={building} onChange={choose} />
      </div>
      <PeriodForm key={`${period.from}/${period.to}`} period={period} onChange={choosePeriod} />
      <Paragraph aria-live="polite" data-testid="period-shown">
        {t('utilisation.period.shown', { from: date(period.from), to: date(period.to) })}
      </Paragraph>
      {report.isPending ? <Loading /> : null}
      {report.isError ? <ReportProblem error={report.error} /> : null}
      {report.isSuccess ? (
        <div data-testid="utilisation-report">
          <UtilisationTotals report={report.data} />
          <CsvDownload report={report.data} buildingName={building.name} />
          <RoomUseTable rooms={report.data.rooms} />
          <OrganisationChart organisations={report.data.organisations} />
          <OrganisationUseTable organisations={report.data.organisations} />
          <HourHeatmap heatmap={report.data.heatmap} />
        </div>
      ) : null}
    </>
  );
}
