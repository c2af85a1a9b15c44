import { describe, expect, it } from 'vitest';
import { ExerciseState } from './exercise.svelte';
import { runningExercise } from './fixtures';

describe('ExerciseState', () => {
  it('says a moment on its board in scenario time on a scenario clock, and as a time of day on the real one', () => {
    const state = new ExerciseState(7);
    state.take(runningExercise());
    expect(state.timeOf('2026-11-30T12:00:00Z')).toBe('T+4h');
    const real = runningExercise();
    real.board!.clock = 'real';
    state.take(real);
    expect(state.timeOf('2026-11-30T12:00:00Z')).toMatch(/\d\d:00$/);
  });
});
