import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { options } from 'preact';
import { afterEach, beforeAll } from 'vitest';
import { initI18n, i18n, loadStaffTexts } from '@/lib/i18n';

// findBy*/waitFor give up after 1 s by default; a lazily imported route on a busy machine (CI,
// two cores shared with the API tests) can take longer to appear without anything being wrong.
configure({ asyncUtilTimeout: 3000 });

// The app runs on Preact (vite.config.ts), which runs effects (focus moves, the page title) after
// the next frame: in a browser about 16 ms after the screen changed, before anyone can click or
// type. jsdom draws no frames, so a test could type while such an effect is still waiting and
// lose its keys to the focus move. Run them as soon as the render is done instead.
options.requestAnimationFrame = (flush) => queueMicrotask(flush);

beforeAll(async () => {
  await initI18n('nl');
  // The staff texts too (in the app they load before the first staff screen, see lib/i18n.ts).
  await loadStaffTexts();
});

afterEach(async () => {
  cleanup();
  window.sessionStorage.clear();
  window.localStorage.clear();
  if (i18n.language !== 'nl') await i18n.changeLanguage('nl');
});
