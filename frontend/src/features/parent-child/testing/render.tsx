import type { RouteObject } from 'react-router';
import ParentAbsenceRoute from '@/app/routes/parent-absence';
import ParentAccessLogRoute from '@/app/routes/parent-access-log';
import ParentActivitiesRoute from '@/app/routes/parent-activities';
import ParentChildRoute from '@/app/routes/parent-child';
import ParentConsentsRoute from '@/app/routes/parent-consents';
import { renderRoutes, setupApi } from '@/test/utils';

/** The parent's child screens on their own addresses (without the parent layout), and a marker elsewhere. */
export const childRoutes: RouteObject[] = [
  { path: '/ouder/kinderen/:childId', Component: ParentChildRoute },
  { path: '/ouder/kinderen/:childId/toestemming', Component: ParentConsentsRoute },
  { path: '/ouder/kinderen/:childId/bekeken', Component: ParentAccessLogRoute },
  { path: '/ouder/kinderen/:childId/afmelden', Component: ParentAbsenceRoute },
  { path: '/ouder/kinderen/:childId/activiteiten', Component: ParentActivitiesRoute },
  { path: '*', element: <p data-testid="elsewhere">elsewhere</p> },
];

export function renderChildScreen(path: string) {
  return renderRoutes({ routes: childRoutes, path, store: setupApi() });
}
