import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return { ...actual, api: { recordExercise: vi.fn(), exerciseView: vi.fn() } };
});

import { api, KeelError } from '$lib/api';
import { ExerciseState, exerciseState } from './exercise.svelte';
import { runningExercise } from './fixtures';
import InjectsTab from './InjectsTab.svelte';

function exercise() {
  const state = new ExerciseState(7);
  state.take(runningExercise());
  return state;
}

describe('InjectsTab', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    vi.mocked(api.recordExercise).mockResolvedValue(runningExercise());
  });

  it('hides what is to come from the room until it is shown', async () => {
    const user = userEvent.setup();
    const state = exercise();
    render(InjectsTab, { exercise: state });
    const later = document.querySelector<HTMLElement>('[data-inject="2"]')!;
    expect(later.textContent).toContain('Hidden from the room');
    expect(later.textContent).not.toContain('Recover the WMS');
    await user.click(screen.getByTestId('reveal'));
    expect(later.textContent).toContain('Recover the WMS');
    expect(state.drafts.revealed).toBe(true);
  });

  it('rates the focused expected action with one key, and moves with J', async () => {
    const user = userEvent.setup();
    render(InjectsTab, { exercise: exercise() });
    const first = document.querySelector<HTMLElement>('[data-row="1:1"]')!;
    expect(first.tabIndex).toBe(0);
    first.focus();
    await user.keyboard('o');
    expect(api.recordExercise).toHaveBeenLastCalledWith(7, { type: 'observe', inject: 1, expected: 1, rating: 'observed', note: '' });
    await user.keyboard('j');
    expect(document.activeElement).toBe(document.querySelector('[data-row="1:2"]'));
    await user.keyboard('m');
    expect(api.recordExercise).toHaveBeenLastCalledWith(7, { type: 'observe', inject: 1, expected: 2, rating: 'missed', note: '' });
  });

  it('keeps a note typed with N for the rating that follows', async () => {
    const user = userEvent.setup();
    const state = exercise();
    render(InjectsTab, { exercise: state });
    document.querySelector<HTMLElement>('[data-row="1:2"]')!.focus();
    await user.keyboard('n');
    await user.keyboard('Not decided in time{Enter}');
    expect(api.recordExercise).not.toHaveBeenCalled();
    expect(state.drafts.notes['1:2']).toBe('Not decided in time');
    expect(document.activeElement).toBe(document.querySelector('[data-row="1:2"]'));
    await user.keyboard('p');
    expect(api.recordExercise).toHaveBeenLastCalledWith(7, {
      type: 'observe',
      inject: 1,
      expected: 2,
      rating: 'partly',
      note: 'Not decided in time',
    });
    expect(state.drafts.notes['1:2']).toBeUndefined();
  });

  // The rating's answer deleted the note typed with N while it was on its way.
  it('keeps a note typed while a rating is answered', async () => {
    let answer!: (view: ReturnType<typeof runningExercise>) => void;
    vi.mocked(api.recordExercise).mockReturnValue(new Promise((r) => (answer = r)));
    const user = userEvent.setup();
    const state = exercise();
    render(InjectsTab, { exercise: state });
    document.querySelector<HTMLElement>('[data-row="1:1"]')!.focus();
    await user.keyboard('o');
    await user.keyboard('n');
    await user.keyboard('Late');
    answer(runningExercise());
    await vi.waitFor(() => expect(api.recordExercise).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 0));
    expect(state.drafts.notes['1:1']).toBe('Late');
    expect((document.getElementById('note-1:1') as HTMLInputElement).value).toBe('Late');
  });

  it('offers no rating for an inject not up, and shows the core’s refusal at the action', async () => {
    const user = userEvent.setup();
    vi.mocked(api.recordExercise).mockRejectedValue(new KeelError({ code: 'conflict', message: 'inject 1 is not up yet', fields: {} }));
    render(InjectsTab, { exercise: exercise() });
    expect(document.querySelector('[data-inject="2"] [data-row]')).toBeNull();
    document.querySelector<HTMLElement>('[data-row="1:1"]')!.focus();
    await user.keyboard('o');
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'inject 1 is not up yet');
  });

  it('keeps one state per exercise, so what is typed outlives the page', () => {
    const a = exerciseState(7);
    a.drafts.advance = 'T+6h';
    expect(exerciseState(7).drafts.advance).toBe('T+6h');
    expect(exerciseState(8)).not.toBe(a);
  });
});
