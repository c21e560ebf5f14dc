import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The parts of "Ruimtes": the calendar and the requests that wait for the room's owner. */
export function RoomsNav() {
  const { t } = useTranslation();
  const links = [
    { to: '/ruimtes', label: t('rooms.nav.calendar'), end: true },
    { to: '/ruimtes/aanvragen', label: t('rooms.nav.approvals'), end: false },
  ];
  return (
    <nav aria-label={t('rooms.nav.label')} className="kc-subnav">
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
