import { useEffect } from 'react';

/**
 * Noto Sans, the typeface of the NL Design System's Utrecht theme, for the staff screens: loaded
 * once `enabled` (the user is staff; the module loader asks for it once). The parent app and the
 * login screen use the device's own sans-serif (the theme's fallback): on a phone it is there at
 * once, in every script of the six languages, and a first visit on a slow line does not wait on
 * 37 kB of font (docs/performance.md, "The parent app").
 */
export function useStaffFont(enabled: boolean): void {
  useEffect(() => {
    if (enabled) import('@fontsource-variable/noto-sans').catch(() => undefined);
  }, [enabled]);
}
