import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '@/components/ui/router-link';
import { todayIsoDate } from '@/lib/format';
import { WrittenInDutch } from '@/features/parent-child/components/staff-text';
import type { CareTeamMember, DailyTeamMember } from '@/features/parent-child/types';
import { childPaths } from '@/features/parent-child/utils/paths';

/** The daily team's order: the contact person first, then school, childcare, activities. */
const KIND_ORDER: DailyTeamMember['kind'][] = ['contact_person', 'school', 'childcare', 'activity'];

/**
 * "Wie zijn er rond mijn kind": the people the child sees every day (contact person, its groups
 * and activities) and, for a guardian with parental authority, the care team. `careTeam`
 * undefined: the server left it out (no parental authority), the caller says why.
 */
export function PeopleAround({
  childId,
  name,
  dailyTeam,
  careTeam,
}: {
  childId: string;
  name: string;
  dailyTeam: DailyTeamMember[];
  careTeam: CareTeamMember[] | undefined;
}) {
  const { t } = useTranslation();
  const daily = useMemo(() => {
    // Two placements in one group (two days, say) are one line.
    const seen = new Set<string>();
    return [...dailyTeam]
      .filter((member) => {
        const key = [member.kind, member.organisationName, member.groupName, member.personName, member.activityName].join('|');
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  }, [dailyTeam]);
  const today = todayIsoDate();
  const current = (careTeam ?? []).filter((member) => !member.untilDate || member.untilDate >= today);

  return (
    <section aria-labelledby="people-heading" className="kc-section" data-testid="people-around">
      <Heading level={2} id="people-heading">
        {t('parentChild.people.title', { name })}
      </Heading>

      <Heading level={3}>{t('parentChild.people.dailyTitle')}</Heading>
      <Paragraph>{t('parentChild.people.dailyIntro', { name })}</Paragraph>
      {daily.length === 0 ? <Paragraph>{t('parentChild.people.dailyEmpty')}</Paragraph> : null}
      {daily.length > 0 ? (
        <ul className="kc-cards kc-people" aria-label={t('parentChild.people.dailyTitle')}>
          {daily.map((member, index) => (
            <li key={`${member.kind}-${index}`} className="kc-card kc-person" data-testid="daily-team-member" data-kind={member.kind}>
              <DailyTeamLine member={member} />
            </li>
          ))}
        </ul>
      ) : null}

      {careTeam ? (
        <>
          <Heading level={3}>{t('parentChild.people.careTitle')}</Heading>
          <Paragraph className="kc-explain" data-testid="care-team-explanation">
            {t('parentChild.people.careExplain')}
          </Paragraph>
          {current.length === 0 ? <Paragraph>{t('parentChild.people.careEmpty', { name })}</Paragraph> : null}
          {current.length > 0 ? (
            <>
              <ul className="kc-cards kc-people" aria-label={t('parentChild.people.careTitle')}>
                {current.map((member) => (
                  <li key={member.id} className="kc-card kc-person" data-testid="care-team-member">
                    <Paragraph className="kc-card__text">
                      <strong>{member.displayName}</strong>
                    </Paragraph>
                    <Paragraph>
                      <span lang="nl" dir="auto">{member.role}</span>
                      {' · '}
                      {member.organisationName}
                    </Paragraph>
                    {member.consentInForce ? null : (
                      <Paragraph className="kc-flag" data-testid="care-team-waits">
                        {t('parentChild.people.waitsForConsent')}{' '}
                        <RouterLink to={childPaths(childId).consents}>{t('parentChild.people.giveConsent')}</RouterLink>
                      </Paragraph>
                    )}
                  </li>
                ))}
              </ul>
              <WrittenInDutch several />
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function DailyTeamLine({ member }: { member: DailyTeamMember }) {
  const { t } = useTranslation();
  const title = member.personName ?? member.activityName ?? member.groupName ?? member.organisationName ?? '';
  const organisation = member.organisationName && member.organisationName !== title ? member.organisationName : null;
  return (
    <>
      <Paragraph className="kc-card__text">
        <strong>{title}</strong>
      </Paragraph>
      <Paragraph>
        {t(`parentChild.people.kinds.${member.kind}`)}
        {member.personName && member.groupName ? ` · ${member.groupName}` : ''}
        {organisation ? ` · ${organisation}` : ''}
      </Paragraph>
    </>
  );
}
