import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appRoutes } from '@/app/router';
import {
  DATE,
  dayApi,
  EMMA,
  GROUP_4B,
  GROUP_5A,
  groupDay,
  groups,
  me,
  memberships,
  NOAH,
  ORG_SCHOOL,
  parent,
} from '@/features/day/testing/fixtures';
import { minutesOf, todayInZone, utcToZoned } from '@/features/rooms/utils/time';
import { renderRoutes, setupApi } from '@/test/utils';

const gets = (requests: Request[]) =>
  requests
    .filter((r) => r.method === 'GET')
    .map((r) => {
      const url = new URL(r.url);
      return `${url.pathname.replace('/api/v1', '')}${url.search}`;
    });

const rowOf = (name: string) =>
  screen.getAllByTestId('group-day-row').find((row) => within(row).queryByRole('link', { name })) as HTMLElement;

describe('"Vandaag" per group', () => {
  it('asks for the group day of the chosen date and shows who is absent and who goes where', async () => {
    const { requests } = dayApi();
    renderRoutes({ routes: appRoutes, path: `/vandaag?datum=${DATE}`, store: setupApi() });

    expect(await screen.findByRole('heading', { level: 1, name: 'Vandaag' })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Kinderen van Groep 4b op woensdag 25 maart 2026' });
    expect(document.title).toBe('Vandaag – KindCentraal');
    // The person's groups: those of the organisation they work at, in one request, the first chosen.
    expect(gets(requests).filter((p) => p.startsWith('/groups?'))).toEqual(['/groups?mine=true&limit=100']);
    expect(gets(requests)).toContain(`/groups/${GROUP_4B}/day?date=${DATE}`);
    expect(screen.getByLabelText('Groep')).toHaveValue(GROUP_4B);
    expect(within(screen.getByLabelText('Groep')).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Groep 4b',
      'Groep 5a',
    ]);
    expect(screen.getByTestId('group-day-summary')).toHaveTextContent('3 kinderen, 1 afgemeld');

    expect(within(list).getAllByTestId('group-day-row')).toHaveLength(3);
    const noah = rowOf('Noah de Vries');
    expect(within(noah).getByRole('link', { name: 'Noah de Vries' })).toHaveAttribute('href', `/children/${NOAH}`);
    expect(noah).toHaveTextContent('Na school: 15:00–16:00 Judo, Gymzaal (Hoofdgebouw De Regenboog)');
    expect(noah).not.toHaveTextContent('Afgemeld');

    const emma = rowOf('Emma Jansen');
    expect(within(emma).getByText('Afgemeld: ziek')).toBeInTheDocument();
    // Her BSO knows too: struck through.
    expect(emma.querySelector('del')).toHaveTextContent('14:30–18:30 BSO (naschoolse opvang), BSO Zonnestraal');

    const liam = rowOf('Liam Bakker');
    // The API's fixed label "BSO" in the reader's words (day.kinds).
    expect(liam).toHaveTextContent('Na school: 14:30–18:30 BSO (naschoolse opvang), BSO Zonnestraal');
    expect(within(liam).getByText('Ingecheckt')).toBeInTheDocument();
  });

  it('says "Naar huis" when nothing follows school', async () => {
    dayApi({
      groupDay: (groupId) =>
        groupDay({ groupId, children: [{ childId: NOAH, childName: 'Noah de Vries', entries: groupDay().children[0]!.entries.slice(0, 1) }] }),
    });
    renderRoutes({ routes: appRoutes, path: `/vandaag?datum=${DATE}`, store: setupApi() });
    await screen.findAllByTestId('group-day-row');
    expect(rowOf('Noah de Vries')).toHaveTextContent('Na school: Naar huis om 14:30');
  });

  it('keeps the chosen group in the URL and loads its day', async () => {
    const { requests } = dayApi({
      groupDay: (groupId, date) => groupDay({ groupId, date: date ?? DATE, groupName: groupId === GROUP_5A ? 'Groep 5a' : 'Groep 4b' }),
    });
    const user = userEvent.setup();
    const { router } = renderRoutes({ routes: appRoutes, path: `/vandaag?datum=${DATE}`, store: setupApi() });
    await screen.findByRole('list', { name: /Kinderen van Groep 4b/ });

    await user.selectOptions(screen.getByLabelText('Groep'), 'Groep 5a');
    expect(await screen.findByRole('list', { name: 'Kinderen van Groep 5a op woensdag 25 maart 2026' })).toBeInTheDocument();
    expect(router.state.location.search).toContain(`groep=${GROUP_5A}`);
    expect(router.state.location.search).toContain(`datum=${DATE}`);
    expect(gets(requests)).toContain(`/groups/${GROUP_5A}/day?date=${DATE}`);

    const date = screen.getByLabelText('Datum');
    await user.clear(date);
    await user.type(date, '2026-03-26');
    expect(await screen.findByRole('list', { name: 'Kinderen van Groep 5a op donderdag 26 maart 2026' })).toBeInTheDocument();
    expect(router.state.location.search).toContain('datum=2026-03-26');
    expect(router.state.location.search).toContain(`groep=${GROUP_5A}`);
    expect(gets(requests)).toContain(`/groups/${GROUP_5A}/day?date=2026-03-26`);
  });

  it('opens on today in the Netherlands without ?datum=', async () => {
    const { requests } = dayApi({ groupDay: (groupId, date) => groupDay({ groupId, date: date ?? DATE }) });
    renderRoutes({ routes: appRoutes, path: '/vandaag', store: setupApi() });
    await screen.findAllByTestId('group-day-row');
    expect(gets(requests)).toContain(`/groups/${GROUP_4B}/day?date=${todayInZone()}`);
    expect(screen.getByLabelText('Datum')).toHaveValue(todayInZone());
  });

  it('checks a child in and out for the chosen date, at the group\'s organisation, now', async () => {
    const { requests } = dayApi();
    const user = userEvent.setup();
    renderRoutes({ routes: appRoutes, path: `/vandaag?datum=${DATE}`, store: setupApi() });
    await screen.findAllByTestId('group-day-row');

    await user.click(within(rowOf('Noah de Vries')).getByRole('button', { name: 'In: Noah de Vries' }));
    expect(await within(rowOf('Noah de Vries')).findByText(/Noah de Vries is ingecheckt om \d\d:\d\d\./)).toBeInTheDocument();
    const puts = () => requests.filter((r) => r.method === 'PUT');
    expect(puts()).toHaveLength(1);
    expect(new URL(puts()[0]!.url).pathname).toBe(`/api/v1/children/${NOAH}/daily-attendance/${DATE}`);
    const checkIn = (await puts()[0]!.clone().json()) as { checkedInAt: string; organisationId: string };
    expect(Object.keys(checkIn).sort()).toEqual(['checkedInAt', 'organisationId']);
    expect(checkIn.organisationId).toBe(ORG_SCHOOL);
    // The current time on the Amsterdam clock, on the day of the list.
    expect(utcToZoned(checkIn.checkedInAt).date).toBe(DATE);
    const minutesApart = Math.abs(minutesOf(utcToZoned(checkIn.checkedInAt).time) - minutesOf(utcToZoned(new Date()).time));
    expect(Math.min(minutesApart, 1440 - minutesApart)).toBeLessThanOrEqual(1);

    await user.click(within(rowOf('Emma Jansen')).getByRole('button', { name: 'Uit: Emma Jansen' }));
    await waitFor(() => expect(puts()).toHaveLength(2));
    expect(new URL(puts()[1]!.url).pathname).toBe(`/api/v1/children/${EMMA}/daily-attendance/${DATE}`);
    const checkOut = (await puts()[1]!.clone().json()) as Record<string, string>;
    expect(Object.keys(checkOut).sort()).toEqual(['checkedOutAt', 'organisationId']);
    expect(utcToZoned(checkOut.checkedOutAt!).date).toBe(DATE);
    // The list is fetched again for the new state.
    await waitFor(() =>
      expect(gets(requests).filter((p) => p === `/groups/${GROUP_4B}/day?date=${DATE}`).length).toBeGreaterThanOrEqual(2),
    );
  });

  it('offers the BSO its own groups', async () => {
    const { requests } = dayApi({ me: me([memberships.bsoStaff]), groupDay: (groupId) => groupDay({ groupId, groupName: 'BSO De Boomhut' }) });
    renderRoutes({ routes: appRoutes, path: `/vandaag?datum=${DATE}`, store: setupApi() });
    expect(await screen.findByRole('list', { name: /Kinderen van BSO De Boomhut/ })).toBeInTheDocument();
    expect(gets(requests)).toContain(`/groups/${groups.bso.id}/day?date=${DATE}`);
  });

  it('is in the menu for staff only; a parent is sent to the parent app and gets neither the link nor a list', async () => {
    dayApi();
    const { unmount } = renderRoutes({ routes: appRoutes, path: '/children', store: setupApi() });
    const nav = await screen.findByRole('navigation', { name: 'Hoofdmenu' });
    expect(await within(nav).findByRole('link', { name: 'Vandaag' })).toHaveAttribute('href', '/vandaag');
    unmount();

    const { requests } = dayApi({ me: parent });
    const { router } = renderRoutes({ routes: appRoutes, path: '/vandaag', store: setupApi() });
    await waitFor(() => expect(router.state.location.pathname).toBe('/ouder'));
    const parentNav = await screen.findByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(parentNav).queryByRole('link', { name: 'Vandaag' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('group-day-row')).not.toBeInTheDocument();
    expect(gets(requests).some((p) => p.startsWith('/groups'))).toBe(false);
  });

  it('gives a care professional no menu entry', async () => {
    dayApi({ me: me([memberships.care]) });
    renderRoutes({ routes: appRoutes, path: '/vandaag', store: setupApi() });
    expect(await screen.findByTestId('day-only-staff')).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Hoofdmenu' })).queryByRole('link', { name: 'Vandaag' })).not.toBeInTheDocument();
  });
});
