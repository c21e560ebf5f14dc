import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LoginForm } from '@/features/auth/components/login-form';
import { json, mockFetch, problem, renderWithProviders, setupApi } from '@/test/utils';

async function fillIn(email = 'juf.anna@kindcentraal.test', password = 'geheim-wachtwoord') {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('E-mailadres'), email);
  await user.type(screen.getByLabelText('Wachtwoord'), password);
  await user.click(screen.getByRole('button', { name: 'Inloggen' }));
  return user;
}

describe('LoginForm', () => {
  it('posts a form-encoded password grant and keeps the tokens', async () => {
    const store = setupApi(null);
    const onSuccess = vi.fn();
    const { requests } = mockFetch(async () =>
      json({ access_token: 'a1', token_type: 'bearer', expires_in: 900, refresh_token: 'r1' }),
    );

    renderWithProviders(<LoginForm onSuccess={onSuccess} />, store);
    await fillIn();

    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    const request = requests[0]!;
    expect(new URL(request.url).pathname).toBe('/api/v1/auth/token');
    expect(request.method).toBe('POST');
    expect(request.headers.get('Content-Type')).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(await request.text());
    expect(form.get('grant_type')).toBe('password');
    expect(form.get('username')).toBe('juf.anna@kindcentraal.test');
    expect(form.get('password')).toBe('geheim-wachtwoord');
    expect(store.get()).toMatchObject({ accessToken: 'a1', refreshToken: 'r1' });
  });

  it('says in plain Dutch that the e-mail address or password is wrong (401)', async () => {
    const store = setupApi(null);
    mockFetch(async () => problem(401, 'Incorrect email or password.'));
    renderWithProviders(<LoginForm onSuccess={vi.fn()} />, store);
    await fillIn();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Het e-mailadres of het wachtwoord klopt niet.');
    expect(alert).toHaveTextContent('Melding van de server: Incorrect email or password.');
    expect(store.get()).toBeNull();
  });

  it('says how long to wait after too many attempts (429 with Retry-After)', async () => {
    const store = setupApi(null);
    mockFetch(async () => problem(429, 'Too many failed logins.', { 'Retry-After': '840' }));
    renderWithProviders(<LoginForm onSuccess={vi.fn()} />, store);
    await fillIn();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'U heeft te vaak geprobeerd in te loggen. Wacht 14 minuten',
    );
  });

  it('shows the server detail for other problems', async () => {
    const store = setupApi(null);
    mockFetch(async () => problem(400, 'grant_type must be password'));
    renderWithProviders(<LoginForm onSuccess={vi.fn()} />, store);
    await fillIn();
    expect(await screen.findByRole('alert')).toHaveTextContent('grant_type must be password');
  });

  it('asks for both fields before sending anything', async () => {
    const store = setupApi(null);
    const { fetchMock } = mockFetch(async () => json({}));
    renderWithProviders(<LoginForm onSuccess={vi.fn()} />, store);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect(screen.getByText('Vul uw e-mailadres in.')).toBeInTheDocument();
    expect(screen.getByText('Vul uw wachtwoord in.')).toBeInTheDocument();
    expect(screen.getByLabelText('E-mailadres')).toHaveAttribute('aria-invalid', 'true');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
