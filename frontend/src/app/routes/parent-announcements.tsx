import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ParentAnnouncements } from '@/features/announcements/components/parent-announcements';

/** /ouder/mededelingen: the announcements to the family, newest first. */
export default function ParentAnnouncementsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('parentAnnouncements.title'));
  return <ParentAnnouncements />;
}
