import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return { ...actual, api: { recordExercise: vi.fn() } };
});

import { api, type ExerciseView } from '$lib/api';
import ClockBar from './ClockBar.svelte';
import { ExerciseState } from './exercise.svelte';
import { runningExercise } from './fixtures';

function exercise() {
  const state = new ExerciseState(7);
  state.take(runningExercise());
  return state;
}

describe('ClockBar', () => {
  beforeEach(() => vi.clearAllMocks());

  // Any move of the clock cleared "Set to", a time typed there but not sent included.
  it('keeps a time typed in "Set to" when the clock is moved by a preset', async () => {
    vi.mocked(api.recordExercise).mockResolvedValue(runningExercise());
    const state = exercise();
    render(ClockBar, { exercise: state, now: Date.now() });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/Set to/), 'T+6h');
    await user.click(screen.getByRole('button', { name: /\+1h/ }));
    expect(api.recordExercise).toHaveBeenCalledWith(7, { type: 'advance', to: 'T+60m' });
    await vi.waitFor(() => expect(screen.getByRole('button', { name: /\+1h/ }).hasAttribute('disabled')).toBe(false));
    expect(state.drafts.advance).toBe('T+6h');
  });

  it('clears "Set to" once its time is taken, unless typed in while it was sent', async () => {
    let answer!: (view: ExerciseView) => void;
    vi.mocked(api.recordExercise).mockReturnValueOnce(new Promise((r) => (answer = r))).mockResolvedValue(runningExercise());
    const state = exercise();
    render(ClockBar, { exercise: state, now: Date.now() });
    const user = userEvent.setup();
    const field = screen.getByLabelText(/Set to/) as HTMLInputElement;
    await user.type(field, 'T+6h{Enter}');
    expect(api.recordExercise).toHaveBeenCalledWith(7, { type: 'advance', to: 'T+6h' });
    await user.type(field, '30m');
    answer(runningExercise());
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Go' }).hasAttribute('disabled')).toBe(false));
    expect(field.value).toBe('T+6h30m');
    await user.keyboard('{Enter}');
    await vi.waitFor(() => expect(field.value).toBe(''));
  });
});
