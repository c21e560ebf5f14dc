import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link, useOutletContext } from 'react-router';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useMe } from '@/features/auth/api/get-me';
import { ChildBadgeView } from '@/features/parent/components/child-badge';
import { useFamily } from '@/features/parent/hooks/use-family';
import { childPath } from '@/features/parent/utils/paths';
import { PasswordChangeForm } from '@/features/security/components/password-change-form';
import { TwoFactorSection } from '@/features/security/components/two-factor-section';
import { DevicesSection } from '@/features/security/components/devices-section';
import { NotificationSettingsForm } from '@/features/notification-settings/components/notification-settings-form';
import { PARENT_LANGUAGES } from '@/lib/i18n';
import type { ProtectedOutletContext } from '@/app/routes/protected-layout';

/** /ouder/account: language, password, two-factor, the data export per child, and logging out. */
export default function ParentAccountRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const { endSession, logout, logoutPending } = useOutletContext<ProtectedOutletContext>();
  const enrolmentRequired = me.data?.twoFactor.enrolmentRequired ?? false;
  const family = useFamily({ enabled: Boolean(me.data) && !enrolmentRequired });
  useDocumentTitle(t('parent.account.title'));

  return (
    <>
      <Heading level={1}>{t('parent.account.title')}</Heading>
      {me.data ? <Paragraph>{t('parent.account.loggedInAs', { name: me.data.displayName, email: me.data.email })}</Paragraph> : null}

      <section aria-labelledby="parent-language-heading" className="kc-parent-section">
        <Heading level={2} id="parent-language-heading">
          {t('parent.account.languageTitle')}
        </Heading>
        <Paragraph>{t('parent.account.languageIntro')}</Paragraph>
        <LanguageSwitch languages={PARENT_LANGUAGES} />
      </section>

      {me.isPending ? <Loading /> : null}
      {me.isError ? <ProblemAlert error={me.error} /> : null}
      {me.data ? (
        <>
          <TwoFactorSection status={me.data.twoFactor} />
          <PasswordChangeForm onChanged={() => endSession('passwordChanged')} />
          <DevicesSection
            className="kc-parent-section"
            onSignedOutEverywhere={() => endSession('signedOutEverywhere')}
          />
        </>
      ) : null}
      {me.data && !enrolmentRequired ? <NotificationSettingsForm /> : null}

      {family.children.length > 0 ? (
        <section aria-labelledby="parent-data-heading" className="kc-parent-section">
          <Heading level={2} id="parent-data-heading">
            {t('parent.account.dataTitle')}
          </Heading>
          <Paragraph>{t('parent.account.dataIntro')}</Paragraph>
          <ul className="kc-parent-links">
            {family.children.map((child) => (
              <li key={child.id} className="kc-parent-links__child">
                <ChildBadgeView child={child} size="small" decorative />
                <Link className="utrecht-link utrecht-link--html-a" to={childPath(child.id, 'gegevens')}>
                  {t('parent.account.dataLink', { name: child.givenName })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="parent-logout-heading" className="kc-parent-section">
        <Heading level={2} id="parent-logout-heading">
          {t('parent.account.logoutTitle')}
        </Heading>
        <Paragraph>{t('parent.account.logoutIntro')}</Paragraph>
        <ButtonGroup>
          <Button type="button" appearance="secondary-action-button" busy={logoutPending} disabled={logoutPending} onClick={logout}>
            {t('parent.account.logout')}
          </Button>
        </ButtonGroup>
      </section>
    </>
  );
}
