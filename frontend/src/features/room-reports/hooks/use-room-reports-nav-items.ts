import { useMemo } from 'react';
import type { Me } from '@/features/auth/api/get-me';
import { FLOOR_AREA_PATH, UTILISATION_PATH } from '@/features/room-reports/components/room-reports-nav';
import { useRoomReportsTranslation } from '@/features/room-reports/hooks/use-room-reports-translation';
import { isReportReader } from '@/features/room-reports/utils/roles';

export type RoomReportsNavItem = { to: string; label: string };

/**
 * The report pages as menu items, labelled in the reader's language, for someone who reads the
 * reports; none for anyone else. For menus outside this feature (the rooms sub-menu, the main
 * menu), so they need no texts of their own.
 */
export function useRoomReportsNavItems(me: Pick<Me, 'roles'> | undefined): RoomReportsNavItem[] {
  const { t } = useRoomReportsTranslation();
  const reader = isReportReader(me);
  return useMemo(
    () =>
      reader
        ? [
            { to: UTILISATION_PATH, label: t('nav.utilisation') },
            { to: FLOOR_AREA_PATH, label: t('nav.floorArea') },
          ]
        : [],
    [reader, t],
  );
}
