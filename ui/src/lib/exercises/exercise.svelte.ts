// One exercise as the main window works on it: the view the core last sent (preparation,
// board, findings), the clock running on from it (on the real clock), recording on its
// board, and everything typed and not yet sent. Each exercise's state is kept for the
// session (by engagement and id), so leaving the page or the tab loses nothing typed.
import { api, type Board, type BoardAction, type ExerciseView, type Level } from '$lib/api';
import { refusal, type BoardHost, type LogDraft, type Refusal } from '$lib/incidents/incident.svelte';
import { LiveEvent } from '$lib/incidents/live.svelte';
import { boardNow, formatAt } from '$lib/incidents/time';
import { exerciseTime, restorePoint } from './clock';
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
  /** Whether the injects still to come are shown (V): hidden, the room on the projector
   *  does not read what is coming or what is expected of it. */
  revealed: boolean;
  advance: string;
  restore: { resource: string; point: string };
  resume: { activity: string; level: Level; point: string };
  close: { summary: string; by: string | null };
  debrief: { strengths: string; weaknesses: string; met: Record<number, boolean | null> } | null;
  finding: FindingDraft;
};

export class ExerciseState extends LiveEvent<ExerciseView> implements BoardHost {
  readonly id: number;
  view = $state<ExerciseView | null>(null);
  logDraft = $state<LogDraft>({ kind: 'note', text: '', rationale: '', corrects: null });
  drafts = $state<ExerciseDrafts>({
    injects: null,
    notes: {},
    focused: null,
    revealed: false,
    advance: '',
    restore: { resource: '', point: '' },
    resume: { activity: '', level: 'minimum', point: '' },
    close: { summary: '', by: null },
    debrief: null,
    finding: emptyFinding(),
  });
  tab = $state<string | null>(null);

  constructor(id: number) {
    super();
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

  timeOf(iso: string | null | undefined): string {
    const b = this.view?.board;
    return b?.clock === 'scenario' ? exerciseTime(b, iso) : formatAt(iso);
  }

  protected fetch(): Promise<ExerciseView> {
    return api.exerciseView(this.id);
  }

  protected accept(view: ExerciseView): boolean {
    if (view.exercise.id !== this.id) return false;
    this.view = view;
    this.drafts.injects ??= draftsOf(view.exercise.injects);
    this.drafts.debrief ??= {
      strengths: view.exercise.strengths,
      weaknesses: view.exercise.weaknesses,
      met: Object.fromEntries(view.exercise.objectives.map((o) => [o.number, o.met])),
    };
    return true;
  }

  /** On the real clock injects come up as time passes: asked again while it runs. */
  protected get live(): boolean {
    const b = this.view?.board;
    return b?.clock === 'real' && b.state === 'running';
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

  /** Records what a form sends with a restore point typed (`T-2h`, a time, or empty):
   *  the point is read first, and one Keel cannot read is refused at its field with
   *  nothing sent; then `action` with the point read. */
  recordWithPoint(point: string, action: (restorePoint: string | null) => BoardAction): Promise<Refusal | null> {
    const at = restorePoint(point, this.view?.board?.start ?? '', this.now);
    if ('error' in at) return Promise.resolve({ message: '', fields: { restore_point: at.error } });
    return this.record(action(at.at));
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
