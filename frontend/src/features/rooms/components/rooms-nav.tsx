import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useMe } from '@/features/auth/api/get-me';
import { useRoomReportsNavItems } from '@/features/room-reports/hooks/use-room-reports-nav-items';

/** The parts of "Ruimtes": the calendar, the requests that wait for the room's owner, and (for
 * those who read them) the reports. */
export function RoomsNav() {
  const { t } = useTranslation();
  const reports = useRoomReportsNavItems(useMe().data);
  const links = [
    { to: '/ruimtes', label: t('rooms.nav.calendar'), end: true },
    { to: '/ruimtes/aanvragen', label: t('rooms.nav.approvals'), end: false },
    ...reports.map((item) => ({ ...item, end: true })),
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
