import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormFieldCheckbox,
  FormFieldTextbox,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import {
  useSecuritySettings,
  type SecuritySettings,
} from '@/features/security/api/get-security-settings';
import { useUpdateSecuritySettings } from '@/features/security/api/update-security-settings';

type Role = components['schemas']['Role'];

export const ROLES = [
  'centre_admin',
  'org_admin',
  'staff',
  'care_professional',
  'municipality_analyst',
] as const satisfies readonly Role[];

/** The days a parent may stay signed in on their own device (the API's bounds). */
const PARENT_DAYS = { min: 1, max: 90 };

/** For centre administrators: which roles must log in with two-factor; how long parents stay signed in. */
export function SecuritySettingsSection() {
  const { t } = useTranslation();
  const settings = useSecuritySettings();

  return (
    <section aria-labelledby="security-settings-heading" className="kc-section">
      <Heading level={2} id="security-settings-heading">
        {t('securitySettings.title')}
      </Heading>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? <ProblemAlert error={settings.error} /> : null}
      {settings.data ? <SecuritySettingsForm settings={settings.data} /> : null}
    </section>
  );
}

function SecuritySettingsForm({ settings }: { settings: SecuritySettings }) {
  const { t } = useTranslation();
  const [roles, setRoles] = useState<Set<Role>>(() => new Set(settings.mandatoryTwoFactorRoles));
  const [days, setDays] = useState(() => String(settings.parentSessionDays ?? 30));
  const [daysError, setDaysError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const update = useUpdateSecuritySettings({ onSuccess: () => setSaved(true) });

  function toggle(role: Role, on: boolean) {
    setSaved(false);
    setRoles((current) => {
      const next = new Set(current);
      if (on) next.add(role);
      else next.delete(role);
      return next;
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    const parentSessionDays = Number(days);
    if (!Number.isInteger(parentSessionDays) || parentSessionDays < PARENT_DAYS.min || parentSessionDays > PARENT_DAYS.max) {
      setDaysError(t('securitySettings.parentDaysRange', PARENT_DAYS));
      return;
    }
    setDaysError(undefined);
    update.mutate({ mandatoryTwoFactorRoles: ROLES.filter((role) => roles.has(role)), parentSessionDays });
  }

  return (
    <form onSubmit={submit} noValidate className="kc-form">
      <Paragraph>{t('securitySettings.intro')}</Paragraph>
      {update.isError ? <ProblemAlert error={update.error} /> : null}
      <Fieldset>
        <FieldsetLegend>{t('securitySettings.legend')}</FieldsetLegend>
        {ROLES.map((role) => (
          <FormFieldCheckbox
            key={role}
            name="mandatoryTwoFactorRoles"
            value={role}
            label={t(`roles.${role}`)}
            checked={roles.has(role)}
            onChange={(event) => toggle(role, event.target.checked)}
          />
        ))}
      </Fieldset>
      <FormFieldTextbox
        name="parentSessionDays"
        type="number"
        inputMode="numeric"
        min={PARENT_DAYS.min}
        max={PARENT_DAYS.max}
        label={t('securitySettings.parentDays')}
        description={t('securitySettings.parentDaysHelp')}
        value={days}
        onChange={(event) => {
          setSaved(false);
          setDays((event.target as HTMLInputElement).value);
        }}
        invalid={Boolean(daysError)}
        errorMessage={daysError}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={update.isPending}>
          {t('securitySettings.submit')}
        </Button>
      </ButtonGroup>
      <div aria-live="polite">{saved ? <Paragraph>{t('securitySettings.saved')}</Paragraph> : null}</div>
    </form>
  );
}
