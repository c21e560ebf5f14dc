import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/** How long after the screen got its data what can wait is asked for. */
export const SETTLE_DELAY_MS = 1_000;

/**
 * True a second after the first render in which no query was on its way, and from then on (a
 * request after that moment, such as a poll, does not hold it back). What can wait (the badges
 * of the header: notifications, unread messages) waits for it: on a slow line the screen's own
 * requests, and the drawing of what they brought, come first.
 */
export function useScreenSettled(delayMs: number = SETTLE_DELAY_MS): boolean {
  const client = useQueryClient();
  const fetching = useIsFetching();
  const [quiet, setQuiet] = useState(false);
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    // Asked now, not as rendered: a screen's queries start after its first render.
    if (fetching === 0 && client.isFetching() === 0) setQuiet(true);
  }, [fetching, client]);
  useEffect(() => {
    if (!quiet) return undefined;
    const timer = setTimeout(() => setSettled(true), delayMs);
    return () => clearTimeout(timer);
  }, [quiet, delayMs]);
  return settled;
}
