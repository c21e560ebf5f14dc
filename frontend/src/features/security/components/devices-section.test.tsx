import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DevicesSection } from '@/features/security/components/devices-section';
import { json, mockFetch, problem, renderWithProviders, setupApi } from '@/test/utils';

const phone = {
  id: 's-phone',
  deviceLabel: 'Safari · iOS',
  createdAt: '2026-12-01T07:00:00Z',
  lastUsedAt: '2026-12-02T08:15:00Z',
  expiresAt: '2026-12-31T07:00:00Z',
  current: true,
};
const laptop = { ...phone, id: 's-laptop', deviceLabel: 'Firefox · Windows', current: false };
const unknown = { ...phone, id: 's-old', deviceLabel: null, current: false };

function devicesApi(devices = [phone, laptop, unknown]) {
  let listed = devices;
  return mockFetch(async (request) => {
    const path = new URL(request.url).pathname.replace('/api/v1', '');
    if (request.method === 'GET' && path === '/me/sessions') return json(listed);
    if (request.method === 'DELETE' && path.startsWith('/me/sessions/')) {
      const id = path.split('/').pop();
      listed = listed.filter((device) => device.id !== id);
      return new Response(null, { status: 204 });
    }
    if (request.method === 'POST' && path === '/me/sessions/revocation') return new Response(null, { status: 204 });
    return problem(404, 'Not found');
  });
}

describe('DevicesSection', () => {
  it('lists the devices, marks this one, and names an unknown one plainly', async () => {
    devicesApi();
    renderWithProviders(<DevicesSection onSignedOutEverywhere={vi.fn()} />, setupApi());

    const list = await screen.findByRole('list', { name: 'Apparaten' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('Safari · iOS · dit apparaat');
    expect(items[0]).toHaveTextContent('Laatst gebruikt: 2 december 2026');
    expect(items[2]).toHaveTextContent('Onbekend apparaat');
    // No button to sign this device out here: that is "Uitloggen" in the menu.
    expect(within(items[0]!).queryByRole('button')).toBeNull();
  });

  it('signs one other device out and says so', async () => {
    const { requests } = devicesApi();
    const user = userEvent.setup();
    renderWithProviders(<DevicesSection onSignedOutEverywhere={vi.fn()} />, setupApi());

    await user.click(await screen.findByRole('button', { name: 'Uitloggen op Firefox · Windows' }));

    expect(await screen.findByText('Firefox · Windows is uitgelogd.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
    const ended = requests.find((r) => r.method === 'DELETE')!;
    expect(new URL(ended.url).pathname).toBe('/api/v1/me/sessions/s-laptop');
    expect(ended.headers.get('Authorization')).toBe('Bearer access-1');
  });

  it('signs out everywhere with the cookie, then ends the session here', async () => {
    const { requests } = devicesApi();
    const onSignedOutEverywhere = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<DevicesSection onSignedOutEverywhere={onSignedOutEverywhere} />, setupApi());

    await user.click(await screen.findByRole('button', { name: 'Overal uitloggen' }));

    await waitFor(() => expect(onSignedOutEverywhere).toHaveBeenCalledTimes(1));
    const everywhere = requests.find((r) => r.url.endsWith('/me/sessions/revocation'))!;
    expect(everywhere.method).toBe('POST');
    expect(everywhere.credentials).toBe('include');
  });
});
