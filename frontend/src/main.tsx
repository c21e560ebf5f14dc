// NL Design System: the CSS of the components the app renders, not the whole library (the order
// of @utrecht/component-library-css 9.0.4, whose versions these are). A component newly used needs
// its package here: `make bundle-budget` fails on a class without its CSS.
import '@utrecht/alert-css';
import '@utrecht/status-badge-css';
import '@utrecht/button-group-css';
import '@utrecht/button-link-css';
import '@utrecht/button-css';
import '@utrecht/checkbox-css';
import '@utrecht/code-css';
import '@utrecht/custom-checkbox-css';
import '@utrecht/data-list-css';
import '@utrecht/form-field-description-css';
import '@utrecht/form-field-error-message-css';
import '@utrecht/form-field-css';
import '@utrecht/form-fieldset-css';
import '@utrecht/form-label-css';
import '@utrecht/heading-1-css';
import '@utrecht/heading-2-css';
import '@utrecht/heading-3-css';
import '@utrecht/heading-4-css';
import '@utrecht/heading-5-css';
import '@utrecht/heading-6-css';
import '@utrecht/link-css';
import '@utrecht/ordered-list-css';
import '@utrecht/page-content-css';
import '@utrecht/page-footer-css';
import '@utrecht/page-header-css';
import '@utrecht/page-css';
import '@utrecht/paragraph-css';
import '@utrecht/radio-button-css';
import '@utrecht/select-css';
import '@utrecht/skip-link-css';
import '@utrecht/table-css';
import '@utrecht/textarea-css';
import '@utrecht/textbox-css';
import '@utrecht/unordered-list-css';
import '@utrecht/design-tokens/dist/index.css';
import '@/styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { preloadScreens } from '@/app/router';
import { configureApi, createApiClient, resumeSession } from '@/lib/api-client';
import { tokenStore } from '@/lib/auth';
import { registerServiceWorkerLater } from '@/features/offline/register-service-worker';
import { loadConfig } from '@/lib/config';
import { i18n, initI18n } from '@/lib/i18n';

/** Lets the browser run what waits (input, a frame, network answers) before going on. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function start() {
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing from index.html');
  // Side by side, each as soon as it can go: the screen's code, config.json (its request went
  // out with the page: index.html preloads it) and then the session, then the texts. On a slow
  // line every step that waits for another is a round trip before the first screen.
  preloadScreens(window.location.pathname);
  const session = loadConfig().then((config) => {
    configureApi(createApiClient({ baseUrl: config.apiBaseUrl, store: tokenStore }));
    // Signed in on this device? The refresh cookie says so; ask while the first screen loads.
    return resumeSession();
  });
  session.catch(() => undefined); // handled below, after the texts
  // The texts and the first render each in a task of their own, not in the one that ran the
  // code: on a slow phone one long task holds every tap and scroll until it ends.
  await nextTask();
  const textsReady = initI18n();
  try {
    // The first render waits until the session's question is sent (at most 100 ms: another tab
    // may hold the refresh lock), so that the request does not queue behind it.
    const { sent } = await session;
    await Promise.race([sent, new Promise((resolve) => setTimeout(resolve, 100))]);
    await textsReady;
  } catch (error) {
    console.error(error);
    await textsReady.catch(() => undefined);
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.className = 'kc-startup-error';
    message.textContent = i18n.t('errors.config');
    container.replaceChildren(message);
    return;
  }
  await nextTask();
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // The app shell offline (docs/pwa.md), once the first screen's requests are out; never in
  // development or in tests.
  if (import.meta.env.PROD) registerServiceWorkerLater();
}

void start();
