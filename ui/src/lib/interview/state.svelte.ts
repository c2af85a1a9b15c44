// One open interview: its view from the core, the errors at its fields, saving in order,
// and undo.
import { api, KeelError, type BiaSettings, type InterviewEdit, type InterviewView, type Unresolved } from '$lib/api';
import { saves } from '$lib/saves.svelte';
import { toasts } from '$lib/toasts.svelte';
import { fieldsOf, inverseOf, statusRestore } from './undo';

type UndoEntry = { key?: string; edits: InterviewEdit[] };

export class InterviewState {
  view = $state<InterviewView | null>(null);
  settings = $state<BiaSettings | null>(null);
  errors = $state<Record<string, string>>({});
  /** Edits sent and not yet answered. */
  pending = $state(0);
  readonly activityId: number;
  #queue: Promise<unknown> = Promise.resolve();
  #undo: UndoEntry[] = [];

  constructor(activityId: number) {
    this.activityId = activityId;
  }

  async load(): Promise<void> {
    const [settings, view] = await Promise.all([api.biaSettings(), api.interview(this.activityId)]);
    this.settings = settings;
    this.view = view;
  }

  /** What was typed at `field` and kept because it could not be accepted. */
  kept(field: string): Unresolved | undefined {
    return this.view?.interview.unresolved.find((u) => u.field === field);
  }

  /** What a checked field shows: the text kept as typed, else the value in force. */
  shown(field: string, inForce: string): string {
    return this.kept(field)?.text ?? inForce;
  }

  /** Why a field's value is not accepted: the refusal just given, or the kept one's. */
  errorAt(field: string): string | undefined {
    return this.errors[field] ?? this.kept(field)?.message;
  }

  get canUndo(): boolean {
    return this.#undo.length > 0;
  }

  /** Saves edits in the order they were made. Resolves true when saved; false when the
   *  core refused them (the reasons are in `errors`, at their fields). Edits with the
   *  same `undoKey` in a row (typing in one field) are undone together. */
  apply(edits: InterviewEdit[], options: { undoKey?: string; undoable?: boolean } = {}): Promise<boolean> {
    this.pending++;
    saves.inFlight++;
    // The header's save state names fields as `interview:<activity>:<field>`.
    const keyOf = (field: string) => `interview:${this.activityId}:${field}`;
    const run = async (): Promise<boolean> => {
      const before = this.view;
      const settings = this.settings;
      try {
        const after = await api.editInterview(this.activityId, edits);
        this.view = after;
        const inverse =
          options.undoable === false || !before || !settings
            ? null
            : edits
                .map((e) => inverseOf(before, settings, e, after))
                .reverse()
                .reduce<InterviewEdit[] | null>((all, one) => (all && one ? [...all, ...one] : null), [])
                ?.concat(statusRestore(before, after, edits)) ?? null;
        const cleared = { ...this.errors };
        for (const key of edits.flatMap(fieldsOf)) {
          delete cleared[key];
          saves.accept(keyOf(key));
        }
        this.errors = cleared;
        const top = this.#undo.at(-1);
        if (inverse && inverse.length > 0 && !(options.undoKey && top?.key === options.undoKey)) {
          this.#undo.push({ key: options.undoKey, edits: inverse });
        }
        return true;
      } catch (error) {
        if (error instanceof KeelError && error.code === 'validation') {
          this.errors = { ...this.errors, ...error.fields };
          for (const [field, message] of Object.entries(error.fields)) saves.refuse(keyOf(field), message);
        } else {
          const message = error instanceof Error ? error.message : String(error);
          toasts.show(message, 'error');
          for (const field of edits.flatMap(fieldsOf)) saves.refuse(keyOf(field), message);
        }
        return false;
      } finally {
        this.pending--;
        saves.inFlight--;
      }
    };
    return this.inOrder(run);
  }

  /** Runs `work` once every save asked for before it has been answered: saves reach the
   *  core, and their answers the view, in the order they were made. */
  inOrder<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(work);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  /** Undoes the last undoable change; false when there is nothing to undo. */
  async undo(): Promise<boolean> {
    const last = this.#undo.pop();
    if (!last) return false;
    return this.apply(last.edits, { undoable: false });
  }
}
