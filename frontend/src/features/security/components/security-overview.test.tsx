import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SecurityOverview } from '@/features/security/components/security-overview';
import { json, mockFetch, problem, renderWithProviders, setupApi } from '@/test/utils';

const off = { enabled: false, enrolmentRequired: false, mandatory: false, recoveryCodesLeft: 0 };
const on = { enabled: true, enrolmentRequired: false, mandatory: false, recoveryCodesLeft: 7 };
const codes = Array.from({ length: 10 }, (_, i) => `code-${i}-abcd`);
const OTPAUTH = 'otpauth://totp/KindCentraal:anna%40kindcentraal.test?secret=JBSWY3DPEHPK3PXP&issuer=KindCentraal';

type Answers = Record<string, (request: Request) => Response | Promise<Response>>;

function securityApi(answers: Answers = {}) {
  return mockFetch(async (request) => {
    const path = new URL(request.url).pathname.replace('/api/v1', '');
    const key = `${request.method} ${path}`;
    if (answers[key]) return answers[key]!(request);
    switch (key) {
      case 'POST /me/two-factor/enrolment':
        return json({ secret: 'JBSWY3DPEHPK3PXP', otpauthUri: OTPAUTH }, { status: 201 });
      case 'POST /me/two-factor/enrolment/confirmation':
        return json({ recoveryCodes: codes });
      case 'POST /me/two-factor/deactivation':
      case 'POST /me/password':
        return new Response(null, { status: 204 });
      case 'GET /security-settings':
        return json({ mandatoryTwoFactorRoles: ['centre_admin'] });
      case 'PUT /security-settings':
        return json(await request.json());
      case 'GET /me/sessions':
        return json([]);
      default:
        return problem(404, 'Not found');
    }
  });
}

function renderOverview({ twoFactor = off, isCentreAdmin = false, onPasswordChanged = vi.fn() } = {}) {
  return renderWithProviders(
    <SecurityOverview
      twoFactor={twoFactor}
      isCentreAdmin={isCentreAdmin}
      onPasswordChanged={onPasswordChanged}
      onSignedOutEverywhere={vi.fn()}
    />,
    setupApi(),
  );
}

describe('SecurityOverview', () => {
  // 15 s: the file's first test pays for the cold start (the QR code module, the devices list).
  it('sets up two-factor: QR code, secret, first code, then the recovery codes once', async () => {
    const { requests } = securityApi();
    const user = userEvent.setup();
    renderOverview();

    expect(screen.getByText('Tweestapsverificatie staat uit.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Tweestapsverificatie instellen' }));

    const qr = await screen.findByRole('img', {
      name: 'QR-code om KindCentraal toe te voegen aan uw authenticator-app',
    });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(screen.getByText('JBSWY3DPEHPK3PXP')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Zo stelt u het in' })).toHaveFocus();

    await user.type(screen.getByLabelText('Code uit je authenticator-app'), '123456');
    await user.click(screen.getByRole('button', { name: 'Bevestigen' }));

    const region = await screen.findByRole('region', { name: 'Uw herstelcodes' });
    expect(within(region).getAllByRole('listitem')).toHaveLength(10);
    expect(region).toHaveTextContent('code-0-abcd');
    expect(region).toHaveTextContent('U ziet ze maar één keer');
    const confirmation = requests.find((r) => r.url.endsWith('/enrolment/confirmation'))!;
    expect(await confirmation.json()).toEqual({ code: '123456' });

    await user.click(within(region).getByRole('button', { name: 'Ik heb de codes bewaard' }));
    expect(screen.queryByText('code-0-abcd')).not.toBeInTheDocument();
  }, 15_000);

  it('says so when the first code is wrong', async () => {
    securityApi({
      'POST /me/two-factor/enrolment/confirmation': () => problem(400, 'The code is not valid.'),
    });
    const user = userEvent.setup();
    renderOverview();
    await user.click(screen.getByRole('button', { name: 'Tweestapsverificatie instellen' }));
    await user.type(await screen.findByLabelText('Code uit je authenticator-app'), '000000');
    await user.click(screen.getByRole('button', { name: 'Bevestigen' }));
    expect(await screen.findByText(/Deze code klopt niet/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Uw herstelcodes' })).not.toBeInTheDocument();
  });

  it('offers no way to turn two-factor off where it is mandatory', () => {
    securityApi();
    renderOverview({ twoFactor: { ...on, mandatory: true } });
    expect(screen.getByText('Tweestapsverificatie staat aan.')).toBeInTheDocument();
    expect(screen.getByText(/U kunt het niet uitzetten/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tweestapsverificatie uitzetten' })).not.toBeInTheDocument();
  });

  it('says the password is wrong when turning two-factor off', async () => {
    securityApi({
      'POST /me/two-factor/deactivation': () =>
        new Response(
          JSON.stringify({
            type: 'https://kindcentraal.nl/problems/invalid-input',
            title: 'Bad Request',
            status: 400,
            detail: 'The password is incorrect.',
            errors: [{ in: 'body', location: '#/password', code: 'wrong_password', detail: 'The password is incorrect.' }],
          }),
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
    });
    const user = userEvent.setup();
    renderOverview({ twoFactor: on });
    await user.type(screen.getByLabelText('Uw wachtwoord'), 'fout');
    await user.click(screen.getByRole('button', { name: 'Tweestapsverificatie uitzetten' }));
    expect(await screen.findByText('Het wachtwoord klopt niet. Probeer het opnieuw.')).toBeInTheDocument();
    expect(screen.getByLabelText('Uw wachtwoord')).toHaveAttribute('aria-invalid', 'true');
  });

  it('explains that two-factor is mandatory when the server refuses to turn it off', async () => {
    const { requests } = securityApi({
      'POST /me/two-factor/deactivation': () => problem(403, 'Two-factor is mandatory for your role.'),
    });
    const user = userEvent.setup();
    renderOverview({ twoFactor: on, isCentreAdmin: true });

    expect(screen.getByText('Tweestapsverificatie staat aan.')).toBeInTheDocument();
    expect(screen.getByText('U heeft nog 7 herstelcodes over.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Uw wachtwoord'), 'geheim-wachtwoord');
    await user.click(screen.getByRole('button', { name: 'Tweestapsverificatie uitzetten' }));
    expect(await screen.findByText(/U kunt het niet uitzetten/)).toBeInTheDocument();
    const post = requests.find((r) => r.url.endsWith('/deactivation'))!;
    expect(await post.json()).toEqual({ password: 'geheim-wachtwoord' });
  });

  it('shows the enrolment-required explanation', () => {
    securityApi();
    renderOverview({ twoFactor: { ...off, enrolmentRequired: true, mandatory: true }, isCentreAdmin: true });
    expect(screen.getByText(/Tweestapsverificatie is verplicht voor uw rol. Stel het hieronder in./)).toBeInTheDocument();
    // The server refuses the settings until two-factor is set up.
    expect(screen.queryByRole('heading', { name: 'Tweestapsverificatie verplicht voor rollen' })).not.toBeInTheDocument();
  });

  it('changes the password and then ends the session here', async () => {
    const { requests } = securityApi();
    const onPasswordChanged = vi.fn();
    const user = userEvent.setup();
    renderOverview({ onPasswordChanged });

    await user.type(screen.getByLabelText('Huidig wachtwoord'), 'oud-wachtwoord-1');
    await user.type(screen.getByLabelText('Nieuw wachtwoord'), 'een nieuwe lange zin');
    await user.type(screen.getByLabelText('Herhaal het nieuwe wachtwoord'), 'een nieuwe lange zin!');
    await user.click(screen.getByRole('button', { name: 'Wachtwoord wijzigen' }));
    expect(screen.getByText('De twee nieuwe wachtwoorden zijn niet hetzelfde.')).toBeInTheDocument();
    // Nothing sent but the devices list, which loads beside the forms.
    expect(requests.filter((r) => !r.url.endsWith('/me/sessions'))).toHaveLength(0);

    await user.clear(screen.getByLabelText('Herhaal het nieuwe wachtwoord'));
    await user.type(screen.getByLabelText('Herhaal het nieuwe wachtwoord'), 'een nieuwe lange zin');
    await user.click(screen.getByRole('button', { name: 'Wachtwoord wijzigen' }));

    await waitFor(() => expect(onPasswordChanged).toHaveBeenCalledTimes(1));
    expect(await requests.find((r) => r.url.endsWith('/me/password'))!.json()).toEqual({
      currentPassword: 'oud-wachtwoord-1',
      newPassword: 'een nieuwe lange zin',
    });
  });

  it('marks the current password when the server says it is wrong', async () => {
    securityApi({
      'POST /me/password': () =>
        new Response(
          JSON.stringify({
            type: 'https://kindcentraal.nl/problems/invalid-input',
            title: 'Bad Request',
            status: 400,
            detail: 'The current password is incorrect.',
            errors: [{ in: 'body', location: '#/currentPassword', code: 'wrong_password', detail: 'The current password is incorrect.' }],
          }),
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
    });
    const onPasswordChanged = vi.fn();
    const user = userEvent.setup();
    renderOverview({ onPasswordChanged });
    await user.type(screen.getByLabelText('Huidig wachtwoord'), 'fout-wachtwoord');
    await user.type(screen.getByLabelText('Nieuw wachtwoord'), 'een nieuwe lange zin');
    await user.type(screen.getByLabelText('Herhaal het nieuwe wachtwoord'), 'een nieuwe lange zin');
    await user.click(screen.getByRole('button', { name: 'Wachtwoord wijzigen' }));
    expect(await screen.findByText('Uw huidige wachtwoord klopt niet. Probeer het opnieuw.')).toBeInTheDocument();
    expect(screen.getByLabelText('Huidig wachtwoord')).toHaveAttribute('aria-invalid', 'true');
    expect(onPasswordChanged).not.toHaveBeenCalled();
  });

  it('asks for digits only as the first code', async () => {
    const { requests } = securityApi();
    const user = userEvent.setup();
    renderOverview();
    await user.click(screen.getByRole('button', { name: 'Tweestapsverificatie instellen' }));
    await user.type(await screen.findByLabelText('Code uit je authenticator-app'), 'abc');
    await user.click(screen.getByRole('button', { name: 'Bevestigen' }));
    expect(await screen.findByText('De code bestaat uit 6 cijfers. Vul alleen de cijfers in.')).toBeInTheDocument();
    expect(requests.some((r) => r.url.endsWith('/confirmation'))).toBe(false);
  });

  it('lets a centre admin choose the roles that must use two-factor', async () => {
    const { requests } = securityApi();
    const user = userEvent.setup();
    renderOverview({ twoFactor: on, isCentreAdmin: true });

    expect(screen.getByRole('heading', { level: 2, name: 'Tweestapsverificatie verplicht voor rollen' })).toBeInTheDocument();
    const admin = await screen.findByRole('checkbox', { name: 'beheerder kindcentrum' });
    expect(admin).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'zorgprofessional' }));
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));

    expect(await screen.findByText('De instelling is opgeslagen.')).toBeInTheDocument();
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(await put.json()).toEqual({
      mandatoryTwoFactorRoles: ['centre_admin', 'care_professional'],
      parentSessionDays: 30,
    });
  });

  it('lets a centre admin set how long parents stay signed in, within 1 to 90 days', async () => {
    const { requests } = securityApi();
    const user = userEvent.setup();
    renderOverview({ twoFactor: on, isCentreAdmin: true });

    const days = await screen.findByRole('spinbutton', { name: 'Hoe lang blijven ouders ingelogd? (dagen)' });
    expect(days).toHaveValue(30);
    await user.clear(days);
    await user.type(days, '120');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(screen.getByText('Kies een aantal dagen van 1 tot en met 90.')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'PUT')).toBe(false);

    await user.clear(days);
    await user.type(days, '14');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('De instelling is opgeslagen.')).toBeInTheDocument();
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(await put.json()).toMatchObject({ parentSessionDays: 14 });
  });

  it('shows no settings to other roles, and does not ask for them', () => {
    const { requests } = securityApi();
    renderOverview({ twoFactor: on, isCentreAdmin: false });
    expect(screen.queryByRole('heading', { name: 'Tweestapsverificatie verplicht voor rollen' })).not.toBeInTheDocument();
    expect(requests.some((r) => r.url.endsWith('/security-settings'))).toBe(false);
  });
});
