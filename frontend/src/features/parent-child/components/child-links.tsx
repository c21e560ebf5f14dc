import { Heading } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '@/components/ui/router-link';
import { childPaths } from '@/features/parent-child/utils/paths';

type LinkKey = 'consents' | 'accessLog' | 'absence' | 'supportRequest' | 'activities' | 'myData';

/**
 * The ways from Mijn kind to the rest, each with a line saying what it is. Consent, the access
 * log, reporting absence and asking for help are for a guardian with parental authority:
 * without it they are left out (the screen says why above).
 */
export function ChildLinks({ childId, name, hasAuthority }: { childId: string; name: string; hasAuthority: boolean }) {
  const { t } = useTranslation();
  const paths = childPaths(childId);
  const keys: LinkKey[] = [
    ...(hasAuthority ? (['consents', 'accessLog', 'absence', 'supportRequest'] as const) : []),
    'activities',
    'myData',
  ];
  // Asking for help names the child in the link itself ("Hulp vragen voor Noor").
  const label = (key: LinkKey) =>
    key === 'supportRequest' ? t('parentChild.supportRequest.link', { name }) : t(`parentChild.links.${key}`);
  const hint = (key: LinkKey) =>
    key === 'supportRequest' ? t('parentChild.supportRequest.linkHint', { name }) : t(`parentChild.links.${key}Hint`, { name });
  const links = keys.map((key) => ({ key, to: paths[key] }));
  return (
    <nav aria-labelledby="child-links-heading" className="kc-section kc-child-links">
      <Heading level={2} id="child-links-heading">
        {t('parentChild.links.title', { name })}
      </Heading>
      <ul className="kc-plain-list kc-child-links__list">
        {links.map((link) => (
          <li key={link.key} className="kc-child-links__item">
            <RouterLink to={link.to} className="kc-child-links__link" aria-describedby={`child-link-${link.key}`}>
              {label(link.key)}
            </RouterLink>
            <span id={`child-link-${link.key}`} className="kc-muted kc-child-links__hint">
              {hint(link.key)}
            </span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
