import { Paragraph } from '@utrecht/component-library-react';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { Loading } from '@/components/ui/loading';
import { useFloorArea } from '@/features/room-reports/api/reports';
import { BuildingSelect } from '@/features/room-reports/components/building-select';
import { FloorAreaFigures } from '@/features/room-reports/components/floor-area-figures';
import { ReferenceDateForm } from '@/features/room-reports/components/reference-date-form';
import { ReportProblem } from '@/features/room-reports/components/report-problem';
import { RoomNormSection } from '@/features/room-reports/components/room-norm-section';
import { UnderUsedRooms } from '@/features/room-reports/components/under-used-rooms';
import { useReportBuilding } from '@/features/room-reports/hooks/use-report-building';
import { useRoomReportsTranslation } from '@/features/room-reports/hooks/use-room-reports-translation';
import { isIsoDate, localIsoDate } from '@/features/room-reports/utils/period';
import '@/features/room-reports/components/room-reports.css';

/**
 * The building's floor area against the norm on a reference date (`?peildatum=`, today by
 * default), childcare's use of the school's rooms, the rooms used little, and the norm.
 */
export function FloorAreaOverview({ canEditNorm, today }: { canEditNorm: boolean; today?: Date }) {
  const { t } = useRoomReportsTranslation();
  const { buildings, building, choose } = useReportBuilding({ enabled: true });
  const [params, setParams] = useSearchParams();
  const asked = params.get('peildatum');
  const referenceDate = isIsoDate(asked) ? asked : null;
  const report = useFloorArea({ buildingId: building?.id, referenceDate, enabled: true });

  const chooseDate = useCallback(
    (date: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('peildatum', date);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  if (buildings.isError) return <ReportProblem error={buildings.error} />;
  if (buildings.isPending) return <Loading />;
  if (!building) return <Paragraph data-testid="no-buildings">{t('noBuildings')}</Paragraph>;

  const shownDate = referenceDate ?? (report.isSuccess ? report.data.referenceDate : localIsoDate(today ?? new Date()));

  return (
    <>
      <div className="kc-reports__filters">
        <BuildingSelect buildings={buildings.data} building={building} onChange={choose} />
      </div>
      <ReferenceDateForm key={shownDate} value={shownDate} onChange={chooseDate} />
      {report.isPending ? <Loading /> : null}
      {report.isError ? <ReportProblem error={report.error} /> : null}
      {report.isSuccess ? (
        <div data-testid="floor-area-report">
          <FloorAreaFigures report={report.data} buildingName={building.name} />
          <UnderUsedRooms rooms={report.data.underUsedRooms} />
        </div>
      ) : null}
      {report.isError ? null : <RoomNormSection canEdit={canEditNorm} />}
    </>
  );
}
