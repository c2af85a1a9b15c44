// Refreshing a form from what is stored without losing what was typed meanwhile.

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
