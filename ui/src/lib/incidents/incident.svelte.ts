// One incident as the main window works on it: its board as the core last sent it, the
// clock running on from it, and recording an action. A refused action gives back its
// message and field errors for the form that sent it, which keeps what was typed.
import { api, KeelError, type Board, type BoardAction, type Level, type LogKind } from '$lib/api';
import { emptyFinding, type FindingDraft } from '$lib/components/FindingsPanel.svelte';
import { boardNow } from './time';

/** Why the core refused an action: messages per field, and the message for the form
 *  when no field is named. */
export type Refusal = { message: string; fields: Record<string, string> };

export function refusal(error: unknown): Refusal {
  if (error instanceof KeelError) {
    const fields = error.code === 'validation' ? error.fields : {};
    return { message: Object.keys(fields).length > 0 ? '' : error.message, fields };
  }
  return { message: error instanceof Error ? error.message : String(error), fields: {} };
}

/** A log entry being written: kept while its box is closed, until it is in the log. */
export type LogDraft = { kind: LogKind; text: string; rationale: string; corrects: number | null };

/** What the board's shared tabs (call tree, recovery steps, the log box) work on: an
 *  incident, or an exercise running on the same board at its own time. */
export interface BoardHost {
  readonly board: Board | null;
  logDraft: LogDraft;
  record(action: BoardAction): Promise<Refusal | null>;
}

/** What is typed in the forms of the tabs, kept here so that a change of tab (which
 *  unmounts the tab) loses nothing. */
export type FormDrafts = {
  invoke: { planId: number | null; criteria: number[]; reason: string };
  resume: { text: string; picked: number | null; level: Level; restorePoint: string; when: string };
  standDown: { summary: string; by: string | null };
  /** A finding of the post-incident review being written. */
  finding: FindingDraft;
};

export class IncidentState implements BoardHost {
  readonly id: number;
  board = $state<Board | null>(null);
  /** When the board arrived, by this machine's clock (ms). */
  receivedAt = $state(0);
  /** This machine's clock, ticking every second while the page is open. */
  machineNow = $state(Date.now());
  loadError = $state<string | null>(null);
  logDraft = $state<LogDraft>({ kind: 'note', text: '', rationale: '', corrects: null });
  drafts = $state<FormDrafts>({
    invoke: { planId: null, criteria: [], reason: '' },
    resume: { text: '', picked: null, level: 'minimum', restorePoint: '', when: '' },
    standDown: { summary: '', by: null },
    finding: emptyFinding(),
  });
  #ticker: ReturnType<typeof setInterval> | null = null;
  /** When the board was last asked for by the minute's refresh (ms). */
  #asked = 0;

  constructor(id: number) {
    this.id = id;
  }

  /** The board's clock now (ms): it runs on between answers, and stops at stand-down. */
  get now(): number {
    return this.board ? boardNow(this.board, this.receivedAt, this.machineNow) : this.machineNow;
  }

  start(): void {
    this.#ticker ??= setInterval(() => {
      this.machineNow = Date.now();
      // The clocks run here; predictions and priorities are the core's: asked again
      // every minute while the incident is live.
      const since = this.machineNow - Math.max(this.receivedAt, this.#asked);
      if (this.board && this.board.state !== 'stood_down' && since >= 60_000) {
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
      this.take(await api.incidentBoard(this.id));
      this.loadError = null;
    } catch (error) {
      this.loadError = error instanceof Error ? error.message : String(error);
    }
  }

  take(board: Board): void {
    if (board.id !== this.id) return;
    this.board = board;
    this.machineNow = Date.now();
    this.receivedAt = this.machineNow;
  }

  /** Records `action` at `at` (when it happened, RFC 3339) or now; null when it is on
   *  the board, else why it was refused. */
  async record(action: BoardAction, at: string | null = null): Promise<Refusal | null> {
    try {
      this.take(await api.recordIncident(this.id, action, at));
      return null;
    } catch (error) {
      return refusal(error);
    }
  }
}
