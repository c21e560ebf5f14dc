/** Where the e2e stack listens. Own ports, so a running `make run` (8000/5173) is never touched. */
export const API_PORT = Number(process.env.KC_E2E_API_PORT ?? 8100);
export const SPA_PORT = Number(process.env.KC_E2E_SPA_PORT ?? 5183);
export const API_ORIGIN = `http://127.0.0.1:${API_PORT}`;
export const API_BASE_URL = `${API_ORIGIN}/api/v1`;
export const SPA_URL = `http://127.0.0.1:${SPA_PORT}`;

/** The demo accounts of `kindcentraal seed demo`. */
export const DEMO_PASSWORD = 'Regenboog-demo-2026';
export const USERS = {
  teacher: 'leerkracht@regenboog.demo',
  parent: 'ouder@regenboog.demo',
  admin: 'beheer@regenboog.demo',
  childcare: 'pm@regenboog.demo',
  speechTherapist: 'logopedist@regenboog.demo',
  /** The intern begeleider: care coordinator of the centre, contact person of the parent's children. */
  careCoordinator: 'ib@regenboog.demo',
  /** The municipality's analyst: reads the room reports, sees no child. */
  analyst: 'gemeente@regenboog.demo',
} as const;
export type DemoUser = keyof typeof USERS;

/**
 * The class teacher of a school group in the demo data: `leerkracht.groep<grade>@…`, except
 * groep 5, whose teacher is `USERS.teacher` (kindcentraal/seed/demo.py).
 */
export function classTeacherEmail(grade: number): string {
  return grade === 5 ? USERS.teacher : `leerkracht.groep${grade}@regenboog.demo`;
}
