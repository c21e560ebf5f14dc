import { useMemo } from 'react';
import { useFormatters } from '@/hooks/use-formatters';
import { roomFormat, type RoomFormat } from '@/features/rooms/utils/format';

/** Day and time texts of the rooms screens: the Amsterdam clock, the reader's language. */
export function useRoomFormat(): RoomFormat {
  const { language } = useFormatters();
  return useMemo(() => roomFormat(language), [language]);
}
