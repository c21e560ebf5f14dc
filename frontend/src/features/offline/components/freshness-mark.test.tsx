import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FreshnessMark } from '@/features/offline/components/freshness-mark';
import { i18n } from '@/lib/i18n';

function setOnline(online: boolean) {
  vi.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(online);
  act(() => {
    window.dispatchEvent(new Event(online ? 'online' : 'offline'));
  });
}

const NOW = new Date(2026, 2, 3, 12, 0);
const TEN_42 = new Date(2026, 2, 3, 10, 42).getTime();

describe('FreshnessMark', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows nothing while online and the last fetch succeeded', () => {
    const { container } = render(<FreshnessMark dataUpdatedAt={TEN_42} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('marks data as not current, with the time it was fetched, while offline', () => {
    render(<FreshnessMark dataUpdatedAt={TEN_42} />);
    setOnline(false);
    expect(screen.getByTestId('freshness-mark')).toHaveTextContent('Niet actueel · bijgewerkt om 10:42');
    setOnline(true);
    expect(screen.queryByTestId('freshness-mark')).not.toBeInTheDocument();
  });

  it('marks data as not current when refreshing it failed, even with a network', () => {
    render(<FreshnessMark dataUpdatedAt={TEN_42} isError />);
    expect(screen.getByTestId('freshness-mark')).toHaveTextContent('Niet actueel · bijgewerkt om 10:42');
  });

  it('names the day when the data is from an earlier day', () => {
    const yesterday = new Date(2026, 2, 2, 18, 5).getTime();
    render(<FreshnessMark dataUpdatedAt={yesterday} isError />);
    expect(screen.getByTestId('freshness-mark')).toHaveTextContent(
      'Niet actueel · bijgewerkt op 2 maart 2026 om 18:05',
    );
  });

  it('shows nothing when there is no data to mark', () => {
    vi.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false);
    const { container } = render(<FreshnessMark dataUpdatedAt={0} isError />);
    expect(container).toBeEmptyDOMElement();
  });

  it('formats the time for the chosen language', async () => {
    await i18n.changeLanguage('en');
    render(<FreshnessMark dataUpdatedAt={new Date(2026, 2, 3, 9, 5).getTime()} isError />);
    expect(screen.getByTestId('freshness-mark')).toHaveTextContent('Not up to date · updated at 09:05');
  });
});
