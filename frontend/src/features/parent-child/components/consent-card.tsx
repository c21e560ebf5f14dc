import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmActions } from '@/components/ui/confirm-actions';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useConfirmStep } from '@/hooks/use-confirm-step';
import { useFormatters } from '@/hooks/use-formatters';
import { useWithdrawConsent } from '@/features/consent/api/withdraw-consent';
import { ConsentExplanation, WithdrawConsequence } from '@/features/parent-child/components/consent-explanation';
import { nameFor, purposeTitle } from '@/features/parent-child/components/give-consent';
import type { ConsentRead } from '@/features/parent-child/types';

/**
 * A consent in force: what it allows in plain words, who gave it and until when, and
 * "Intrekken", asked twice (what changes is said in the question). It takes effect at once.
 */
export function ConsentCard({
  childId,
  name,
  consent,
  places,
  onWithdrawn,
}: {
  childId: string;
  name: string;
  consent: ConsentRead;
  /** The organisations placing the child: who sees what an information_sharing consent shares. */
  places?: string[];
  onWithdrawn: (text: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const questionId = useId();
  const what = purposeTitle(t, consent);
  const { confirming, startRef, questionRef, ask, cancel } = useConfirmStep();
  const withdraw = useWithdrawConsent(childId, {
    onSuccess: () => onWithdrawn(t('parentChild.consents.withdrawnMessage', { organisation: consent.organisationName, what })),
  });

  return (
    <li className="kc-card kc-consent-card" data-testid="consent-card" data-consent-id={consent.id}>
      <Heading level={3} className="kc-consent-card__title">
        {consent.organisationName}
      </Heading>
      <Paragraph>
        <strong>{what}</strong>
      </Paragraph>
      <ConsentExplanation
        purpose={consent.purpose}
        organisation={consent.organisationName}
        trajectoryType={consent.trajectoryType}
        name={name}
        places={places}
      />
      <Paragraph className="kc-muted">
        {t('parentChild.consents.givenBy', { name: consent.givenByName, date: format.date(consent.givenAt) })}
        {' '}
        {consent.validUntil
          ? t('parentChild.consents.validUntil', { date: format.date(consent.validUntil) })
          : t('parentChild.consents.noEnd')}
      </Paragraph>
      {withdraw.isError ? (
        <ProblemAlert
          error={withdraw.error}
          messages={{ 403: t('parentChild.consents.withdrawForbidden'), 409: t('parentChild.consents.alreadyWithdrawn') }}
        />
      ) : null}
      {confirming ? (
        <div role="group" aria-labelledby={questionId} className="kc-confirm" data-testid="withdraw-confirm">
          <Paragraph id={questionId} ref={questionRef} tabIndex={-1}>
            <strong>{t('parentChild.consents.withdrawQuestion', { organisation: consent.organisationName, what })}</strong>
          </Paragraph>
          <WithdrawConsequence
            purpose={consent.purpose}
            organisation={consent.organisationName}
            trajectoryType={consent.trajectoryType}
            name={name}
          />
          <ConfirmActions
            danger
            confirmLabel={t('parentChild.consents.withdrawConfirm')}
            keepLabel={t('parentChild.consents.withdrawKeep')}
            busy={withdraw.isPending}
            onConfirm={() => withdraw.mutate(consent.id)}
            onKeep={() => {
              withdraw.reset();
              cancel();
            }}
          />
        </div>
      ) : (
        <ButtonGroup>
          <Button
            ref={startRef}
            type="button"
            appearance="secondary-action-button"
            aria-label={nameFor(t('parentChild.consents.withdraw'), consent.organisationName, what)}
            onClick={() => {
              withdraw.reset();
              ask();
            }}
            data-testid="withdraw-start"
          >
            {t('parentChild.consents.withdraw')}
          </Button>
        </ButtonGroup>
      )}
    </li>
  );
}
