import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmStep } from '@/hooks/use-confirm-step';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useWithdrawConsent } from '@/features/consent/api/withdraw-consent';

type WithdrawConsentProps = {
  childId: string;
  consentId: string;
  /** What is withdrawn, e.g. "Logopediepraktijk De Klank: een traject (logopedie)". */
  summary: string;
  onWithdrawn: () => void;
};

/** Withdrawing takes two steps: the button, then "Ja, intrekken"; it takes effect at once. */
export function WithdrawConsent({ childId, consentId, summary, onWithdrawn }: WithdrawConsentProps) {
  const { t } = useTranslation();
  const questionId = useId();
  const summaryId = useId();
  const { confirming, startRef, questionRef, ask, cancel } = useConfirmStep();
  const withdraw = useWithdrawConsent(childId, { onSuccess: onWithdrawn });

  if (!confirming) {
    // Every row has this button: its description says which consent it withdraws.
    return (
      <>
        <Button
          ref={startRef}
          type="button"
          appearance="secondary-action-button"
          aria-describedby={summaryId}
          onClick={ask}
        >
          {t('consents.withdraw')}
        </Button>
        <span id={summaryId} hidden>
          {summary}
        </span>
      </>
    );
  }

  return (
    <div role="group" aria-labelledby={questionId} className="kc-confirm">
      <Paragraph id={questionId} ref={questionRef} tabIndex={-1}>
        {t('consents.withdrawQuestion', { summary })}
      </Paragraph>
      {withdraw.isError ? (
        <ProblemAlert error={withdraw.error} messages={{ 403: t('consents.withdrawForbidden'), 409: t('consents.alreadyWithdrawn') }} />
      ) : null}
      <ButtonGroup>
        <Button
          type="button"
          appearance="primary-action-button"
          busy={withdraw.isPending}
          onClick={() => {
            if (!withdraw.isPending) withdraw.mutate(consentId);
          }}
        >
          {t('consents.withdrawConfirm')}
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          disabled={withdraw.isPending}
          onClick={() => {
            withdraw.reset();
            cancel();
          }}
        >
          {t('consents.withdrawCancel')}
        </Button>
      </ButtonGroup>
    </div>
  );
}
