import { useEffect } from 'react';

let loading: Promise<unknown> | null = null;

/**
 * Noto Sans, the typeface of the NL Design System's Utrecht theme, for the staff screens: loaded
 * with them, once. The parent app and the login screen use the device's own sans-serif (the
 * theme's fallback): on a phone it is there at once, in every script of the six languages, and a
 * first visit on a slow line does not wait on 37 kB of font (docs/performance.md, "The parent app").
 */
export function loadStaffFont(): Promise<unknown> {
  loading ??= import('@fontsource-variable/noto-sans').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** Loads the staff typeface once `enabled` (the user is staff). */
export function useStaffFont(enabled: boolean): void {
  useEffect(() => {
    if (enabled) loadStaffFont().catch(() => undefined);
  }, [enabled]);
}
