// The spreadsheet import under way: the files chosen, the preview, and how far a running
// preview or import is. Kept outside the page, so leaving the page while a long import
// runs (the window stays usable) and coming back shows it still running, or its result.
import { api, type ChosenFile, type ChosenImportFiles, type ImportProgress, type ImportReport } from '$lib/api';
import { attempt } from '$lib/errors';
import { session } from '$lib/session.svelte';
import { toasts } from '$lib/toasts.svelte';

export type Which = keyof ChosenImportFiles;
const none = (): Record<Which, ChosenFile | null> => ({ activities: null, resources: null, dependencies: null });

class Importing {
  /** The engagement these files are for. */
  path: string | null = null;
  /** Files are chosen in the open dialog only; Keel reads nothing else. */
  picked = $state(none());
  preview = $state<ImportReport | null>(null);
  /** What runs now: a preview (a dry run) or the import; null when idle. */
  busy = $state<'preview' | 'import' | null>(null);
  /** Rows handled so far by the running import, of all its rows, as the core reports them. */
  progress = $state<ImportProgress>({ rows_done: 0, rows_total: 0 });
  #listening = false;

  get chosen(): ChosenImportFiles {
    return {
      activities: this.picked.activities?.id ?? null,
      resources: this.picked.resources?.id ?? null,
      dependencies: this.picked.dependencies?.id ?? null,
    };
  }

  /** Starts afresh when another engagement is open; hears the core's progress. */
  for(path: string | null): this {
    if (path !== this.path && this.busy == null) this.reset(path);
    if (!this.#listening) {
      this.#listening = true;
      void api.onImportProgress((p) => (this.progress = p)).catch(() => (this.#listening = false));
    }
    return this;
  }

  reset(path: string | null = null): void {
    this.path = path;
    this.picked = none();
    this.preview = null;
  }

  async browse(which: Which): Promise<void> {
    const file = await attempt(() => api.chooseCsvFile());
    if (file) {
      this.picked[which] = file;
      this.preview = null;
    }
  }

  clear(which: Which): void {
    this.picked[which] = null;
    this.preview = null;
  }

  async run(dryRun: boolean): Promise<void> {
    this.busy = dryRun ? 'preview' : 'import';
    this.progress = { rows_done: 0, rows_total: 0 };
    const report = await attempt(() => api.importCsv(this.chosen, dryRun));
    this.busy = null;
    if (!report) return;
    if (dryRun || !report.applied) {
      this.preview = report;
      if (session.page !== 'import') toasts.show(dryRun ? 'The import preview is ready.' : 'The import was refused: see the import page.');
    } else {
      toasts.show(`Imported: ${report.changes.length} changes written.`);
      this.preview = null;
      this.picked = none();
      if (session.page === 'import') session.go('map');
    }
  }
}

export const importing = new Importing();
