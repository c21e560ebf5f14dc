import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { AppLayout, type LayoutUser } from '@/components/layouts/app-layout';
import { Loading } from '@/components/ui/loading';
import { useMe } from '@/features/auth/api/get-me';
import { useLogout } from '@/features/auth/api/logout';
import { useAuth } from '@/lib/auth';

/** Screens behind the login: without a session, go to the login screen and come back after. */
export function ProtectedLayout() {
  const { t } = useTranslation();
  const { isAuthenticated } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe({ enabled: isAuthenticated });
  const logout = useLogout({
    onSettled: () => navigate('/login', { replace: true, state: { loggedOut: true } }),
  });

  const user = useMemo<LayoutUser | null>(() => {
    if (!me.data) return null;
    const roleLabels = [...new Set(me.data.roles)].map((role) => t(`roles.${role}`));
    if (me.data.isGuardian) roleLabels.push(t('header.guardian'));
    return { displayName: me.data.displayName, roleLabels };
  }, [me.data, t]);

  if (!isAuthenticated) {
    if (logout.isPending || logout.isSuccess || logout.isError) {
      return <Navigate to="/login" replace state={{ loggedOut: true }} />;
    }
    return <Navigate to="/login" replace state={{ from: location }} />;
  }

  return (
    <AppLayout user={user} onLogout={() => logout.mutate()} logoutPending={logout.isPending}>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </AppLayout>
  );
}
