import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RoomNormSection } from '@/features/room-reports/components/room-norm-section';
import { defaultNorm, invalid, reportsApi } from '@/features/room-reports/testing/fixtures';
import { problem, renderWithProviders, setupApi } from '@/test/utils';

const puts = (requests: Request[]) => requests.filter((r) => r.method === 'PUT');

describe('the room norm', () => {
  it('shows the norm to every reader, and only a centre administrator gets the form', async () => {
    const { requests } = reportsApi();
    renderWithProviders(<RoomNormSection canEdit={false} />, setupApi());
    expect(await screen.findByTestId('norm-base')).toHaveTextContent('200 m²');
    expect(screen.getByTestId('norm-per-pupil')).toHaveTextContent('5,03 m²');
    expect(screen.getByTestId('norm-after-school')).toHaveTextContent('15:00 uur doordeweeks, 12:00 uur op woensdag');
    expect(screen.getByTestId('norm-source')).toHaveTextContent('Dit is de norm uit de modelverordening.');
    expect(screen.getByTestId('norm-only-admins')).toHaveTextContent('Alleen de beheerder van het kindcentrum kan de norm wijzigen.');
    expect(screen.queryByTestId('norm-form')).not.toBeInTheDocument();
    expect(puts(requests)).toEqual([]);
  });

  it('lets a centre administrator set the municipality’s own norm with PUT /room-norm', async () => {
    const { requests } = reportsApi();
    const user = userEvent.setup();
    renderWithProviders(<RoomNormSection canEdit />, setupApi());
    const perPupil = await screen.findByLabelText('Vierkante meters per leerling (m²)');
    // The form starts with the norm in force, written the Dutch way.
    expect(perPupil).toHaveValue('5,03');
    expect(screen.getByLabelText('Vaste basis (m²)')).toHaveValue('200');
    await user.clear(perPupil);
    await user.type(perPupil, '5,5');
    await user.click(screen.getByRole('button', { name: 'Norm opslaan' }));

    expect(await screen.findByText('De norm is opgeslagen. De overzichten rekenen nu met de nieuwe norm.')).toBeInTheDocument();
    const [put] = puts(requests);
    expect(new URL(put!.url).pathname).toBe('/api/v1/room-norm');
    expect(await put!.json()).toEqual({ baseM2: 200, perPupilM2: 5.5, afterSchoolFrom: '15:00', wednesdayAfternoonFrom: '12:00' });
    expect(screen.getByTestId('norm-per-pupil')).toHaveTextContent('5,5 m²');
    expect(screen.getByTestId('norm-source')).toHaveTextContent('Dit is de eigen norm van de gemeente.');
  });

  it('shows a 400’s field errors at their fields', async () => {
    reportsApi({
      putNorm: () =>
        invalid([
          { location: '#/perPupilM2', code: 'less_than_equal', detail: 'Input should be less than or equal to 1000' },
          { location: '#/wednesdayAfternoonFrom', code: 'value_error', detail: 'Value error, expected a time as HH:MM' },
        ]),
    });
    const user = userEvent.setup();
    renderWithProviders(<RoomNormSection canEdit />, setupApi());
    await user.click(await screen.findByRole('button', { name: 'Norm opslaan' }));

    const perPupil = screen.getByLabelText('Vierkante meters per leerling (m²)');
    await waitFor(() => expect(perPupil).toHaveAttribute('aria-invalid', 'true'));
    expect(perPupil).toHaveAccessibleDescription('Vul een getal in van 0 tot en met 1.000.');
    expect(perPupil).toHaveFocus();
    const wednesday = screen.getByLabelText('Na schooltijd vanaf op woensdag');
    expect(wednesday).toHaveAccessibleDescription('Vul een tijd in, bijvoorbeeld 15:00.');
    // The fields the server accepted stay as they were.
    expect(screen.getByLabelText('Vaste basis (m²)')).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('norm-problem')).toHaveTextContent('De norm is niet opgeslagen.');
    expect(screen.queryByText('Dit is de eigen norm van de gemeente.')).not.toBeInTheDocument();

    // Changing the value clears the server's refusal of it.
    await user.type(perPupil, '0');
    expect(perPupil).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('checks the fields before sending: a number with a comma, within the limits', async () => {
    const { requests } = reportsApi();
    const user = userEvent.setup();
    renderWithProviders(<RoomNormSection canEdit />, setupApi());
    const base = await screen.findByLabelText('Vaste basis (m²)');
    await user.clear(base);
    await user.type(base, 'tweehonderd');
    const perPupil = screen.getByLabelText('Vierkante meters per leerling (m²)');
    await user.clear(perPupil);
    await user.type(perPupil, '1.500');
    await user.click(screen.getByRole('button', { name: 'Norm opslaan' }));
    expect(base).toHaveAccessibleDescription('Vul een getal in, bijvoorbeeld 5,03.');
    expect(base).toHaveFocus();
    expect(perPupil).toHaveAccessibleDescription('Vul een getal in van 0 tot en met 1.000.');
    expect(puts(requests)).toEqual([]);
  });

  it('says plainly when the server refuses the change (403)', async () => {
    reportsApi({ norm: { ...defaultNorm, isDefault: false }, putNorm: () => problem(403, 'Only centre administrators set the norm.') });
    const user = userEvent.setup();
    renderWithProviders(<RoomNormSection canEdit />, setupApi());
    await user.click(await screen.findByRole('button', { name: 'Norm opslaan' }));
    expect(await screen.findByTestId('norm-problem')).toHaveTextContent(
      'U mag de norm niet wijzigen. Alleen de beheerder van het kindcentrum kan dat.',
    );
  });
});
