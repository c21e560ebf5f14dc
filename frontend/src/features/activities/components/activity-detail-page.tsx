import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import '@/features/activities/components/activities.css';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useMe } from '@/features/auth/api/get-me';
import { useActivity } from '@/features/activities/api/activities';
import { useOwnChildren } from '@/features/activities/api/children';
import { useSessions } from '@/features/activities/api/sessions';
import { ActivityAdmin } from '@/features/activities/components/activity-admin';
import { ActivityFacts } from '@/features/activities/components/activity-facts';
import { AttendanceSection } from '@/features/activities/components/attendance-section';
import { EnrolmentsSection } from '@/features/activities/components/enrolments-section';
import { GuardianEnrolmentWithQuery } from '@/features/activities/components/guardian-enrolment';
import { SessionsSection } from '@/features/activities/components/sessions-section';
import { isGuardian, runsActivity } from '@/features/activities/utils/roles';
import { defaultSessionId } from '@/features/activities/utils/sessions';
import type { ActivityRead } from '@/features/activities/types';

/**
 * One activity. Everyone who sees it gets its details; a guardian their own children's
 * enrolments; the providing organisation's people (and the centre's administrators) also the
 * attendance list, the sessions and every enrolment with the waiting list, and may change or
 * remove the activity.
 */
export function ActivityDetailPage({ activityId, now }: { activityId: string; now?: Date }) {
  const { t } = useTranslation();
  const me = useMe();
  const activity = useActivity(activityId);

  if (activity.isError) {
    return (
      <>
        <Heading level={1}>{t('activities.detail.title')}</Heading>
        <ProblemAlert error={activity.error} messages={{ 404: t('activities.detail.notFound') }} />
      </>
    );
  }
  if (activity.isPending || me.isPending) return <Loading />;

  const data = activity.data;
  const runs = runsActivity(me.data, data);
  const guardian = isGuardian(me.data);

  return (
    <div className="kc-activities" data-testid="activity-detail">
      <Heading level={1}>{data.title}</Heading>
      <Paragraph className="kc-activity-card__organisation">{data.organisationName}</Paragraph>
      {data.description ? <Paragraph className="kc-pre kc-card__text">{data.description}</Paragraph> : null}
      <ActivityFacts activity={data} full now={now} />
      {runs ? <ActivityAdmin activity={data} /> : null}
      {guardian ? <OwnSection activity={data} now={now} /> : null}
      {runs ? <RunSections activity={data} now={now} /> : null}
    </div>
  );
}

/** A guardian's children at this activity, and "Inschrijven" for the others. */
function OwnSection({ activity, now }: { activity: ActivityRead; now?: Date }) {
  const { t } = useTranslation();
  const headingId = useId();
  const ownChildren = useOwnChildren();
  return (
    <section aria-labelledby={headingId} className="kc-section" data-testid="own-section">
      <Heading level={2} id={headingId}>
        {t('activities.own.sectionTitle')}
      </Heading>
      {ownChildren.isError ? <ProblemAlert error={ownChildren.error} /> : null}
      <GuardianEnrolmentWithQuery activity={activity} ownChildren={ownChildren.isError ? [] : ownChildren.data} now={now} />
    </section>
  );
}

/** For the people who run it; the chosen session's list is kept in the address (`?sessie=`). */
function RunSections({ activity, now }: { activity: ActivityRead; now?: Date }) {
  const { t } = useTranslation();
  const sessions = useSessions(activity.id);
  const [params, setParams] = useSearchParams();
  const asked = params.get('sessie');
  const sessionId = useMemo(() => {
    const list = sessions.data ?? [];
    if (asked && list.some((session) => session.id === asked && !session.cancelled)) return asked;
    return defaultSessionId(list, now);
  }, [sessions.data, asked, now]);

  const choose = useCallback(
    (id: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('sessie', id);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const openAttendance = (id: string) => {
    choose(id);
    const section = document.getElementById('aanwezigheid');
    section?.scrollIntoView?.({ block: 'start' });
    section?.querySelector<HTMLElement>('select')?.focus();
  };

  return (
    <>
      <nav aria-label={t('activities.detail.sectionsNav')} className="kc-subnav kc-activity-jump">
        <ul className="kc-nav__list">
          <li>
            <a className="utrecht-link utrecht-link--html-a kc-nav__link" href="#aanwezigheid">
              {t('activities.attendance.title')}
            </a>
          </li>
          <li>
            <a className="utrecht-link utrecht-link--html-a kc-nav__link" href="#sessies">
              {t('activities.sessions.title')}
            </a>
          </li>
          <li>
            <a className="utrecht-link utrecht-link--html-a kc-nav__link" href="#inschrijvingen">
              {t('activities.enrolments.title')}
            </a>
          </li>
        </ul>
      </nav>
      {sessions.isError ? <ProblemAlert error={sessions.error} /> : null}
      {sessions.isPending ? <Loading /> : null}
      {sessions.data ? (
        <>
          <AttendanceSection activityId={activity.id} sessions={sessions.data} sessionId={sessionId} onChoose={choose} />
          <SessionsSection activity={activity} sessions={sessions.data} onAttendance={openAttendance} now={now} />
        </>
      ) : null}
      <EnrolmentsSection activity={activity} />
    </>
  );
}
