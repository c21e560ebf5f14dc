import {
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useFormatters } from '@/hooks/use-formatters';
import { AttachmentDownloads } from '@/features/attachments/components/attachment-downloads';
import { useRecipients } from '@/features/announcements/api/list-recipients';
import type { Announcement } from '@/features/announcements/types';

/**
 * The announcements one sent, newest first, each with its files to download and how many
 * families read and confirmed it.
 */
export function SentAnnouncements({ items }: { items: Announcement[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Paragraph>{t('announcements.sent.none')}</Paragraph>;
  return (
    <ul className="kc-announcement-list" data-testid="sent-announcements">
      {items.map((item) => (
        <li key={item.id} className="kc-announcement-card" data-testid="sent-announcement">
          <SentAnnouncement item={item} />
        </li>
      ))}
    </ul>
  );
}

function SentAnnouncement({ item }: { item: Announcement }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const [open, setOpen] = useState(false);
  const counts = item.counts;
  const audience = item.audience === 'centre' ? t('announcements.audienceCentre') : (item.groupName ?? '');
  const headingId = `sent-${item.id}`;
  return (
    <article aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {item.title}
      </Heading>
      <Paragraph className="kc-announcement-card__meta">
        {t('announcements.sent.meta', { audience, date: dateTime(item.publishedAt) })}
      </Paragraph>
      <AttachmentDownloads attachments={item.attachments} />
      {counts ? (
        <Paragraph data-testid="announcement-counts">
          {t('announcements.sent.read', { read: counts.read, count: counts.recipients })}
          {item.requiresConfirmation
            ? ` ${t('announcements.sent.confirmed', { confirmed: counts.confirmed, count: counts.recipients })}`
            : ''}
        </Paragraph>
      ) : null}
      <Button
        type="button"
        appearance="secondary-action-button"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
      >
        {open ? t('announcements.sent.hideRecipients') : t('announcements.sent.showRecipients')}
      </Button>
      {open ? <Recipients announcement={item} /> : null}
    </article>
  );
}

/** Who received it (per family, with the children), and when they read and confirmed it. */
function Recipients({ announcement }: { announcement: Announcement }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const recipients = useRecipients(announcement.id, true);
  if (recipients.isPending) return <Loading />;
  if (recipients.isError) return <ProblemAlert error={recipients.error} />;
  if (recipients.data.length === 0) return <Paragraph>{t('announcements.recipients.none')}</Paragraph>;
  return (
    <div className="kc-table-scroll">
      <Table data-testid="announcement-recipients">
        <TableCaption>{t('announcements.recipients.caption', { title: announcement.title })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('announcements.recipients.family')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('announcements.recipients.children')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('announcements.recipients.read')}</TableHeaderCell>
            {announcement.requiresConfirmation ? (
              <TableHeaderCell scope="col">{t('announcements.recipients.confirmed')}</TableHeaderCell>
            ) : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {recipients.data.map((row) => (
            <TableRow key={row.userId}>
              <TableCell>{row.displayName}</TableCell>
              <TableCell>{row.children.map((child) => child.givenName).join(', ')}</TableCell>
              <TableCell>{row.readAt ? dateTime(row.readAt) : t('announcements.recipients.notYet')}</TableCell>
              {announcement.requiresConfirmation ? (
                <TableCell>
                  {row.confirmedAt ? dateTime(row.confirmedAt) : t('announcements.recipients.notYet')}
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
