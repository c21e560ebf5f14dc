import { useQueryClient } from '@tanstack/react-query';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { Suspense, useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { AppLayout, type LayoutUser } from '@/components/layouts/app-layout';
import { Loading } from '@/components/ui/loading';
import { managesApiClients } from '@/features/api-clients/utils/roles';
import { useMe, type Me } from '@/features/auth/api/get-me';
import { useLogout } from '@/features/auth/api/logout';
import { useAccountLanguage } from '@/features/auth/hooks/use-account-language';
import { isDayStaff } from '@/features/day/utils/roles';
import { isParentOnly } from '@/features/parent/utils/is-parent';
import { isParentPath, PARENT_ACCOUNT, PARENT_HOME } from '@/features/parent/utils/paths';
import { readsOutcomes } from '@/features/outcomes/utils/roles';
import { isReportReader } from '@/features/room-reports/utils/roles';
import { NotificationsMenu } from '@/features/support/components/notifications-menu';
import { UnreadBadge } from '@/features/messages/components/unread-badge';
import { hasProblemType } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';
import { PARENT_LANGUAGES, STAFF_LANGUAGES, useStaffTexts } from '@/lib/i18n';
import { useStaffFont } from '@/lib/staff-font';

export const SECURITY_PATH = '/security';

export type SessionEndReason = 'passwordChanged' | 'signedOutEverywhere';

// One object each, not a new one per render: <Navigate> navigates again whenever its `state`
// changes, and a render during the navigation would start it over and over.
const PASSWORD_CHANGED = { passwordChanged: true } as const;
const LOGGED_OUT = { loggedOut: true } as const;

/** Where two-factor is set up: a parent's account page in the parent app, else the staff page. */
function securityPathFor(me: Me | undefined): string {
  return me && isParentOnly(me) ? PARENT_ACCOUNT : SECURITY_PATH;
}

/** What the screens behind the login get from this layout through `useOutletContext()`. */
export type ProtectedOutletContext = {
  /** Forgets the session here after the server ended it (e.g. a new password), then shows why. */
  endSession: (reason: SessionEndReason) => void;
  /** Logs out on the server and shows the login screen with "U bent uitgelogd" (the parent app's account page). */
  logout: () => void;
  logoutPending: boolean;
};

/** Screens behind the login: without a session, go to the login screen and come back after. */
export function ProtectedLayout() {
  const { t } = useTranslation();
  const { status, signOut } = useAuth();
  // Also while the session is being checked (the app just opened: the refresh cookie decides):
  // the first request waits for that answer, and only a refusal leads to the login screen.
  const isAuthenticated = status !== 'signedOut';
  const location = useLocation();
  const fromHere = useMemo(() => ({ from: location }), [location]);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe({ enabled: isAuthenticated });
  const endReason = useRef<SessionEndReason | null>(null);
  const logout = useLogout({
    onSettled: () => navigate('/login', { replace: true, state: LOGGED_OUT }),
  });

  const endSession = useCallback(
    (reason: SessionEndReason) => {
      // Read while rendering the redirect below, so it must be set before the session goes.
      endReason.current = reason;
      signOut();
    },
    [signOut],
  );
  const { mutate: logoutMutate, isPending: logoutPending } = logout;
  const outletContext = useMemo<ProtectedOutletContext>(
    () => ({ endSession, logout: () => logoutMutate(), logoutPending }),
    [endSession, logoutMutate, logoutPending],
  );

  // Two-factor made mandatory while this user was working: any call may answer
  // `two-factor-enrolment-required`. Ask /me again and go to the page where it is set up.
  useEffect(() => {
    const onError = (error: unknown) => {
      if (!hasProblemType(error, 'two-factor-enrolment-required')) return;
      void queryClient.invalidateQueries({ queryKey: ['me'] });
      const target = securityPathFor(queryClient.getQueryData<Me>(['me']));
      if (window.location.pathname !== target) navigate(target);
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

  const onParentPath = isParentPath(location.pathname);
  // The account's remembered language, among those the app offers this person: six for parents.
  const parentApp = me.data ? isParentOnly(me.data) : onParentPath;
  useAccountLanguage(parentApp ? PARENT_LANGUAGES : STAFF_LANGUAGES);
  // The staff texts are a chunk of their own (lib/i18n.ts): loaded once /me says this is no
  // parent, and the staff frame waits for them, so it never shows a key. Parents never load them.
  const meKnown = !(me.isPending && me.errorUpdateCount === 0);
  const staffScreens = isAuthenticated && meKnown && !parentApp && !onParentPath;
  const staffTexts = useStaffTexts(staffScreens);
  // The staff screens' typeface comes with their texts; the parent app uses the phone's own.
  useStaffFont(staffScreens);

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
    // The API clients ("Koppelingen") are for organisation and centre administrators.
    const showApiClients = managesApiClients(me.data);
    // The outcome reports ("Resultaten", /rapportage) are for the centre's management and the municipality.
    const showOutcomes = readsOutcomes(me.data);
    // The retention schedule ("Bewaartermijnen") is for centre administrators.
    const showRetention = me.data.roles.includes('centre_admin');
    return {
      displayName: me.data.displayName,
      roleLabels,
      showSupport,
      showRoomReports,
      showToday,
      showApiClients,
      showOutcomes,
      showRetention,
    };
  }, [me.data, t]);

  if (!isAuthenticated) {
    if (endReason.current === 'passwordChanged') {
      return <Navigate to="/login" replace state={PASSWORD_CHANGED} />;
    }
    if (logout.isPending || logout.isSuccess || logout.isError || endReason.current === 'signedOutEverywhere') {
      return <Navigate to="/login" replace state={LOGGED_OUT} />;
    }
    return <Navigate to="/login" replace state={fromHere} />;
  }

  // Until two-factor is set up the server refuses everything else: go where it is set up.
  const securityPath = securityPathFor(me.data);
  if (me.data?.twoFactor.enrolmentRequired && location.pathname !== securityPath) {
    return <Navigate to={securityPath} replace />;
  }

  // Parents have their own app under /ouder and never see the staff screens; staff never see /ouder.
  // Until it is known who is logged in, neither is shown. Only on the first load: a query
  // without data turns pending again each time it is retried, and a failed /me (offline, API
  // down) would swap the screen and the loading state forever.
  if (me.isPending && me.errorUpdateCount === 0) return <Loading />;
  const parentOnly = me.data ? isParentOnly(me.data) : null;
  if (parentOnly === true && !onParentPath) return <Navigate to={PARENT_HOME} replace />;
  if (parentOnly === false && onParentPath) return <Navigate to="/children" replace />;
  if (onParentPath) {
    // The parent app draws its own frame (parent-layout-route).
    return (
      <Suspense fallback={<Loading />}>
        <Outlet context={outletContext} />
      </Suspense>
    );
  }

  if (staffTexts === 'failed') {
    return (
      <Alert type="error" role="alert">
        <Paragraph>{t('errors.network')}</Paragraph>
      </Alert>
    );
  }
  if (staffTexts === 'loading') return <Loading />;

  return (
    <AppLayout
      user={user}
      onLogout={() => logout.mutate()}
      logoutPending={logout.isPending}
      tools={<NotificationsMenu enabled={Boolean(me.data && !me.data.twoFactor.enrolmentRequired)} />}
      messagesBadge={
        user?.showSupport ? <UnreadBadge enabled={Boolean(me.data && !me.data.twoFactor.enrolmentRequired)} /> : null
      }
    >
      <Suspense fallback={<Loading />}>
        <Outlet context={outletContext} />
      </Suspense>
    </AppLayout>
  );
}
