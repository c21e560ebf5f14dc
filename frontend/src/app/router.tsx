import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { useState } from 'react';
import { Loading } from '@/components/ui/loading';
import { ProtectedLayout } from '@/app/routes/protected-layout';

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
            lazy: async () => ({ Component: (await import('@/app/routes/parent-child')).default }),
          },
          {
            path: 'kinderen/:childId/toestemming',
            lazy: async () => ({ Component: (await import('@/app/routes/parent-consents')).default }),
          },
          {
            path: 'kinderen/:childId/bekeken',
            lazy: async () => ({ Component: (await import('@/app/routes/parent-access-log')).default }),
          },
          {
            path: 'kinderen/:childId/afmelden',
            lazy: async () => ({ Component: (await import('@/app/routes/parent-absence')).default }),
          },
          {
            path: 'kinderen/:childId/hulp-vragen',
            lazy: async () => ({ Component: (await import('@/app/routes/parent-support-request')).default }),
          },
          {
            path: 'kinderen/:childId/activiteiten',
            lazy: async () => ({ Component: (await import('@/app/routes/parent-activities')).default }),
          },
          {
            path: 'kinderen/:childId/gegevens',
            lazy: async () => ({ Component: (await import('@/app/routes/parent-export')).default }),
          },
          {
            path: 'mededelingen',
            lazy: async () => ({ Component: (await import('@/app/routes/parent-announcements')).default }),
          },
          {
            path: 'gesprekken',
            lazy: async () => ({ Component: (await import('@/app/routes/parent-talks')).default }),
          },
          {
            path: 'berichten',
            lazy: async () => ({ Component: (await import('@/app/routes/parent-messages')).default }),
          },
          {
            path: 'berichten/nieuw',
            lazy: async () => ({ Component: (await import('@/app/routes/parent-message-new')).default }),
          },
          {
            path: 'berichten/:threadId',
            lazy: async () => ({ Component: (await import('@/app/routes/parent-message-thread')).default }),
          },
          {
            path: 'account',
            lazy: async () => ({ Component: (await import('@/app/routes/parent-account')).default }),
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
