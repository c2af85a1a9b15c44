import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return { ...actual, api: { recordExercise: vi.fn(), exerciseView: vi.fn() } };
});

import { api, type BoardActivity, type ExerciseView } from '$lib/api';
import { ExerciseState } from './exercise.svelte';
import { boardActivity } from '$lib/incidents/fixtures';
import { runningExercise } from './fixtures';
import ResumeForm from './ResumeForm.svelte';

const activity = (name: string, over: Partial<BoardActivity> = {}): BoardActivity => boardActivity({ name, ...over });

function withActivities(activities: BoardActivity[]): ExerciseView {
  const view = runningExercise();
  view.board!.board.activities = activities;
  return view;
}

describe('ResumeForm', () => {
  beforeEach(() => vi.clearAllMocks());

  it('records an activity back at its minimum level at the exercise’s time, then lists it', async () => {
    const state = new ExerciseState(7);
    state.take(withActivities([activity('Dispatch')]));
    const start = state.view!.board!.start;
    vi.mocked(api.recordExercise).mockResolvedValue(
      withActivities([activity('Dispatch', { minimum_at: new Date(Date.parse(start) + 3 * 3_600_000).toISOString(), achieved_rto_min: 180 })]),
    );
    const user = userEvent.setup();
    render(ResumeForm, { exercise: state });
    expect(screen.getByText('No activity recorded back yet.')).toBeTruthy();
    await user.type(screen.getByLabelText('Activity'), 'Disp{Enter}');
    await user.click(screen.getByTestId('resume'));
    expect(api.recordExercise).toHaveBeenCalledWith(7, { type: 'resume', activity: 'Dispatch', level: 'minimum', restore_point: null });
    const row = await screen.findByTestId('activities-back');
    expect(row.textContent).toContain('Dispatch');
    expect(row.textContent).toContain('3h');
    expect(state.drafts.resume.activity).toBe('');
  });

  it('keeps a restore point it cannot read as typed, and sends nothing', async () => {
    const state = new ExerciseState(7);
    state.take(withActivities([activity('Dispatch')]));
    const user = userEvent.setup();
    render(ResumeForm, { exercise: state });
    await user.type(screen.getByLabelText('Activity'), 'Dispatch');
    await user.type(screen.getByLabelText('Data restored to (if it had to be)'), 'yesterday-ish');
    await user.click(screen.getByTestId('resume'));
    expect(api.recordExercise).not.toHaveBeenCalled();
    expect((screen.getByLabelText('Data restored to (if it had to be)') as HTMLInputElement).value).toBe('yesterday-ish');
    expect(screen.getByRole('alert')).toBeTruthy();
  });
});
