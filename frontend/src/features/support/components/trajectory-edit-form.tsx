import { Button, ButtonGroup, FormFieldTextarea, Heading } from '@utrecht/component-library-react';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '@/components/ui/select-field';
import { useProfessionals } from '@/features/support/api/get-partners';
import { useUpdateTrajectory } from '@/features/support/api/update-trajectory';
import { FormProblem } from '@/features/support/components/form-problem';
import { coordinatorOptions } from '@/features/support/components/signal-decision-form';
import {
  TRAJECTORY_LOCATIONS,
  type TrajectoryDetail,
  type TrajectoryLocation,
  type TrajectoryUpdate,
} from '@/features/support/types';

type TrajectoryEditFormProps = {
  trajectory: TrajectoryDetail;
  onSaved: () => void;
  onCancel: () => void;
};

const REASON_MAX = 2000;

/**
 * "Wijzig": the coordinator (a professional of the providing organisation, by name, or none),
 * where the child gets the help, and the reason. Only what changed is sent.
 */
export function TrajectoryEditForm({ trajectory, onSaved, onCancel }: TrajectoryEditFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [coordinatorId, setCoordinatorId] = useState(trajectory.coordinatorId ?? '');
  const [location, setLocation] = useState<TrajectoryLocation>(trajectory.location);
  const [reason, setReason] = useState(trajectory.reason);
  const [error, setError] = useState<string | undefined>();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const professionals = useProfessionals(trajectory.organisationId);
  const scope = { trajectoryId: trajectory.id, childId: trajectory.childId };
  const update = useUpdateTrajectory(scope, { onSuccess: onSaved });

  const candidates = useMemo(() => {
    const options = coordinatorOptions(professionals.data ?? []);
    // The current coordinator stays choosable by name while the list loads or cannot be loaded.
    if (trajectory.coordinatorId && !options.some((option) => option.value === trajectory.coordinatorId)) {
      options.unshift({ value: trajectory.coordinatorId, label: trajectory.coordinatorName ?? trajectory.coordinatorId });
    }
    return options;
  }, [professionals.data, trajectory.coordinatorId, trajectory.coordinatorName]);

  function changes(): TrajectoryUpdate {
    const body: TrajectoryUpdate = {};
    const coordinator = coordinatorId || null;
    if (coordinator !== (trajectory.coordinatorId ?? null)) body.coordinatorId = coordinator;
    if (location !== trajectory.location) body.location = location;
    if (reason.trim() !== trajectory.reason) body.reason = reason.trim();
    return body;
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    const trimmed = reason.trim();
    if (!trimmed) {
      setError(t('support.edit.reasonRequired'));
      reasonRef.current?.focus();
      return;
    }
    if (trimmed.length > REASON_MAX) {
      setError(t('support.edit.reasonTooLong', { max: REASON_MAX }));
      reasonRef.current?.focus();
      return;
    }
    setError(undefined);
    const body = changes();
    if (Object.keys(body).length === 0) {
      onCancel();
      return;
    }
    update.mutate(body);
  }

  return (
    <form onSubmit={submit} noValidate className="kc-form kc-subform" aria-labelledby={headingId} data-testid="trajectory-edit-form">
      <Heading level={3} id={headingId} tabIndex={-1}>
        {t('support.edit.title')}
      </Heading>
      <SelectField
        label={t('support.edit.coordinator')}
        name="coordinatorId"
        value={coordinatorId}
        onChange={setCoordinatorId}
        placeholder={t('support.edit.noCoordinator')}
        options={candidates}
        description={professionals.isError ? t('support.edit.coordinatorUnavailable') : t('support.edit.coordinatorHelp', { organisation: trajectory.organisationName })}
      />
      <SelectField
        label={t('support.edit.location')}
        name="location"
        value={location}
        onChange={(value) => setLocation(value as TrajectoryLocation)}
        options={TRAJECTORY_LOCATIONS.map((value) => ({ value, label: t(`support.locations.${value}`) }))}
      />
      <FormFieldTextarea
        inputRef={reasonRef}
        name="reason"
        label={t('support.edit.reason')}
        value={reason}
        rows={3}
        maxLength={REASON_MAX}
        onChange={(event) => setReason(event.target.value)}
        invalid={Boolean(error)}
        errorMessage={error}
        required
      />
      {update.isError ? (
        <FormProblem
          error={update.error}
          messages={{ 409: t('support.edit.conflict') }}
          fields={{
            coordinatorId: t('support.edit.coordinator'),
            location: t('support.edit.location'),
            reason: t('support.edit.reason'),
          }}
        />
      ) : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={update.isPending} data-testid="trajectory-edit-submit">
          {t('support.edit.submit')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel} disabled={update.isPending}>
          {t('support.edit.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** The "Wijzig" button under the summary, opening the form in its place. */
export function TrajectoryEdit({ trajectory, onSaved }: { trajectory: TrajectoryDetail; onSaved: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const formRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (editing) formRef.current?.querySelector<HTMLElement>('h3')?.focus();
  }, [editing]);

  if (!editing) {
    return (
      <ButtonGroup>
        <Button
          type="button"
          appearance="secondary-action-button"
          aria-label={t('support.edit.openLabel')}
          onClick={() => setEditing(true)}
          data-testid="trajectory-edit-open"
        >
          {t('support.edit.open')}
        </Button>
      </ButtonGroup>
    );
  }
  return (
    <div ref={formRef}>
      <TrajectoryEditForm
        trajectory={trajectory}
        onSaved={() => {
          setEditing(false);
          onSaved();
        }}
        onCancel={() => setEditing(false)}
      />
    </div>
  );
}
