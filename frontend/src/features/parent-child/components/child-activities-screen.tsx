import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { calculateAge } from '@/lib/format';
import { useActivities } from '@/features/activities/api/activities';
import { useEnrol } from '@/features/activities/api/enrolments';
import { ActivityFacts } from '@/features/activities/components/activity-facts';
import { AskTwice } from '@/features/activities/components/ask-twice';
import { CancelEnrolment } from '@/features/activities/components/cancel-enrolment';
import { EnrolmentStatus, useEnrolmentStatus } from '@/features/activities/components/enrolment-status';
import { useActivityTexts } from '@/features/activities/hooks/use-activity-texts';
import type { ActivityRead, EnrolmentRead } from '@/features/activities/types';
import { ageRangeText } from '@/features/activities/utils/format';
import { refusalOf } from '@/features/activities/utils/enrolment-problems';
import { NO_FILTERS } from '@/features/activities/utils/filters';
import { todayInZone } from '@/features/rooms/utils/time';
import { useFamily } from '@/features/parent/hooks/use-family';
import { ChildScreen, useChildName } from '@/features/parent-child/components/child-screen';
import { NoAuthorityNote } from '@/features/parent-child/components/no-authority-note';
import { WrittenInDutch } from '@/features/parent-child/components/staff-text';
import '@/features/activities/components/activities.css';

/** Whether the child's age fits the activity's ages (no limits: it fits). */
function fitsAge(activity: ActivityRead, age: number | null): boolean {
  if (age === null) return true;
  return (activity.minAge === null || age >= activity.minAge) && (activity.maxAge === null || age <= activity.maxAge);
}

/**
 * Activiteiten for one child: what the child takes part in or waits for ("Uitschrijven"), then
 * the other activities for its age ("Inschrijven"). One request: the catalogue with the
 * family's enrolments in it (GET /activities?expand=myEnrolments), shared with /activiteiten.
 */
export function ChildActivitiesScreen({ childId, now }: { childId: string; now?: Date }) {
  const { t } = useTranslation();
  const family = useFamily();
  const activities = useActivities(NO_FILTERS, { myEnrolments: true });
  const name = useChildName(childId);
  const homeChild = family.home.data?.children.find((child) => child.id === childId);
  const age = homeChild ? calculateAge(homeChild.dateOfBirth, now).years : null;
  const hasAuthority = family.child(childId)?.hasParentalAuthority ?? true;
  const fullName = homeChild ? `${homeChild.givenName} ${homeChild.familyName}` : name;
  const status = useEnrolmentStatus();
  const queryClient = useQueryClient();

  const { taking, open } = useMemo(() => {
    const taking: { activity: ActivityRead; enrolment: EnrolmentRead }[] = [];
    const open: ActivityRead[] = [];
    for (const activity of activities.data ?? []) {
      const enrolment = (activity.myEnrolments ?? []).find(
        (item) => item.childId === childId && item.status !== 'cancelled',
      );
      if (enrolment) taking.push({ activity, enrolment });
      else if (fitsAge(activity, age)) open.push(activity);
    }
    return { taking, open };
  }, [activities.data, childId, age]);

  // Mijn kind lists the child's enrolments: ask for them again when it opens.
  const refreshChild = () => void queryClient.invalidateQueries({ queryKey: ['children', childId, 'detail'] });

  return (
    <ChildScreen
      childId={childId}
      heading={name ? t('parentChild.activities.title', { name }) : t('parentChild.activitiesTitle')}
      query={{
        isPending: activities.isPending,
        isError: activities.isError,
        error: activities.error,
        dataUpdatedAt: activities.dataUpdatedAt,
        hasData: Boolean(activities.data),
      }}
    >
      <EnrolmentStatus status={status} testId="activities-status" />
      <WrittenInDutch several />
      {!hasAuthority ? <NoAuthorityNote name={name} what="enrol" /> : null}

      <section aria-labelledby="child-taking-heading" className="kc-section" data-testid="child-taking">
        <Heading level={2} id="child-taking-heading">
          {t('parentChild.activities.takingTitle', { name })}
        </Heading>
        {taking.length === 0 ? <Paragraph>{t('parentChild.activities.takingEmpty', { name })}</Paragraph> : null}
        {taking.length > 0 ? (
          <ul className="kc-cards">
            {taking.map(({ activity, enrolment }) => (
              <li key={activity.id} className="kc-card kc-child-activity" data-testid="child-activity" data-activity-id={activity.id}>
                <ActivityHead activity={activity} />
                <Paragraph data-testid="child-enrolment-status">
                  <strong>
                    {enrolment.status === 'waitlisted'
                      ? t('parentChild.activities.waitlisted', { name, position: enrolment.position ?? '' })
                      : t('parentChild.activities.enrolled', { name })}
                  </strong>
                </Paragraph>
                <ActivityFacts activity={activity} now={now} />
                {hasAuthority ? (
                  <CancelEnrolment
                    activity={activity}
                    enrolment={enrolment}
                    onCancelled={() => {
                      status.cancelled(fullName, activity.title);
                      refreshChild();
                    }}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="child-open-heading" className="kc-section" data-testid="child-open">
        <Heading level={2} id="child-open-heading">
          {t('parentChild.activities.openTitle', { name })}
        </Heading>
        {age !== null ? <Paragraph>{t('parentChild.activities.openIntro', { name, count: age })}</Paragraph> : null}
        {open.length === 0 ? <Paragraph>{t('parentChild.activities.openEmpty', { name })}</Paragraph> : null}
        {open.length > 0 ? (
          <ul className="kc-cards">
            {open.map((activity) => (
              <li key={activity.id} className="kc-card kc-child-activity" data-testid="open-activity" data-activity-id={activity.id}>
                <ActivityHead activity={activity} />
                <ActivityFacts activity={activity} now={now} />
                {hasAuthority ? (
                  <EnrolChild
                    activity={activity}
                    childId={childId}
                    name={fullName}
                    now={now}
                    onEnrolled={(enrolment) => {
                      status.enrolled(enrolment, fullName, activity.title);
                      refreshChild();
                    }}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </ChildScreen>
  );
}

function ActivityHead({ activity }: { activity: ActivityRead }) {
  return (
    <>
      <Heading level={3} className="kc-activity-card__title">
        <span lang="nl" dir="auto">{activity.title}</span>
      </Heading>
      <Paragraph className="kc-activity-card__organisation">{activity.organisationName}</Paragraph>
      {activity.description ? (
        <Paragraph lang="nl" dir="auto" className="kc-child-activity__description">
          {activity.description}
        </Paragraph>
      ) : null}
    </>
  );
}

/**
 * "Inschrijven" for this one child, asked twice ("{{name}} inschrijven voor Voetbal?"): the
 * server enrols it, or puts it on the waiting list when full. A refusal is said in plain words.
 */
function EnrolChild({
  activity,
  childId,
  name,
  now,
  onEnrolled,
}: {
  activity: ActivityRead;
  childId: string;
  name: string;
  now?: Date;
  onEnrolled: (enrolment: EnrolmentRead) => void;
}) {
  const { t } = useTranslation();
  const texts = useActivityTexts();
  const enrol = useEnrol(activity.id, { onSuccess: onEnrolled });
  const refusal = refusalOf(enrol.error);

  if (!activity.enrolmentOpen) {
    return <Paragraph data-testid="enrolment-closed">{texts.enrolment(activity, todayInZone(now))}</Paragraph>;
  }
  return (
    <div className="kc-activity-enrol">
      {enrol.isError ? (
        refusal ? (
          <Alert type="error" className="kc-alert" data-testid="enrol-problem">
            <Paragraph>
              {t(`activities.enrol.refused.${refusal}`, { child: name, activity: activity.title, ages: ageRangeText(t, activity) })}
            </Paragraph>
          </Alert>
        ) : (
          <ProblemAlert error={enrol.error} />
        )
      ) : null}
      <AskTwice
        question={t('parentChild.activities.enrolQuestion', { name, activity: activity.title })}
        warning={activity.placesLeft === 0 ? <Paragraph>{t('activities.enrol.fullWarning')}</Paragraph> : null}
        confirmLabel={t('parentChild.activities.enrolConfirm')}
        keepLabel={t('parentChild.activities.enrolKeep')}
        startLabel={t('activities.enrol.start')}
        startFor={t('activities.enrol.startFor', { activity: activity.title })}
        startAppearance="primary-action-button"
        busy={enrol.isPending}
        onConfirm={() => enrol.mutate(childId)}
        onReset={() => enrol.reset()}
        testId="enrol-confirm"
        startTestId="enrol-start"
      />
    </div>
  );
}
