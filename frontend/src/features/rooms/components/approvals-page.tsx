import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useBuildingPage } from '@/features/rooms/api/buildings';
import { Approvals } from '@/features/rooms/components/approvals';
import { BuildingPicker } from '@/features/rooms/components/building-picker';
import { useBuildingChoice } from '@/features/rooms/hooks/use-building-choice';

/** The building to show (`?gebouw=`), then the requests waiting in its rooms. */
export function ApprovalsPage({ now }: { now?: Date }) {
  const { t } = useTranslation();
  const { buildings, building, choose } = useBuildingChoice();
  // The calendar's page of the building: its rooms come with it, from the same cache.
  const page = useBuildingPage(building?.id);

  if (buildings.isError) return <ProblemAlert error={buildings.error} />;
  if (buildings.isPending) return <Loading />;
  if (!building) return <Paragraph data-testid="no-buildings">{t('rooms.noBuildings')}</Paragraph>;

  return (
    <>
      <BuildingPicker buildings={buildings.data} building={building} onChange={choose} />
      {page.isError ? <ProblemAlert error={page.error} /> : null}
      {page.isPending ? <Loading /> : <Approvals key={building.id} building={building} rooms={page.data?.rooms ?? []} now={now} />}
    </>
  );
}
