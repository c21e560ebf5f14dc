import { SkipLink } from '@utrecht/component-library-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { RouterLink } from '@/components/ui/router-link';
import '@/features/parent/parent.css';

type ParentLayoutProps = {
  children: ReactNode;
  /** In the header after the name: the notifications and the link to the account. */
  tools?: ReactNode;
  /** Under the header, above the page: "geen verbinding" while offline. */
  banner?: ReactNode;
  /** Above the page, for a screen about one child: the other children, to switch to. */
  switcher?: ReactNode;
  /** The app's main navigation, at the bottom of a phone's screen. */
  nav?: ReactNode;
};

/**
 * The parent app's frame, made for a phone first: a compact header, the page, and the main
 * navigation at the bottom within reach of a thumb. Not the staff AppLayout.
 */
export function ParentLayout({ children, tools, banner, switcher, nav }: ParentLayoutProps) {
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
    <div className="kc-parent">
      <SkipLink href="#main">{t('app.skipLink')}</SkipLink>
      <header className="kc-parent-header">
        <div className="kc-parent-header__inner">
          <RouterLink to="/ouder" className="kc-parent-header__brand">
            {t('app.name')}
          </RouterLink>
          {tools ? <div className="kc-parent-header__tools">{tools}</div> : null}
        </div>
      </header>
      {banner}
      {nav}
      <div className="kc-parent-page">
        {switcher}
        <main id="main" ref={mainRef} tabIndex={-1} className="kc-parent-main">
          {children}
        </main>
      </div>
    </div>
  );
}
