import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useMe } from '@/features/auth/api/get-me';
import { isCentreAdmin } from '@/features/support/utils/roles';

/**
 * The parts of "Zorg & ondersteuning" for professionals: the board, the signals, the week
 * agenda; for centre administrators also the waiting-time norms and the care coordinators.
 */
export function SupportNav() {
  const { t } = useTranslation();
  const me = useMe();
  const links = [
    { to: '/zorg', label: t('support.nav.board'), end: true },
    { to: '/zorg/signalen', label: t('support.nav.signals'), end: false },
    { to: '/zorg/agenda', label: t('support.nav.agenda'), end: false },
    ...(isCentreAdmin(me.data)
      ? [
          { to: '/zorg/normen', label: t('support.nav.norms'), end: false },
          { to: '/zorg/intern-begeleiders', label: t('support.nav.careCoordinators'), end: false },
        ]
      : []),
  ];
  return (
    <nav aria-label={t('support.nav.label')} className="kc-subnav">
      <ul className="kc-nav__list">
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end} className="utrecht-link utrecht-link--html-a kc-nav__link">
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
