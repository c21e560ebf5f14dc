import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { childPath, PARENT_ANNOUNCEMENTS, PARENT_HOME, PARENT_TALKS } from '@/features/parent/utils/paths';

type ParentNavProps = {
  /** The child the "Mijn kind" and "Activiteiten" links go to: the one shown now, else the oldest. */
  childId: string | undefined;
  /** Beside "Berichten": the number of unread messages (the messages feature's badge). */
  messagesBadge?: ReactNode;
};

/**
 * The main navigation of the parent app, at the bottom of a phone's screen: the overview, the
 * child, its activities, reporting it absent, the announcements and the talks (the account is in
 * the header).
 */
export function ParentNav({ childId, messagesBadge }: ParentNavProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const className = ({ isActive }: { isActive: boolean }) =>
    `kc-parent-nav__link${isActive ? ' kc-parent-nav__link--active' : ''}`;
  // "Mijn kind" holds every page about the child except activities and absence (their own tabs).
  const onChildPage =
    pathname.startsWith('/ouder/kinderen/') && !/\/(activiteiten|afmelden)$/.test(pathname);
  return (
    <nav aria-label={t('parent.nav.label')} className="kc-parent-nav">
      <ul className="kc-parent-nav__list">
        <li>
          <NavLink to={PARENT_HOME} end className={className}>
            {t('parent.nav.home')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/ouder/berichten" className={className}>
            <span>
              {t('parent.nav.messages')}
              {messagesBadge}
            </span>
          </NavLink>
        </li>
        {childId ? (
          <li>
            <Link
              to={childPath(childId)}
              className={className({ isActive: onChildPage })}
              aria-current={onChildPage ? 'page' : undefined}
            >
              {t('parent.nav.child')}
            </Link>
          </li>
        ) : null}
        {childId ? (
          <li>
            <NavLink to={childPath(childId, 'activiteiten')} className={className}>
              {t('parent.nav.activities')}
            </NavLink>
          </li>
        ) : null}
        {childId ? (
          <li>
            <NavLink to={childPath(childId, 'afmelden')} className={className}>
              {t('parent.nav.absence')}
            </NavLink>
          </li>
        ) : null}
        <li>
          <NavLink to={PARENT_ANNOUNCEMENTS} className={className}>
            {t('parent.nav.announcements')}
          </NavLink>
        </li>
        <li>
          <NavLink to={PARENT_TALKS} className={className}>
            {t('parent.nav.talks')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
