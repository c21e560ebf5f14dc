import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { initI18n, i18n } from '@/lib/i18n';

beforeAll(async () => {
  await initI18n('nl');
});

afterEach(async () => {
  cleanup();
  window.sessionStorage.clear();
  window.localStorage.clear();
  if (i18n.language !== 'nl') await i18n.changeLanguage('nl');
});
