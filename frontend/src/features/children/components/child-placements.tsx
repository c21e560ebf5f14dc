import { useTranslation } from 'react-i18next';
import { TableSection } from '@/components/ui/table-section';
import { sortWeekdays } from '@/lib/format';
import type { ChildPlacementRead } from '@/features/children/api/get-child-detail';
import { useFormatters } from '@/hooks/use-formatters';

/** The placements as the child page received them (`embedded.placements`), each with the name
 *  of its organisation: nothing else to fetch. */
export function ChildPlacements({ placements }: { placements: ChildPlacementRead[] }) {
  const { t } = useTranslation();
  const format = useFormatters();

  return (
    <TableSection<ChildPlacementRead>
      id="child-placements"
      title={t('child.placements.title')}
      caption={t('child.placements.caption')}
      empty={t('child.placements.empty')}
      rows={placements}
      rowKey={(placement) => placement.id}
      columns={[
        {
          label: t('child.placements.organisation'),
          render: (placement) => placement.organisationName,
        },
        {
          label: t('child.placements.kind'),
          render: (placement) => t(`placementKinds.${placement.kind}`),
        },
        {
          label: t('child.placements.start'),
          render: (placement) => (
            <time dateTime={placement.startDate}>{format.date(placement.startDate)}</time>
          ),
        },
        {
          label: t('child.placements.end'),
          render: (placement) =>
            placement.endDate ? (
              <time dateTime={placement.endDate}>{format.date(placement.endDate)}</time>
            ) : (
              t('child.placements.noEnd')
            ),
        },
        {
          label: t('child.placements.days'),
          render: (placement) =>
            placement.days.length > 0
              ? sortWeekdays(placement.days)
                  .map((day) => t(`days.${day}`))
                  .join(', ')
              : t('child.placements.noDays'),
        },
      ]}
    />
  );
}
