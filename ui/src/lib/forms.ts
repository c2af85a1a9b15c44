// Refreshing a form from what is stored, or clearing it after a save, without losing what
// was typed meanwhile.

/**
 * The form after the stored values were read again: each field the user has not touched
 * since `shown` (what the form was filled with) takes its `fresh` value; a field typed in
 * keeps what was typed.
 */
export function refreshUntouched<T extends Record<string, unknown>>(form: T, shown: T, fresh: T): T {
  const next = { ...fresh };
  for (const key of Object.keys(form) as (keyof T)[]) {
    if (form[key] !== shown[key]) next[key] = form[key];
  }
  return next;
}

/**
 * The form after what was `sent` from it was taken (an add, say): each field named in
 * `blank` that still holds what was sent is cleared to its blank value; a field typed in
 * since keeps what was typed. Fields not named in `blank` are left as they are.
 */
export function clearSent<T extends Record<string, unknown>>(form: T, sent: Partial<T>, blank: Partial<T>): T {
  const next = { ...form };
  for (const key of Object.keys(blank) as (keyof T)[]) {
    if (form[key] === sent[key]) next[key] = blank[key] as T[keyof T];
  }
  return next;
}

/** A plain copy of what a form holds as it is sent, to tell later whether it changed. */
export function copyOf<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Whether a form still holds just what was sent: nothing was typed since. */
export function unchangedSince(form: unknown, sent: unknown): boolean {
  return JSON.stringify(form) === JSON.stringify(sent);
}
