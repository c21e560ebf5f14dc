import {
  Button,
  Page,
  PageContent,
  PageFooter,
  PageHeader,
  Paragraph,
  SkipLink,
} from '@utrecht/component-library-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { RouterLink } from '@/components/ui/router-link';

export type LayoutUser = {
  displayName: string;
  roleLabels: string[];
  /** Works at an organisation: the menu offers "Zorg & ondersteuning" and "Ruimtes". */
  showSupport?: boolean;
  /** Reads the room reports (the municipality's analysts see no calendar, only these). */
  showRoomReports?: boolean;
  /** Staff or administrator of a school or childcare: the menu offers "Vandaag" (a group's day). */
  showToday?: boolean;
};

type AppLayoutProps = {
  children: ReactNode;
  /** Absent on the login screen. */
  user?: LayoutUser | null;
  onLogout?: () => void;
  logoutPending?: boolean;
  /** Extra tools in the header next to the language switch (the notifications). */
  tools?: ReactNode;
};

/** Header (name, user, language, logout), main content and footer; the same on every screen. */
export function AppLayout({ children, user, onLogout, logoutPending = false, tools }: AppLayoutProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(location.pathname);

  // After a client-side navigation, move focus to the new page's heading, as a page load would.
  // The heading may come only once the page's data is in, so wait for it (a few seconds at most).
  useEffect(() => {
    if (previousPath.current === location.pathname) return;
    previousPath.current = location.pathname;
    const main = mainRef.current;
    if (!main) return;
    const focusHeading = () => {
      const heading = main.querySelector<HTMLElement>('h1');
      if (!heading) return false;
      heading.setAttribute('tabindex', '-1');
      heading.focus();
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const timer = window.setTimeout(() => observer.disconnect(), 5000);
    return () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
  }, [location.pathname]);

  return (
    <div className="kc-app">
      <SkipLink href="#main">{t('app.skipLink')}</SkipLink>
      <PageHeader className="kc-header">
        <div className="kc-header__inner">
          <RouterLink to="/children" className="kc-header__brand">
            {t('app.name')}
          </RouterLink>
          <div className="kc-header__tools">
            {user ? (
              <Paragraph className="kc-header__user">
                <span className="kc-visually-hidden">{t('header.userLabel')} </span>
                <strong className="kc-header__name">{user.displayName}</strong>
                {user.roleLabels.length > 0 ? (
                  <span className="kc-header__roles">
                    <span className="kc-visually-hidden">{t('header.rolesLabel')}: </span>
                    {user.roleLabels.join(', ')}
                  </span>
                ) : null}
              </Paragraph>
            ) : null}
            {tools}
            <LanguageSwitch />
            {onLogout ? (
              <Button
                type="button"
                appearance="secondary-action-button"
                onClick={onLogout}
                busy={logoutPending}
                disabled={logoutPending}
              >
                {t('header.logout')}
              </Button>
            ) : null}
          </div>
        </div>
        {user ? (
          <nav aria-label={t('header.mainNav')} className="kc-nav">
            <ul className="kc-nav__list">
              <li>
                <NavLink to="/children" className="utrecht-link utrecht-link--html-a kc-nav__link">
                  {t('header.children')}
                </NavLink>
              </li>
              {user.showToday ? (
                <li>
                  <NavLink to="/vandaag" className="utrecht-link utrecht-link--html-a kc-nav__link">
                    {t('day.title')}
                  </NavLink>
                </li>
              ) : null}
              {user.showSupport ? (
                <li>
                  <NavLink to="/zorg" className="utrecht-link utrecht-link--html-a kc-nav__link">
                    {t('header.support')}
                  </NavLink>
                </li>
              ) : null}
              {user.showSupport ? (
                <li>
                  <NavLink to="/ruimtes" className="utrecht-link utrecht-link--html-a kc-nav__link">
                    {t('rooms.title')}
                  </NavLink>
                </li>
              ) : null}
              {user.showRoomReports && !user.showSupport ? (
                <li>
                  <NavLink to="/ruimtes/gebruik" className="utrecht-link utrecht-link--html-a kc-nav__link">
                    {t('rooms.title')}
                  </NavLink>
                </li>
              ) : null}
              <li>
                <NavLink to="/activiteiten" className="utrecht-link utrecht-link--html-a kc-nav__link">
                  {t('activities.title')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/security" className="utrecht-link utrecht-link--html-a kc-nav__link">
                  {t('header.security')}
                </NavLink>
              </li>
            </ul>
          </nav>
        ) : null}
      </PageHeader>
      <Page className="kc-page">
        <PageContent>
          <main id="main" ref={mainRef} tabIndex={-1} className="kc-main">
            {children}
          </main>
        </PageContent>
      </Page>
      <PageFooter className="kc-footer">
        <div className="kc-footer__inner">
          <Paragraph>{t('app.footer')}</Paragraph>
        </div>
      </PageFooter>
    </div>
  );
}
