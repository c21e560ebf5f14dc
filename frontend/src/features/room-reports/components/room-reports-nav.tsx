import { NavLink } from 'react-router';
import { useRoomReportsTranslation } from '@/features/room-reports/hooks/use-room-reports-translation';

export const UTILISATION_PATH = '/ruimtes/gebruik';
export const FLOOR_AREA_PATH = '/ruimtes/vierkante-meters';

/** The two reports, side by side; the building chosen (`?gebouw=`) goes along. */
export function RoomReportsNav({ buildingId }: { buildingId?: string }) {
  const { t } = useRoomReportsTranslation();
  const search = buildingId ? `?gebouw=${encodeURIComponent(buildingId)}` : '';
  const links = [
    { to: UTILISATION_PATH, label: t('nav.utilisation') },
    { to: FLOOR_AREA_PATH, label: t('nav.floorArea') },
  ];
  return (
    <nav aria-label={t('nav.label')} className="kc-subnav">
      <ul className="kc-nav__list">
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={`${link.to}${search}`} end className="utrecht-link utrecht-link--html-a kc-nav__link">
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
