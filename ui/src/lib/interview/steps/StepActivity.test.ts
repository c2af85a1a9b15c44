import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

import type { Activity } from '$lib/api';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return { ...actual, api: { updateActivity: vi.fn(), interview: vi.fn(), editInterview: vi.fn() } };
});

import { api } from '$lib/api';
import { InterviewState } from '../state.svelte';
import StepActivity from './StepActivity.svelte';
import { deferred } from '$lib/testing/deferred';
import { interviewView } from '../fixtures';

const viewOf = (activity: Activity) => interviewView({}, activity);

/** A promise resolved when the test says so. */
describe('StepActivity', () => {
  let stored: Activity;
  let gate: ReturnType<typeof deferred<void>>;

  beforeEach(() => {
    vi.clearAllMocks();
    stored = { id: 7, name: 'Payroll', unit_id: null, unit_name: null, owner: 'Sam', description: 'Old', products_services: [] };
    gate = deferred<void>();
    // The core keeps what each update sends, once the test lets the first one through.
    vi.mocked(api.updateActivity).mockImplementation(async (_id, input) => {
      await gate.promise;
      stored = { ...stored, ...input };
      return stored;
    });
    vi.mocked(api.interview).mockImplementation(async () => viewOf({ ...stored }));
  });

  // The products were saved with the activity as last read, before the description's
  // save was answered: the old description went back over the new one.
  it('never sends an older description with the products typed after it', async () => {
    const model = new InterviewState(7);
    model.view = viewOf({ ...stored });
    render(StepActivity, { model });
    const user = userEvent.setup();
    const description = screen.getByLabelText('What the activity does') as HTMLTextAreaElement;
    await user.type(description, '!');
    await user.click(screen.getByLabelText('Products and services it delivers'));
    await user.keyboard('Payslips');
    gate.resolve();
    await vi.waitFor(() => expect(model.view!.activity.products_services).toEqual(['Payslips']));
    await new Promise((r) => setTimeout(r, 0));
    expect(stored.description).toBe('Old!');
    expect(model.view!.activity.description).toBe('Old!');
    expect(description.value).toBe('Old!');
    for (const [, input] of vi.mocked(api.updateActivity).mock.calls.slice(1)) expect(input.description).toBe('Old!');
  });
});
