import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OutcomeTable } from '@/features/outcomes/components/outcome-table';
import { indicatorOf, outcomeReport, testT } from '@/features/outcomes/testing/fixtures';
import { seriesTable } from '@/features/outcomes/utils/table';
import { renderWithProviders, setupApi } from '@/test/utils';

const t = testT;

function renderWaitingTimes(threshold = 10) {
  const report = outcomeReport();
  const model = seriesTable(indicatorOf(report, 'waitingTime'), { report, t, language: 'nl' });
  return renderWithProviders(<OutcomeTable model={model} threshold={threshold} />, setupApi());
}

describe('a table of the outcome report', () => {
  it('has a caption, column headers and a header cell per row', () => {
    renderWaitingTimes();
    const table = screen.getByRole('table', { name: 'Wachttijden per periode' });
    expect(within(table).getByRole('columnheader', { name: 'Start binnen de norm' })).toBeInTheDocument();
    expect(within(table).getAllByRole('rowheader').map((cell) => cell.textContent)).toContain('2024-2025');
    // The wide table scrolls in a region a keyboard can reach.
    expect(screen.getByRole('region', { name: 'Wachttijden per periode' })).toHaveAttribute('tabindex', '0');
  });

  it('shows a suppressed cell as "verborgen", never as 0, and says why with the threshold', () => {
    renderWaitingTimes(10);
    const row = screen.getAllByRole('row', { name: /Passend onderwijs/ })[0]!;
    const [group, ...cells] = within(row).getAllByRole('cell');
    expect(group).toHaveTextContent('Passend onderwijs');
    expect(cells).toHaveLength(7);
    for (const cell of cells) expect(cell).toHaveTextContent(/^verborgen$/);
    expect(within(row).queryByText('0')).not.toBeInTheDocument();
    expect(screen.getByTestId('hidden-explained')).toHaveTextContent(
      'Verborgen: een groep van minder dan 10 kinderen tonen we niet.',
    );
  });

  it('shows "–" for nothing to measure, read out as "niets te meten"', () => {
    renderWaitingTimes();
    const row = screen.getAllByRole('row', { name: /Fysiotherapie/ })[0]!;
    const [, requests, median] = within(row).getAllByRole('cell');
    expect(requests).toHaveTextContent(/^0$/);
    expect(median).toHaveTextContent('–niets te meten');
    expect(within(median!).getByText('–')).toHaveAttribute('aria-hidden', 'true');
    expect(screen.getByText(/Een streep \(–\) betekent/)).toBeInTheDocument();
  });

  it('offers the table as a CSV file under a name that says which table', () => {
    renderWaitingTimes();
    expect(screen.getByRole('button', { name: 'Download CSV van de tabel Wachttijden per periode' })).toBeInTheDocument();
  });

  it('explains nothing when no cell is hidden', () => {
    const report = outcomeReport();
    const model = seriesTable(indicatorOf(report, 'floorArea'), { report, t, language: 'nl' });
    renderWithProviders(<OutcomeTable model={model} threshold={10} />, setupApi());
    expect(screen.queryByTestId('hidden-explained')).not.toBeInTheDocument();
    expect(screen.getByRole('row', { name: /2025-2026/ })).toHaveTextContent(/1\.450\sm²/);
  });
});
