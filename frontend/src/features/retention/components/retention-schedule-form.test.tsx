import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RetentionScheduleSection } from '@/features/retention/components/retention-schedule-form';
import { invalid, json, mockFetch, problem, renderWithProviders, setupApi } from '@/test/utils';

const term = (category: string, months: number | null, minimum: number | null = null) => ({
  category,
  months,
  defaultMonths: months,
  minimumMonths: minimum,
  clock: months === null ? 'with_covered_data' : 'after_closing',
  legalBasis: `basis of ${category}`,
  isDefault: true,
});
const schedule = {
  items: [
    term('messages', 24),
    term('care_trajectory', 240, 240),
    term('consents', null),
    term('access_log', 60, 60),
  ],
};

function retentionApi(answerPut: (body: unknown) => Response) {
  return mockFetch(async (request) => {
    const path = new URL(request.url).pathname.replace('/api/v1', '');
    if (path !== '/retention-schedule') return problem(404, 'Not found');
    if (request.method === 'PUT') return answerPut(await request.json());
    return json(schedule);
  });
}

describe('RetentionScheduleSection', () => {
  it('shows each category with its term, clock and legal basis, and saves changed terms', async () => {
    const { requests } = retentionApi((body) => json(body === null ? schedule : schedule));
    const user = userEvent.setup();
    renderWithProviders(<RetentionScheduleSection />, setupApi());

    const table = await screen.findByRole('table', { name: 'Bewaartermijnen per soort gegevens' });
    const care = within(table).getByRole('row', { name: /Zorg- en ondersteuningstrajecten/ });
    expect(care).toHaveTextContent('na het afsluiten van het traject');
    expect(care).toHaveTextContent('basis of care_trajectory');
    expect(care).toHaveTextContent('De wet vraagt minstens 240 maanden.');
    const consents = within(table).getByRole('row', { name: /Toestemmingen/ });
    expect(within(consents).queryByRole('spinbutton')).toBeNull();

    const messages = screen.getByLabelText('Berichten');
    await user.clear(messages);
    await user.type(messages, '36');
    await user.click(screen.getByRole('button', { name: 'Termijnen opslaan' }));

    expect(await screen.findByText('De bewaartermijnen zijn opgeslagen.')).toBeInTheDocument();
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(await put.json()).toEqual({
      items: [
        { category: 'messages', months: 36 },
        { category: 'care_trajectory', months: 240 },
        { category: 'access_log', months: 60 },
      ],
    });
  });

  it('names the field the server refused for being below the legal minimum', async () => {
    retentionApi(() => invalid('#/items/1/months', 'belowLegalMinimum'));
    const user = userEvent.setup();
    renderWithProviders(<RetentionScheduleSection />, setupApi());

    const care = await screen.findByLabelText('Zorg- en ondersteuningstrajecten');
    await user.clear(care);
    await user.type(care, '120');
    await user.click(screen.getByRole('button', { name: 'Termijnen opslaan' }));

    expect(
      await screen.findByText('Korter mag niet: de wet vraagt minstens 240 maanden.'),
    ).toBeInTheDocument();
    expect(care).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText('De bewaartermijnen zijn opgeslagen.')).toBeNull();
  });
});
