import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { RouterLink } from '@/components/ui/router-link';
import { useFormatters } from '@/hooks/use-formatters';
import { useScreenSettled } from '@/hooks/use-screen-settled';
import { useMe } from '@/features/auth/api/get-me';
import { ChildBadge } from '@/features/parent/components/child-badge';
import { isParentOnly } from '@/features/parent/utils/is-parent';
import { childPath, PARENT_HOME } from '@/features/parent/utils/paths';
import {
  flattenNotifications,
  useKeepNewestNotifications,
  useMarkNotificationRead,
  useNotifications,
} from '@/features/support/api/notifications';
import type { NotificationRead } from '@/features/support/types';

const KINDS = [
  'team_member_joined',
  'signal_assigned',
  'consent_needed',
  'status_changed',
  'guardian_note',
  'booking_requested',
  'booking_confirmed',
  'booking_declined',
  'waitlist_moved_up',
  'message_received',
  'announcement_published',
  'talk_slots_published',
  'talk_booked',
  'talk_cancelled',
  'contact_person_changed',
  'handover_received',
] as const;
const isKnownKind = (kind: string): kind is (typeof KINDS)[number] => (KINDS as readonly string[]).includes(kind);

/**
 * Where a notification leads. Staff go to the staff screens; a parent (a guardian without a job
 * at any organisation) to the parent app: a request for consent to the child's Toestemming, a
 * place from the waiting list to the child's Activiteiten, anything else about a child to the
 * child's page (the note, the care team and the support are there).
 */
export function notificationTarget(notification: NotificationRead, { parentApp = false } = {}): string {
  if (parentApp) {
    if (notification.kind === 'message_received') return '/ouder/berichten';
    if (notification.kind === 'announcement_published') return '/ouder/mededelingen';
    if (notification.kind.startsWith('talk_')) return '/ouder/gesprekken';
    if (!notification.childId) return PARENT_HOME;
    if (notification.kind === 'consent_needed') return childPath(notification.childId, 'toestemming');
    if (notification.kind === 'waitlist_moved_up') return childPath(notification.childId, 'activiteiten');
    return childPath(notification.childId);
  }
  if (notification.kind === 'message_received') return '/berichten';
  if (notification.kind === 'announcement_published') return '/mededelingen';
  if (notification.kind.startsWith('talk_')) return '/gesprekken';
  if (notification.kind === 'booking_requested') return '/ruimtes/aanvragen';
  if (notification.kind === 'waitlist_moved_up') return '/activiteiten';
  if (notification.bookingId || !notification.childId) return '/ruimtes';
  if (notification.kind === 'signal_assigned') return '/zorg/signalen';
  if (notification.trajectoryId && notification.kind !== 'consent_needed') {
    return `/zorg/trajecten/${notification.trajectoryId}`;
  }
  return `/children/${notification.childId}`;
}

/**
 * "Meldingen" in the header: the number of unread ones in text (not a coloured dot alone), and a
 * panel with the newest 20 to open and mark read, and "Meer laden" for the 20 before those
 * (the API's `nextCursor`). Notifications never carry care content.
 */
export function NotificationsMenu({ enabled = true }: { enabled?: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const location = useLocation();
  const panelId = useId();
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // After "Meer laden": the first of the older ones gets focus once it is shown.
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  // Asked for once the screen has its own data: on a slow line the screen's requests go first.
  const settled = useScreenSettled();
  const notifications = useNotifications({ enabled: enabled && settled });
  // Parents get the parent app's screens, and each notification the badge of the child it names.
  const me = useMe({ enabled });
  const parentApp = Boolean(me.data && isParentOnly(me.data));
  const markRead = useMarkNotificationRead();
  const keepNewest = useKeepNewestNotifications();
  // The newest page carries the count of all unread ones.
  const unread = notifications.data?.pages[0]?.unreadCount ?? 0;
  const items = flattenNotifications(notifications.data);
  // Our own words per kind, in the reader's language; the server's `text` is the fallback.
  const describe = (item: NotificationRead) =>
    isKnownKind(item.kind) ? t(`notifications.kinds.${item.kind}`, { name: item.childName }) : item.text;

  // A link in the panel was followed: close it.
  useEffect(() => {
    setOpen(false);
  }, [location.pathname]);

  // Escape closes the panel wherever focus is, and gives focus back to the button.
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);

  // Closed: drop the older pages, so the minute's refetch asks for the newest 20 only.
  useEffect(() => {
    if (!open) keepNewest();
  }, [open, keepNewest]);

  useEffect(() => {
    if (focusIndex === null || items.length <= focusIndex) return;
    listRef.current?.querySelectorAll<HTMLElement>('[data-testid="notification-item"] a')[focusIndex]?.focus();
    setFocusIndex(null);
  }, [focusIndex, items.length]);

  const loadMore = () => {
    if (notifications.isFetchingNextPage) return;
    const shown = items.length;
    void notifications.fetchNextPage().then((result) => {
      if (!result.isError) setFocusIndex(shown);
    });
  };

  // Nothing to show when even the first page cannot be loaded; a failed "Meer laden" keeps the rest.
  if (!enabled || (notifications.isError && !notifications.data)) return null;

  return (
    <div className="kc-notifications">
      <Button
        ref={buttonRef}
        type="button"
        appearance="subtle-button"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="notifications-button"
        onClick={() => setOpen((value) => !value)}
      >
        {t('notifications.button')}{' '}
        <span className="kc-notifications__count" data-testid="notifications-count" data-count={unread}>
          {unread > 0 ? t('notifications.unread', { count: unread }) : t('notifications.noneUnread')}
        </span>
      </Button>
      <div id={panelId} hidden={!open} className="kc-notifications__panel" data-testid="notifications-panel">
        {open ? (
          <section aria-labelledby={headingId}>
            <Heading level={2} id={headingId} ref={headingRef} tabIndex={-1} className="kc-notifications__heading">
              {t('notifications.title')}
            </Heading>
            {items.length === 0 ? <Paragraph>{t('notifications.empty')}</Paragraph> : null}
            {items.length > 0 ? (
              <ul ref={listRef} className="kc-plain-list" aria-label={t('notifications.title')}>
                {items.map((item) => (
                  <li
                    key={item.id}
                    className={item.read ? 'kc-notification' : 'kc-notification kc-notification--unread'}
                    data-testid="notification-item"
                    data-read={item.read ? 'true' : 'false'}
                  >
                    {parentApp && item.childId ? (
                      // The text names the child in full; the badge is its colour and initial beside it.
                      <span className="kc-notification__child">
                        <ChildBadge childId={item.childId} size="small" decorative />
                      </span>
                    ) : null}
                    {!item.read ? <strong className="kc-notification__new">{t('notifications.new')} </strong> : null}
                    <RouterLink
                      to={notificationTarget(item, { parentApp })}
                      onClick={() => {
                        if (!item.read) markRead.mutate(item.id);
                      }}
                    >
                      {describe(item)}
                    </RouterLink>
                    <span className="kc-block kc-muted">
                      <time dateTime={item.createdAt}>{format.dateTime(item.createdAt)}</time>
                    </span>
                    {!item.read ? (
                      <ButtonGroup>
                        <Button
                          type="button"
                          appearance="subtle-button"
                          data-testid="notification-mark-read"
                          busy={markRead.isPending && markRead.variables === item.id}
                          aria-label={t('notifications.markReadOf', { text: describe(item) })}
                          onClick={() =>
                            // The button goes once it is read: keep focus in the panel.
                            markRead.mutate(item.id, { onSuccess: () => headingRef.current?.focus() })
                          }
                        >
                          {t('notifications.markRead')}
                        </Button>
                      </ButtonGroup>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {notifications.isFetchNextPageError ? (
              <Alert type="error" className="kc-alert" data-testid="notifications-more-error">
                <Paragraph>{t('notifications.loadMoreFailed')}</Paragraph>
              </Alert>
            ) : null}
            {notifications.hasNextPage ? (
              <ButtonGroup>
                <Button
                  type="button"
                  appearance="secondary-action-button"
                  data-testid="notifications-load-more"
                  busy={notifications.isFetchingNextPage}
                  onClick={loadMore}
                >
                  {t('notifications.loadMore')}
                </Button>
              </ButtonGroup>
            ) : null}
          </section>
        ) : null}
      </div>
    </div>
  );
}
