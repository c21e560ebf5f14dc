import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useId, type ReactNode } from 'react';
import { ConfirmActions } from '@/components/ui/confirm-actions';
import { useConfirmStep } from '@/hooks/use-confirm-step';

/**
 * An enrolment step asked twice ("Inschrijven", "Uitschrijven"): the first press asks the
 * question (focus moves to it), the second does it; "keep" goes back to the first button.
 * Either press clears the last refusal (`onReset`, typically the mutation's `reset`).
 */
export function AskTwice({
  question,
  warning,
  confirmLabel,
  keepLabel,
  startLabel,
  startFor,
  startAppearance,
  busy,
  onConfirm,
  onReset,
  testId,
  startTestId,
}: {
  question: string;
  /** Said below the question (e.g. "it is full: the waiting list"). */
  warning?: ReactNode;
  confirmLabel: string;
  keepLabel: string;
  startLabel: string;
  /** Read after the start label by screen readers only: for whom or what. */
  startFor: string;
  startAppearance: 'primary-action-button' | 'secondary-action-button';
  busy: boolean;
  onConfirm: () => void;
  onReset: () => void;
  /** Of the question group. */
  testId: string;
  startTestId?: string;
}) {
  const questionId = useId();
  const { confirming, startRef, questionRef, ask, cancel } = useConfirmStep();
  return confirming ? (
    <div role="group" aria-labelledby={questionId} className="kc-confirm" data-testid={testId}>
      <Paragraph id={questionId} ref={questionRef} tabIndex={-1}>
        {question}
      </Paragraph>
      {warning}
      <ConfirmActions
        className="kc-activity-actions"
        confirmLabel={confirmLabel}
        keepLabel={keepLabel}
        busy={busy}
        onConfirm={onConfirm}
        onKeep={() => {
          onReset();
          cancel();
        }}
      />
    </div>
  ) : (
    <ButtonGroup className="kc-activity-actions">
      <Button
        ref={startRef}
        type="button"
        appearance={startAppearance}
        onClick={() => {
          onReset();
          ask();
        }}
        data-testid={startTestId}
      >
        {startLabel} <span className="kc-visually-hidden">{startFor}</span>
      </Button>
    </ButtonGroup>
  );
}
