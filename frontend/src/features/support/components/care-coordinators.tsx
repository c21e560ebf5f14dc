import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmStep } from '@/hooks/use-confirm-step';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { SelectField } from '@/components/ui/select-field';
import { TableSection } from '@/components/ui/table-section';
import {
  useAddCareCoordinator,
  useCareCoordinators,
  useRemoveCareCoordinator,
} from '@/features/support/api/care-coordinators';
import { useProfessionals, type ProfessionalRead } from '@/features/support/api/get-partners';
import { FormProblem } from '@/features/support/components/form-problem';
import type { CareCoordinatorRead, OrganisationOption } from '@/features/support/types';

export type CentreOption = {
  id: string;
  name: string;
  /** The organisations taking part in the centre: its care coordinators come from these. */
  partners: OrganisationOption[];
};

const byName = (a: { label: string; value: string }, b: { label: string; value: string }) =>
  a.label.localeCompare(b.label, 'nl') || a.value.localeCompare(b.value);

/** Each professional once (someone may have several roles), without those already designated. */
export function candidateOptions(professionals: ProfessionalRead[], designated: CareCoordinatorRead[]) {
  const taken = new Set(designated.map((coordinator) => coordinator.userId));
  const found = new Map<string, string>();
  for (const professional of professionals) {
    if (!taken.has(professional.userId)) found.set(professional.userId, professional.displayName);
  }
  return [...found].map(([value, label]) => ({ value, label })).sort(byName);
}

/**
 * "Intern begeleiders": the care coordinators of the centres this administrator runs. Being
 * care coordinator of a centre is a relation with every child of it, so adding and removing
 * are deliberate steps.
 */
export function CareCoordinators({ centres }: { centres: CentreOption[] }) {
  const { t } = useTranslation();
  const [centreId, setCentreId] = useState(centres[0]?.id ?? '');
  const [message, setMessage] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  const centre = centres.find((option) => option.id === centreId) ?? centres[0];

  if (!centre) return <Paragraph data-testid="no-centres">{t('support.careCoordinators.noCentres')}</Paragraph>;

  const announce = (text: string) => {
    setMessage(text);
    statusRef.current?.focus();
  };

  return (
    <div data-testid="care-coordinators">
      {centres.length > 1 ? (
        <SelectField
          label={t('support.careCoordinators.centre')}
          name="centreId"
          value={centre.id}
          onChange={(value) => {
            setMessage('');
            setCentreId(value);
          }}
          options={centres.map((option) => ({ value: option.id, label: option.name }))}
        />
      ) : null}
      <div ref={statusRef} tabIndex={-1} aria-live="polite" className="kc-status" data-testid="care-coordinators-message">
        {message ? <Paragraph>{message}</Paragraph> : null}
      </div>
      <CentreCoordinators key={centre.id} centre={centre} announce={announce} />
    </div>
  );
}

function CentreCoordinators({ centre, announce }: { centre: CentreOption; announce: (text: string) => void }) {
  const { t } = useTranslation();
  const coordinators = useCareCoordinators(centre.id);
  return (
    <>
      <div data-testid="care-coordinator-list">
        <TableSection<CareCoordinatorRead>
          id="care-coordinators"
          title={t('support.careCoordinators.listTitle', { centre: centre.name })}
          caption={t('support.careCoordinators.caption', { centre: centre.name })}
          empty={t('support.careCoordinators.empty', { centre: centre.name })}
          rows={coordinators.data}
          rowKey={(coordinator) => coordinator.userId}
          isPending={coordinators.isPending}
          error={coordinators.error}
          columns={[
            { label: t('support.careCoordinators.name'), render: (coordinator) => coordinator.displayName },
            {
              label: t('support.careCoordinators.actions'),
              render: (coordinator) => (
                <RemoveCoordinator
                  centre={centre}
                  coordinator={coordinator}
                  onRemoved={() =>
                    announce(t('support.careCoordinators.removed', { name: coordinator.displayName, centre: centre.name }))
                  }
                />
              ),
            },
          ]}
        />
      </div>
      <AddCoordinatorForm
        centre={centre}
        designated={coordinators.data ?? []}
        onAdded={(coordinator) =>
          announce(t('support.careCoordinators.added', { name: coordinator.displayName, centre: centre.name }))
        }
      />
    </>
  );
}

/** Removing takes two steps: "Verwijder", then "Ja, verwijderen". */
function RemoveCoordinator({
  centre,
  coordinator,
  onRemoved,
}: {
  centre: CentreOption;
  coordinator: CareCoordinatorRead;
  onRemoved: () => void;
}) {
  const { t } = useTranslation();
  const questionId = useId();
  const { confirming, startRef, questionRef, ask, cancel } = useConfirmStep();
  const remove = useRemoveCareCoordinator(centre.id, { onSuccess: onRemoved });

  if (!confirming) {
    return (
      <Button
        ref={startRef}
        type="button"
        appearance="secondary-action-button"
        aria-label={t('support.careCoordinators.removeLabel', { name: coordinator.displayName })}
        onClick={ask}
      >
        {t('support.careCoordinators.remove')}
      </Button>
    );
  }

  return (
    <div role="group" aria-labelledby={questionId} className="kc-confirm" data-testid="remove-coordinator-confirm">
      <Paragraph id={questionId} ref={questionRef} tabIndex={-1}>
        {t('support.careCoordinators.removeQuestion', { name: coordinator.displayName, centre: centre.name })}
      </Paragraph>
      {remove.isError ? (
        <ProblemAlert error={remove.error} messages={{ 403: t('support.careCoordinators.forbidden'), 404: t('support.careCoordinators.alreadyRemoved') }} />
      ) : null}
      <ButtonGroup>
        <Button
          type="button"
          appearance="primary-action-button"
          busy={remove.isPending}
          onClick={() => {
            if (!remove.isPending) remove.mutate(coordinator.userId);
          }}
        >
          {t('support.careCoordinators.removeConfirm')}
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          disabled={remove.isPending}
          onClick={() => {
            remove.reset();
            cancel();
          }}
        >
          {t('support.careCoordinators.removeCancel')}
        </Button>
      </ButtonGroup>
    </div>
  );
}

type FieldErrors = { organisationId?: string; userId?: string };

/** Choose the organisation, then one of its professionals by name. */
function AddCoordinatorForm({
  centre,
  designated,
  onAdded,
}: {
  centre: CentreOption;
  designated: CareCoordinatorRead[];
  onAdded: (coordinator: CareCoordinatorRead) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const partners = useMemo(
    () => [...centre.partners].sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.id.localeCompare(b.id)),
    [centre.partners],
  );
  const [organisationId, setOrganisationId] = useState(partners.length === 1 ? partners[0]!.id : '');
  const [userId, setUserId] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const organisationRef = useRef<HTMLSelectElement>(null);
  const userRef = useRef<HTMLSelectElement>(null);
  const professionals = useProfessionals(organisationId);
  const candidates = useMemo(
    () => (organisationId ? candidateOptions(professionals.data ?? [], designated) : []),
    [organisationId, professionals.data, designated],
  );
  const add = useAddCareCoordinator(centre.id, {
    onSuccess: (coordinator) => {
      setUserId('');
      onAdded(coordinator);
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    const next: FieldErrors = {};
    if (!organisationId) next.organisationId = t('support.careCoordinators.organisationRequired');
    else if (!userId) next.userId = t('support.careCoordinators.professionalRequired');
    setErrors(next);
    if (next.organisationId) {
      organisationRef.current?.focus();
      return;
    }
    if (next.userId) {
      userRef.current?.focus();
      return;
    }
    add.mutate(userId);
  }

  const professionalHelp = !organisationId
    ? t('support.careCoordinators.chooseOrganisationFirst')
    : professionals.isError
      ? t('support.careCoordinators.professionalsUnavailable')
      : professionals.isSuccess && candidates.length === 0
        ? t('support.careCoordinators.noCandidates')
        : undefined;

  return (
    <form onSubmit={submit} noValidate className="kc-form kc-subform" aria-labelledby={headingId} data-testid="add-coordinator-form">
      <Heading level={2} id={headingId}>
        {t('support.careCoordinators.addTitle')}
      </Heading>
      <Paragraph>{t('support.careCoordinators.addHelp', { centre: centre.name })}</Paragraph>
      {partners.length === 0 ? <Paragraph>{t('support.careCoordinators.noPartners')}</Paragraph> : null}
      <SelectField
        ref={organisationRef}
        label={t('support.careCoordinators.organisation')}
        name="organisationId"
        value={organisationId}
        onChange={(value) => {
          setOrganisationId(value);
          setUserId('');
        }}
        placeholder={t('support.careCoordinators.chooseOrganisation')}
        options={partners.map((partner) => ({ value: partner.id, label: partner.name }))}
        errorMessage={errors.organisationId}
        required
      />
      <SelectField
        ref={userRef}
        label={t('support.careCoordinators.professional')}
        name="userId"
        value={userId}
        onChange={setUserId}
        placeholder={t('support.careCoordinators.chooseProfessional')}
        options={candidates}
        description={professionalHelp}
        errorMessage={errors.userId}
        required
      />
      {add.isError ? (
        <FormProblem
          error={add.error}
          messages={{
            403: t('support.careCoordinators.forbidden'),
            409: t('support.careCoordinators.alreadyDesignated'),
          }}
          fields={{ userId: t('support.careCoordinators.professional') }}
        />
      ) : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={add.isPending} data-testid="add-coordinator-submit">
          {t('support.careCoordinators.addSubmit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
