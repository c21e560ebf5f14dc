import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import FloorAreaPage from '@/app/routes/room-reports-floor-area';
import RoomUtilisationPage from '@/app/routes/room-reports-utilisation';
import {
  annex,
  ANNEX_ID,
  building,
  BUILDING_ID,
  CLASSROOM_ID,
  floorAreaReport,
  forbidden,
  GYM_ID,
  me,
  paths,
  reportsApi,
} from '@/features/room-reports/testing/fixtures';
import { schoolYear } from '@/features/room-reports/utils/period';
import { i18n } from '@/lib/i18n';
import { renderRoutes, setupApi } from '@/test/utils';

/* The two report pages as the router will mount them (router.tsx lazy-loads these files). */
const routes: RouteObject[] = [
  { path: '/ruimtes/gebruik', Component: RoomUtilisationPage },
  { path: '/ruimtes/vierkante-meters', Component: FloorAreaPage },
];

/** Cell texts with the no-break spaces ("1.266\u00a0m²") read as spaces. */
const texts = (cells: HTMLElement[]) => cells.map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' '));

const reportRequests = (requests: Request[], report: string) =>
  requests.filter((r) => new URL(r.url).pathname.endsWith(`/reports/${report}`)).map((r) => new URL(r.url).searchParams);

describe('/ruimtes/gebruik: the use of the rooms', () => {
  it('shows the totals, per room and per organisation in Dutch figures, for the period asked', async () => {
    const { requests } = reportsApi();
    renderRoutes({ routes, path: `/ruimtes/gebruik?van=2026-08-01&tot=2027-07-31`, store: setupApi() });

    expect(await screen.findByRole('heading', { level: 1, name: 'Gebruik van de ruimtes' })).toBeInTheDocument();
    expect(document.title).toBe('Gebruik van de ruimtes – KindCentraal');
    expect(await screen.findByTestId('total-booked')).toHaveTextContent('1.234,5 uur');
    expect(screen.getByTestId('total-share')).toHaveTextContent('45%');
    expect(screen.getByTestId('total-share')).toHaveTextContent('1.234,5 uur van de 2.750 uur open');
    expect(screen.getByTestId('total-after-school')).toHaveTextContent('310,3 uur');
    expect(screen.getByTestId('total-holidays')).toHaveTextContent('42 uur');
    expect(screen.getByTestId('period-shown')).toHaveTextContent('Overzicht van 1 augustus 2026 tot en met 31 juli 2027.');

    const rooms = screen.getByRole('table', { name: 'Gebruik per ruimte' });
    const gym = within(rooms).getByRole('row', { name: /Gymzaal/ });
    expect(texts(within(gym).getAllByRole('cell'))).toEqual([
      'Gymzaal',
      'Gymzaal',
      '300 m²',
      '2.750 uur',
      '1.500,5 uur',
      '55%',
      '300 uur',
      '40 uur',
      '3 uur',
      '2 organisatiesBasisschool De Regenboog: 1.300 uurBSO Zonnestraal: 200,5 uur',
    ]);
    expect(screen.getByTestId(`room-utilisation-${GYM_ID}`)).toHaveTextContent('55%');
    // A room without opening hours has no occupancy: a dash, not 0%.
    expect(screen.getByTestId(`room-utilisation-${CLASSROOM_ID}`)).toHaveTextContent('–');

    const organisations = screen.getByRole('table', { name: 'Gebruik per organisatie, met dubbel gebruik' });
    const bso = within(organisations).getByRole('row', { name: /BSO Zonnestraal/ });
    expect(texts(within(bso).getAllByRole('cell'))).toEqual([
      'BSO Zonnestraal',
      'Kinderopvang',
      '234,5 uur',
      '234,5 uur',
      '2',
    ]);

    // The bar chart is one image, named, pointing at the table; its bars by hours, most first.
    const chart = screen.getByRole('img', { name: /Staafdiagram van de geboekte uren per organisatie/ });
    expect(chart).toHaveAccessibleName(expect.stringContaining('De cijfers staan ook in de tabel ‘Per organisatie’.'));
    expect(within(screen.getByTestId('organisation-chart')).getAllByTestId('chart-bar').map((bar) => bar.textContent?.replace(/\s+/g, ' '))).toEqual([
      'Basisschool De Regenboog: 1.300 uur',
      'BSO Zonnestraal: 234,5 uur',
    ]);

    const asked = reportRequests(requests, 'room-utilisation');
    expect(asked).toHaveLength(1);
    expect(Object.fromEntries(asked[0]!)).toEqual({ buildingId: BUILDING_ID, from: '2026-08-01', to: '2027-07-31' });
  });

  it('reads the hour-of-week heatmap as a table: days and hours as headers, the hours as numbers', async () => {
    reportsApi();
    renderRoutes({ routes, path: '/ruimtes/gebruik', store: setupApi() });
    const table = await screen.findByRole('table', { name: 'Geboekte uren per dag en per uur, van 7:00 tot 22:00' });
    const [head, ...body] = within(table).getAllByRole('row');
    const hours = Array.from({ length: 15 }, (_, index) => `${index + 7}:00`);
    expect(within(head!).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Dag', ...hours]);
    expect(body.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag',
    ]);
    const cells = (day: number) => within(body[day]!).getAllByRole('cell');
    expect(cells(0)).toHaveLength(15);
    // Monday: 8:00 is the busiest block (38 hours), 9:00 has 12,5 (the Dutch decimal comma).
    expect(cells(0)[1]).toHaveTextContent('38');
    expect(cells(0)[1]).toHaveAttribute('data-level', '5');
    expect(cells(0)[2]).toHaveTextContent('12,5');
    expect(cells(0)[2]).toHaveAttribute('data-level', '2');
    expect(cells(0)[0]).toHaveTextContent('0');
    expect(cells(0)[0]).toHaveAttribute('data-level', '0');
    expect(cells(2)[15 - 7]).toHaveTextContent('20'); // woensdag 15:00
    // Sunday 6:00 and Friday 22:00 fall outside the table: said, not hidden.
    expect(screen.getByTestId('heatmap-outside')).toHaveTextContent(
      'Buiten 7:00 tot 22:00 is nog 4,5 uur geboekt. Die uren staan niet in de tabel.',
    );
    expect(screen.getByRole('region', { name: 'Geboekte uren per dag en per uur, van 7:00 tot 22:00' })).toHaveAttribute('tabindex', '0');
  });

  it('asks for the current school year when no period is given, and for another building when chosen', async () => {
    const { requests } = reportsApi({ buildings: [building, annex] });
    const user = userEvent.setup();
    const { router } = renderRoutes({ routes, path: '/ruimtes/gebruik', store: setupApi() });
    await screen.findByTestId('utilisation-report');
    const year = schoolYear(new Date());
    expect(Object.fromEntries(reportRequests(requests, 'room-utilisation')[0]!)).toEqual({
      buildingId: BUILDING_ID,
      ...year,
    });

    await user.selectOptions(screen.getByLabelText('Gebouw'), 'Dependance');
    await waitFor(() => expect(reportRequests(requests, 'room-utilisation')).toHaveLength(2));
    expect(reportRequests(requests, 'room-utilisation')[1]!.get('buildingId')).toBe(ANNEX_ID);
    expect(router.state.location.search).toContain(`gebouw=${ANNEX_ID}`);
    // The other report keeps the building.
    expect(screen.getByRole('link', { name: 'Vierkante meters' })).toHaveAttribute(
      'href',
      `/ruimtes/vierkante-meters?gebouw=${ANNEX_ID}`,
    );
  });

  it('refuses a period longer than 400 days at its field, without asking the server', async () => {
    const { requests } = reportsApi();
    const user = userEvent.setup();
    const { router } = renderRoutes({ routes, path: '/ruimtes/gebruik?van=2026-08-01&tot=2027-07-31', store: setupApi() });
    await screen.findByTestId('utilisation-report');
    const to = screen.getByLabelText('Tot en met');
    await user.clear(to);
    await user.type(to, '2027-12-31');
    await user.click(screen.getByRole('button', { name: 'Toon overzicht' }));
    expect(await screen.findByText('Kies een periode van hoogstens 400 dagen.')).toBeInTheDocument();
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(to).toHaveFocus();
    expect(reportRequests(requests, 'room-utilisation')).toHaveLength(1);

    await user.clear(to);
    await user.type(to, '2026-12-31');
    await user.click(screen.getByRole('button', { name: 'Toon overzicht' }));
    await waitFor(() => expect(reportRequests(requests, 'room-utilisation')).toHaveLength(2));
    expect(reportRequests(requests, 'room-utilisation')[1]!.get('to')).toBe('2026-12-31');
    expect(router.state.location.search).toBe('?van=2026-08-01&tot=2026-12-31');
  });

  it('says in plain Dutch who reads the reports when the API answers 403', async () => {
    reportsApi({ me: me('org_admin'), utilisation: () => forbidden() });
    renderRoutes({ routes, path: '/ruimtes/gebruik', store: setupApi() });
    expect(await screen.findByTestId('reports-forbidden')).toHaveTextContent(
      'U kunt deze overzichten niet bekijken. Ze zijn voor de directie van het kindcentrum, de beheerders van de organisaties in het kindcentrum en de gemeente.',
    );
    // Not the server's English detail, and no figures.
    expect(screen.queryByText(/management/)).not.toBeInTheDocument();
    expect(screen.queryByTestId('utilisation-report')).not.toBeInTheDocument();
  });

  it('tells staff without a reader’s role the same, and asks for no report', async () => {
    const { requests } = reportsApi({ me: me('staff') });
    renderRoutes({ routes, path: '/ruimtes/gebruik', store: setupApi() });
    expect(await screen.findByTestId('reports-forbidden')).toHaveTextContent('U kunt deze overzichten niet bekijken.');
    expect(paths(requests).filter((path) => path.startsWith('/reports') || path === '/buildings')).toEqual([]);
  });

  it('is in English for an English reader (the feature’s own texts, registered with i18next)', async () => {
    await i18n.changeLanguage('en');
    reportsApi();
    renderRoutes({ routes, path: '/ruimtes/gebruik', store: setupApi() });
    expect(await screen.findByRole('heading', { level: 1, name: 'Room use' })).toBeInTheDocument();
    expect(await screen.findByTestId('total-booked')).toHaveTextContent('1,234.5 hours');
  });
});

describe('/ruimtes/vierkante-meters: the floor area against the norm', () => {
  it('works the norm out in words and Dutch figures', async () => {
    const { requests } = reportsApi();
    renderRoutes({ routes, path: '/ruimtes/vierkante-meters', store: setupApi() });

    expect(await screen.findByRole('heading', { level: 1, name: 'Vierkante meters' })).toBeInTheDocument();
    expect(await screen.findByTestId('floor-norm')).toHaveTextContent(
      '200 m² + 5,03 m² per leerling × 212 leerlingen = 1.266 m²',
    );
    expect(screen.getByText('Leerlingen op 1 oktober 2026')).toBeInTheDocument();
    expect(screen.getByTestId('floor-pupils')).toHaveTextContent('212');
    expect(screen.getByTestId('floor-actual')).toHaveTextContent('2.400 m²');
    expect(screen.getByTestId('floor-actual')).toHaveTextContent('Het bruto vloeroppervlak van Hoofdgebouw De Regenboog.');
    expect(screen.getByTestId('floor-difference')).toHaveTextContent('1.134 m² meer dan de normruimte');
    expect(screen.getByTestId('floor-childcare-hours')).toHaveTextContent(
      '1.234,5 uur, van 2 oktober 2025 tot en met 1 oktober 2026',
    );
    expect(screen.getByTestId('floor-equivalent')).toHaveTextContent(
      'Dit komt overeen met 85 m² eigen ruimte voor de kinderopvang.',
    );
    const underUsed = within(screen.getByTestId('under-used-rooms')).getByRole('table');
    expect(texts(within(underUsed).getAllByRole('cell'))).toEqual(['Bibliotheek', '80 m²', '12%']);
    // Without a chosen date the server takes today; the page shows the date it used.
    expect(reportRequests(requests, 'floor-area')[0]!.has('referenceDate')).toBe(false);
    expect(screen.getByLabelText('Peildatum')).toHaveValue('2026-10-01');
  });

  it('says "less than the norm" for a building that is too small, and what is unknown', async () => {
    reportsApi({
      floorArea: () => floorAreaReport({ pupils: 1, normedM2: 205.03, actualM2: null, differenceM2: null }),
    });
    renderRoutes({ routes, path: '/ruimtes/vierkante-meters', store: setupApi() });
    expect(await screen.findByTestId('floor-norm')).toHaveTextContent('200 m² + 5,03 m² per leerling × 1 leerling = 205 m²');
    expect(screen.getByTestId('floor-actual')).toHaveTextContent('Niet bekend.');
    expect(screen.getByTestId('floor-difference')).toHaveTextContent('Niet te berekenen zonder de werkelijke oppervlakte.');
  });

  it('asks for the reference date chosen', async () => {
    const { requests } = reportsApi({
      floorArea: (query) =>
        floorAreaReport({ referenceDate: query.get('referenceDate') ?? '2026-10-01', differenceM2: -300.4 }),
    });
    const user = userEvent.setup();
    renderRoutes({ routes, path: '/ruimtes/vierkante-meters', store: setupApi() });
    await screen.findByTestId('floor-area-report');
    const date = screen.getByLabelText('Peildatum');
    await user.clear(date);
    await user.type(date, '2027-01-15');
    await user.click(screen.getByRole('button', { name: 'Toon overzicht' }));
    await waitFor(() => expect(reportRequests(requests, 'floor-area').at(-1)!.get('referenceDate')).toBe('2027-01-15'));
    expect(await screen.findByText('Leerlingen op 15 januari 2027')).toBeInTheDocument();
    expect(screen.getByTestId('floor-difference')).toHaveTextContent('300 m² minder dan de normruimte');
  });

  it('says in plain Dutch who reads the reports when the API answers 403', async () => {
    reportsApi({ me: me('org_admin'), floorArea: () => forbidden() });
    renderRoutes({ routes, path: '/ruimtes/vierkante-meters', store: setupApi() });
    expect(await screen.findByTestId('reports-forbidden')).toHaveTextContent('U kunt deze overzichten niet bekijken.');
    expect(screen.queryByTestId('floor-area-report')).not.toBeInTheDocument();
    expect(screen.queryByTestId('room-norm')).not.toBeInTheDocument();
  });
});
