import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appRoutes } from '@/app/router';
import type { Me } from '@/features/auth/api/get-me';
import { outcomeReport, outcomesMe, REGENBOOG } from '@/features/outcomes/testing/fixtures';
import type { OutcomeReport } from '@/features/outcomes/types';
import { json, mockApi, problem, renderRoutes, setupApi } from '@/test/utils';

/* /rapportage and /rapportage/jaarverslag as the app mounts them: menu, filters, sections, CSV, print. */

function outcomesApi(me: Me, report: (query: URLSearchParams) => OutcomeReport = () => outcomeReport()) {
  return mockApi({
    me,
    read: (path, query) => {
      if (path === '/reports/outcomes') {
        return me.roles.includes('staff') ? problem(403, 'Forbidden') : json(report(query));
      }
      if (path === '/trajectory-norms') {
        return json([{ type: 'logopedie', intakeWithinDays: 5, startWithinDays: 10, isDefault: true }]);
      }
      return undefined;
    },
  });
}

const outcomeRequests = (requests: Request[]) =>
  requests.filter((r) => new URL(r.url).pathname.endsWith('/reports/outcomes')).map((r) => new URL(r.url).searchParams);

/** jsdom's Blob has no text(): read it as a browser from before 2020 would. */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

afterEach(() => {
  vi.useRealTimers();
});

/* Whole pages with every section: on a busy machine (CI, two cores) they take a few seconds. */
const SLOW = { timeout: 20_000 };
const LOADED = { timeout: 10_000 };

describe('/rapportage: the outcome report', SLOW, () => {
  it('is in the menu of the municipality’s analyst and shows every indicator with a reading, a chart and tables', async () => {
    const { requests } = outcomesApi(outcomesMe('analyst'));
    renderRoutes({ routes: appRoutes, path: '/children', store: setupApi() });
    const menu = await screen.findByRole('navigation', { name: 'Hoofdmenu' }, LOADED);
    await userEvent.setup().click(within(menu).getByRole('link', { name: 'Resultaten' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Resultaten van de kindcentra' }, LOADED)).toBeInTheDocument();
    const waiting = await screen.findByRole('region', { name: 'Wachttijden' }, LOADED);
    expect(within(waiting).getByTestId('reading')).toHaveTextContent(
      'Uitkomst: In 2025-2026 begon 60% van alle hulp binnen de norm, tegen 50% in 2024-2025.',
    );
    expect(within(waiting).getByRole('table', { name: 'Wachttijden per periode' })).toBeInTheDocument();
    expect(within(waiting).getByRole('table', { name: 'Wachttijden per kindcentrum, over de hele periode' })).toBeInTheDocument();
    expect(within(waiting).getAllByTestId('chart')).toHaveLength(2);
    expect(within(waiting).getAllByTestId('chart')[0]!.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
    expect(screen.getByTestId('outcomes-shown')).toHaveTextContent(
      'U ziet de cijfers van 1 augustus 2024 tot en met 31 juli 2026, per schooljaar.',
    );
    // The default query: the server's window, per school year; no norms for the analyst.
    expect(outcomeRequests(requests).map((q) => q.toString())).toEqual(['interval=schoolYear']);
    expect(requests.some((r) => r.url.endsWith('/trajectory-norms'))).toBe(false);
  });

  it('asks for the filters in the address, and puts new filters there', async () => {
    const { requests } = outcomesApi(outcomesMe('analyst'), (query) =>
      outcomeReport({ trajectoryType: (query.get('trajectoryType') as OutcomeReport['trajectoryType']) ?? null }),
    );
    const user = userEvent.setup();
    const { router } = renderRoutes({ routes: appRoutes, path: '/rapportage?per=periode', store: setupApi() });
    await screen.findByRole('region', { name: 'Wachttijden' }, LOADED);
    expect(outcomeRequests(requests)[0]!.get('interval')).toBe('term');

    const form = screen.getByTestId('outcome-filters');
    await user.selectOptions(within(form).getByLabelText('Soort hulp'), 'logopedie');
    await user.selectOptions(within(form).getByLabelText('Kindcentrum'), REGENBOOG);
    await user.selectOptions(within(form).getByLabelText('Periode'), 'Schooljaar 2025-2026');
    await user.click(within(form).getByRole('button', { name: 'Toon de cijfers' }));

    await waitFor(() => expect(router.state.location.search).toContain('hulp=logopedie'));
    const search = new URLSearchParams(router.state.location.search);
    expect(Object.fromEntries(search)).toEqual({
      centrum: REGENBOOG,
      van: '2025-08-01',
      tot: '2026-07-31',
      per: 'periode',
      hulp: 'logopedie',
    });
    await waitFor(() => expect(outcomeRequests(requests)).toHaveLength(2));
    expect(Object.fromEntries(outcomeRequests(requests)[1]!)).toEqual({
      interval: 'term',
      centreId: REGENBOOG,
      from: '2025-08-01',
      to: '2026-07-31',
      trajectoryType: 'logopedie',
    });
    const waiting = screen.getByRole('region', { name: 'Wachttijden' });
    await waitFor(() => expect(within(waiting).getByTestId('reading')).toHaveTextContent('van de logopedie binnen de norm'));
  });

  it('checks an own period before asking for it', async () => {
    const { requests } = outcomesApi(outcomesMe('analyst'));
    const user = userEvent.setup();
    renderRoutes({ routes: appRoutes, path: '/rapportage', store: setupApi() });
    await screen.findByRole('region', { name: 'Wachttijden' }, LOADED);
    const form = screen.getByTestId('outcome-filters');
    await user.selectOptions(within(form).getByLabelText('Periode'), 'Eigen periode');
    await user.clear(within(form).getByLabelText('Van'));
    await user.type(within(form).getByLabelText('Van'), '2026-09-01');
    await user.clear(within(form).getByLabelText('Tot en met'));
    await user.type(within(form).getByLabelText('Tot en met'), '2026-01-01');
    await user.click(within(form).getByRole('button', { name: 'Toon de cijfers' }));
    expect(await screen.findByText('De begindatum moet voor de einddatum liggen.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Tot en met')).toHaveFocus();
    expect(outcomeRequests(requests)).toHaveLength(1);
  });

  it('downloads a table as CSV with a header and its rows', async () => {
    const blobs: Blob[] = [];
    vi.stubGlobal(
      'URL',
      class extends URL {
        static override createObjectURL = vi.fn((blob: Blob) => {
          blobs.push(blob);
          return 'blob:outcomes';
        });
        static override revokeObjectURL = vi.fn();
      },
    );
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    outcomesApi(outcomesMe('analyst'));
    renderRoutes({ routes: appRoutes, path: '/rapportage', store: setupApi() });
    const referrals = await screen.findByRole('region', { name: 'Doorverwijzingen' });
    await userEvent.setup().click(
      within(referrals).getByRole('button', { name: 'Download CSV van de tabel Doorverwijzingen per periode' }),
    );
    expect(names).toEqual(['doorverwijzingen-per-periode-2024-08-01-2026-07-31.csv']);
    const text = await readText(blobs[0]!);
    expect(text.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      'Periode;Naar;Doorverwijzingen;Per 100 kinderen',
      '2024-2025;Specialistische jeugdhulp;verborgen;verborgen',
      '2024-2025;Totaal;12;6,3',
      '2025-2026;Specialistische jeugdhulp;10;4,1',
      '2025-2026;Totaal;15;4,1',
      '',
    ]);
  });

  it('shows the caseload to the centre’s administrator, with the norm in the reading', async () => {
    const { requests } = outcomesApi(outcomesMe('admin'), (query) =>
      outcomeReport({ trajectoryType: (query.get('trajectoryType') as OutcomeReport['trajectoryType']) ?? null }),
    );
    renderRoutes({ routes: appRoutes, path: '/rapportage?hulp=logopedie', store: setupApi() });
    expect(await screen.findByRole('heading', { level: 1, name: 'Resultaten van het kindcentrum' })).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Open trajecten per professional' })).toBeInTheDocument();
    const waiting = screen.getByRole('region', { name: 'Wachttijden' });
    await waitFor(() =>
      expect(within(waiting).getByTestId('reading')).toHaveTextContent(
        'In 2025-2026 begon 78% van de logopedie binnen de norm van 10 werkdagen, tegen 64% in 2024-2025.',
      ),
    );
    expect(requests.some((r) => r.url.endsWith('/trajectory-norms'))).toBe(true);
    expect(within(screen.getByRole('navigation', { name: 'Hoofdmenu' })).getByRole('link', { name: 'Resultaten' })).toBeInTheDocument();
  });

  it('is not in the menu of a teacher, and says who it is for without asking the server', async () => {
    const { requests } = outcomesApi(outcomesMe('teacher'));
    renderRoutes({ routes: appRoutes, path: '/rapportage', store: setupApi() });
    expect(await screen.findByTestId('outcomes-forbidden')).toHaveTextContent(
      'Deze cijfers zijn voor de leiding van een kindcentrum, de intern begeleiders en de gemeente.',
    );
    const menu = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(menu).queryByRole('link', { name: 'Resultaten' })).not.toBeInTheDocument();
    expect(outcomeRequests(requests)).toHaveLength(0);
  });

  it('is in the menu of a care coordinator', async () => {
    outcomesApi(outcomesMe('coordinator'));
    renderRoutes({ routes: appRoutes, path: '/children', store: setupApi() });
    const menu = await screen.findByRole('navigation', { name: 'Hoofdmenu' }, LOADED);
    expect(within(menu).getByRole('link', { name: 'Resultaten' })).toHaveAttribute('href', '/rapportage');
  });
});

describe('/rapportage/jaarverslag: the yearly report', SLOW, () => {
  it('sets the school year beside the year before, with readings and tables, and prints', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T12:00:00'));
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const { requests } = outcomesApi(outcomesMe('analyst'));
    const user = userEvent.setup();
    renderRoutes({ routes: appRoutes, path: '/rapportage/jaarverslag?schooljaar=2025-2026', store: setupApi() });

    expect(await screen.findByRole('heading', { level: 1, name: 'Jaarverslag 2025-2026' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Jaarverslag – KindCentraal'));
    expect(screen.getByTestId('annual-centre')).toHaveTextContent('Alle kindcentra in de gemeente');
    await waitFor(() => expect(outcomeRequests(requests)).toHaveLength(1));
    expect(Object.fromEntries(outcomeRequests(requests)[0]!)).toEqual({
      interval: 'schoolYear',
      from: '2024-08-01',
      to: '2026-07-31',
    });
    const parents = await screen.findByRole('region', { name: 'Ouders' });
    expect(within(parents).getByTestId('reading')).toHaveTextContent(
      'In 2025-2026 waren er te weinig kinderen om dit cijfer te tonen.',
    );
    const table = within(parents).getByRole('table', { name: 'Ouders: 2024-2025 en 2025-2026' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Cijfer',
      '2024-2025',
      '2025-2026',
    ]);
    expect(within(within(table).getByRole('row', { name: /Kinderen met een contactpersoon/ })).getAllByRole('cell')[1]).toHaveTextContent(
      'verborgen',
    );

    await user.click(screen.getByRole('button', { name: 'Afdrukken' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('stops at today in a school year still running, and names the centre chosen', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T12:00:00'));
    const { requests } = outcomesApi(outcomesMe('analyst'));
    renderRoutes({ routes: appRoutes, path: `/rapportage/jaarverslag?schooljaar=2026-2027&centrum=${REGENBOOG}`, store: setupApi() });
    expect(await screen.findByText('Schooljaar 2026-2027 loopt nog. De cijfers gaan tot en met 1 december 2026.')).toBeInTheDocument();
    await waitFor(() => expect(outcomeRequests(requests)).toHaveLength(1));
    expect(Object.fromEntries(outcomeRequests(requests)[0]!)).toEqual({
      interval: 'schoolYear',
      from: '2025-08-01',
      to: '2026-12-01',
      centreId: REGENBOOG,
    });
    expect(await screen.findByTestId('annual-centre')).toHaveTextContent('IKC De Regenboog');
  });
});
