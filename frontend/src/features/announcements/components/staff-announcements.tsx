import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import type { Me } from '@/features/auth/api/get-me';
import { useAnnouncements } from '@/features/announcements/api/list-announcements';
import { useMyGroups } from '@/features/announcements/api/my-groups';
import { AnnouncementComposer, audienceOptions } from '@/features/announcements/components/announcement-composer';
import { SentAnnouncements } from '@/features/announcements/components/sent-announcements';
import '@/features/announcements/components/announcements.css';

/** /mededelingen for staff: write to the families of a group (or the centre), and who read it. */
export function StaffAnnouncements({ me }: { me: Me }) {
  const { t } = useTranslation();
  const groups = useMyGroups();
  const sent = useAnnouncements();
  const isCentreAdmin = me.roles.includes('centre_admin');
  const options = groups.data ? audienceOptions(groups.data, isCentreAdmin, { centre: t('announcements.audienceCentre') }) : [];

  return (
    <>
      <Paragraph>{t('announcements.intro')}</Paragraph>
      <section aria-labelledby="announcement-new-heading" className="kc-section">
        <Heading level={2} id="announcement-new-heading">
          {t('announcements.composer.heading')}
        </Heading>
        {groups.isPending ? <Loading /> : null}
        {groups.isError ? <ProblemAlert error={groups.error} /> : null}
        {groups.data && options.length === 0 ? <Paragraph>{t('announcements.composer.noGroups')}</Paragraph> : null}
        {options.length > 0 ? <AnnouncementComposer options={options} /> : null}
      </section>
      <section aria-labelledby="announcement-sent-heading" className="kc-section">
        <Heading level={2} id="announcement-sent-heading">
          {t('announcements.sent.heading')}
        </Heading>
        {sent.isPending ? <Loading /> : null}
        {sent.isError ? <ProblemAlert error={sent.error} /> : null}
        {sent.data ? <SentAnnouncements items={sent.data} /> : null}
      </section>
    </>
  );
}
