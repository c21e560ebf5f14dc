import { Paragraph } from '@utrecht/component-library-react';
import { SelectField } from '@/components/ui/select-field';
import type { BuildingRead } from '@/features/rooms/types';
import { useRoomReportsTranslation } from '@/features/room-reports/hooks/use-room-reports-translation';

/** The building of the report: a choice when there are several, its name when there is one. */
export function BuildingSelect({
  buildings,
  building,
  onChange,
}: {
  buildings: BuildingRead[];
  building: BuildingRead;
  onChange: (buildingId: string) => void;
}) {
  const { t } = useRoomReportsTranslation();
  if (buildings.length === 1) {
    return (
      <Paragraph data-testid="report-building">
        {t('building')}: <strong>{building.name}</strong>
      </Paragraph>
    );
  }
  return (
    <SelectField
      label={t('building')}
      name="buildingId"
      value={building.id}
      onChange={onChange}
      options={buildings.map((option) => ({ value: option.id, label: option.name }))}
    />
  );
}
