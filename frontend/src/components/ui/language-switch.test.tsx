import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { PARENT_LANGUAGES, takeLanguageChoice } from '@/lib/i18n';

afterEach(() => {
  takeLanguageChoice();
});

describe('LanguageSwitch', () => {
  it('offers Dutch and English on staff screens', () => {
    render(<LanguageSwitch />);
    const group = screen.getByRole('group', { name: 'Taal' });
    expect(within(group).getAllByRole('button').map((b) => b.textContent)).toEqual(['Nederlands', 'English']);
    expect(within(group).getByRole('button', { name: 'Nederlands' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('offers the six languages of the parent app, each named in itself and marked with its lang', () => {
    render(<LanguageSwitch languages={PARENT_LANGUAGES} />);
    const buttons = within(screen.getByRole('group', { name: 'Taal' })).getAllByRole('button');
    expect(buttons.map((b) => [b.textContent, b.getAttribute('lang')])).toEqual([
      ['Nederlands', 'nl'],
      ['English', 'en'],
      ['العربية', 'ar'],
      ['Türkçe', 'tr'],
      ['Polski', 'pl'],
      ['Українська', 'uk'],
    ]);
  });

  it('switches to Arabic: the texts, <html lang="ar" dir="rtl">, the pressed button, and tells onChange', async () => {
    const onChange = vi.fn();
    render(<LanguageSwitch languages={PARENT_LANGUAGES} onChange={onChange} />);
    await userEvent.click(screen.getByRole('button', { name: 'العربية' }));
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(document.documentElement.lang).toBe('ar');
    expect(screen.getByRole('group', { name: 'اللغة' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'العربية' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Nederlands' })).toHaveAttribute('aria-pressed', 'false');
    expect(onChange).toHaveBeenCalledWith('ar');
  });
});
