import { Button, ButtonGroup } from '@utrecht/component-library-react';

/**
 * The two buttons of a confirmation step (see `useConfirmStep`): the primary one does it (busy
 * while the request runs, a second press then does nothing), the secondary one keeps things as
 * they are (not pressable while the request runs).
 */
export function ConfirmActions({
  confirmLabel,
  keepLabel,
  busy,
  onConfirm,
  onKeep,
  danger = false,
  className,
}: {
  confirmLabel: string;
  keepLabel: string;
  /** The request runs. */
  busy: boolean;
  onConfirm: () => void;
  /** Typically: reset the mutation and `cancel()` the step (focus goes back to the button that asked). */
  onKeep: () => void;
  /** Removes something for good: the confirm button says so (`hint="danger"`). */
  danger?: boolean;
  /** Of the button group. */
  className?: string;
}) {
  return (
    <ButtonGroup className={className}>
      <Button
        type="button"
        appearance="primary-action-button"
        hint={danger ? 'danger' : undefined}
        busy={busy}
        onClick={() => {
          if (!busy) onConfirm();
        }}
      >
        {confirmLabel}
      </Button>
      <Button type="button" appearance="secondary-action-button" disabled={busy} onClick={onKeep}>
        {keepLabel}
      </Button>
    </ButtonGroup>
  );
}
