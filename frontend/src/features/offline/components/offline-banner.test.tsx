import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { OfflineBanner } from '@/features/offline/components/offline-banner';
import { i18n } from '@/lib/i18n';

/** Sets navigator.onLine and fires the event the browser fires. */
function goOnline(online: boolean) {
  vi.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(online);
  act(() => {
    window.dispatchEvent(new Event(online ? 'online' : 'offline'));
  });
}

describe('OfflineBanner', () => {
  it('shows nothing while online', () => {
    render(<OfflineBanner />);
    expect(screen.queryByText(/Geen verbinding/)).not.toBeInTheDocument();
  });

  it('says plainly that there is no connection while offline, and goes away when it is back', () => {
    render(<OfflineBanner />);
    goOnline(false);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent(
      'Geen verbinding. U ziet wat er al geladen was; dit is niet actueel.',
    );
    goOnline(true);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('shows the banner at once when the page opens offline', () => {
    vi.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false);
    render(<OfflineBanner />);
    expect(screen.getByRole('status')).toHaveTextContent('Geen verbinding.');
  });

  it('speaks English when English is chosen', async () => {
    await i18n.changeLanguage('en');
    vi.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false);
    render(<OfflineBanner />);
    expect(screen.getByRole('status')).toHaveTextContent(
      'No connection. You are seeing what was already loaded; it is not up to date.',
    );
  });
});
