import { useIsFetching } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/** How long after the screen got its data what can wait is asked for. */
export const SETTLE_DELAY_MS = 1_000;

/**
 * True a second after the first render in which no query was on its way, and from then on. What
 * can wait (the badges of the header: notifications, unread messages) waits for it: on a slow
 * line the screen's own requests, and the drawing of what they brought, come first.
 */
export function useScreenSettled(delayMs: number = SETTLE_DELAY_MS): boolean {
  const fetching = useIsFetching();
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (settled || fetching > 0) return undefined;
    const timer = setTimeout(() => setSettled(true), delayMs);
    return () => clearTimeout(timer);
  }, [fetching, settled, delayMs]);
  return settled;
}
