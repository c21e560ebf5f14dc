import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appRoutes } from '@/app/router';
import { EMMA, NOAH, homeChild, parentApi, twoChildren } from '@/features/parent/testing/fixtures';
import { CHILD_COLOURS, contrastRatio } from '@/features/parent/utils/child-colour';
import { renderRoutes, setupApi } from '@/test/utils';

const cards = () => screen.findAllByTestId('parent-child-card');

describe('the parent home', () => {
  it('shows each child with its badge, today and links, from one request', async () => {
    const { requests } = parentApi();
    renderRoutes({ routes: appRoutes, path: '/ouder', store: setupApi() });

    expect(await screen.findByRole('heading', { level: 1, name: 'Overzicht' })).toBeInTheDocument();
    const [noah, emma] = await cards();
    expect(within(noah!).getByRole('heading', { level: 2 })).toHaveTextContent('Noah de Vries');
    expect(within(emma!).getByRole('heading', { level: 2 })).toHaveTextContent('Emma de Vries');
    // Each child has its own colour and initial, the oldest first.
    const noahBadge = noah!.querySelector('.kc-child-badge')!;
    const emmaBadge = emma!.querySelector('.kc-child-badge')!;
    expect(noahBadge).toHaveTextContent('N');
    expect(emmaBadge).toHaveTextContent('E');
    expect(noahBadge).toHaveStyle({ backgroundColor: CHILD_COLOURS[0] });
    expect(emmaBadge).toHaveStyle({ backgroundColor: CHILD_COLOURS[1] });
    // Today's day, from the day timeline: Noah has judo, Emma the BSO.
    expect(within(noah!).getAllByTestId('day-entry').map((e) => e.textContent)).toEqual([
      expect.stringContaining('SchoolBij: Basisschool De RegenboogWaar: Groep 4b'),
      expect.stringContaining('Judo'),
    ]);
    expect(within(emma!).getByText('BSO (naschoolse opvang)')).toBeInTheDocument();
    expect(within(noah!).queryByText('BSO (naschoolse opvang)')).not.toBeInTheDocument();
    expect(within(noah!).getByRole('link', { name: 'Alles over Noah' })).toHaveAttribute('href', `/ouder/kinderen/${NOAH}`);
    expect(within(emma!).getByRole('link', { name: 'Emma ziek of afwezig melden' })).toHaveAttribute(
      'href',
      `/ouder/kinderen/${EMMA}/afmelden`,
    );
    // The whole screen came from GET /me/home (and the frame's notifications and unread messages).
    const paths = requests.map((r) => new URL(r.url).pathname.replace('/api/v1', ''));
    expect(paths.filter((p) => p !== '/me' && p !== '/notifications' && p !== '/threads/unread-count')).toEqual([
      '/me/home',
    ]);
  });

  it('lists what needs doing, each naming its child and leading to the right screen', async () => {
    parentApi();
    renderRoutes({ routes: appRoutes, path: '/ouder', store: setupApi() });

    const section = await screen.findByTestId('parent-actions');
    expect(within(section).getByRole('heading', { level: 2, name: 'Wat moet ik doen?' })).toBeInTheDocument();
    const items = within(section).getAllByTestId('parent-action');
    expect(items).toHaveLength(3);
    const careTeam = within(items[0]!).getByRole('link');
    expect(careTeam).toHaveTextContent('Logopediepraktijk Spraakwater wil helpen in het zorgteam van Noah. Geeft u toestemming?');
    expect(careTeam).toHaveAttribute('href', `/ouder/kinderen/${NOAH}/toestemming`);
    const trajectory = within(items[1]!).getByRole('link');
    expect(trajectory).toHaveTextContent('Er is hulp voor Noah aangevraagd: Logopedie.');
    expect(trajectory).toHaveAttribute('href', `/ouder/kinderen/${NOAH}/toestemming`);
    const place = within(items[2]!).getByRole('link');
    expect(place).toHaveTextContent('Emma kan meedoen met Zwemles.');
    expect(place).toHaveAttribute('href', `/ouder/kinderen/${EMMA}/activiteiten`);
    // Each action carries its child's badge.
    expect(items.map((item) => item.querySelector('.kc-child-badge')?.textContent)).toEqual(['N', 'N', 'E']);
    // The words that need it are explained beside them.
    expect(within(section).getByText(/^Toestemming: u zegt ja of nee/)).toBeInTheDocument();
    expect(within(section).getByText(/^Zorgteam: de mensen die samen/)).toBeInTheDocument();
    expect(within(section).getByTestId('parent-unread')).toHaveTextContent('U heeft 3 nieuwe berichten.');
  });

  it('says there is nothing to do when there is nothing', async () => {
    parentApi({ home: { children: [homeChild()], unreadNotifications: 0, unreadMessages: 0 } });
    renderRoutes({ routes: appRoutes, path: '/ouder', store: setupApi() });
    const section = await screen.findByTestId('parent-actions');
    expect(section).toHaveTextContent('U hoeft nu niets te doen.');
    expect(within(section).queryByTestId('parent-action')).not.toBeInTheDocument();
    expect(within(section).queryByText(/^Toestemming:/)).not.toBeInTheDocument();
  });

  it('tells a guardian without parental authority plainly why consents and support are not shown', async () => {
    const home = twoChildren();
    home.children[1] = { ...home.children[1]!, hasParentalAuthority: false, actions: [] };
    parentApi({ home });
    renderRoutes({ routes: appRoutes, path: '/ouder', store: setupApi() });

    const [noah, emma] = await cards();
    const notice = within(emma!).getByTestId('no-authority');
    expect(notice).toHaveTextContent(
      'U heeft geen gezag over Emma. Daarom ziet u geen toestemmingen en geen hulp voor Emma.',
    );
    expect(notice).toHaveTextContent('Gezag: u mag beslissen over de opvoeding en de zorg van een kind.');
    // Without authority the server refuses an absence report: no link to it.
    expect(within(emma!).queryByRole('link', { name: /ziek of afwezig melden/ })).not.toBeInTheDocument();
    expect(within(noah!).queryByTestId('no-authority')).not.toBeInTheDocument();
    expect(within(noah!).getByRole('link', { name: 'Noah ziek of afwezig melden' })).toBeInTheDocument();
  });

  it('shows the contact person once for both children, with initials, phone, e-mail and a message button', async () => {
    parentApi();
    renderRoutes({ routes: appRoutes, path: '/ouder', store: setupApi() });

    const contacts = await screen.findAllByTestId('contact-person');
    expect(contacts).toHaveLength(1);
    const contact = contacts[0]!;
    expect(screen.getByRole('heading', { level: 2, name: 'Uw contactpersoon' })).toBeInTheDocument();
    expect(within(contact).getByRole('heading', { level: 3, name: 'Anna Jansen' })).toBeInTheDocument();
    expect(contact.querySelector('.kc-parent-contact__avatar')).toHaveTextContent('AJ');
    expect(contact).toHaveTextContent('Voor Noah en Emma');
    expect(within(contact).getByRole('link', { name: '06 12 34 56 78' })).toHaveAttribute('href', 'tel:0612345678');
    expect(within(contact).getByRole('link', { name: 'anna.jansen@regenboog.demo' })).toHaveAttribute(
      'href',
      'mailto:anna.jansen@regenboog.demo',
    );
    // A message in the app (issue 11), no longer the parent's own e-mail app.
    expect(within(contact).getByRole('link', { name: 'Stuur een bericht' }).getAttribute('href')).toBe(
      `/ouder/berichten/nieuw?kind=${NOAH}`,
    );
  });

  it('leaves out the phone when there is none, and names a child without a contact person', async () => {
    const home = twoChildren();
    home.children[0] = { ...home.children[0]!, contactPerson: { ...home.children[0]!.contactPerson!, phone: null } };
    home.children[1] = { ...home.children[1]!, contactPerson: null };
    parentApi({ home });
    renderRoutes({ routes: appRoutes, path: '/ouder', store: setupApi() });

    const contact = await screen.findByTestId('contact-person');
    expect(within(contact).queryByRole('link', { name: /06/ })).not.toBeInTheDocument();
    expect(contact).toHaveTextContent('Voor Noah');
    expect(screen.getByText('Emma heeft nog geen contactpersoon.')).toBeInTheDocument();
  });
});

describe('the children’s colours', () => {
  it('each carry white text at a contrast of at least 4.5:1', () => {
    for (const colour of CHILD_COLOURS) expect(contrastRatio(colour, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(new Set(CHILD_COLOURS).size).toBe(CHILD_COLOURS.length);
  });
});
