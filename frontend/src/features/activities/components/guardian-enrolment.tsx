import { Paragraph } from '@utrecht/component-library-react';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import type { ChildRead } from '@/features/children/api/get-children';
import { todayInZone } from '@/features/rooms/utils/time';
import { useEnrolments } from '@/features/activities/api/enrolments';
import { CancelEnrolment } from '@/features/activities/components/cancel-enrolment';
import { EnrolForm } from '@/features/activities/components/enrol-form';
import { EnrolmentStatus, useEnrolmentStatus } from '@/features/activities/components/enrolment-status';
import { useActivityTexts } from '@/features/activities/hooks/use-activity-texts';
import type { ActivityRead, EnrolmentRead } from '@/features/activities/types';

/**
 * A guardian at one activity, on its own page: asks for the activity's enrolments (the guardian's
 * own). The catalogue has them in its one request and uses {@link GuardianEnrolment} directly.
 */
export function GuardianEnrolmentWithQuery({
  activity,
  ownChildren,
  now,
}: {
  activity: ActivityRead;
  now?: Date;
  ownChildren: ChildRead[] | undefined;
}) {
  const enrolments = useEnrolments(activity.id);
  return (
    <GuardianEnrolment
      activity={activity}
      ownChildren={ownChildren}
      enrolments={enrolments.data}
      enrolmentsError={enrolments.isError ? enrolments.error : null}
      now={now}
    />
  );
}

/**
 * A guardian at one activity: their children on its list (with "Uitschrijven"), and
 * "Inschrijven" for the others. What just happened is said in the status line above.
 */
export function GuardianEnrolment({
  activity,
  ownChildren,
  enrolments,
  enrolmentsError = null,
  now,
}: {
  activity: ActivityRead;
  now?: Date;
  /** The guardian's children (GET /children); undefined while they load, empty when that failed. */
  ownChildren: ChildRead[] | undefined;
  /** The guardian's children's enrolments here (the catalogue's `myEnrolments`); undefined while they load. */
  enrolments: EnrolmentRead[] | undefined;
  /** Why the enrolments could not be read, if they could not. */
  enrolmentsError?: unknown;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const texts = useActivityTexts();
  const failed = enrolmentsError !== null && enrolmentsError !== undefined;
  const status = useEnrolmentStatus();

  const ownIds = useMemo(() => new Set((ownChildren ?? []).map((child) => child.id)), [ownChildren]);
  // Someone who is also on the activity's staff gets every child from the server: show only their own.
  const mine = useMemo(
    () =>
      (enrolments ?? []).filter(
        (enrolment) => enrolment.status !== 'cancelled' && (ownIds.size === 0 || ownIds.has(enrolment.childId)),
      ),
    [enrolments, ownIds],
  );
  const inCentre = useMemo(
    () => (ownChildren ?? []).filter((child) => child.centreId === activity.centreId),
    [ownChildren, activity.centreId],
  );
  const eligible = useMemo(() => {
    const listed = new Set(mine.map((enrolment) => enrolment.childId));
    return inCentre.filter((child) => !listed.has(child.id));
  }, [inCentre, mine]);

  const onEnrolled = (enrolment: EnrolmentRead) => status.enrolled(enrolment, enrolment.childName, activity.title);
  const onCancelled = (enrolment: EnrolmentRead) => status.cancelled(enrolment.childName, activity.title);

  const loading = (enrolments === undefined && !failed) || ownChildren === undefined;

  return (
    <div className="kc-activity-enrolment" data-testid="guardian-enrolment">
      <EnrolmentStatus status={status} testId="enrolment-message" />
      {failed ? <ProblemAlert error={enrolmentsError} /> : null}
      {mine.length > 0 ? (
        <>
          <Paragraph id={listId} className="kc-activity-own__title">
            {t('activities.own.title')}
          </Paragraph>
          <ul className="kc-plain-list kc-activity-own" aria-labelledby={listId} data-testid="own-enrolments">
            {mine.map((enrolment) => (
              <li key={enrolment.id} className="kc-activity-own__item" data-testid="own-enrolment">
                <Paragraph className="kc-card__text">
                  <strong>{enrolment.childName}</strong>
                  {': '}
                  {enrolment.status === 'waitlisted'
                    ? t('activities.own.waitlisted', { position: enrolment.position ?? '' })
                    : t('activities.own.enrolled')}
                </Paragraph>
                <CancelEnrolment activity={activity} enrolment={enrolment} onCancelled={onCancelled} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {loading ? <Loading /> : null}
      {!loading && !activity.enrolmentOpen && eligible.length > 0 ? (
        <Paragraph data-testid="enrolment-closed">{texts.enrolment(activity, todayInZone(now))}</Paragraph>
      ) : null}
      {!loading && activity.enrolmentOpen && eligible.length > 0 ? (
        <EnrolForm activity={activity} eligible={eligible} onEnrolled={onEnrolled} />
      ) : null}
    </div>
  );
}
