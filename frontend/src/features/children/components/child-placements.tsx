import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TableSection } from '@/components/ui/table-section';
import { sortWeekdays } from '@/lib/format';
import { useOrganisations } from '@/features/children/api/get-organisations';
import type { PlacementRead } from '@/features/children/api/get-child-detail';
import { useFormatters } from '@/hooks/use-formatters';

/** The placements as the child page received them (`embedded.placements`); a placement names its
 *  organisation by id, so the names come from the organisations list (no child data). */
export function ChildPlacements({ placements }: { placements: PlacementRead[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const organisations = useOrganisations({ enabled: placements.length > 0 });
  const organisationNames = useMemo(
    () => new Map((organisations.data ?? []).map((org) => [org.id, org.name])),
    [organisations.data],
  );

  return (
    <TableSection<PlacementRead>
      id="child-placements"
      title={t('child.placements.title')}
      caption={t('child.placements.caption')}
      empty={t('child.placements.empty')}
      rows={placements}
      rowKey={(placement) => placement.id}
      columns={[
        {
          label: t('child.placements.organisation'),
          render: (placement) =>
            organisationNames.get(placement.organisationId) ??
            (organisations.isPending ? t('app.loading') : t('child.placements.unknownOrganisation')),
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
