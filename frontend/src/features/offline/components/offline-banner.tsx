import { useTranslation } from 'react-i18next';
import { useConnection, useReconnectProbe } from '@/features/offline/hooks/use-connection';
import '@/features/offline/components/offline.css';

/**
 * "Geen verbinding": shown only while offline: the browser has no network, or the API's latest
 * word was no answer at all. The live region stays in the page so a screen reader announces the
 * text when the connection drops. Rendered once per screen (the parent layout), it also asks
 * failed queries again while the API cannot be reached (`useReconnectProbe`).
 */
export function OfflineBanner() {
  const { t } = useTranslation();
  const online = useConnection();
  useReconnectProbe();
  return (
    <div role="status" className="kc-offline-region">
      {online ? null : (
        <p className="kc-offline-banner">
          <strong>{t('offline.bannerTitle')}</strong> {t('offline.bannerText')}
        </p>
      )}
    </div>
  );
}
