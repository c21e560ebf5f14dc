import { SecuritySettingsSection } from '@/features/security/components/security-settings-form';
import { PasswordChangeForm } from '@/features/security/components/password-change-form';
import { DevicesSection } from '@/features/security/components/devices-section';
import {
  TwoFactorSection,
  type TwoFactorStatus,
} from '@/features/security/components/two-factor-section';

type SecurityOverviewProps = {
  twoFactor: TwoFactorStatus;
  /** Only centre administrators see (and may change) the organisation-wide setting. */
  isCentreAdmin: boolean;
  onPasswordChanged: () => void;
  /** "Overal uitloggen" ended this device's session too. */
  onSignedOutEverywhere: () => void;
};

export function SecurityOverview({
  twoFactor,
  isCentreAdmin,
  onPasswordChanged,
  onSignedOutEverywhere,
}: SecurityOverviewProps) {
  return (
    <>
      <TwoFactorSection status={twoFactor} />
      <PasswordChangeForm onChanged={onPasswordChanged} />
      <DevicesSection onSignedOutEverywhere={onSignedOutEverywhere} />
      {/* Until two-factor is set up the server refuses the settings too: show them afterwards. */}
      {isCentreAdmin && !twoFactor.enrolmentRequired ? <SecuritySettingsSection /> : null}
    </>
  );
}
