import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DayTimeline } from '@/features/day/components/day-timeline';
import { bso, DATE, judo, NOAH, school, wholeDayAbsence } from '@/features/day/testing/fixtures';
import { renderWithProviders, setupApi } from '@/test/utils';

describe('DayTimeline', () => {
  it('shows the day in order of time, with who is responsible and where, on the Amsterdam clock', () => {
    renderWithProviders(
      <DayTimeline day={{ date: DATE, childId: NOAH, entries: [judo(), school(), bso({ startsAt: `${DATE}T15:00:00Z` })] }} />,
      setupApi(),
    );
    const list = screen.getByRole('list', { name: 'De dag van woensdag 25 maart 2026, op volgorde van tijd' });
    expect(list.tagName).toBe('OL');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.kc-day__time')?.textContent)).toEqual([
      '08:30–14:30',
      '15:00–16:00',
      '16:00–18:30',
    ]);
    // The API's fixed English labels are shown in the reader's language; an activity by name.
    expect(items[0]!.querySelector('.kc-day__title')).toHaveTextContent(/^School$/);
    expect(items[0]).toHaveTextContent('Bij: Basisschool De Regenboog');
    expect(items[0]).toHaveTextContent('Waar: Groep 4b');
    expect(items[1]).toHaveTextContent('Judo');
    expect(items[1]).toHaveTextContent('Bij: Trainer Tom (Sportclub Gooi)');
    expect(items[1]).toHaveTextContent('Waar: Gymzaal (Hoofdgebouw De Regenboog)');
    expect(items[2]!.querySelector('.kc-day__title')).toHaveTextContent('BSO (naschoolse opvang)');
    expect(screen.queryByText('Afgemeld')).not.toBeInTheDocument();
  });

  it('shows a whole-day absence first with the reason in words, and strikes through the absent parts', () => {
    renderWithProviders(
      <DayTimeline
        day={{
          date: DATE,
          childId: NOAH,
          entries: [school({ absent: true }), judo({ absent: true }), wholeDayAbsence('ill')],
        }}
      />,
      setupApi(),
    );
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('Hele dag');
    expect(items[0]).toHaveTextContent('Afgemeld voor de hele dag');
    expect(items[0]).toHaveTextContent('Reden: ziek');
    for (const item of items.slice(1)) {
      expect(item.querySelector('del')).not.toBeNull();
      expect(within(item).getByText('Afgemeld')).toBeInTheDocument();
    }
    expect(items[1]!.querySelector('del')).toHaveTextContent('SchoolBij: Basisschool De RegenboogWaar: Groep 4b');
    expect(items[2]!.querySelector('del')).toHaveTextContent('Judo');
  });

  it('says so when nothing is planned', () => {
    renderWithProviders(<DayTimeline day={{ date: '2026-03-28', childId: NOAH, entries: [] }} />, setupApi());
    expect(screen.getByText('Er staat deze dag niets op de planning.')).toBeInTheDocument();
    expect(screen.getByText('zaterdag 28 maart 2026')).toBeInTheDocument();
  });
});
