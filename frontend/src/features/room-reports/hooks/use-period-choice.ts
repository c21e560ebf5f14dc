import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { clipPeriod, daysBetween, isIsoDate, schoolYear, type Period } from '@/features/room-reports/utils/period';

/**
 * The period of the report, kept in the address (`?van=2026-08-01&tot=2027-07-31`); the
 * school year of `today` when none (or none that makes sense) is given. Too long: clipped.
 */
export function usePeriodChoice(today: Date = new Date()) {
  const [params, setParams] = useSearchParams();
  const from = params.get('van');
  const to = params.get('tot');
  const todayKey = today.toDateString();
  const period = useMemo<Period>(() => {
    if (isIsoDate(from) && isIsoDate(to) && daysBetween(from, to) >= 0) return clipPeriod({ from, to });
    return schoolYear(new Date(todayKey));
  }, [from, to, todayKey]);

  const choose = useCallback(
    (next: Period) =>
      setParams(
        (current) => {
          const search = new URLSearchParams(current);
          search.set('van', next.from);
          search.set('tot', next.to);
          return search;
        },
        { replace: true },
      ),
    [setParams],
  );

  return { period, choose };
}
