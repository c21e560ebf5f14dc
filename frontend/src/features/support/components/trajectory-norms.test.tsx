import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TrajectoryNorms } from '@/features/support/components/trajectory-norms';
import type { NormRead } from '@/features/support/types';
import { json, mockFetch, problem, renderWithProviders, setupApi } from '@/test/utils';

const NORMS: NormRead[] = [
  // Not in the screen's order: the screen sorts as the type lists do.
  { type: 'ggz_jeugd', intakeWithinDays: 20, startWithinDays: 40, isDefault: true },
  { type: 'logopedie', intakeWithinDays: 10, startWithinDays: 20, isDefault: true },
  { type: 'jeugdhulp', intakeWithinDays: 12, startWithinDays: 25, isDefault: false },
  { type: 'schoolmaatschappelijk_werk', intakeWithinDays: 1, startWithinDays: 10, isDefault: true },
];

type Put = (request: Request, body: { intakeWithinDays: number; startWithinDays: number }) => Response;

function normsApi(put?: Put) {
  let norms = NORMS;
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/trajectory-norms' && request.method === 'GET') return json(norms);
    const match = /^\/api\/v1\/trajectory-norms\/(\w+)$/.exec(url.pathname);
    if (match && request.method === 'PUT') {
      const body = (await request.clone().json()) as { intakeWithinDays: number; startWithinDays: number };
      if (put) return put(request, body);
      const saved = { type: match[1] as NormRead['type'], ...body, isDefault: false };
      norms = norms.map((norm) => (norm.type === saved.type ? saved : norm));
      return json(saved);
    }
    if (match && request.method === 'DELETE') {
      const defaults: Record<string, [number, number]> = { jeugdhulp: [15, 30] };
      const [intakeWithinDays, startWithinDays] = defaults[match[1]!] ?? [10, 20];
      const reset = { type: match[1] as NormRead['type'], intakeWithinDays, startWithinDays, isDefault: true };
      norms = norms.map((norm) => (norm.type === reset.type ? reset : norm));
      return json(reset);
    }
    return problem(404, 'Not found');
  });
}

const puts = (requests: Request[]) => requests.filter((r) => r.method === 'PUT');
const row = (type: string) => screen.getByTestId(`norm-intake-${type}`).closest('tr')!;

describe('the waiting-time norms', () => {
  it('lists every type with its norms in working days, the default or the municipality’s own', async () => {
    normsApi();
    renderWithProviders(<TrajectoryNorms canEdit />, setupApi());
    const table = await screen.findByRole('table', { name: 'Wachttijdnormen per soort hulp, in werkdagen' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual([
      'Logopedie',
      'Jeugdhulp',
      'Geestelijke gezondheidszorg voor jeugd (ggz)',
      'Schoolmaatschappelijk werk',
    ]);
    expect(row('logopedie')).toHaveTextContent('10 werkdagen');
    expect(row('logopedie')).toHaveTextContent('20 werkdagen');
    expect(screen.getByTestId('norm-source-logopedie')).toHaveTextContent('Standaard');
    expect(screen.getByTestId('norm-source-jeugdhulp')).toHaveTextContent('Eigen norm van de gemeente');
    expect(screen.getByTestId('norm-intake-schoolmaatschappelijk_werk')).toHaveTextContent(/^1 werkdag$/);
  });

  it('lets a centre administrator change one norm, sends both numbers and shows it as the municipality’s own', async () => {
    const { requests } = normsApi();
    const user = userEvent.setup();
    renderWithProviders(<TrajectoryNorms canEdit />, setupApi());
    await user.click(await screen.findByRole('button', { name: 'Wijzig de norm voor Logopedie' }));
    const form = screen.getByTestId('norm-form');
    expect(within(form).getByRole('heading', { name: 'Norm voor Logopedie wijzigen' })).toHaveFocus();
    const intake = within(form).getByLabelText('Intake binnen (werkdagen)');
    const start = within(form).getByLabelText('Start binnen (werkdagen)');
    expect(intake).toHaveValue(10);
    expect(start).toHaveValue(20);
    await user.clear(intake);
    await user.type(intake, '8');
    await user.clear(start);
    await user.type(start, '15');
    await user.click(within(form).getByRole('button', { name: 'Norm opslaan' }));

    expect(await screen.findByText('De norm voor Logopedie is opgeslagen: intake binnen 8, start binnen 15 werkdagen.')).toBeInTheDocument();
    const [put] = puts(requests);
    expect(new URL(put!.url).pathname).toBe('/api/v1/trajectory-norms/logopedie');
    expect(await put!.json()).toEqual({ intakeWithinDays: 8, startWithinDays: 15 });
    await waitFor(() => expect(screen.getByTestId('norm-source-logopedie')).toHaveTextContent('Eigen norm van de gemeente'));
    expect(row('logopedie')).toHaveTextContent('8 werkdagen');
    expect(row('logopedie')).toHaveTextContent('15 werkdagen');
    expect(screen.queryByTestId('norm-form')).not.toBeInTheDocument();
    expect(screen.getByTestId('norms-message')).toHaveFocus();
  });

  it('sets the municipality’s own norm back to the default, offered only where one is set', async () => {
    const { requests } = normsApi();
    const user = userEvent.setup();
    renderWithProviders(<TrajectoryNorms canEdit />, setupApi());
    await user.click(await screen.findByRole('button', { name: 'Zet de norm voor Jeugdhulp terug op de standaard' }));

    expect(await screen.findByText('De norm voor Jeugdhulp is weer de standaard: intake binnen 15, start binnen 30 werkdagen.')).toBeInTheDocument();
    const deletes = requests.filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => new URL(r.url).pathname)).toEqual(['/api/v1/trajectory-norms/jeugdhulp']);
    await waitFor(() => expect(screen.getByTestId('norm-source-jeugdhulp')).toHaveTextContent('Standaard'));
    expect(row('jeugdhulp')).toHaveTextContent('15 werkdagen');
    expect(screen.queryByTestId('norm-reset-jeugdhulp')).not.toBeInTheDocument();
    expect(screen.queryByTestId('norm-reset-logopedie')).not.toBeInTheDocument();
  });

  it('checks the numbers before sending: required, whole, 1 to 365, start not before intake', async () => {
    const { requests } = normsApi();
    const user = userEvent.setup();
    renderWithProviders(<TrajectoryNorms canEdit />, setupApi());
    await user.click(await screen.findByRole('button', { name: 'Wijzig de norm voor Jeugdhulp' }));
    const form = screen.getByTestId('norm-form');
    const intake = within(form).getByLabelText('Intake binnen (werkdagen)');
    const start = within(form).getByLabelText('Start binnen (werkdagen)');

    await user.clear(intake);
    await user.click(within(form).getByRole('button', { name: 'Norm opslaan' }));
    expect(within(form).getByText('Vul het aantal werkdagen in.')).toBeInTheDocument();
    expect(intake).toHaveFocus();

    await user.type(intake, '400');
    await user.click(within(form).getByRole('button', { name: 'Norm opslaan' }));
    expect(within(form).getByText('Kies hoogstens 365 werkdagen.')).toBeInTheDocument();

    await user.clear(intake);
    await user.type(intake, '30');
    await user.click(within(form).getByRole('button', { name: 'Norm opslaan' }));
    expect(
      within(form).getByText('De start kan niet eerder zijn dan de intake: kies minstens 30 werkdagen.'),
    ).toBeInTheDocument();
    expect(start).toHaveFocus();
    expect(puts(requests)).toHaveLength(0);

    await user.click(within(form).getByRole('button', { name: 'Annuleren' }));
    expect(screen.queryByTestId('norm-form')).not.toBeInTheDocument();
  });

  it('shows the server’s 400 at each field it names, and the problem next to the form', async () => {
    normsApi(
      () =>
        new Response(
          JSON.stringify({
            type: 'https://kindcentraal.nl/problems/invalid-input',
            title: 'Invalid input',
            status: 400,
            detail: 'The request has invalid input; see errors.',
            errors: [
              { in: 'body', location: '#/intakeWithinDays', code: 'greater_than_equal', detail: 'Input should be greater than or equal to 1' },
              { in: 'body', location: '#/startWithinDays', code: 'custom_rule', detail: 'Too long for this municipality.' },
            ],
          }),
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
    );
    const user = userEvent.setup();
    renderWithProviders(<TrajectoryNorms canEdit />, setupApi());
    await user.click(await screen.findByRole('button', { name: 'Wijzig de norm voor Geestelijke gezondheidszorg voor jeugd (ggz)' }));
    const form = screen.getByTestId('norm-form');
    await user.click(within(form).getByRole('button', { name: 'Norm opslaan' }));

    const alert = await within(form).findByTestId('form-problem');
    expect(alert).toHaveTextContent('De gegevens zijn niet goed ingevuld.');
    expect(alert).toHaveTextContent('Start binnen (werkdagen): Too long for this municipality.');
    const intake = within(form).getByLabelText('Intake binnen (werkdagen)');
    const start = within(form).getByLabelText('Start binnen (werkdagen)');
    expect(intake).toHaveAttribute('aria-invalid', 'true');
    expect(intake).toHaveAccessibleDescription(expect.stringContaining('Kies minstens 1 werkdag.'));
    expect(start).toHaveAccessibleDescription(expect.stringContaining('Too long for this municipality.'));
    expect(screen.getByTestId('norm-form')).toBeInTheDocument();
    expect(screen.getByTestId('norm-source-ggz_jeugd')).toHaveTextContent('Standaard');
  });

  it('shows the norms without any change to whoever does not administer a centre', async () => {
    const { requests } = normsApi();
    renderWithProviders(<TrajectoryNorms canEdit={false} />, setupApi());
    await screen.findByRole('table');
    expect(screen.getByTestId('norms-read-only')).toHaveTextContent('Alleen een beheerder van een kindcentrum kan de normen wijzigen.');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Wijzigen' })).not.toBeInTheDocument();
    expect(requests.every((r) => r.method === 'GET')).toBe(true);
  });
});
