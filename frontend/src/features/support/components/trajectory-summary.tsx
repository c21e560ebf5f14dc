import {
  Alert,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  OrderedList,
  OrderedListItem,
  Paragraph,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '@/components/ui/router-link';
import { useFormatters } from '@/hooks/use-formatters';
import { WaitingTime } from '@/features/support/components/waiting-time';
import type { TrajectoryDetail } from '@/features/support/types';

type TrajectorySummaryProps = {
  trajectory: TrajectoryDetail;
  /** A guardian reads the consent notice as a question to them. */
  forGuardian: boolean;
};

/** What, who, where, the status with its dates, and the waiting time against the norm. */
export function TrajectorySummary({ trajectory, forGuardian }: TrajectorySummaryProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const type = t(`consents.trajectoryTypes.${trajectory.type}`);
  const dateOrDash = (value: string | null) =>
    value ? <time dateTime={value}>{format.date(value)}</time> : t('support.summary.notYet');
  const transitions = trajectory.embedded?.transitions ?? [];

  return (
    <section aria-labelledby="trajectory-summary-heading" className="kc-section" data-testid="trajectory-summary">
      <Heading level={2} id="trajectory-summary-heading">
        {t('support.summary.title')}
      </Heading>
      {trajectory.consentNeeded ? (
        <Alert type="warning" role="note" className="kc-alert" data-testid="trajectory-consent-needed">
          <Paragraph>
            <strong>{t('support.consent.title')}</strong>
          </Paragraph>
          {forGuardian ? (
            <>
              <Paragraph>
                {t('support.consent.guardian', { organisation: trajectory.organisationName, type })}
              </Paragraph>
              <Paragraph>
                {t('support.consent.guardianHow', { organisation: trajectory.organisationName, type })}{' '}
                <RouterLink to={`/children/${trajectory.childId}`}>
                  {t('support.consent.guardianLink', { name: trajectory.childName })}
                </RouterLink>
              </Paragraph>
            </>
          ) : (
            <Paragraph>
              {t('support.consent.team', { organisation: trajectory.organisationName, type })}
            </Paragraph>
          )}
        </Alert>
      ) : null}
      <DataList className="kc-data-list">
        <DataListItem>
          <DataListKey>{t('support.summary.status')}</DataListKey>
          <DataListValue>
            <strong data-testid="trajectory-status" data-status={trajectory.status}>
              {t(`support.statuses.${trajectory.status}`)}
            </strong>
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('support.summary.type')}</DataListKey>
          <DataListValue>{type}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('support.summary.organisation')}</DataListKey>
          <DataListValue>{trajectory.organisationName}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('support.summary.coordinator')}</DataListKey>
          <DataListValue>{trajectory.coordinatorName ?? t('support.summary.noCoordinator')}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('support.summary.location')}</DataListKey>
          <DataListValue>{t(`support.locations.${trajectory.location}`)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('support.summary.reason')}</DataListKey>
          <DataListValue>{trajectory.reason}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('support.summary.requestedAt')}</DataListKey>
          <DataListValue>{dateOrDash(trajectory.requestedAt)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('support.summary.intakeAt')}</DataListKey>
          <DataListValue>{dateOrDash(trajectory.intakeAt)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('support.summary.startedAt')}</DataListKey>
          <DataListValue>{dateOrDash(trajectory.startedAt)}</DataListValue>
        </DataListItem>
        {trajectory.closedAt ? (
          <DataListItem>
            <DataListKey>{t('support.summary.closedAt')}</DataListKey>
            <DataListValue>{dateOrDash(trajectory.closedAt)}</DataListValue>
          </DataListItem>
        ) : null}
        <DataListItem>
          <DataListKey>{t('support.summary.waiting')}</DataListKey>
          <DataListValue>
            <WaitingTime trajectory={trajectory} />
            <span className="kc-block">
              {t('support.summary.norm', {
                intake: trajectory.norm.intakeWithinDays,
                start: trajectory.norm.startWithinDays,
              })}
            </span>
          </DataListValue>
        </DataListItem>
        {trajectory.outcome ? (
          <DataListItem>
            <DataListKey>{t('support.summary.outcome')}</DataListKey>
            <DataListValue>{t(`support.outcomes.${trajectory.outcome}`)}</DataListValue>
          </DataListItem>
        ) : null}
        {trajectory.referral ? (
          <DataListItem>
            <DataListKey>{t('support.summary.referral')}</DataListKey>
            <DataListValue>
              {t(`support.referralDestinations.${trajectory.referral.destination}`)}
              {trajectory.referral.reason ? `: ${trajectory.referral.reason}` : ''}
            </DataListValue>
          </DataListItem>
        ) : null}
      </DataList>
      {transitions.length > 0 ? (
        <>
          <Heading level={3}>{t('support.summary.history')}</Heading>
          <OrderedList data-testid="trajectory-history">
            {transitions.map((step, index) => (
              <OrderedListItem key={`${step.at}-${index}`}>
                {t(step.from ? 'support.summary.step' : 'support.summary.firstStep', {
                  from: step.from ? t(`support.statuses.${step.from}`) : '',
                  to: t(`support.statuses.${step.to}`),
                  name: step.byName,
                })}{' '}
                (<time dateTime={step.at}>{format.dateTime(step.at)}</time>)
              </OrderedListItem>
            ))}
          </OrderedList>
        </>
      ) : null}
    </section>
  );
}
