// Forms typed and not yet sent, kept for the session by engagement file and form: leaving
// the page (which unmounts it) loses nothing typed, and what was typed for one file is
// never shown for, nor sent to, another (the exercises' states are kept the same way).
import { session } from '$lib/session.svelte';

const kept = new Map<string, unknown>();

/** The draft of `form` for the engagement open now: made by `fresh` the first time it is
 *  asked for, the same (reactive) object every time after, until the session ends. */
export function draftOf<T extends object>(form: string, fresh: () => T): T {
  const key = `${session.workspace?.current?.path ?? ''}\n${form}`;
  const found = kept.get(key);
  if (found !== undefined) return found as T;
  const made = $state(fresh());
  kept.set(key, made);
  return made;
}
