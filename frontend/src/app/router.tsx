import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { createBrowserRouter, matchRoutes, Navigate, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { type ComponentType, useState } from 'react';
import { Loading } from '@/components/ui/loading';
import { mayBeParent, prefetchLoader, type PrefetchDeps, type PrefetchQuery } from '@/app/prefetch';
import { ProtectedLayout } from '@/app/routes/protected-layout';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { parentHomeQueryOptions } from '@/features/parent/api/get-home';
import { childScreenQueryOptions, type ChildScreen } from '@/features/parent-child/api/get-child-screen';
import { useAuth } from '@/lib/auth';
import { loadLaterTexts } from '@/lib/i18n';

/** A screen's module as a route's `lazy` (one function, not one closure per route: bytes of the entry). */
function screen(load: () => Promise<{ default: ComponentType }>) {
  return async () => ({ Component: (await load()).default });
}

/**
 * A parent screen past the first: its module and its texts (PARENT_LATER_NAMESPACES, lib/i18n.ts)
 * load side by side, and the screen shows once both are there.
 */
function withLaterTexts(load: () => Promise<{ default: ComponentType }>) {
  return screen(async () => (await Promise.all([load(), loadLaterTexts()]))[0]);
}

/**
 * Each screen is its own chunk: the first screen loads only what it shows. With `deps`, the
 * loaders start the requests of /me and of the parent screens as the navigation starts
 * (app/prefetch.ts); without, the routes have no loaders (preloadScreens only loads code).
 */
export function appRoutes(deps?: PrefetchDeps): RouteObject[] {
  const prefetch = <TData, TKey extends QueryKey>(query: PrefetchQuery<TData, TKey>) =>
    deps ? prefetchLoader(deps, query) : undefined;
  const childScreen = (screen: ChildScreen) =>
    prefetch(({ params }, queryClient) =>
      params.childId && mayBeParent(queryClient) ? childScreenQueryOptions(params.childId, screen) : null,
    );
  return [
    {
      path: '/login',
      lazy: screen(() => import('@/app/routes/login')),
      HydrateFallback: Loading,
    },
    {
      path: '/',
      Component: ProtectedLayout,
      HydrateFallback: Loading,
      loader: prefetch(() => meQueryOptions()),
      children: [
        { index: true, element: <Navigate to="/children" replace /> },
        {
          path: 'children',
          lazy: screen(() => import('@/app/routes/children-list')),
        },
        {
          path: 'children/:childId',
          lazy: screen(() => import('@/app/routes/child-detail')),
        },
        {
          path: 'children/:childId/afmelden',
          lazy: screen(() => import('@/app/routes/absence-report')),
        },
        {
          path: 'children/:childId/verwijderverzoek',
          lazy: screen(() => import('@/app/routes/child-erasure')),
        },
        {
          path: 'children/:childId/samenvoegen',
          lazy: screen(() => import('@/app/routes/child-merge')),
        },
        {
          path: 'vandaag',
          lazy: screen(() => import('@/app/routes/today')),
        },
        {
          path: 'zorg',
          lazy: screen(() => import('@/app/routes/support-board')),
        },
        {
          path: 'zorg/trajecten/:trajectoryId',
          lazy: screen(() => import('@/app/routes/trajectory-detail')),
        },
        {
          path: 'zorg/signalen',
          lazy: screen(() => import('@/app/routes/signals-inbox')),
        },
        {
          path: 'zorg/agenda',
          lazy: screen(() => import('@/app/routes/support-agenda')),
        },
        {
          path: 'zorg/normen',
          lazy: screen(() => import('@/app/routes/support-norms')),
        },
        {
          path: 'zorg/intern-begeleiders',
          lazy: screen(() => import('@/app/routes/care-coordinators')),
        },
        {
          path: 'ruimtes',
          lazy: screen(() => import('@/app/routes/rooms-calendar')),
        },
        {
          path: 'ruimtes/aanvragen',
          lazy: screen(() => import('@/app/routes/rooms-approvals')),
        },
        {
          path: 'ruimtes/gebruik',
          lazy: screen(() => import('@/app/routes/room-reports-utilisation')),
        },
        {
          path: 'ruimtes/vierkante-meters',
          lazy: screen(() => import('@/app/routes/room-reports-floor-area')),
        },
        {
          path: 'rapportage',
          lazy: screen(() => import('@/app/routes/outcomes')),
        },
        {
          path: 'rapportage/jaarverslag',
          lazy: screen(() => import('@/app/routes/outcomes-annual-report')),
        },
        {
          path: 'activiteiten',
          lazy: screen(() => import('@/app/routes/activities-catalogue')),
        },
        {
          path: 'activiteiten/:activityId',
          lazy: screen(() => import('@/app/routes/activity-detail')),
        },
        {
          path: 'mededelingen',
          lazy: screen(() => import('@/app/routes/announcements')),
        },
        {
          path: 'gesprekken',
          lazy: screen(() => import('@/app/routes/talks')),
        },
        {
          path: 'berichten',
          lazy: screen(() => import('@/app/routes/messages')),
        },
        {
          path: 'berichten/:threadId',
          lazy: screen(() => import('@/app/routes/message-thread')),
        },
        {
          path: 'koppelingen',
          lazy: screen(() => import('@/app/routes/api-clients')),
        },
        {
          path: 'bewaartermijnen',
          lazy: screen(() => import('@/app/routes/retention-schedule')),
        },
        {
          path: 'security',
          lazy: screen(() => import('@/app/routes/security')),
        },
        {
          // The parent app (issue 10): its own frame and screens; protected-layout keeps parents
          // here and staff out.
          path: 'ouder',
          // The frame's child switcher and the home read GET /me/home.
          loader: prefetch((_args, queryClient) => (mayBeParent(queryClient) ? parentHomeQueryOptions() : null)),
          lazy: screen(() => import('@/app/routes/parent-layout-route')),
          children: [
            {
              index: true,
              lazy: screen(() => import('@/app/routes/parent-home')),
            },
            {
              path: 'kinderen/:childId',
              loader: childScreen('overview'),
              lazy: withLaterTexts(() => import('@/app/routes/parent-child')),
            },
            {
              path: 'kinderen/:childId/toestemming',
              loader: childScreen('consents'),
              lazy: withLaterTexts(() => import('@/app/routes/parent-consents')),
            },
            {
              path: 'kinderen/:childId/bekeken',
              lazy: withLaterTexts(() => import('@/app/routes/parent-access-log')),
            },
            {
              path: 'kinderen/:childId/afmelden',
              loader: childScreen('absence'),
              lazy: withLaterTexts(() => import('@/app/routes/parent-absence')),
            },
            {
              path: 'kinderen/:childId/hulp-vragen',
              lazy: withLaterTexts(() => import('@/app/routes/parent-support-request')),
            },
            {
              path: 'kinderen/:childId/activiteiten',
              lazy: withLaterTexts(() => import('@/app/routes/parent-activities')),
            },
            {
              path: 'kinderen/:childId/gegevens',
              lazy: withLaterTexts(() => import('@/app/routes/parent-export')),
            },
            {
              path: 'mededelingen',
              lazy: withLaterTexts(() => import('@/app/routes/parent-announcements')),
            },
            {
              path: 'gesprekken',
              lazy: withLaterTexts(() => import('@/app/routes/parent-talks')),
            },
            {
              path: 'berichten',
              lazy: withLaterTexts(() => import('@/app/routes/parent-messages')),
            },
            {
              path: 'berichten/nieuw',
              lazy: withLaterTexts(() => import('@/app/routes/parent-message-new')),
            },
            {
              path: 'berichten/:threadId',
              lazy: withLaterTexts(() => import('@/app/routes/parent-message-thread')),
            },
            {
              path: 'account',
              lazy: withLaterTexts(() => import('@/app/routes/parent-account')),
            },
            {
              path: '*',
              lazy: screen(() => import('@/app/routes/not-found')),
            },
          ],
        },
        {
          path: '*',
          lazy: screen(() => import('@/app/routes/not-found')),
        },
      ],
    },
  ];
}

/**
 * Starts loading the code (and texts) of the screens at `pathname` at once: main.tsx calls it
 * before the config, the session and the first render, after which the router would only begin.
 */
export function preloadScreens(pathname: string): void {
  for (const { route } of matchRoutes(appRoutes(), pathname) ?? []) {
    if (typeof route.lazy === 'function') route.lazy().catch(() => undefined);
  }
}

export function AppRouter() {
  const queryClient = useQueryClient();
  const { store } = useAuth();
  const [router] = useState(() => createBrowserRouter(appRoutes({ queryClient, store })));
  return <RouterProvider router={router} />;
}
