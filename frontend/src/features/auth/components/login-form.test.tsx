import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LoginForm } from '@/features/auth/components/login-form';
import { json, mockFetch, problem, renderWithProviders, setupApi, typedProblem } from '@/test/utils';

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
    expect(store.get()).toMatchObject({ accessToken: 'a1' });
    // The answer sets the refresh cookie: only with credentials does the browser keep it.
    expect(request.credentials).toBe('include');
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

  describe('with two-factor login', () => {
    const tokens = { access_token: 'a2', token_type: 'bearer', expires_in: 900, refresh_token: 'r2' };

    it('asks for the authenticator code after two-factor-required and sends it as totp', async () => {
      const store = setupApi(null);
      const onSuccess = vi.fn();
      const { requests } = mockFetch(async (request) => {
        const form = new URLSearchParams(await request.text());
        return form.get('totp') === '123456'
          ? json(tokens)
          : typedProblem(401, 'two-factor-required', 'A code is required.');
      });
      renderWithProviders(<LoginForm onSuccess={onSuccess} />, store);
      const user = await fillIn();

      const code = await screen.findByLabelText('Code uit je authenticator-app');
      await waitFor(() => expect(code).toHaveFocus());
      expect(screen.getByText(/een van uw herstelcodes/)).toBeInTheDocument();
      // Being asked for a code is the next step, not an error.
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
      expect(screen.queryByLabelText('Wachtwoord')).not.toBeInTheDocument();
      expect(onSuccess).not.toHaveBeenCalled();

      await user.type(code, '123 456');
      await user.click(screen.getByRole('button', { name: 'Inloggen' }));

      await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
      expect(requests).toHaveLength(2);
      const first = new URLSearchParams(await requests[0]!.text());
      expect(first.has('totp')).toBe(false);
      const second = new URLSearchParams(await requests[1]!.text());
      expect(second.get('username')).toBe('juf.anna@kindcentraal.test');
      expect(second.get('password')).toBe('geheim-wachtwoord');
      expect(second.get('totp')).toBe('123456');
      expect(store.get()).toMatchObject({ accessToken: 'a2' });
    });

    it('says the code is wrong on two-factor-invalid, and stays on the code step', async () => {
      const store = setupApi(null);
      mockFetch(async (request) => {
        const form = new URLSearchParams(await request.text());
        return form.has('totp')
          ? typedProblem(401, 'two-factor-invalid', 'The code is not valid.')
          : typedProblem(401, 'two-factor-required', 'A code is required.');
      });
      renderWithProviders(<LoginForm onSuccess={vi.fn()} />, store);
      const user = await fillIn();
      await user.type(await screen.findByLabelText('Code uit je authenticator-app'), '000000');
      await user.click(screen.getByRole('button', { name: 'Inloggen' }));

      expect(await screen.findByRole('alert')).toHaveTextContent('Deze code klopt niet of is verlopen.');
      expect(screen.getByLabelText('Code uit je authenticator-app')).toHaveAttribute('aria-invalid', 'true');
      expect(store.get()).toBeNull();
    });

    it('asks for the code before sending an empty one, and can start over', async () => {
      const store = setupApi(null);
      const { fetchMock } = mockFetch(async () => typedProblem(401, 'two-factor-required'));
      renderWithProviders(<LoginForm onSuccess={vi.fn()} />, store);
      const user = await fillIn();
      await screen.findByLabelText('Code uit je authenticator-app');
      await user.click(screen.getByRole('button', { name: 'Inloggen' }));
      expect(screen.getByText('Vul de code uit uw authenticator-app in.')).toBeInTheDocument();
      expect(fetchMock).toHaveBeenCalledTimes(1);

      await user.click(screen.getByRole('button', { name: 'Opnieuw beginnen' }));
      expect(screen.getByLabelText('Wachtwoord')).toBeInTheDocument();
      expect(screen.queryByLabelText('Code uit je authenticator-app')).not.toBeInTheDocument();
    });

    it('does not ask for a code after a plain wrong password', async () => {
      const store = setupApi(null);
      mockFetch(async () => typedProblem(401, 'unauthorized', 'Email address or password is incorrect.'));
      renderWithProviders(<LoginForm onSuccess={vi.fn()} />, store);
      await fillIn();
      expect(await screen.findByRole('alert')).toHaveTextContent('Het e-mailadres of het wachtwoord klopt niet.');
      expect(screen.queryByLabelText('Code uit je authenticator-app')).not.toBeInTheDocument();
    });
  });
});
