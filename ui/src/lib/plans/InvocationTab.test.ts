import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return { ...actual, api: { listPeople: vi.fn(), editPlan: vi.fn() } };
});

import { api, KeelError, type PlanView } from '$lib/api';
import InvocationTab from './InvocationTab.svelte';

const view = {
  summary: { id: 2, title: 'Halifax warehouse continuity plan', state: 'draft', version: 2 },
  content: {
    invocation_criteria: [{ text: 'The warehouse cannot be used', threshold_min: 120 }],
    invokers: [{ name: 'Tom Whitaker', role: 'Warehouse Manager', alternate: 'Gemma Lowe' }],
  },
} as unknown as PlanView;

const person = (id: number, name: string, role: string) => ({ id, name, role, phone: '', phone_alt: '', email: '', location: '', last_verified: null });

describe('InvocationTab', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    vi.mocked(api.listPeople).mockResolvedValue([person(4, 'Tom Whitaker', 'Warehouse Manager'), person(5, 'Gemma Lowe', 'Shift Lead')]);
  });

  it('edits the criteria and who may invoke, and saves them as one edit', async () => {
    vi.mocked(api.editPlan).mockResolvedValue(view);
    render(InvocationTab, { view, locked: false, onview: vi.fn() });
    const user = userEvent.setup();
    expect(((await screen.findByLabelText('Threshold of criterion 1')) as HTMLInputElement).value).toBe('2h');
    await vi.waitFor(() => expect((screen.getByLabelText('Alternate, row 1') as HTMLSelectElement).value).toBe('5'));
    await user.click(screen.getByRole('button', { name: 'Add a criterion' }));
    await user.type(screen.getByLabelText('Criterion 2'), 'Picking cannot run for a shift');
    await user.click(screen.getByRole('button', { name: 'Add who may invoke' }));
    await user.type(screen.getByLabelText('Role who may invoke, row 2'), 'Duty Director');
    await user.click(screen.getByRole('button', { name: 'Save the invocation' }));
    expect(api.editPlan).toHaveBeenCalledWith(2, {
      type: 'invocation',
      criteria: [
        { text: 'The warehouse cannot be used', threshold: '2h' },
        { text: 'Picking cannot run for a shift', threshold: '' },
      ],
      invokers: [
        { person_id: 4, role: 'Warehouse Manager', alternate_id: 5 },
        { person_id: null, role: 'Duty Director', alternate_id: null },
      ],
    });
  });

  it('shows a refused threshold at its field and keeps it as typed', async () => {
    vi.mocked(api.editPlan).mockRejectedValue(
      new KeelError({ code: 'validation', message: 'x', fields: { 'criteria.0.threshold': '“soon” should start with a number.' } }),
    );
    render(InvocationTab, { view, locked: false, onview: vi.fn() });
    const user = userEvent.setup();
    const threshold = await screen.findByLabelText('Threshold of criterion 1');
    await user.clear(threshold);
    await user.type(threshold, 'soon');
    await user.click(screen.getByRole('button', { name: 'Save the invocation' }));
    expect(await screen.findByText('“soon” should start with a number.')).toBeTruthy();
    expect((threshold as HTMLInputElement).value).toBe('soon');
  });
});
