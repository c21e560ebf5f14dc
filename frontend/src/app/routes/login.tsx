import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, type Location } from 'react-router';
import { AppLayout } from '@/components/layouts/app-layout';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useAuth } from '@/lib/auth';
import { LoginForm } from '@/features/auth/components/login-form';
import { PARENT_LANGUAGES } from '@/lib/i18n';

type LoginState = { from?: Location; loggedOut?: boolean; passwordChanged?: boolean } | null;

function target(state: LoginState): string {
  const from = state?.from;
  if (!from || from.pathname === '/login') return '/children';
  return `${from.pathname}${from.search}${from.hash}`;
}

export default function LoginRoute() {
  const { t } = useTranslation();
  const { isAuthenticated } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const state = location.state as LoginState;
  useDocumentTitle(t('login.title'));

  if (isAuthenticated) return <Navigate to={target(state)} replace />;

  // All six languages: a parent can read the login page in Arabic before logging in (its texts
  // are parent texts). After login, staff keep Dutch or English (useAccountLanguage).
  return (
    <AppLayout languages={PARENT_LANGUAGES}>
      <div className="kc-login">
        <Heading level={1}>{t('login.title')}</Heading>
        {state?.passwordChanged ? (
          <Alert type="ok" role="status">
            <Paragraph>{t('login.passwordChanged')}</Paragraph>
          </Alert>
        ) : null}
        {state?.loggedOut ? (
          <Alert type="ok" role="status">
            <Paragraph>{t('login.loggedOut')}</Paragraph>
          </Alert>
        ) : null}
        <LoginForm onSuccess={() => navigate(target(state), { replace: true })} />
      </div>
    </AppLayout>
  );
}
