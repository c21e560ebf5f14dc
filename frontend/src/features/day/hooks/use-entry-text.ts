import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoomFormat } from '@/features/rooms/hooks/use-room-format';
import type { AbsenceReason, DayEntry } from '@/features/day/types';

/** The texts of a day's parts: times on the Amsterdam clock, in the reader's language. */
export function useEntryText() {
  const { t } = useTranslation();
  const format = useRoomFormat();
  return useMemo(
    () => ({
      format,
      /** An activity by its own name; school, BSO, childcare and support in the reader's
       * language (the API's titles of those are fixed English labels). */
      title(entry: DayEntry): string {
        return entry.kind === 'activity' ? entry.title : t(`day.kinds.${entry.kind}`);
      },
      /** "08:30–14:30", "vanaf 15:00", or "Hele dag" for a whole-day absence. */
      range(entry: DayEntry): string {
        if (!entry.startsAt) return t('day.timeline.wholeDay');
        if (!entry.endsAt) return t('day.timeline.from', { time: format.time(entry.startsAt) });
        return `${format.time(entry.startsAt)}–${format.time(entry.endsAt)}`;
      },
      /** "Juf Anna (Basisschool De Regenboog)", or whichever of the two is known. */
      who(entry: DayEntry): string | null {
        const person = entry.responsible?.personName;
        const organisation = entry.responsible?.organisationName;
        if (person && organisation) return t('day.timeline.personAt', { person, organisation });
        return person || organisation || null;
      },
      /** "Gymzaal (Hoofdgebouw)", or the place alone. */
      where(entry: DayEntry): string | null {
        const place = entry.where?.name;
        const building = entry.where?.buildingName;
        if (place && building) return t('day.timeline.placeIn', { place, building });
        return place || building || null;
      },
      /** "ziek", "afspraak", "andere reden". */
      reason(reason: AbsenceReason): string {
        return t(`day.reasons.${reason}`);
      },
      /** "Afgemeld: ziek", or "Afgemeld" when the reason is not for this reader. */
      absent(entry: DayEntry | undefined): string {
        return entry?.absenceReason
          ? t('day.absentWithReason', { reason: t(`day.reasons.${entry.absenceReason}`) })
          : t('day.absent');
      },
    }),
    [t, format],
  );
}
