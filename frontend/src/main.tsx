import '@fontsource-variable/noto-sans';
import '@utrecht/component-library-css';
import '@utrecht/design-tokens/dist/index.css';
import '@/styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { configureApi, createApiClient } from '@/lib/api-client';
import { tokenStore } from '@/lib/auth';
import { loadConfig } from '@/lib/config';
import { i18n, initI18n } from '@/lib/i18n';

async function start() {
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing from index.html');
  await initI18n();
  try {
    const config = await loadConfig();
    configureApi(createApiClient({ baseUrl: config.apiBaseUrl, store: tokenStore }));
  } catch (error) {
    console.error(error);
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.className = 'kc-startup-error';
    message.textContent = i18n.t('errors.config');
    container.replaceChildren(message);
    return;
  }
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
