import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useEndAllSessions } from '@/features/security/api/end-all-sessions';
import { useEndDeviceSession } from '@/features/security/api/end-device-session';
import { useDevices, type Device } from '@/features/security/api/get-devices';

type DevicesSectionProps = {
  /** After "Overal uitloggen": this device is signed out too; forget the session here. */
  onSignedOutEverywhere: () => void;
  className?: string;
};

/**
 * "Apparaten": where this account is signed in (a phone stays signed in for weeks), signing one
 * device out, and signing out everywhere (a lost or stolen phone). For staff and parents alike.
 */
export function DevicesSection({ onSignedOutEverywhere, className = 'kc-section' }: DevicesSectionProps) {
  const { t, i18n } = useTranslation();
  const devices = useDevices();
  const [message, setMessage] = useState('');
  const name = (device: Device) => device.deviceLabel ?? t('security.devices.unknown');
  const end = useEndDeviceSession({
    onSuccess: (sessionId) => {
      const device = devices.data?.find((d) => d.id === sessionId);
      setMessage(t('security.devices.signedOut', { device: device ? name(device) : '' }));
    },
  });
  const everywhere = useEndAllSessions({ onSuccess: onSignedOutEverywhere });
  // As lib/format's formatDateTime, in the language on screen (no import of the first screen's code).
  const when = (value: string) =>
    new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(value));

  return (
    <section aria-labelledby="security-devices-heading" className={className}>
      <Heading level={2} id="security-devices-heading">
        {t('security.devices.title')}
      </Heading>
      <Paragraph>{t('security.devices.intro')}</Paragraph>
      <div aria-live="polite">{message ? <Paragraph>{message}</Paragraph> : null}</div>
      {devices.isPending ? <Loading /> : null}
      {devices.isError ? <ProblemAlert error={devices.error} /> : null}
      {end.isError ? <ProblemAlert error={end.error} /> : null}
      {devices.data ? (
        <ul className="kc-devices" aria-label={t('security.devices.title')}>
          {devices.data.map((device) => (
            <li key={device.id} className="kc-devices__item">
              <Paragraph>
                <strong>{name(device)}</strong>
                {device.current ? ` · ${t('security.devices.current')}` : null}
                <br />
                {t('security.devices.lastUsed', { date: when(device.lastUsedAt) })}
                <br />
                {t('security.devices.until', { date: when(device.expiresAt) })}
              </Paragraph>
              {device.current ? null : (
                <Button
                  type="button"
                  appearance="secondary-action-button"
                  aria-label={t('security.devices.signOutLabel', { device: name(device) })}
                  busy={end.isPending && end.variables === device.id}
                  disabled={end.isPending}
                  onClick={() => end.mutate(device.id)}
                >
                  {t('security.devices.signOut')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <Heading level={3}>{t('security.devices.everywhereTitle')}</Heading>
      <Paragraph>{t('security.devices.everywhereIntro')}</Paragraph>
      {everywhere.isError ? <ProblemAlert error={everywhere.error} /> : null}
      <ButtonGroup>
        <Button
          type="button"
          appearance="secondary-action-button"
          busy={everywhere.isPending}
          disabled={everywhere.isPending}
          onClick={() => everywhere.mutate()}
        >
          {t('security.devices.everywhere')}
        </Button>
      </ButtonGroup>
    </section>
  );
}
