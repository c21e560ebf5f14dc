import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useFormatters } from '@/hooks/use-formatters';
import { AttachmentDownloads } from '@/features/attachments/components/attachment-downloads';
import { useAnnouncements } from '@/features/announcements/api/list-announcements';
import { useConfirmAnnouncement, useMarkAnnouncementRead } from '@/features/announcements/api/receipts';
import type { Announcement } from '@/features/announcements/types';
import { ChildBadgeView } from '@/features/parent/components/child-badge';
import { useFamily, type FamilyChild } from '@/features/parent/hooks/use-family';
import '@/features/announcements/components/announcements.css';

/**
 * /ouder/mededelingen: what the school and the childcare tell the families, newest first. Each
 * item names the children it is about (badge and name). Opening it marks it read and shows its
 * text and files to download; when the sender asks, the parent confirms with one button.
 */
export function ParentAnnouncements() {
  const { t } = useTranslation();
  const feed = useAnnouncements();
  const family = useFamily();

  return (
    <>
      <Heading level={1}>{t('parentAnnouncements.title')}</Heading>
      <Paragraph>{t('parentAnnouncements.intro')}</Paragraph>
      {feed.isPending ? <Loading /> : null}
      {feed.isError ? <ProblemAlert error={feed.error} /> : null}
      {feed.data && feed.data.length === 0 ? <Paragraph>{t('parentAnnouncements.none')}</Paragraph> : null}
      {feed.data && feed.data.length > 0 ? (
        <ul className="kc-announcement-list" data-testid="parent-announcements">
          {feed.data.map((item) => (
            <li key={item.id} className="kc-announcement-card" data-testid="parent-announcement">
              <AnnouncementItem item={item} concerned={item.children.map((c) => family.child(c.id) ?? c.givenName)} />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** A child of the family (badge and name), or only the name when the family is not loaded. */
type Concerned = FamilyChild | string;

function AnnouncementItem({ item, concerned }: { item: Announcement; concerned: Concerned[] }) {
  const { t, i18n } = useTranslation();
  const { dateTime } = useFormatters();
  const [open, setOpen] = useState(false);
  const markRead = useMarkAnnouncementRead();
  const confirm = useConfirmAnnouncement();
  const headingId = `announcement-${item.id}`;
  const textId = `announcement-text-${item.id}`;
  const names = concerned.map((child) => (typeof child === 'string' ? child : child.givenName));
  const waitsForConfirmation = item.requiresConfirmation && !item.confirmed;

  function toggle() {
    const next = !open;
    setOpen(next);
    if (next && !item.read && !markRead.isPending) markRead.mutate(item.id);
  }

  return (
    <article aria-labelledby={headingId}>
      <div className="kc-announcement-card__children">
        {concerned.map((child) =>
          typeof child === 'string' ? null : <ChildBadgeView key={child.id} child={child} size="small" decorative />,
        )}
        <span data-testid="announcement-children">{t('parentAnnouncements.about', { names: names.join(', ') })}</span>
      </div>
      <Heading level={2} id={headingId} className="kc-announcement-card__title">
        {item.title}
        {!item.read ? <span className="kc-announcement-card__new">{t('parentAnnouncements.new')}</span> : null}
      </Heading>
      <Paragraph className="kc-announcement-card__meta">
        {item.senderName
          ? t('parentAnnouncements.from', { sender: item.senderName, date: dateTime(item.publishedAt) })
          : dateTime(item.publishedAt)}
      </Paragraph>
      {waitsForConfirmation ? (
        <Paragraph className="kc-announcement-card__ask">{t('parentAnnouncements.asksConfirmation')}</Paragraph>
      ) : null}
      <Button
        type="button"
        appearance="secondary-action-button"
        aria-expanded={open}
        aria-controls={textId}
        onClick={toggle}
      >
        {open ? t('parentAnnouncements.close') : t('parentAnnouncements.open')}
      </Button>
      <div id={textId} hidden={!open} className="kc-announcement-card__body">
        {open ? (
          <>
            {i18n.resolvedLanguage !== 'nl' ? (
              <Paragraph className="kc-explain">{t('parentChild.writtenInDutch')}</Paragraph>
            ) : null}
            <div lang="nl" dir="ltr" className="kc-announcement-card__text">
              {item.text.split(/\n{2,}/).map((paragraph, index) => (
                <Paragraph key={index}>{paragraph}</Paragraph>
              ))}
            </div>
            <AttachmentDownloads attachments={item.attachments} />
            {markRead.isError ? <ProblemAlert error={markRead.error} /> : null}
          </>
        ) : null}
      </div>
      {waitsForConfirmation ? (
        <>
          <Button
            type="button"
            appearance="primary-action-button"
            busy={confirm.isPending}
            onClick={() => confirm.mutate(item.id)}
          >
            {t('parentAnnouncements.confirm')}
          </Button>
          {confirm.isError ? <ProblemAlert error={confirm.error} /> : null}
        </>
      ) : null}
      {item.requiresConfirmation && item.confirmed ? (
        <Alert type="ok" className="kc-alert">
          <Paragraph data-testid="announcement-confirmed">
            {item.confirmedAt
              ? t('parentAnnouncements.confirmedAt', { date: dateTime(item.confirmedAt) })
              : t('parentAnnouncements.confirmed')}
          </Paragraph>
        </Alert>
      ) : null}
    </article>
  );
}
