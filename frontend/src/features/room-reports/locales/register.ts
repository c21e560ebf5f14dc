import { i18n } from '@/lib/i18n';
import { en } from '@/features/room-reports/locales/en';
import { nl } from '@/features/room-reports/locales/nl';

/** The namespace key the texts of this feature sit under: `t('roomReports.…')`. */
export const ROOM_REPORTS_KEY = 'roomReports';

const registered = new WeakSet<object>();

function addBundles(): boolean {
  // i18next creates its store (and the addResourceBundle method) in init(): before that, wait.
  const store = (i18n as { store?: object }).store;
  if (!store) return false;
  if (registered.has(store)) return true;
  // deep + overwrite: merge into the translation namespace, replacing only our own keys.
  i18n.addResourceBundle('nl', 'translation', { [ROOM_REPORTS_KEY]: nl }, true, true);
  i18n.addResourceBundle('en', 'translation', { [ROOM_REPORTS_KEY]: en }, true, true);
  registered.add(store);
  return true;
}

/**
 * Adds the room reports' texts to i18next, once. Safe to call before i18next is initialised
 * (the app and the test setup both initialise it after importing the routes): then the texts
 * are added as soon as init finishes, before anything renders.
 */
export function registerRoomReportsTexts(): void {
  if (addBundles()) return;
  const onInitialized = () => {
    addBundles();
    i18n.off('initialized', onInitialized);
  };
  i18n.on('initialized', onInitialized);
}

/** Called while rendering as well: cheap after the first time, and never too late. */
export function ensureRoomReportsTexts(): void {
  addBundles();
}

registerRoomReportsTexts();
