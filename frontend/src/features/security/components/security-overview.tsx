import { SecuritySettingsSection } from '@/features/security/components/security-settings-form';
import { PasswordChangeForm } from '@/features/security/components/password-change-form';
import {
  TwoFactorSection,
  type TwoFactorStatus,
} from '@/features/security/components/two-factor-section';

type SecurityOverviewProps = {
  twoFactor: TwoFactorStatus;
  /** Only centre administrators see (and may change) the organisation-wide setting. */
  isCentreAdmin: boolean;
  onPasswordChanged: () => void;
};

export function SecurityOverview({ twoFactor, isCentreAdmin, onPasswordChanged }: SecurityOverviewProps) {
  return (
    <>
      <TwoFactorSection status={twoFactor} />
      <PasswordChangeForm onChanged={onPasswordChanged} />
      {/* Until two-factor is set up the server refuses the settings too: show them afterwards. */}
      {isCentreAdmin && !twoFactor.enrolmentRequired ? <SecuritySettingsSection /> : null}
    </>
  );
}
