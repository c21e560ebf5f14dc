import {
  Button,
  Page,
  PageContent,
  PageFooter,
  PageHeader,
  Paragraph,
  SkipLink,
} from '@utrecht/component-library-react';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { RouterLink } from '@/components/ui/router-link';
import { useFocusHeadingOnNavigate } from '@/hooks/use-focus-heading-on-navigate';
import type { Language } from '@/lib/i18n';

export type LayoutUser = {
  displayName: string;
  roleLabels: string[];
  /** Works at an organisation: the menu offers "Zorg & ondersteuning" and "Ruimtes". */
  showSupport?: boolean;
  /** Reads the room reports (the municipality's analysts see no calendar, only these). */
  showRoomReports?: boolean;
  /** Staff or administrator of a school or childcare: the menu offers "Vandaag" (a group's day). */
  showToday?: boolean;
  /** Administers an organisation or a centre: the menu offers "Koppelingen" (its API clients). */
  showApiClients?: boolean;
  /** The centre's management or the municipality's analyst: the menu offers "Resultaten" (/rapportage). */
  showOutcomes?: boolean;
  /** A centre administrator: the menu offers "Bewaartermijnen" (the retention schedule). */
  showRetention?: boolean;
};

type AppLayoutProps = {
  children: ReactNode;
  /** Absent on the login screen. */
  user?: LayoutUser | null;
  onLogout?: () => void;
  logoutPending?: boolean;
  /** Extra tools in the header next to the language switch (the notifications). */
  tools?: ReactNode;
  /** Beside "Berichten" in the menu: the number of unread messages. */
  messagesBadge?: ReactNode;
  /** The languages the switch offers: Dutch and English unless given (the login page: all six). */
  languages?: readonly Language[];
};

/** Header (name, user, language, logout), main content and footer; the same on every screen. */
export function AppLayout({ children, user, onLogout, logoutPending = false, tools, messagesBadge, languages }: AppLayoutProps) {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  useFocusHeadingOnNavigate(mainRef);

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
            <LanguageSwitch languages={languages} />
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
              {user.showSupport ? (
                <li>
                  <NavLink to="/mededelingen" className="utrecht-link utrecht-link--html-a kc-nav__link">
                    {t('announcements.title')}
                  </NavLink>
                </li>
              ) : null}
              {user.showSupport ? (
                <li>
                  <NavLink to="/gesprekken" className="utrecht-link utrecht-link--html-a kc-nav__link">
                    {t('talks.title')}
                  </NavLink>
                </li>
              ) : null}
              {user.showSupport ? (
                <li>
                  <NavLink to="/berichten" className="utrecht-link utrecht-link--html-a kc-nav__link">
                    {t('messages.title')}
                    {messagesBadge}
                  </NavLink>
                </li>
              ) : null}
              {user.showOutcomes ? (
                <li>
                  <NavLink to="/rapportage" className="utrecht-link utrecht-link--html-a kc-nav__link">
                    {t('outcomes.nav')}
                  </NavLink>
                </li>
              ) : null}
              <li>
                <NavLink to="/activiteiten" className="utrecht-link utrecht-link--html-a kc-nav__link">
                  {t('activities.title')}
                </NavLink>
              </li>
              {user.showApiClients ? (
                <li>
                  <NavLink to="/koppelingen" className="utrecht-link utrecht-link--html-a kc-nav__link">
                    {t('apiClients.title')}
                  </NavLink>
                </li>
              ) : null}
              {user.showRetention ? (
                <li>
                  <NavLink to="/bewaartermijnen" className="utrecht-link utrecht-link--html-a kc-nav__link">
                    {t('retention.nav')}
                  </NavLink>
                </li>
              ) : null}
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
