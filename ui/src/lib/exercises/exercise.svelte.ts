// One exercise as the main window works on it: the view the core last sent (preparation,
// board, findings), the clock running on from it (on the real clock), recording on its
// board, and everything typed and not yet sent. Each exercise's state is kept for the
// session (by engagement and id), so leaving the page or the tab loses nothing typed.
import { api, type Board, type BoardAction, type ExerciseView } from '$lib/api';
import { refusal, type BoardHost, type LogDraft, type Refusal } from '$lib/incidents/incident.svelte';
import { boardNow } from '$lib/incidents/time';
import { session } from '$lib/session.svelte';
import { emptyFinding, type FindingDraft } from '$lib/components/FindingsPanel.svelte';
import { draftsOf, type InjectDraft } from './injects';

export type ExerciseDrafts = {
  /** The injects being edited before the start; null until the view first arrives. */
  injects: InjectDraft[] | null;
  /** Notes typed to expected actions and not yet sent, by row key (`inject:expected`). */
  notes: Record<string, string>;
  /** The expected action focused on the board. */
  focused: string | null;
  advance: string;
  restore: { resource: string; point: string };
  close: { summary: string; by: string | null };
  debrief: { strengths: string; weaknesses: string; met: Record<number, boolean | null> } | null;
  finding: FindingDraft;
};


export class ExerciseState implements BoardHost {
  readonly id: number;
  view = $state<ExerciseView | null>(null);
  receivedAt = $state(0);
  machineNow = $state(Date.now());
  loadError = $state<string | null>(null);
  logDraft = $state<LogDraft>({ kind: 'note', text: '', rationale: '', corrects: null });
  drafts = $state<ExerciseDrafts>({
    injects: null,
    notes: {},
    focused: null,
    advance: '',
    restore: { resource: '', point: '' },
    close: { summary: '', by: null },
    debrief: null,
    finding: emptyFinding(),
  });
  tab = $state<string | null>(null);
  #ticker: ReturnType<typeof setInterval> | null = null;
  /** When the view was last asked for by the minute's refresh (ms). */
  #asked = 0;

  constructor(id: number) {
    this.id = id;
  }

  /** The incident board the exercise runs on, in exercise time. */
  get board(): Board | null {
    return this.view?.board?.board ?? null;
  }

  /** The exercise's time now (ms): on the real clock it runs on between answers; a
   *  scenario clock stands where it was set. */
  get now(): number {
    const b = this.view?.board;
    if (!b) return this.machineNow;
    if (b.clock === 'scenario') return Date.parse(b.now);
    return boardNow({ now: b.now, stood_down_at: b.board.stood_down_at }, this.receivedAt, this.machineNow);
  }

  start(): void {
    this.#ticker ??= setInterval(() => {
      this.machineNow = Date.now();
      // On the real clock injects come up as time passes: which are up is the core's
      // to say, asked again every minute while the exercise runs.
      const b = this.view?.board;
      if (b?.clock === 'real' && b.state === 'running' && this.machineNow - Math.max(this.receivedAt, this.#asked) >= 60_000) {
        this.#asked = this.machineNow;
        void this.load();
      }
    }, 1000);
  }

  stop(): void {
    if (this.#ticker) clearInterval(this.#ticker);
    this.#ticker = null;
  }

  async load(): Promise<void> {
    try {
      this.take(await api.exerciseView(this.id));
      this.loadError = null;
    } catch (error) {
      this.loadError = error instanceof Error ? error.message : String(error);
    }
  }

  take(view: ExerciseView): void {
    if (view.exercise.id !== this.id) return;
    this.view = view;
    this.drafts.injects ??= draftsOf(view.exercise.injects);
    this.drafts.debrief ??= {
      strengths: view.exercise.strengths,
      weaknesses: view.exercise.weaknesses,
      met: Object.fromEntries(view.exercise.objectives.map((o) => [o.number, o.met])),
    };
    this.machineNow = Date.now();
    this.receivedAt = this.machineNow;
  }

  /** Runs a call that answers with the exercise; null when done, else why it was refused. */
  async send(change: () => Promise<ExerciseView>): Promise<Refusal | null> {
    try {
      this.take(await change());
      return null;
    } catch (error) {
      return refusal(error);
    }
  }

  record(action: BoardAction): Promise<Refusal | null> {
    return this.send(() => api.recordExercise(this.id, action));
  }
}

const states = new Map<string, ExerciseState>();

/** The state of exercise `id` in the open engagement, kept across pages. */
export function exerciseState(id: number): ExerciseState {
  const key = `${session.workspace?.current?.path ?? ''}#${id}`;
  let state = states.get(key);
  if (!state) {
    state = new ExerciseState(id);
    states.set(key, state);
  }
  return state;
}
