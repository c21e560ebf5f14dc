import { Heading } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { DayTimeline } from '@/features/day/components/day-timeline';
import { useFamily } from '@/features/parent/hooks/use-family';
import { useChildScreen } from '@/features/parent-child/api/get-child-screen';
import { ChildLinks } from '@/features/parent-child/components/child-links';
import { ChildScreen, useChildName } from '@/features/parent-child/components/child-screen';
import { ChildSupportSummary } from '@/features/parent-child/components/child-support-summary';
import { EnrolmentsSummary } from '@/features/parent-child/components/enrolments-summary';
import { NoAuthorityNote } from '@/features/parent-child/components/no-authority-note';
import { PeopleAround } from '@/features/parent-child/components/people-around';

/**
 * Mijn kind: today, who is around the child, its support and activities, and the ways to
 * consent, the access log, absence, activities and the data export, all from one request.
 * The care parts (care team, plan, trajectories) come only for a guardian with parental
 * authority; without them the screen says why instead of showing empty sections.
 */
export function ChildOverview({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const screen = useChildScreen(childId, 'overview');
  const family = useFamily();
  const child = screen.data;
  const embedded = child?.embedded ?? {};
  const name = useChildName(childId, child?.givenName);
  // The server decides: care parts absent means this guardian may not see them. Not the
  // trajectories: without parental authority they come as an empty list (none visible), which
  // would read as "no extra help"; the care team and the plan are left out.
  const careShown = Boolean(embedded.careTeam || embedded.plan);
  const hasAuthority = family.child(childId)?.hasParentalAuthority ?? careShown;

  return (
    <ChildScreen
      childId={childId}
      back="home"
      heading={name || t('parentChild.title')}
      query={{ ...screen, hasData: Boolean(child) }}
    >
      {embedded.day ? (
        <section aria-labelledby="today-heading" className="kc-section">
          <Heading level={2} id="today-heading">
            {t('parentChild.today')}
          </Heading>
          <DayTimeline day={embedded.day} />
        </section>
      ) : null}
      {careShown ? null : <NoAuthorityNote name={name} what="care" />}
      <PeopleAround
        childId={childId}
        name={name}
        dailyTeam={embedded.dailyTeam ?? []}
        careTeam={embedded.careTeam ?? undefined}
      />
      {careShown ? (
        <ChildSupportSummary
          childId={childId}
          name={name}
          trajectories={embedded.trajectories ?? []}
          plan={embedded.plan}
        />
      ) : null}
      <EnrolmentsSummary childId={childId} name={name} enrolments={embedded.enrolments ?? []} />
      <ChildLinks childId={childId} name={name} hasAuthority={hasAuthority && careShown} />
    </ChildScreen>
  );
}
