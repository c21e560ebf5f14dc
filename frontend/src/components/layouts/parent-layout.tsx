import { SkipLink } from '@utrecht/component-library-react';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '@/components/ui/router-link';
import { useFocusHeadingOnNavigate } from '@/hooks/use-focus-heading-on-navigate';
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
  const mainRef = useRef<HTMLElement>(null);
  useFocusHeadingOnNavigate(mainRef);

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
