import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

import { saves } from '$lib/saves.svelte';
import AutoField from './AutoField.svelte';

describe('AutoField', () => {
  it.each(['2w', 'half a day'])('keeps a refused value (%s) as typed and flagged after the field is left', async (typed) => {
    const onsave = vi.fn(async () => false);
    const user = userEvent.setup();
    const { rerender } = render(AutoField, { id: 'rto', label: 'RTO', value: '4h', settle: 60_000, onsave });
    const input = screen.getByLabelText('RTO') as HTMLInputElement;
    await user.clear(input);
    await user.type(input, typed);
    await user.tab();
    expect(onsave).toHaveBeenLastCalledWith(typed);
    await rerender({ id: 'rto', label: 'RTO', value: '4h', settle: 60_000, onsave, error: 'Not a time Keel reads.' });
    expect(input.value).toBe(typed);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('Not a time Keel reads.');
    // Leaving it again sends nothing new.
    await user.click(input);
    await user.tab();
    expect(onsave).toHaveBeenCalledTimes(1);
  });

  it('follows the stored value when it changes while the field is not being typed in', async () => {
    const onsave = vi.fn(async () => true);
    const { rerender } = render(AutoField, { id: 'rpo', label: 'RPO', value: '1h', onsave });
    await rerender({ id: 'rpo', label: 'RPO', value: '2h', onsave });
    expect((screen.getByLabelText('RPO') as HTMLInputElement).value).toBe('2h');
  });

  it('is waiting while its delay runs, and sends at once when flushed', async () => {
    const onsave = vi.fn(async () => true);
    const user = userEvent.setup();
    render(AutoField, { id: 'mbco', label: 'MBCO', value: '', settle: 400, onsave });
    await user.type(screen.getByLabelText('MBCO'), '50');
    expect(saves.status).toBe('saving');
    expect(onsave).not.toHaveBeenCalled();
    await saves.flushAll(0);
    expect(onsave).toHaveBeenCalledWith('50');
    expect(saves.waitingCount).toBe(0);
  });
});
