import { TableSection } from '@/components/ui/table-section';
import { useNumberFormat } from '@/features/room-reports/hooks/use-number-format';
import { useRoomReportsTranslation } from '@/features/room-reports/hooks/use-room-reports-translation';
import type { OrganisationUse } from '@/features/room-reports/types';

/** Per organisation: its hours, the double use (hours in rooms it does not own), the rooms it used. */
export function OrganisationUseTable({ organisations }: { organisations: OrganisationUse[] }) {
  const { t } = useRoomReportsTranslation();
  const format = useNumberFormat();
  return (
    <TableSection<OrganisationUse>
      id="organisation-use"
      title={t('utilisation.organisations.title')}
      caption={t('utilisation.organisations.caption')}
      empty={t('utilisation.organisations.empty')}
      rows={organisations}
      rowKey={(organisation) => organisation.organisationId}
      columns={[
        { label: t('utilisation.organisations.organisation'), render: (o) => o.organisationName },
        { label: t('utilisation.organisations.type'), render: (o) => t(`organisationTypes.${o.organisationType}`) },
        {
          label: t('utilisation.organisations.booked'),
          render: (o) => <span className="kc-reports__number">{format.hoursText(o.bookedHours)}</span>,
        },
        {
          label: t('utilisation.organisations.inRoomsOfOthers'),
          render: (o) => <span className="kc-reports__number">{format.hoursText(o.hoursInRoomsOfOthers)}</span>,
        },
        { label: t('utilisation.organisations.roomsUsed'), render: (o) => format.integer(o.roomsUsed) },
      ]}
    />
  );
}
