// Editing the injects of an exercise before it starts: each as typed (time after T+0,
// what happens, the expected actions one per line), added and removed, sent back whole;
// the core numbers them in time order and puts what it refuses at `injects.I.FIELD`.
import type { Inject, InjectInput } from '$lib/api';
import { formatOffset } from './clock';

export type InjectDraft = { key: number; offset: string; text: string; expected: string; activity: string };

let nextKey = 1;
const key = () => nextKey++;

/** The injects as the editor shows them. */
export function draftsOf(injects: Inject[]): InjectDraft[] {
  return injects.map((i) => ({
    key: key(),
    offset: formatOffset(i.offset_min),
    text: i.text,
    expected: i.expected.join('\n'),
    activity: i.activity ?? '',
  }));
}

/** The drafts after the core took `sent` and answered with `injects` (the same injects,
 *  numbered in time order): each keeps the key of the draft it was typed in, so the rows
 *  on screen stay the same ones (and keep focus); one not found takes a new key. */
export function redraft(sent: InjectDraft[], injects: Inject[]): InjectDraft[] {
  const left = [...sent];
  const same = (d: InjectDraft, i: Inject) =>
    d.text.trim() === i.text && d.activity.trim() === (i.activity ?? '') && inputsOf([d])[0].expected.join('\n') === i.expected.join('\n');
  return draftsOf(injects).map((draft, n) => {
    // Two alike but for their time: the one typed at this time first.
    const atTime = left.findIndex((d) => same(d, injects[n]) && d.offset.trim() === draft.offset);
    const at = atTime >= 0 ? atTime : left.findIndex((d) => same(d, injects[n]));
    return at < 0 ? draft : { ...draft, key: left.splice(at, 1)[0].key };
  });
}

/** The drafts as the core takes them: expected actions one per line, blank lines left out. */
export function inputsOf(drafts: InjectDraft[]): InjectInput[] {
  return drafts.map((d) => ({
    offset: d.offset,
    text: d.text,
    expected: d.expected
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    activity: d.activity,
  }));
}

/** A new, empty inject after the one at `after` (at its time), or at the end (at the
 *  last one's time); the drafts and where the new one is. */
export function addInject(drafts: InjectDraft[], after: number = drafts.length - 1): { drafts: InjectDraft[]; index: number } {
  const at = Math.min(Math.max(after, -1), drafts.length - 1);
  const blank: InjectDraft = { key: key(), offset: drafts[at]?.offset ?? 'T+0', text: '', expected: '', activity: '' };
  return { drafts: [...drafts.slice(0, at + 1), blank, ...drafts.slice(at + 1)], index: at + 1 };
}

export function removeInject(drafts: InjectDraft[], index: number): InjectDraft[] {
  return drafts.filter((_, i) => i !== index);
}

/** Whether the drafts say something else than the injects stored. */
export function changed(drafts: InjectDraft[], injects: Inject[]): boolean {
  const a = inputsOf(drafts);
  const b = inputsOf(draftsOf(injects));
  return JSON.stringify(a) !== JSON.stringify(b);
}

/** The core's refusal by inject (its place in the list) and field; what names no inject
 *  under `''`. */
export function injectErrors(fields: Record<string, string>): Record<number, Record<string, string>> & { ''?: string } {
  const by: Record<number, Record<string, string>> & { ''?: string } = {};
  for (const [field, message] of Object.entries(fields)) {
    const m = /^injects\.(\d+)\.(\w+)$/.exec(field);
    if (m) (by[Number(m[1])] ??= {})[m[2]] = message;
    else by[''] = by[''] ? `${by['']} ${message}` : message;
  }
  return by;
}
