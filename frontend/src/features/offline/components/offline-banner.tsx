import { useTranslation } from 'react-i18next';
import { useOnline } from '@/features/offline/hooks/use-online';
import '@/features/offline/components/offline.css';

/**
 * "Geen verbinding": shown only while the browser is offline. The live region stays in the page
 * so a screen reader announces the text when the connection drops.
 */
export function OfflineBanner() {
  const { t } = useTranslation();
  const online = useOnline();
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
