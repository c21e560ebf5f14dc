/**
 * The accessible names the SPA shows (frontend/src/locales/{nl,en}.json). Page objects select by
 * role and these names, never by CSS class.
 */
export const TEXTS = {
  nl: {
    email: 'E-mailadres',
    password: 'Wachtwoord',
    login: 'Inloggen',
    loginHeading: 'Inloggen',
    wrongCredentials: 'Het e-mailadres of het wachtwoord klopt niet.',
    loggedOut: 'U bent uitgelogd.',
    logout: 'Uitloggen',
    children: 'Kinderen',
    search: 'Zoeken op naam',
    familyName: 'Achternaam',
    openChild: (name: string) => `Bekijk ${name}`,
    openChildPrefix: 'Bekijk ',
    guardians: 'Ouders en verzorgers',
    placements: 'Plaatsingen',
    contactPerson: 'Contactpersoon',
    childNotFound: 'Kind niet gevonden',
    pageNotFound: 'Pagina niet gevonden',
    backToList: 'Terug naar de lijst met kinderen',
    languageGroup: 'Taal',
    accessLogTitle: 'Wie heeft het dossier bekeken',
    accessLogOpen: 'Bekijk wie het dossier heeft ingezien',
    accessLogList: 'Wie heeft het dossier bekeken, nieuwste eerst',
  },
  en: {
    email: 'Email address',
    password: 'Password',
    login: 'Log in',
    loginHeading: 'Log in',
    wrongCredentials: 'The email address or password is not correct.',
    loggedOut: 'You have logged out.',
    logout: 'Log out',
    children: 'Children',
    search: 'Search by name',
    familyName: 'Family name',
    openChild: (name: string) => `View ${name}`,
    openChildPrefix: 'View ',
    guardians: 'Parents and guardians',
    placements: 'Placements',
    contactPerson: 'Contact person',
    childNotFound: 'Child not found',
    pageNotFound: 'Page not found',
    backToList: 'Back to the list of children',
    languageGroup: 'Language',
    accessLogTitle: 'Who has viewed the file',
    accessLogOpen: 'See who has viewed the file',
    accessLogList: 'Who has viewed the file, newest first',
  },
} as const;

export type Language = keyof typeof TEXTS;
export type Texts = (typeof TEXTS)[Language];
