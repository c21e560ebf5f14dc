import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { AppLayout, type LayoutUser } from '@/components/layouts/app-layout';
import { Loading } from '@/components/ui/loading';
import { useMe } from '@/features/auth/api/get-me';
import { useLogout } from '@/features/auth/api/logout';
import { isDayStaff } from '@/features/day/utils/roles';
import { isReportReader } from '@/features/room-reports/utils/roles';
import { NotificationsMenu } from '@/features/support/components/notifications-menu';
import { hasProblemType } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';

export const SECURITY_PATH = '/security';

export type SessionEndReason = 'passwordChanged';

/** What the screens behind the login get from this layout through `useOutletContext()`. */
export type ProtectedOutletContext = {
  /** Forgets the session here after the server ended it (e.g. a new password), then shows why. */
  endSession: (reason: SessionEndReason) => void;
};

/** Screens behind the login: without a session, go to the login screen and come back after. */
export function ProtectedLayout() {
  const { t } = useTranslation();
  const { isAuthenticated, signOut } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe({ enabled: isAuthenticated });
  const endReason = useRef<SessionEndReason | null>(null);
  const logout = useLogout({
    onSettled: () => navigate('/login', { replace: true, state: { loggedOut: true } }),
  });

  const endSession = useCallback(
    (reason: SessionEndReason) => {
      // Read while rendering the redirect below, so it must be set before the session goes.
      endReason.current = reason;
      signOut();
    },
    [signOut],
  );
  const outletContext = useMemo<ProtectedOutletContext>(() => ({ endSession }), [endSession]);

  // Two-factor made mandatory while this user was working: any call may answer
  // `two-factor-enrolment-required`. Ask /me again and go to the page where it is set up.
  useEffect(() => {
    const onError = (error: unknown) => {
      if (!hasProblemType(error, 'two-factor-enrolment-required')) return;
      void queryClient.invalidateQueries({ queryKey: ['me'] });
      if (window.location.pathname !== SECURITY_PATH) navigate(SECURITY_PATH);
    };
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error);
    });
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error);
    });
    return () => {
      unsubscribeQueries();
      unsubscribeMutations();
    };
  }, [queryClient, navigate]);

  const user = useMemo<LayoutUser | null>(() => {
    if (!me.data) return null;
    const roleLabels = [...new Set(me.data.roles)].map((role) => t(`roles.${role}`));
    if (me.data.isGuardian) roleLabels.push(t('header.guardian'));
    // Professionals of the centre's organisations; a municipality analyst sees no child.
    const showSupport = me.data.memberships.some((m) => m.role !== 'municipality_analyst');
    // The room reports are for centre and organisation administrators and the municipality.
    const showRoomReports = isReportReader(me.data);
    // A group's day ("Vandaag") is for the school's and the childcare's staff.
    const showToday = isDayStaff(me.data);
    return { displayName: me.data.displayName, roleLabels, showSupport, showRoomReports, showToday };
  }, [me.data, t]);

  if (!isAuthenticated) {
    if (endReason.current === 'passwordChanged') {
      return <Navigate to="/login" replace state={{ passwordChanged: true }} />;
    }
    if (logout.isPending || logout.isSuccess || logout.isError) {
      return <Navigate to="/login" replace state={{ loggedOut: true }} />;
    }
    return <Navigate to="/login" replace state={{ from: location }} />;
  }

  // Until two-factor is set up the server refuses everything else: go where it is set up.
  if (me.data?.twoFactor.enrolmentRequired && location.pathname !== SECURITY_PATH) {
    return <Navigate to={SECURITY_PATH} replace />;
  }

  return (
    <AppLayout
      user={user}
      onLogout={() => logout.mutate()}
      logoutPending={logout.isPending}
      tools={<NotificationsMenu enabled={Boolean(me.data && !me.data.twoFactor.enrolmentRequired)} />}
    >
      <Suspense fallback={<Loading />}>
        <Outlet context={outletContext} />
      </Suspense>
    </AppLayout>
  );
}
