import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "Kinderen – KindCentraal": screen reader users hear where a navigation landed. */
export function useDocumentTitle(title: string | undefined): void {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} – ${appName}` : appName;
  }, [title, appName]);
}
