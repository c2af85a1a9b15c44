import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return { ...actual, api: { setExerciseInjects: vi.fn(), startExercise: vi.fn() } };
});

import { api, type ExerciseView, type Inject } from '$lib/api';
import { ExerciseState } from './exercise.svelte';
import { runningExercise } from './fixtures';
import InjectEditor from './InjectEditor.svelte';
import { deferred } from '$lib/testing/deferred';

const stored: Inject[] = [
  { number: 1, offset_min: 0, text: 'The WMS is down', expected: ['Assess the impact'], activity: '' },
  { number: 2, offset_min: 240, text: 'Picking has been down 4h', expected: [], activity: '' },
];

function withInjects(injects: Inject[]): ExerciseView {
  const view = runningExercise();
  return { ...view, exercise: { ...view.exercise, state: 'planned', injects } };
}

/** A promise resolved when the test says so. */
function exercise() {
  const state = new ExerciseState(7);
  state.take(withInjects(stored));
  return state;
}

const text = (i: number) => document.getElementById(`inject-${i}-text`) as HTMLTextAreaElement;

describe('InjectEditor', () => {
  beforeEach(() => vi.clearAllMocks());

  // The answer rebuilt every row with new keys: the rows were made again, focus was lost,
  // and what was typed after Ctrl+Enter with them.
  it('keeps the keys typed after Ctrl+Enter while the save is answered, in the same row', async () => {
    const answer = deferred<ExerciseView>();
    vi.mocked(api.setExerciseInjects).mockReturnValue(answer.promise);
    render(InjectEditor, { exercise: exercise() });
    const user = userEvent.setup();
    const second = text(1);
    await user.click(second);
    await user.keyboard('{End}, still{Control>}{Enter}{/Control}');
    expect(api.setExerciseInjects).toHaveBeenCalledTimes(1);
    await user.keyboard(' and more');
    answer.resolve(withInjects([stored[0], { ...stored[1], text: 'Picking has been down 4h, still' }]));
    await vi.waitFor(() => expect(screen.getByTestId('save-injects').hasAttribute('disabled')).toBe(false));
    expect(text(1)).toBe(second);
    expect(document.activeElement).toBe(second);
    expect(second.value).toBe('Picking has been down 4h, still and more');
  });

  it('shows the saved injects in time order in the same rows, focus kept', async () => {
    vi.mocked(api.setExerciseInjects).mockImplementation(async (_id, inputs) =>
      withInjects([
        { number: 1, offset_min: 0, text: inputs[1].text, expected: [], activity: '' },
        { number: 2, offset_min: 60, text: inputs[0].text, expected: ['Assess the impact'], activity: '' },
      ]),
    );
    render(InjectEditor, { exercise: exercise() });
    const user = userEvent.setup();
    const first = text(0);
    const offset = document.getElementById('inject-0-offset') as HTMLInputElement;
    await user.clear(offset);
    await user.type(offset, '1h');
    await user.click(first);
    await user.keyboard('{Control>}{Enter}{/Control}');
    await screen.findByText(/Injects saved/);
    expect(text(1)).toBe(first);
    expect(first.value).toBe('The WMS is down');
    expect((document.getElementById('inject-1-offset') as HTMLInputElement).value).toBe('T+1h');
    expect(document.activeElement).toBe(first);
  });
});
