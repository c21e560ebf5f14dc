import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { NotificationSettingsForm } from '@/features/notification-settings/components/notification-settings-form';
import { json, mockFetch, renderWithProviders, setupApi } from '@/test/utils';

const SETTINGS = { messages: true, announcements: true, consents: true, talks: true, activities: false, contactPerson: true, weeklyDigest: false };

describe('the e-mail settings', () => {
  it('shows the seven choices as stored and saves them all at once', async () => {
    const saved: unknown[] = [];
    mockFetch(async (request) => {
      if (request.method === 'PUT') {
        const body = await request.json();
        saved.push(body);
        return json(body);
      }
      return json(SETTINGS);
    });
    renderWithProviders(<NotificationSettingsForm />, setupApi());
    const messages = await screen.findByRole('checkbox', { name: 'een nieuw bericht' });
    expect(messages).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'één keer per week een overzicht' })).not.toBeChecked();
    expect(screen.getAllByRole('checkbox')).toHaveLength(7);

    await userEvent.click(messages);
    await userEvent.click(screen.getByRole('checkbox', { name: 'één keer per week een overzicht' }));
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(saved).toEqual([{ ...SETTINGS, messages: false, weeklyDigest: true }]));
    expect(await screen.findByRole('status')).toHaveTextContent('Uw keuze is opgeslagen.');
  });
});
