// One incident as the main window works on it: its board as the core last sent it, the
// clock running on from it, and recording an action. A refused action gives back its
// message and field errors for the form that sent it, which keeps what was typed.
import { api, KeelError, type Board, type BoardAction, type Level, type LogKind } from '$lib/api';
import { emptyFinding, type FindingDraft } from '$lib/components/FindingsPanel.svelte';
import { LiveEvent } from './live.svelte';
import { boardNow, formatAt } from './time';

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
  /** A moment on the board as the room knew it: a time of day for an incident; for an
   *  exercise on a scenario clock, its time after T+0. */
  timeOf(iso: string | null | undefined): string;
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

export class IncidentState extends LiveEvent<Board> implements BoardHost {
  readonly id: number;
  board = $state<Board | null>(null);
  logDraft = $state<LogDraft>({ kind: 'note', text: '', rationale: '', corrects: null });
  drafts = $state<FormDrafts>({
    invoke: { planId: null, criteria: [], reason: '' },
    resume: { text: '', picked: null, level: 'minimum', restorePoint: '', when: '' },
    standDown: { summary: '', by: null },
    finding: emptyFinding(),
  });

  constructor(id: number) {
    super();
    this.id = id;
  }

  /** The board's clock now (ms): it runs on between answers, and stops at stand-down. */
  get now(): number {
    return this.board ? boardNow(this.board, this.receivedAt, this.machineNow) : this.machineNow;
  }

  timeOf(iso: string | null | undefined): string {
    return formatAt(iso);
  }

  protected fetch(): Promise<Board> {
    return api.incidentBoard(this.id);
  }

  protected accept(board: Board): boolean {
    if (board.id !== this.id) return false;
    this.board = board;
    return true;
  }

  protected get live(): boolean {
    return this.board != null && this.board.state !== 'stood_down';
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
