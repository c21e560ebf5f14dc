import { TableSection } from '@/components/ui/table-section';
import { useNumberFormat } from '@/features/room-reports/hooks/use-number-format';
import { useRoomReportsTranslation } from '@/features/room-reports/hooks/use-room-reports-translation';
import type { RoomUse } from '@/features/room-reports/types';

/** Per room: its hours open and booked, the occupancy as a percentage, and who used it. */
export function RoomUseTable({ rooms }: { rooms: RoomUse[] }) {
  const { t } = useRoomReportsTranslation();
  const format = useNumberFormat();
  const number = (text: string) => <span className="kc-reports__number">{text}</span>;
  return (
    <TableSection<RoomUse>
      id="room-use"
      title={t('utilisation.rooms.title')}
      caption={t('utilisation.rooms.caption')}
      empty={t('utilisation.rooms.empty')}
      rows={rooms}
      rowKey={(room) => room.roomId}
      columns={[
        { label: t('utilisation.rooms.room'), render: (room) => room.name },
        { label: t('utilisation.rooms.type'), render: (room) => t(`roomTypes.${room.type}`) },
        {
          label: t('utilisation.rooms.floorArea'),
          render: (room) => (room.floorAreaM2 === null ? '–' : number(format.m2(room.floorAreaM2))),
        },
        {
          label: t('utilisation.rooms.opening'),
          render: (room) => (room.openingHours === null ? t('noOpeningHours') : number(format.hoursText(room.openingHours))),
        },
        { label: t('utilisation.rooms.booked'), render: (room) => number(format.hoursText(room.bookedHours)) },
        {
          label: t('utilisation.rooms.utilisation'),
          render: (room) => (
            <span className="kc-reports__number" data-testid={`room-utilisation-${room.roomId}`}>
              {format.percent(room.utilisation) ?? '–'}
            </span>
          ),
        },
        { label: t('utilisation.rooms.afterSchool'), render: (room) => number(format.hoursText(room.afterSchoolHours)) },
        { label: t('utilisation.rooms.holidays'), render: (room) => number(format.hoursText(room.holidayHours)) },
        { label: t('utilisation.rooms.noShow'), render: (room) => number(format.hoursText(room.noShowHours)) },
        {
          label: t('utilisation.rooms.organisations'),
          render: (room) => (
            <>
              {t('utilisation.rooms.organisationCount', { count: room.organisationCount })}
              {room.byOrganisation.length > 0 ? (
                <ul className="kc-reports__list">
                  {room.byOrganisation.map((use) => (
                    <li key={use.organisationId}>
                      {use.organisationName}: {format.hoursText(use.hours)}
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          ),
        },
      ]}
    />
  );
}
