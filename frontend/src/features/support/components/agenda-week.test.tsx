import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AgendaWeek } from '@/features/support/components/agenda-week';
import type { SessionRead } from '@/features/support/types';
import { json, mockFetch, problem, renderWithProviders, setupApi } from '@/test/utils';

const session: SessionRead = {
  id: 's1',
  trajectoryId: 't1',
  childId: 'c1',
  childName: 'Noah de Vries',
  trajectoryType: 'logopedie',
  professionalId: 'p1',
  professionalName: 'Lisa Logopedie',
  startsAt: '2026-03-11T08:30:00Z', // Wednesday 09:30 in Amsterdam
  endsAt: '2026-03-11T09:15:00Z',
  location: 'centre_room',
  locationDetail: 'Lokaal 3',
  attendance: 'planned',
};

function agendaApi() {
  return mockFetch((request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/support-sessions') {
      return json(url.searchParams.get('from') === '2026-03-08T23:00:00.000Z' ? [session] : []);
    }
    return problem(404, 'Not found');
  });
}

describe('the week agenda', () => {
  it('asks for this week (Monday to Monday, Amsterdam) and lists each day', async () => {
    const { requests } = agendaApi();
    const store = setupApi();
    renderWithProviders(<AgendaWeek now={new Date('2026-03-12T12:00:00Z')} />, store);

    expect(await screen.findByText('1 afspraak.')).toBeInTheDocument();
    expect(screen.getByTestId('agenda-title')).toHaveTextContent('Week 11: 9 maart 2026 tot en met 15 maart 2026');
    const url = new URL(requests[0]!.url);
    expect(url.searchParams.get('from')).toBe('2026-03-08T23:00:00.000Z');
    expect(url.searchParams.get('to')).toBe('2026-03-15T23:00:00.000Z');

    const days = screen.getAllByTestId('agenda-day');
    expect(days.map((day) => day.getAttribute('data-date'))).toEqual([
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
      '2026-03-13',
      '2026-03-14',
      '2026-03-15',
    ]);
    expect(within(days[0]!).getByRole('heading', { level: 3 })).toHaveTextContent('maandag 9 maart');
    expect(within(days[0]!).getByText('Geen afspraken.')).toBeInTheDocument();
    const [item] = within(days[2]!).getAllByTestId('agenda-session');
    expect(item).toHaveTextContent('09:30 – 10:15');
    expect(item).toHaveTextContent('Ruimte in het kindcentrum: Lokaal 3');
    expect(within(item!).getByRole('link', { name: 'Noah de Vries, Logopedie' })).toHaveAttribute('href', '/zorg/trajecten/t1');
    expect(screen.getByRole('button', { name: 'Deze week' })).toBeDisabled();
  });

  it('goes to the previous and next week, one request each', async () => {
    const { requests } = agendaApi();
    const user = userEvent.setup();
    const store = setupApi();
    renderWithProviders(<AgendaWeek now={new Date('2026-03-12T12:00:00Z')} />, store);
    await screen.findByText('1 afspraak.');

    await user.click(screen.getByRole('button', { name: 'Volgende week' }));
    expect(await screen.findByText('0 afspraken.')).toBeInTheDocument();
    expect(screen.getByTestId('agenda-week')).toHaveAttribute('data-week-start', '2026-03-16');
    expect(new URL(requests[1]!.url).searchParams.get('from')).toBe('2026-03-15T23:00:00.000Z');

    await user.click(screen.getByRole('button', { name: 'Vorige week' }));
    await user.click(screen.getByRole('button', { name: 'Vorige week' }));
    await waitFor(() => expect(screen.getByTestId('agenda-week')).toHaveAttribute('data-week-start', '2026-03-02'));
    expect(new URL(requests[requests.length - 1]!.url).searchParams.get('from')).toBe('2026-03-01T23:00:00.000Z');

    await user.click(screen.getByRole('button', { name: 'Deze week' }));
    expect(screen.getByTestId('agenda-week')).toHaveAttribute('data-week-start', '2026-03-09');
  });
});
