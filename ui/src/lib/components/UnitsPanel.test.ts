import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

import type { OrgUnit } from '$lib/api';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return { ...actual, api: { addUnit: vi.fn(), updateUnit: vi.fn(), deleteUnit: vi.fn() } };
});

import { api, KeelError } from '$lib/api';
import UnitsPanel from './UnitsPanel.svelte';

const units: OrgUnit[] = [{ id: 1, name: 'Finance', description: '', activity_count: 2 }];

describe('UnitsPanel', () => {
  it('adds a unit on Enter and clears the input', async () => {
    vi.mocked(api.addUnit).mockResolvedValue({ id: 2, name: 'Operations', description: '', activity_count: 0 });
    const onchange = vi.fn().mockResolvedValue(undefined);
    render(UnitsPanel, { units, selected: null, onselect: vi.fn(), onchange });

    const input = screen.getByLabelText('New unit name') as HTMLInputElement;
    await userEvent.setup().type(input, 'Operations{Enter}');

    expect(api.addUnit).toHaveBeenCalledWith({ name: 'Operations', description: '' });
    expect(onchange).toHaveBeenCalled();
    expect(input.value).toBe('');
  });

  // The answer cleared the input, taking a name typed while the first was being added.
  it('keeps a name typed while the last one is added', async () => {
    let answer!: (unit: OrgUnit) => void;
    vi.mocked(api.addUnit).mockReturnValue(new Promise((r) => (answer = r)));
    const onchange = vi.fn().mockResolvedValue(undefined);
    render(UnitsPanel, { units, selected: null, onselect: vi.fn(), onchange });
    const user = userEvent.setup();
    const input = screen.getByLabelText('New unit name') as HTMLInputElement;
    await user.type(input, 'Operations{Enter}');
    await user.type(input, ' and logistics');
    answer({ id: 2, name: 'Operations', description: '', activity_count: 0 });
    await vi.waitFor(() => expect(onchange).toHaveBeenCalled());
    expect(input.value).toBe('Operations and logistics');
  });

  it('shows a duplicate name at the input', async () => {
    vi.mocked(api.addUnit).mockRejectedValue(
      new KeelError({ code: 'validation', message: 'x', fields: { name: 'There is already a unit named “Finance”.' } }),
    );
    render(UnitsPanel, { units, selected: null, onselect: vi.fn(), onchange: vi.fn() });
    await userEvent.setup().type(screen.getByLabelText('New unit name'), 'finance{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('There is already a unit named “Finance”.');
  });

  it('asks before deleting, and Cancel deletes nothing', async () => {
    render(UnitsPanel, { units, selected: null, onselect: vi.fn(), onchange: vi.fn() });
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Delete Finance'));
    expect(screen.getByRole('dialog').textContent).toContain('It still has 2 activities');
    await user.click(screen.getByText('Cancel'));
    expect(api.deleteUnit).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
