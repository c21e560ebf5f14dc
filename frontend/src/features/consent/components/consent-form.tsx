import {
  Button,
  ButtonGroup,
  FormFieldCheckbox,
  FormFieldTextbox,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { SelectField } from '@/components/ui/select-field';
import { todayIsoDate } from '@/lib/format';
import { useGiveConsent, type ConsentCreate } from '@/features/consent/api/give-consent';
import {
  CONSENT_PURPOSES,
  TRAJECTORY_TYPES,
  type ConsentPurpose,
  type TrajectoryType,
} from '@/features/consent/types';

export type OrganisationOption = { id: string; name: string };

type ConsentFormProps = {
  childId: string;
  /** From 12 years on the child consents as well (WGBO): the form asks for it. */
  childIsTwelveOrOlder: boolean;
  organisations: OrganisationOption[];
  onGiven: () => void;
};

type FieldErrors = {
  organisationId?: string;
  purpose?: string;
  trajectoryType?: string;
  childAlsoConsents?: string;
};

/** For a guardian with parental authority: consent for one organisation and one purpose. */
export function ConsentForm({ childId, childIsTwelveOrOlder, organisations, onGiven }: ConsentFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [organisationId, setOrganisationId] = useState('');
  const [purpose, setPurpose] = useState<ConsentPurpose | ''>('');
  const [trajectoryType, setTrajectoryType] = useState<TrajectoryType | ''>('');
  const [validUntil, setValidUntil] = useState('');
  const [childAlsoConsents, setChildAlsoConsents] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const organisationRef = useRef<HTMLSelectElement>(null);
  const purposeRef = useRef<HTMLSelectElement>(null);
  const trajectoryRef = useRef<HTMLSelectElement>(null);
  const childConsentRef = useRef<HTMLInputElement>(null);

  const give = useGiveConsent(childId, {
    onSuccess: () => {
      setOrganisationId('');
      setPurpose('');
      setTrajectoryType('');
      setValidUntil('');
      setChildAlsoConsents(false);
      onGiven();
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (give.isPending) return;
    const next: FieldErrors = {};
    if (!organisationId) next.organisationId = t('consents.form.organisationRequired');
    if (!purpose) next.purpose = t('consents.form.purposeRequired');
    if (purpose === 'trajectory' && !trajectoryType) {
      next.trajectoryType = t('consents.form.trajectoryTypeRequired');
    }
    if (childIsTwelveOrOlder && !childAlsoConsents) {
      next.childAlsoConsents = t('consents.form.childAlsoConsentsRequired');
    }
    setErrors(next);
    // Keyboard and screen reader users land on the first thing to fix.
    const first = next.organisationId
      ? organisationRef.current
      : next.purpose
        ? purposeRef.current
        : next.trajectoryType
          ? trajectoryRef.current
          : next.childAlsoConsents
            ? childConsentRef.current
            : null;
    if (first) {
      first.focus();
      return;
    }
    const body: ConsentCreate = {
      organisationId,
      purpose: purpose as ConsentPurpose,
      ...(purpose === 'trajectory' ? { trajectoryType: trajectoryType as TrajectoryType } : {}),
      ...(validUntil ? { validUntil } : {}),
      childAlsoConsents: childIsTwelveOrOlder && childAlsoConsents,
    };
    give.mutate(body);
  }

  return (
    <form onSubmit={submit} noValidate className="kc-form kc-consent-form" aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {t('consents.form.title')}
      </Heading>
      <Paragraph>{t('consents.form.intro')}</Paragraph>
      {give.isError ? (
        <ProblemAlert error={give.error} messages={{ 403: t('consents.form.forbidden') }} />
      ) : null}
      <SelectField
        ref={organisationRef}
        label={t('consents.form.organisation')}
        name="organisationId"
        value={organisationId}
        onChange={setOrganisationId}
        placeholder={t('consents.form.chooseOrganisation')}
        options={organisations.map((org) => ({ value: org.id, label: org.name }))}
        errorMessage={errors.organisationId}
        required
      />
      <SelectField
        ref={purposeRef}
        label={t('consents.form.purpose')}
        name="purpose"
        value={purpose}
        onChange={(value) => setPurpose(value as ConsentPurpose | '')}
        placeholder={t('consents.form.choosePurpose')}
        options={CONSENT_PURPOSES.map((value) => ({
          value,
          label: t(`consents.purposes.${value}`),
        }))}
        description={purpose ? t(`consents.purposeHelp.${purpose}`) : undefined}
        errorMessage={errors.purpose}
        required
      />
      {purpose === 'trajectory' ? (
        <SelectField
          ref={trajectoryRef}
          label={t('consents.form.trajectoryType')}
          name="trajectoryType"
          value={trajectoryType}
          onChange={(value) => setTrajectoryType(value as TrajectoryType | '')}
          placeholder={t('consents.form.chooseTrajectoryType')}
          options={TRAJECTORY_TYPES.map((value) => ({
            value,
            label: t(`consents.trajectoryTypes.${value}`),
          }))}
          errorMessage={errors.trajectoryType}
          required
        />
      ) : null}
      <FormFieldTextbox
        name="validUntil"
        type="date"
        label={t('consents.form.validUntil')}
        description={t('consents.form.validUntilHelp')}
        min={todayIsoDate()}
        value={validUntil}
        onChange={(event) => setValidUntil((event.target as HTMLInputElement).value)}
      />
      {childIsTwelveOrOlder ? (
        <FormFieldCheckbox
          inputRef={childConsentRef}
          name="childAlsoConsents"
          label={t('consents.form.childAlsoConsents')}
          description={t('consents.form.childAlsoConsentsHelp')}
          checked={childAlsoConsents}
          onChange={(event) => setChildAlsoConsents(event.target.checked)}
          required
          invalid={Boolean(errors.childAlsoConsents)}
          errorMessage={errors.childAlsoConsents}
        />
      ) : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={give.isPending}>
          {t('consents.form.submit')}
        </Button>
      </ButtonGroup>
      {give.isPending ? <Paragraph role="status">{t('consents.form.busy')}</Paragraph> : null}
    </form>
  );
}
