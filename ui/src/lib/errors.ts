// Turning a failed call into what the UI shows: messages next to fields, or a toast.
import { KeelError } from '$lib/api';
import { toasts } from '$lib/toasts.svelte';

/** Field errors of a validation failure; any other failure is shown as a toast. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (error instanceof KeelError && error.code === 'validation') return error.fields;
  toasts.show(error instanceof Error ? error.message : String(error), 'error');
  return {};
}

/** Runs `work`; a failure is shown as a toast and gives `undefined`. */
export async function attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    toasts.show(error instanceof Error ? error.message : String(error), 'error');
    return undefined;
  }
}
