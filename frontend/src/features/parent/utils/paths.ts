/** The parent app's addresses (the router's /ouder branch). */
export const PARENT_HOME = '/ouder';
export const PARENT_ACCOUNT = '/ouder/account';
export const PARENT_ANNOUNCEMENTS = '/ouder/mededelingen';
export const PARENT_TALKS = '/ouder/gesprekken';

export type ChildPage = '' | 'toestemming' | 'bekeken' | 'afmelden' | 'activiteiten' | 'gegevens' | 'hulp-vragen';

/** /ouder/kinderen/:childId, or one of its sub-pages. */
export function childPath(childId: string, page: ChildPage = ''): string {
  return page ? `/ouder/kinderen/${childId}/${page}` : `/ouder/kinderen/${childId}`;
}

/** True for /ouder and every address under it. */
export function isParentPath(pathname: string): boolean {
  return pathname === PARENT_HOME || pathname.startsWith(`${PARENT_HOME}/`);
}
