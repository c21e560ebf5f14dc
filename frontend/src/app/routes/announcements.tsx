import { Heading } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useMe } from '@/features/auth/api/get-me';
import { StaffAnnouncements } from '@/features/announcements/components/staff-announcements';

/** /mededelingen: announcements to the families of a group or the centre, and who read them. */
export default function AnnouncementsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('announcements.title'));
  const me = useMe();
  return (
    <>
      <Heading level={1}>{t('announcements.title')}</Heading>
      {me.isPending ? <Loading /> : null}
      {me.isError ? <ProblemAlert error={me.error} /> : null}
      {me.data ? <StaffAnnouncements me={me.data} /> : null}
    </>
  );
}
