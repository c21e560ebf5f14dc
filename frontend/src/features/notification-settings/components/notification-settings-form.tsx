import { Button, ButtonGroup, Checkbox, Fieldset, FieldsetLegend, FormField, FormLabel, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import {
  useNotificationSettings,
  useSaveNotificationSettings,
  type NotificationSettings,
} from '@/features/notification-settings/api/notification-settings';

const CHOICES = ['messages', 'announcements', 'consents', 'talks', 'activities', 'contactPerson', 'weeklyDigest'] as const;

/** Which notifications also come by e-mail: seven check boxes and a save button. */
export function NotificationSettingsForm() {
  const { t } = useTranslation();
  const settings = useNotificationSettings();
  const save = useSaveNotificationSettings();
  const [values, setValues] = useState<NotificationSettings | null>(null);

  useEffect(() => {
    if (settings.data && values === null) setValues(settings.data);
  }, [settings.data, values]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (values && !save.isPending) save.mutate(values);
  }

  return (
    <section aria-labelledby="kc-notification-settings" className="kc-parent-section" data-testid="notification-settings">
      <Heading level={2} id="kc-notification-settings">
        {t('notificationSettings.title')}
      </Heading>
      <Paragraph>{t('notificationSettings.intro')}</Paragraph>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? <ProblemAlert error={settings.error} /> : null}
      {values ? (
        <form onSubmit={submit} className="kc-form">
          <Fieldset>
            <FieldsetLegend>{t('notificationSettings.legend')}</FieldsetLegend>
            {CHOICES.map((choice) => (
              <FormField key={choice} type="checkbox">
                <FormLabel htmlFor={`kc-mail-${choice}`} type="checkbox">
                  <Checkbox
                    id={`kc-mail-${choice}`}
                    name={choice}
                    checked={values[choice]}
                    onChange={(event) => {
                      save.reset();
                      setValues({ ...values, [choice]: (event.target as HTMLInputElement).checked });
                    }}
                  />{' '}
                  {t(`notificationSettings.${choice}`)}
                </FormLabel>
              </FormField>
            ))}
          </Fieldset>
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={save.isPending}>
              {t('notificationSettings.save')}
            </Button>
          </ButtonGroup>
          {save.isSuccess ? <Paragraph role="status">{t('notificationSettings.saved')}</Paragraph> : null}
          {save.isError ? <ProblemAlert error={save.error} /> : null}
        </form>
      ) : null}
    </section>
  );
}
