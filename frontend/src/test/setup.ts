import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { initI18n, i18n } from '@/lib/i18n';

// findBy*/waitFor give up after 1 s by default; a lazily imported route on a busy machine (CI,
// two cores shared with the API tests) can take longer to appear without anything being wrong.
configure({ asyncUtilTimeout: 3000 });

beforeAll(async () => {
  await initI18n('nl');
});

afterEach(async () => {
  cleanup();
  window.sessionStorage.clear();
  window.localStorage.clear();
  if (i18n.language !== 'nl') await i18n.changeLanguage('nl');
});
