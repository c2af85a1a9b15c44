import { describe, expect, it, vi, beforeEach } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

import type { Activity, OrgUnit } from '$lib/api';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return { ...actual, api: { addActivity: vi.fn(), updateActivity: vi.fn() } };
});

import { api, KeelError } from '$lib/api';
import ActivityForm from './ActivityForm.svelte';
import { deferred } from '$lib/testing/deferred';

const units: OrgUnit[] = [
  { id: 1, name: 'Operations', description: '', activity_count: 0 },
  { id: 2, name: 'Finance', description: '', activity_count: 0 },
];

function activity(over: Partial<Activity> = {}): Activity {
  return {
    id: 7,
    name: 'Payroll',
    unit_id: 2,
    unit_name: 'Finance',
    owner: 'Sam',
    description: '',
    products_services: ['Payslips'],
    ...over,
  };
}

/** A promise settled when the test says so. */
describe('ActivityForm', () => {
  beforeEach(() => vi.clearAllMocks());

  it('shows the core’s validation message at the field and keeps what was typed', async () => {
    vi.mocked(api.addActivity).mockRejectedValue(
      new KeelError({ code: 'validation', message: 'Activity name is required.', fields: { name: 'Activity name is required.' } }),
    );
    const onsaved = vi.fn();
    render(ActivityForm, { units, onsaved, onclose: vi.fn() });
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Owner'), 'Sam{Enter}');

    expect((await screen.findByRole('alert')).textContent).toBe('Activity name is required.');
    expect(screen.getByLabelText('Name').closest('.field')?.classList.contains('invalid')).toBe(true);
    expect((screen.getByLabelText('Owner') as HTMLInputElement).value).toBe('Sam');
    expect(onsaved).not.toHaveBeenCalled();
  });

  it('sends the unit picked by typing, splits products at semicolons, and clears for the next one', async () => {
    vi.mocked(api.addActivity).mockResolvedValue(activity());
    const onsaved = vi.fn();
    render(ActivityForm, { units, onsaved, onclose: vi.fn() });
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Name'), 'Payroll');
    await user.type(screen.getByLabelText('Unit'), 'fin{Tab}');
    await user.type(screen.getByLabelText('Products and services'), 'Payslips; ; Pay runs {Enter}');

    expect(api.addActivity).toHaveBeenCalledWith({
      name: 'Payroll',
      unit_id: 2,
      owner: '',
      description: '',
      products_services: ['Payslips', 'Pay runs'],
    });
    expect(onsaved).toHaveBeenCalledWith(activity(), true);
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Unit') as HTMLInputElement).value).toBe('Finance');
  });

  // The form was cleared only when the add came back: the first letters of the next
  // activity, typed straight after Enter, were wiped.
  it('clears at once for the next activity, keeping what is typed while the add is answered', async () => {
    const answer = deferred<Activity>();
    vi.mocked(api.addActivity).mockReturnValue(answer.promise);
    const onsaved = vi.fn();
    render(ActivityForm, { units, onsaved, onclose: vi.fn() });
    const user = userEvent.setup();
    const name = screen.getByLabelText('Name') as HTMLInputElement;
    await user.type(name, 'Payroll');
    await user.type(screen.getByLabelText('Unit'), 'fin{Tab}');
    await user.type(screen.getByLabelText('Owner'), 'Sam{Enter}');
    expect(name.value).toBe('');
    expect(document.activeElement).toBe(name);
    await user.keyboard('Inv');
    answer.resolve(activity());
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledWith(activity(), true));
    expect(api.addActivity).toHaveBeenCalledWith(expect.objectContaining({ name: 'Payroll', owner: 'Sam', unit_id: 2 }));
    expect(name.value).toBe('Inv');
    expect((screen.getByLabelText('Owner') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Unit') as HTMLInputElement).value).toBe('Finance');
  });

  it('puts back what was sent when the add is refused, into the fields not typed in since', async () => {
    const answer = deferred<Activity>();
    vi.mocked(api.addActivity).mockReturnValue(answer.promise);
    render(ActivityForm, { units, onsaved: vi.fn(), onclose: vi.fn() });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Name'), 'Payroll');
    await user.type(screen.getByLabelText('Owner'), 'Sam{Enter}');
    await user.type(screen.getByLabelText('Owner'), 'Kim');
    answer.reject(new KeelError({ code: 'validation', message: 'Taken.', fields: { name: 'Taken.' } }));
    expect((await screen.findByRole('alert')).textContent).toBe('Taken.');
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Payroll');
    expect((screen.getByLabelText('Owner') as HTMLInputElement).value).toBe('Kim');
  });

  it('refuses a unit name that matches no unit without calling the core', async () => {
    render(ActivityForm, { units, onsaved: vi.fn(), onclose: vi.fn() });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Name'), 'Payroll');
    await user.type(screen.getByLabelText('Unit'), 'Marketing');
    await user.keyboard('{Escape}');
    await user.type(screen.getByLabelText('Owner'), '{Enter}');

    expect((await screen.findByRole('alert')).textContent).toContain('no unit named “Marketing”');
    expect(api.addActivity).not.toHaveBeenCalled();
  });

  it('edits an existing activity with its current values filled in', async () => {
    vi.mocked(api.updateActivity).mockResolvedValue(activity({ owner: 'Kim' }));
    const onsaved = vi.fn();
    render(ActivityForm, { units, editing: activity(), onsaved, onclose: vi.fn() });
    const user = userEvent.setup();

    expect((screen.getByLabelText('Unit') as HTMLInputElement).value).toBe('Finance');
    const owner = screen.getByLabelText('Owner');
    await user.clear(owner);
    await user.type(owner, 'Kim{Enter}');

    expect(api.updateActivity).toHaveBeenCalledWith(7, expect.objectContaining({ owner: 'Kim', unit_id: 2 }));
    expect(onsaved).toHaveBeenCalledWith(activity({ owner: 'Kim' }), false);
  });

  it('closes on Escape', async () => {
    const onclose = vi.fn();
    render(ActivityForm, { units, onsaved: vi.fn(), onclose });
    await userEvent.setup().keyboard('{Escape}');
    expect(onclose).toHaveBeenCalled();
  });
});
