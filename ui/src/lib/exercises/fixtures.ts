// An exercise as the core sends it, for the component tests of the exercise pages.
import type { ExerciseView, InjectRow } from '$lib/api';
import { openBoard } from '$lib/incidents/fixtures';

const row = (number: number, offset: number, up: boolean, expected: string[]): InjectRow => ({
  inject: { number, offset_min: offset, text: `Inject ${number} text`, expected },
  due_at: '2026-11-30T08:00:00Z',
  up,
  expected: expected.map((text, i) => ({ number: i + 1, text, rating: null, note: '', by: '' })),
});

export function runningExercise(id = 7): ExerciseView {
  return {
    exercise: {
      id,
      type: 'tabletop',
      title: 'WMS outage tabletop',
      date: '2026-11-30T08:00:00Z',
      state: 'running',
      clock: 'scenario',
      facilitator: 'Erin Example',
      scenario: 'Warehouse management system is lost at T+0.',
      lost: ['resource:4'],
      success_criteria: '',
      strengths: '',
      weaknesses: '',
      people: [],
      objectives: [{ number: 1, text: 'Decide on invocation within 30 minutes', met: null }],
      plans: [],
      injects: [],
    },
    board: {
      clock: 'scenario',
      state: 'running',
      start: '2026-11-30T08:00:00Z',
      now: '2026-11-30T08:00:00Z',
      elapsed_min: 0,
      objectives: ['Decide on invocation within 30 minutes'],
      injects: [row(1, 0, true, ['Assess the impact', 'Decide whether to invoke']), row(2, 240, false, ['Recover the WMS'])],
      next_inject: 2,
      restored: [],
      score: { observed: 0, partly: 0, missed: 0, unrated: 2, percent: null },
      board: { ...openBoard({ id, kind: 'tabletop' }) },
    },
    findings: [],
  };
}
