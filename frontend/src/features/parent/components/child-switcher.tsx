import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChildBadgeView } from '@/features/parent/components/child-badge';
import type { FamilyChild } from '@/features/parent/hooks/use-family';
import { childPath, type ChildPage } from '@/features/parent/utils/paths';

type ChildSwitcherProps = {
  family: FamilyChild[];
  currentChildId: string;
  /** The sub-page shown now: switching keeps it (consents stay consents, for the other child). */
  page: ChildPage;
};

/**
 * "Kies een kind": every child with its badge and name; the current one is marked in words for
 * screen readers (aria-current) and by a frame and bold text on screen. Shown with two children or more.
 */
export function ChildSwitcher({ family, currentChildId, page }: ChildSwitcherProps) {
  const { t } = useTranslation();
  if (family.length < 2) return null;
  return (
    <nav aria-label={t('parent.switcher.label')} className="kc-child-switcher">
      <ul className="kc-child-switcher__list">
        {family.map((child) => {
          const current = child.id === currentChildId;
          return (
            <li key={child.id}>
              <Link
                to={childPath(child.id, page)}
                aria-current={current ? 'page' : undefined}
                className={`kc-child-switcher__link${current ? ' kc-child-switcher__link--current' : ''}`}
                style={current ? { borderColor: child.colour } : undefined}
                data-testid="child-switch"
              >
                <ChildBadgeView child={child} size="small" decorative />
                <span>{child.givenName}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
