import { Paragraph } from '@utrecht/component-library-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useBuildingPage } from '@/features/rooms/api/buildings';
import { BuildingPicker } from '@/features/rooms/components/building-picker';
import { RoomCalendar } from '@/features/rooms/components/room-calendar';
import { useBuildingChoice } from '@/features/rooms/hooks/use-building-choice';
import { useCentreOrganisations } from '@/features/rooms/hooks/use-centre-organisations';

/**
 * The building to show, with its rooms, holidays and organisations in one request; the room
 * filter (`?ruimte=`) and the date (`?datum=`); then its calendar.
 */
export function RoomCalendarPage({ initialDate, now }: { initialDate?: string; now?: Date }) {
  const { t } = useTranslation();
  const { buildings, building, choose } = useBuildingChoice();
  const page = useBuildingPage(building?.id);
  const organisations = useCentreOrganisations(page.data?.organisations);
  const rooms = page.data?.rooms;
  const [params, setParams] = useSearchParams();
  const chosenRoom = params.get('ruimte') ?? '';
  // `?datum=2027-01-11`: open on that day's week (a link, a reload); kept up to date below.
  const [firstDate] = useState(() => {
    const asked = params.get('datum') ?? '';
    return /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : initialDate;
  });
  const roomId = rooms?.some((room) => room.id === chosenRoom) ? chosenRoom : '';

  const chooseRoom = useCallback(
    (id: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (id) next.set('ruimte', id);
          else next.delete('ruimte');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const shownDate = params.get('datum');
  const keepDate = useCallback(
    (from: string) => {
      if (shownDate === from) return;
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('datum', from);
          return next;
        },
        { replace: true },
      );
    },
    [setParams, shownDate],
  );

  if (buildings.isError) return <ProblemAlert error={buildings.error} />;
  if (buildings.isPending) return <Loading />;
  if (!building) return <Paragraph data-testid="no-buildings">{t('rooms.noBuildings')}</Paragraph>;

  return (
    <>
      <BuildingPicker buildings={buildings.data} building={building} onChange={choose} />
      {page.isError ? <ProblemAlert error={page.error} /> : null}
      {page.isPending || organisations.isPending ? <Loading /> : null}
      {rooms && rooms.length === 0 ? <Paragraph data-testid="no-rooms">{t('rooms.noRooms')}</Paragraph> : null}
      {page.data && rooms && rooms.length > 0 && !organisations.isPending ? (
        <RoomCalendar
          key={building.id}
          building={building}
          rooms={rooms}
          holidays={page.data.holidays}
          roomId={roomId}
          onRoomChange={chooseRoom}
          organisations={organisations.forBooking}
          organisationName={organisations.organisationName}
          colourOf={organisations.colourOf}
          initialDate={firstDate}
          onRangeChange={keepDate}
          now={now}
        />
      ) : null}
    </>
  );
}
