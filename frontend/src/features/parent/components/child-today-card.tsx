import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DayTimeline } from '@/features/day/components/day-timeline';
import { ChildBadgeView } from '@/features/parent/components/child-badge';
import type { FamilyChild } from '@/features/parent/hooks/use-family';
import type { ParentHomeChild } from '@/features/parent/types';
import { childPath } from '@/features/parent/utils/paths';

/** Says plainly why consents and support are not shown to a guardian without parental authority. */
export function NoAuthorityNotice({ name }: { name: string }) {
  const { t } = useTranslation();
  return (
    <div className="kc-parent-notice" data-testid="no-authority">
      <Paragraph>{t('parent.authority.none', { name })}</Paragraph>
      <Paragraph>{t('parent.authority.noAbsence')}</Paragraph>
      <Paragraph className="kc-explain">{t('parent.explain.authority')}</Paragraph>
    </div>
  );
}

/** One child on the home screen: badge and name, today's day, and where to go next. */
export function ChildTodayCard({ child, member }: { child: ParentHomeChild; member: FamilyChild }) {
  const { t } = useTranslation();
  const headingId = `parent-child-${child.id}`;
  return (
    <article
      aria-labelledby={headingId}
      className="kc-parent-card"
      style={{ borderInlineStartColor: member.colour }}
      data-testid="parent-child-card"
    >
      <Heading level={2} id={headingId} className="kc-child-heading">
        <ChildBadgeView child={member} size="medium" decorative />
        <span>
          {child.givenName} {child.familyName}
        </span>
      </Heading>
      <Heading level={3}>{t('parent.home.today', { name: child.givenName })}</Heading>
      <DayTimeline day={child.day} />
      {child.hasParentalAuthority ? null : <NoAuthorityNotice name={child.givenName} />}
      <ul className="kc-parent-links">
        <li>
          <Link className="utrecht-link utrecht-link--html-a" to={childPath(child.id)}>
            {t('parent.home.childLink', { name: child.givenName })}
          </Link>
        </li>
        {/* Only a guardian with parental authority may report the child absent (the server's rule). */}
        {child.hasParentalAuthority ? (
          <li>
            <Link className="utrecht-link utrecht-link--html-a" to={childPath(child.id, 'afmelden')}>
              {t('parent.home.absenceLink', { name: child.givenName })}
            </Link>
          </li>
        ) : null}
      </ul>
    </article>
  );
}
