import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return { ...actual, api: { recordExercise: vi.fn(), exerciseView: vi.fn(), listResources: vi.fn() } };
});

import { api } from '$lib/api';
import { ExerciseState } from './exercise.svelte';
import { runningExercise } from './fixtures';
import RestoreTab from './RestoreTab.svelte';

function exercise() {
  const state = new ExerciseState(7);
  state.take(runningExercise());
  return state;
}

describe('RestoreTab', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    vi.mocked(api.listResources).mockResolvedValue([]);
    vi.mocked(api.recordExercise).mockResolvedValue(runningExercise());
  });

  it('refuses a restore point far beyond ten years at its field, keeping it as typed (it threw a RangeError)', async () => {
    const user = userEvent.setup();
    const state = exercise();
    render(RestoreTab, { exercise: state });
    const point = screen.getByLabelText('Data restored to (optional)') as HTMLInputElement;
    await user.type(point, 'T-99999999999d');
    await user.click(screen.getByTestId('restore'));
    expect(await screen.findByText(/“T-99999999999d” is more than ten years before T\+0/)).toBeTruthy();
    expect(point.value).toBe('T-99999999999d');
    expect(point.getAttribute('aria-invalid')).toBe('true');
    expect(api.recordExercise).not.toHaveBeenCalled();

    await user.clear(point);
    await user.type(point, 'T-99999d');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText(/“T-99999d” is more than ten years before T\+0/)).toBeTruthy();
    expect(state.drafts.restore.point).toBe('T-99999d');
    expect(api.recordExercise).not.toHaveBeenCalled();
  });

  it('sends a restore point typed before T+0 as a time', async () => {
    const user = userEvent.setup();
    render(RestoreTab, { exercise: exercise() });
    await user.type(screen.getByLabelText('Data restored to (optional)'), 'T-2h');
    await user.click(screen.getByTestId('restore'));
    expect(api.recordExercise).toHaveBeenCalledWith(7, { type: 'restore', resource: '', restore_point: '2026-11-30T06:00:00Z' });
  });

  it('clears what was recorded, keeping what was typed while it was on its way', async () => {
    let answer!: (view: ReturnType<typeof runningExercise>) => void;
    vi.mocked(api.recordExercise).mockReturnValue(new Promise((r) => (answer = r)));
    const user = userEvent.setup();
    const state = exercise();
    render(RestoreTab, { exercise: state });
    const point = screen.getByLabelText('Data restored to (optional)') as HTMLInputElement;
    await user.type(screen.getByLabelText('Resource'), 'WMS');
    await user.type(point, 'T-2h');
    await user.click(screen.getByTestId('restore'));
    await user.clear(point);
    await user.type(point, 'T-1h');
    answer(runningExercise());
    await vi.waitFor(() => expect(state.drafts.restore.resource).toBe(''));
    expect(point.value).toBe('T-1h');
  });
});
