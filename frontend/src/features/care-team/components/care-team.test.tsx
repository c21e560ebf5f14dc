import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CareTeam } from '@/features/care-team/components/care-team';
import type { CareTeamMemberRead } from '@/features/care-team/types';

const CHILD_ID = '00000000-0000-4000-8000-000000000001';

const member = (n: number, overrides: Partial<CareTeamMemberRead> = {}): CareTeamMemberRead => ({
  id: `m${n}`,
  childId: CHILD_ID,
  userId: `u${n}`,
  displayName: `Zorgverlener ${n}`,
  organisationId: 'o1',
  organisationName: 'Logopediepraktijk De Klank',
  role: 'logopedist',
  sinceDate: '2025-09-01',
  untilDate: null,
  trajectoryId: null,
  consentInForce: true,
  ...overrides,
});

describe('CareTeam', () => {
  it('shows each member with organisation, role, period and consent in words', () => {
    render(
      <CareTeam
        members={[
          member(1),
          member(2, { untilDate: '2026-06-30', consentInForce: false, role: 'jeugdverpleegkundige' }),
        ]}
      />,
    );

    const table = screen.getByRole('table', { name: 'Zorgteam' });
    expect(screen.getByRole('heading', { level: 2, name: 'Zorgteam' })).toBeInTheDocument();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Zorgverlener 1');
    expect(rows[0]).toHaveTextContent('Logopediepraktijk De Klank');
    expect(rows[0]).toHaveTextContent('logopedist');
    expect(rows[0]).toHaveTextContent('1 september 2025');
    expect(rows[0]).toHaveTextContent('Geen einddatum');
    expect(rows[0]).toHaveTextContent('Ja, er is toestemming');
    expect(rows[1]).toHaveTextContent('30 juni 2026');
    expect(rows[1]).toHaveTextContent('Nee, er is geen geldige toestemming');
  });

  it('says so when nobody is on the team', () => {
    render(<CareTeam members={[]} />);
    expect(screen.getByText('Er is nog niemand in het zorgteam.')).toBeInTheDocument();
  });
});
