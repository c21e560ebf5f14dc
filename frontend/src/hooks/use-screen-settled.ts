import { useIsFetching } from '@tanstack/react-query';
import { useRef } from 'react';

/**
 * True once the screen has what it shows: the first moment no query is on its way. It stays true.
 * What can wait (the badges of the header: notifications, unread messages) waits for it, so that
 * on a slow line the screen's own requests go first and are not queued behind them.
 */
export function useScreenSettled(): boolean {
  const fetching = useIsFetching();
  const settled = useRef(false);
  if (fetching === 0) settled.current = true;
  return settled.current;
}
