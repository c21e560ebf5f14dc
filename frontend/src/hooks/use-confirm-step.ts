import { useEffect, useRef, useState } from 'react';

/**
 * A destructive action asked twice: `ask()` shows the question (focus moves to it), `cancel()`
 * hides it again and returns focus to the button that asked.
 */
export function useConfirmStep() {
  const [confirming, setConfirming] = useState(false);
  const startRef = useRef<HTMLButtonElement>(null);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (confirming) questionRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      startRef.current?.focus();
    }
  }, [confirming]);

  return {
    confirming,
    startRef,
    questionRef,
    ask: () => setConfirming(true),
    cancel: () => {
      returnFocus.current = true;
      setConfirming(false);
    },
  };
}
