// The "Prepare exercise" form as typed, kept for the session by engagement file: leaving
// the page and coming back finds it as it was left, until the exercise is prepared; the
// plans and losses picked in one file are never sent to another.
import type { Chip } from '$lib/components/ChipPicker.svelte';
import type { EventKind } from '$lib/api';
import { draftOf } from '$lib/drafts.svelte';

export type PrepareDraft = {
  kind: Exclude<EventKind, 'incident'>;
  title: string;
  date: string;
  /** '' : the type's usual clock. */
  clock: '' | 'real' | 'scenario';
  facilitator: string | null;
  participants: Chip[];
  observers: Chip[];
  objectives: string;
  successCriteria: string;
  plans: number[];
  lost: Chip[];
  scenario: string;
  pick: { participants: string; observers: string; lost: string };
};

export const freshDraft = (): PrepareDraft => ({
  kind: 'tabletop',
  title: '',
  date: '',
  clock: '',
  facilitator: null,
  participants: [],
  observers: [],
  objectives: '',
  successCriteria: '',
  plans: [],
  lost: [],
  scenario: '',
  pick: { participants: '', observers: '', lost: '' },
});

export type Preparing = {
  /** Whether the form is shown. */
  open: boolean;
  draft: PrepareDraft;
  /** What the core (or the form) refused, by field, until the next try. */
  errors: Record<string, string>;
};

/** The form of the engagement open now. */
export const preparing = (): Preparing => draftOf('prepare-exercise', () => ({ open: false, draft: freshDraft(), errors: {} }));

export const kindLabels: [Exclude<EventKind, 'incident'>, string][] = [
  ['tabletop', 'Tabletop'],
  ['walkthrough', 'Walkthrough'],
  ['simulation', 'Simulation'],
  ['parallel', 'Parallel test'],
  ['full_interruption', 'Full interruption'],
];

export const kindLabel = (kind: EventKind): string => kindLabels.find(([k]) => k === kind)?.[1] ?? 'Incident';

/** Objectives typed one per line. */
export const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
