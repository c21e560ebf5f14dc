import { useTranslation } from 'react-i18next';
import { useUnreadCount } from '@/features/messages/api/unread-count';
import { useScreenSettled } from '@/hooks/use-screen-settled';
import '@/features/messages/unread-badge.css';

/**
 * The number of unread messages next to "Berichten" in a navigation: in text, with the word for
 * screen readers (not a coloured dot alone); nothing when none are unread. Asked for once the
 * screen has its own data.
 */
export function UnreadBadge({ enabled = true }: { enabled?: boolean }) {
  const { t } = useTranslation();
  const settled = useScreenSettled();
  const unread = useUnreadCount({ enabled: enabled && settled });
  const count = unread.data ?? 0;
  if (count <= 0) return null;
  return (
    <span className="kc-nav-count" data-testid="messages-unread">
      <span aria-hidden="true">{count}</span>
      <span className="kc-visually-hidden">{t('messages.nav.unread', { count })}</span>
    </span>
  );
}
