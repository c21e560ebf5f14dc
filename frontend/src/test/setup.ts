import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { initI18n, i18n, loadStaffTexts } from '@/lib/i18n';

// findBy*/waitFor give up after 1 s by default; a lazily imported route on a busy machine (CI,
// two cores shared with the API tests) can take longer to appear without anything being wrong.
configure({ asyncUtilTimeout: 3000 });

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
