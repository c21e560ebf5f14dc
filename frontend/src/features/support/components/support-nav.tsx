import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The parts of "Zorg & ondersteuning" for professionals: the board, the signals, the week agenda. */
export function SupportNav() {
  const { t } = useTranslation();
  const links = [
    { to: '/zorg', label: t('support.nav.board'), end: true },
    { to: '/zorg/signalen', label: t('support.nav.signals'), end: false },
    { to: '/zorg/agenda', label: t('support.nav.agenda'), end: false },
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
