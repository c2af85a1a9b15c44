import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return {
    ...actual,
    api: { listIdentities: vi.fn().mockResolvedValue([]), importIdentity: vi.fn(), createIdentity: vi.fn(), chooseIdentityFile: vi.fn().mockResolvedValue({ id: 7, path: '/keys/priya.p12' }) },
  };
});

import { api, KeelError } from '$lib/api';
import SigningIdentities from './SigningIdentities.svelte';

describe('SigningIdentities', () => {
  it('shows a wrong passphrase next to the passphrase input, and a refused file next to the file input', async () => {
    const user = userEvent.setup();
    vi.mocked(api.importIdentity).mockRejectedValueOnce(
      new KeelError({ code: 'validation', message: 'x', fields: { passphrase: 'Wrong passphrase: it does not open this signing identity.' } }),
    );
    render(SigningIdentities);
    await user.click(screen.getByRole('button', { name: 'Import a .p12 file…' }));
    await user.click(screen.getByRole('button', { name: 'Choose…' }));
    await screen.findByText('/keys/priya.p12');
    await user.type(screen.getByLabelText('Passphrase'), 'not it{Enter}');

    expect(api.importIdentity).toHaveBeenCalledWith(7, 'not it');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Wrong passphrase: it does not open this signing identity.');
    expect(alert.previousElementSibling?.contains(screen.getByLabelText('Passphrase'))).toBe(true);

    vi.mocked(api.importIdentity).mockRejectedValueOnce(
      new KeelError({ code: 'validation', message: 'x', fields: { path: '/keys/priya.p12: the file is 5000000 bytes' } }),
    );
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const refused = await screen.findByText('/keys/priya.p12: the file is 5000000 bytes');
    expect(refused.previousElementSibling?.contains(screen.getByTestId('identity-file'))).toBe(true);
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });
});
