import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

import type { BiaSettings } from '$lib/api';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return { ...actual, api: { biaSettings: vi.fn(), editBiaSettings: vi.fn() } };
});

import { api, KeelError } from '$lib/api';
import BiaSettingsPage from './BiaSettingsPage.svelte';

const settings: BiaSettings = {
  categories: [{ id: 1, name: 'Financial', monetary: true, levels: ['No loss', '< 10 k', 'b', 'c', 'd', '> 1 M'] }],
  buckets: [{ id: 1, after: 60 }],
  unacceptable_rating: 4,
  tiers: [
    { tier: 1, max_rto: 240 },
    { tier: 2, max_rto: null },
  ],
  currency: 'EUR',
  date_order: null,
};

describe('BiaSettingsPage', () => {
  it('saves the unacceptable rating chosen', async () => {
    vi.mocked(api.biaSettings).mockResolvedValue(settings);
    vi.mocked(api.editBiaSettings).mockResolvedValue({ ...settings, unacceptable_rating: 3 });
    render(BiaSettingsPage);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: '3' }));
    expect(api.editBiaSettings).toHaveBeenCalledWith({ kind: 'unacceptable_rating', value: 3 });
    expect((screen.getByRole('radio', { name: '3' }) as HTMLInputElement).checked).toBe(true);
  });

  it('says once which comes first in dates written with numbers only', async () => {
    vi.mocked(api.biaSettings).mockResolvedValue(settings);
    vi.mocked(api.editBiaSettings).mockResolvedValue({ ...settings, date_order: 'day_first' });
    render(BiaSettingsPage);
    const user = userEvent.setup();
    expect(((await screen.findByRole('radio', { name: 'Ask each time' })) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('radio', { name: /day first/ }));
    expect(api.editBiaSettings).toHaveBeenCalledWith({ kind: 'date_order', value: 'day_first' });
    expect((screen.getByRole('radio', { name: /day first/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('shows a refused bucket at its field and keeps the stored ones', async () => {
    vi.mocked(api.biaSettings).mockResolvedValue(settings);
    vi.mocked(api.editBiaSettings).mockRejectedValue(
      new KeelError({ code: 'validation', message: 'x', fields: { bucket: 'There is already a bucket at 1h.' } }),
    );
    render(BiaSettingsPage);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Add a bucket'), '60m{Enter}');
    expect(api.editBiaSettings).toHaveBeenCalledWith({ kind: 'add_bucket', after: '60m' });
    expect((await screen.findByRole('alert')).textContent).toBe('There is already a bucket at 1h.');
    expect(screen.getByText('1h')).toBeTruthy();
  });

  it('keeps a refused tier RTO as typed, flagged, and does not reload it over the typing', async () => {
    vi.clearAllMocks();
    vi.mocked(api.biaSettings).mockResolvedValue(settings);
    vi.mocked(api.editBiaSettings).mockRejectedValue(
      new KeelError({ code: 'validation', message: 'x', fields: { tier: '“half a day” should start with a number.' } }),
    );
    render(BiaSettingsPage);
    const user = userEvent.setup();
    const input = (await screen.findByLabelText('RTO up to')) as HTMLInputElement;
    await user.clear(input);
    await user.type(input, 'half a day');
    await user.tab();
    expect(api.editBiaSettings).toHaveBeenCalledWith({ kind: 'tier_max', tier: 1, max_rto: 'half a day' });
    expect((await screen.findByRole('alert')).textContent).toContain('should start with a number');
    expect(input.value).toBe('half a day');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(api.biaSettings).toHaveBeenCalledTimes(1);
  });
});
