import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import '@/features/rooms/components/rooms.css';
import { SelectField } from '@/components/ui/select-field';
import type { BuildingRead } from '@/features/rooms/types';

/** The building to show: a choice when there are several, its name when there is one. */
export function BuildingPicker({
  buildings,
  building,
  onChange,
}: {
  buildings: BuildingRead[];
  building: BuildingRead;
  onChange: (buildingId: string) => void;
}) {
  const { t } = useTranslation();
  if (buildings.length === 1) {
    return (
      <Paragraph data-testid="building-name" className="kc-rooms__building">
        {t('rooms.building')}: <strong>{building.name}</strong>
      </Paragraph>
    );
  }
  return (
    <SelectField
      label={t('rooms.building')}
      name="buildingId"
      value={building.id}
      onChange={onChange}
      options={buildings.map((option) => ({ value: option.id, label: option.name }))}
    />
  );
}
