import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import {
  childPath,
  PARENT_ACCOUNT,
  PARENT_ANNOUNCEMENTS,
  PARENT_HOME,
  PARENT_TALKS,
} from '@/features/parent/utils/paths';

type ParentNavProps = {
  /** The child the "Mijn kind", "Activiteiten" and "Ziek melden" links go to: the one shown now, else the oldest. */
  childId: string | undefined;
  /** Beside "Berichten": the number of unread messages (the messages feature's badge). */
  messagesBadge?: ReactNode;
};

const linkClass = ({ isActive }: { isActive: boolean }) =>
  `kc-parent-nav__link${isActive ? ' kc-parent-nav__link--active' : ''}`;

const moreLinkClass = ({ isActive }: { isActive: boolean }) =>
  `kc-parent-nav__more-link${isActive ? ' kc-parent-nav__more-link--active' : ''}`;

/** The pages behind "Meer": the child's activities and absence, the talks and the account. */
function inMore(pathname: string): boolean {
  return (
    /^\/ouder\/kinderen\/[^/]+\/(activiteiten|afmelden)$/.test(pathname) ||
    pathname === PARENT_TALKS ||
    pathname.startsWith(`${PARENT_TALKS}/`) ||
    pathname === PARENT_ACCOUNT
  );
}

/**
 * The main navigation of the parent app, at the bottom of a phone's screen: one row of at most
 * five, so it fits a 360 px phone. The four used most (the overview, the messages, the child,
 * the announcements) and "Meer", a disclosure with the child's activities, reporting it absent,
 * the talks and the account. "Meer" is a button with `aria-expanded`: opening it moves focus to
 * its first link, Escape closes it and gives focus back to the button, and it closes when focus
 * or a click goes elsewhere or a link in it is followed.
 */
export function ParentNav({ childId, messagesBadge }: ParentNavProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  // Focus goes into the panel only when it was opened with the button, not on every render.
  const [focusFirst, setFocusFirst] = useState(false);
  const moreRef = useRef<HTMLLIElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLUListElement>(null);
  // "Mijn kind" holds every page about the child except activities and absence (under "Meer").
  const onChildPage = pathname.startsWith('/ouder/kinderen/') && !inMore(pathname);
  const moreActive = inMore(pathname);

  // A link in the panel was followed (or the page changed otherwise): close it.
  useEffect(() => {
    setOpen(false);
  }, [pathname]);

  useEffect(() => {
    if (!open || !focusFirst) return;
    panelRef.current?.querySelector<HTMLElement>('a')?.focus();
    setFocusFirst(false);
  }, [open, focusFirst]);

  // A click or tap outside "Meer" closes the panel (focus stays where the click put it).
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!moreRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function onKeyDown(event: KeyboardEvent<HTMLLIElement>) {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    setOpen(false);
    buttonRef.current?.focus();
  }

  return (
    <nav aria-label={t('parent.nav.label')} className="kc-parent-nav">
      <ul className="kc-parent-nav__list">
        <li>
          <NavLink to={PARENT_HOME} end className={linkClass}>
            {t('parent.nav.home')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/ouder/berichten" className={linkClass}>
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
              className={linkClass({ isActive: onChildPage })}
              aria-current={onChildPage ? 'page' : undefined}
            >
              {t('parent.nav.child')}
            </Link>
          </li>
        ) : null}
        <li>
          <NavLink to={PARENT_ANNOUNCEMENTS} className={linkClass}>
            {t('parent.nav.announcements')}
          </NavLink>
        </li>
        <li
          ref={moreRef}
          className="kc-parent-nav__more"
          onKeyDown={onKeyDown}
          onBlur={(event) => {
            // Tabbing out of "Meer" closes it (a click elsewhere is handled above).
            const next = event.relatedTarget as Node | null;
            if (open && next && !event.currentTarget.contains(next)) setOpen(false);
          }}
        >
          <button
            ref={buttonRef}
            type="button"
            className={`kc-parent-nav__link kc-parent-nav__more-button${moreActive ? ' kc-parent-nav__link--active' : ''}`}
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => {
              setOpen(!open);
              setFocusFirst(!open);
            }}
          >
            {t('parent.nav.more')}
          </button>
          <ul
            id={panelId}
            ref={panelRef}
            className="kc-parent-nav__panel"
            hidden={!open}
            // Following a link closes the panel, also the link to the page already shown.
            onClick={(event) => {
              if ((event.target as Element).closest('a')) setOpen(false);
            }}
          >
            {childId ? (
              <li>
                <NavLink to={childPath(childId, 'activiteiten')} className={moreLinkClass}>
                  {t('parent.nav.activities')}
                </NavLink>
              </li>
            ) : null}
            {childId ? (
              <li>
                <NavLink to={childPath(childId, 'afmelden')} className={moreLinkClass}>
                  {t('parent.nav.absence')}
                </NavLink>
              </li>
            ) : null}
            <li>
              <NavLink to={PARENT_TALKS} className={moreLinkClass}>
                {t('parent.nav.talks')}
              </NavLink>
            </li>
            <li>
              <NavLink to={PARENT_ACCOUNT} end className={moreLinkClass}>
                {t('parent.nav.account')}
              </NavLink>
            </li>
          </ul>
        </li>
      </ul>
    </nav>
  );
}
