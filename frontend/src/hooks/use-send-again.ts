import { useCallback, useState } from 'react';

/**
 * A form that, once sent, gives way to what was sent (`done`, see `DoneSection`); `again()` brings
 * back the form, fresh: give it `key={round}` so it starts empty.
 */
export function useSendAgain<T>() {
  const [done, setDone] = useState<T | null>(null);
  const [round, setRound] = useState(0);
  const again = useCallback(() => {
    setDone(null);
    setRound((value) => value + 1);
  }, []);
  return { done, round, sent: setDone, again };
}
