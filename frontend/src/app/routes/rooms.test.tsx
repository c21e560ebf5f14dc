import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appRoutes } from '@/app/router';
import { me, membership, roomsApi } from '@/features/rooms/testing/fixtures';
import { renderRoutes, setupApi } from '@/test/utils';

const parent = { ...me([]), isGuardian: true, displayName: 'Olga de Ouder' };
const paths = (requests: Request[]) => requests.map((r) => new URL(r.url).pathname.replace('/api/v1', ''));

describe('the rooms routes', () => {
  it('offers "Ruimtes" to staff, with the calendar and the requests', async () => {
    roomsApi();
    renderRoutes({ routes: appRoutes, path: '/ruimtes', store: setupApi() });
    expect(await screen.findByRole('heading', { level: 1, name: 'Ruimtes' })).toBeInTheDocument();
    const main = await screen.findByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(main).getByRole('link', { name: 'Ruimtes' })).toHaveAttribute('href', '/ruimtes');
    const sub = await screen.findByRole('navigation', { name: 'Ruimtes' });
    expect(within(sub).getByRole('link', { name: 'Aanvragen' })).toHaveAttribute('href', '/ruimtes/aanvragen');
    expect(await screen.findByTestId('room-calendar')).toBeInTheDocument();
    expect(document.title).toBe('Ruimtes – KindCentraal');
  });

  it('shows the requests page', async () => {
    roomsApi({ me: me([membership.school, membership.care]) });
    renderRoutes({ routes: appRoutes, path: '/ruimtes/aanvragen', store: setupApi() });
    expect(await screen.findByRole('heading', { level: 1, name: 'Aanvragen' })).toBeInTheDocument();
    expect(await screen.findByTestId('approvals-count')).toBeInTheDocument();
  });

  it('gives someone who books no rooms (the municipality) no calendar and no menu entry to it, and asks the API for no rooms', async () => {
    const { requests } = roomsApi({ me: me([membership.analyst]) });
    renderRoutes({ routes: appRoutes, path: '/ruimtes', store: setupApi() });
    expect(await screen.findByTestId('rooms-only-staff')).toHaveTextContent(
      'Deze pagina is voor medewerkers van de organisaties in het kindcentrum.',
    );
    // The municipality's "Ruimtes" is the room reports, not the calendar.
    const main = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(main).getAllByRole('link').map((link) => link.getAttribute('href'))).not.toContain('/ruimtes');
    expect(screen.queryByRole('navigation', { name: 'Ruimtes' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('room-calendar')).not.toBeInTheDocument();
    expect(paths(requests).filter((p) => /buildings|rooms|bookings|holidays/.test(p))).toEqual([]);
  });

  it.each(['/ruimtes', '/ruimtes/aanvragen'])('sends a parent from %s to the parent app, asking the API for no rooms', async (path) => {
    const { requests } = roomsApi({ me: parent });
    const { router } = renderRoutes({ routes: appRoutes, path, store: setupApi() });
    await waitFor(() => expect(router.state.location.pathname).toBe('/ouder'));
    expect(screen.queryByRole('heading', { level: 1, name: /Ruimtes|Aanvragen/ })).not.toBeInTheDocument();
    expect(screen.queryByTestId('rooms-only-staff')).not.toBeInTheDocument();
    expect(paths(requests).filter((p) => /buildings|rooms|bookings|holidays/.test(p))).toEqual([]);
  });
});
