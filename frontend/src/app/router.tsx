import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { type ComponentType, useState } from 'react';
import { Loading } from '@/components/ui/loading';
import { ProtectedLayout } from '@/app/routes/protected-layout';
import { loadLaterTexts } from '@/lib/i18n';

/**
 * A parent screen past the first: its module and its texts (PARENT_LATER_NAMESPACES, lib/i18n.ts)
 * load side by side, and the screen shows once both are there.
 */
function withLaterTexts(load: () => Promise<{ default: ComponentType }>) {
  return async () => {
    const [module] = await Promise.all([load(), loadLaterTexts()]);
    return { Component: module.default };
  };
}

/** Each screen is its own chunk: the first screen loads only what it shows. */
export const routes: RouteObject[] = [
  {
    path: '/login',
    lazy: async () => ({ Component: (await import('@/app/routes/login')).default }),
    HydrateFallback: Loading,
  },
  {
    path: '/',
    Component: ProtectedLayout,
    HydrateFallback: Loading,
    children: [
      { index: true, element: <Navigate to="/children" replace /> },
      {
        path: 'children',
        lazy: async () => ({ Component: (await import('@/app/routes/children-list')).default }),
      },
      {
        path: 'children/:childId',
        lazy: async () => ({ Component: (await import('@/app/routes/child-detail')).default }),
      },
      {
        path: 'children/:childId/afmelden',
        lazy: async () => ({ Component: (await import('@/app/routes/absence-report')).default }),
      },
      {
        path: 'children/:childId/verwijderverzoek',
        lazy: async () => ({ Component: (await import('@/app/routes/child-erasure')).default }),
      },
      {
        path: 'children/:childId/samenvoegen',
        lazy: async () => ({ Component: (await import('@/app/routes/child-merge')).default }),
      },
      {
        path: 'vandaag',
        lazy: async () => ({ Component: (await import('@/app/routes/today')).default }),
      },
      {
        path: 'zorg',
        lazy: async () => ({ Component: (await import('@/app/routes/support-board')).default }),
      },
      {
        path: 'zorg/trajecten/:trajectoryId',
        lazy: async () => ({ Component: (await import('@/app/routes/trajectory-detail')).default }),
      },
      {
        path: 'zorg/signalen',
        lazy: async () => ({ Component: (await import('@/app/routes/signals-inbox')).default }),
      },
      {
        path: 'zorg/agenda',
        lazy: async () => ({ Component: (await import('@/app/routes/support-agenda')).default }),
      },
      {
        path: 'zorg/normen',
        lazy: async () => ({ Component: (await import('@/app/routes/support-norms')).default }),
      },
      {
        path: 'zorg/intern-begeleiders',
        lazy: async () => ({ Component: (await import('@/app/routes/care-coordinators')).default }),
      },
      {
        path: 'ruimtes',
        lazy: async () => ({ Component: (await import('@/app/routes/rooms-calendar')).default }),
      },
      {
        path: 'ruimtes/aanvragen',
        lazy: async () => ({ Component: (await import('@/app/routes/rooms-approvals')).default }),
      },
      {
        path: 'ruimtes/gebruik',
        lazy: async () => ({ Component: (await import('@/app/routes/room-reports-utilisation')).default }),
      },
      {
        path: 'ruimtes/vierkante-meters',
        lazy: async () => ({ Component: (await import('@/app/routes/room-reports-floor-area')).default }),
      },
      {
        path: 'rapportage',
        lazy: async () => ({ Component: (await import('@/app/routes/outcomes')).default }),
      },
      {
        path: 'rapportage/jaarverslag',
        lazy: async () => ({ Component: (await import('@/app/routes/outcomes-annual-report')).default }),
      },
      {
        path: 'activiteiten',
        lazy: async () => ({ Component: (await import('@/app/routes/activities-catalogue')).default }),
      },
      {
        path: 'activiteiten/:activityId',
        lazy: async () => ({ Component: (await import('@/app/routes/activity-detail')).default }),
      },
      {
        path: 'mededelingen',
        lazy: async () => ({ Component: (await import('@/app/routes/announcements')).default }),
      },
      {
        path: 'gesprekken',
        lazy: async () => ({ Component: (await import('@/app/routes/talks')).default }),
      },
      {
        path: 'berichten',
        lazy: async () => ({ Component: (await import('@/app/routes/messages')).default }),
      },
      {
        path: 'berichten/:threadId',
        lazy: async () => ({ Component: (await import('@/app/routes/message-thread')).default }),
      },
      {
        path: 'koppelingen',
        lazy: async () => ({ Component: (await import('@/app/routes/api-clients')).default }),
      },
      {
        path: 'bewaartermijnen',
        lazy: async () => ({ Component: (await import('@/app/routes/retention-schedule')).default }),
      },
      {
        path: 'security',
        lazy: async () => ({ Component: (await import('@/app/routes/security')).default }),
      },
      {
        // The parent app (issue 10): its own frame and screens; protected-layout keeps parents
        // here and staff out.
        path: 'ouder',
        lazy: async () => ({ Component: (await import('@/app/routes/parent-layout-route')).default }),
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await import('@/app/routes/parent-home')).default }),
          },
          {
            path: 'kinderen/:childId',
            lazy: withLaterTexts(() => import('@/app/routes/parent-child')),
          },
          {
            path: 'kinderen/:childId/toestemming',
            lazy: withLaterTexts(() => import('@/app/routes/parent-consents')),
          },
          {
            path: 'kinderen/:childId/bekeken',
            lazy: withLaterTexts(() => import('@/app/routes/parent-access-log')),
          },
          {
            path: 'kinderen/:childId/afmelden',
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
            lazy: async () => ({ Component: (await import('@/app/routes/not-found')).default }),
          },
        ],
      },
      {
        path: '*',
        lazy: async () => ({ Component: (await import('@/app/routes/not-found')).default }),
      },
    ],
  },
];

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
