// End to end, in the real WebKitGTK window, by keyboard only and counted: a complete
// BIA interview on an activity created from the interview picker, with a resource
// created on the spot with its kind. After every keystroke sequence focus is checked:
// it never lands in the sidebar. The count of keystrokes (a chord counts once) is
// printed and is the figure the README gives for a full interview.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { Key } from './webdriver.mjs';
import { freshHome, launch, quit, shots } from './harness.mjs';

// Rows of the grid, 1h … 1 month: six categories, eight times. Customer reaches 4
// (unacceptable) first, after 8h.
const GRID = [
  [0, 1, 1, 2, 3, 3, 4, 5],
  [1, 2, 3, 3, 4, 4, 5, 5],
  [1, 2, 4, 4, 5, 5, 5, 5],
  [0, 0, 1, 1, 2, 2, 3, 3],
  [0, 1, 1, 2, 2, 3, 3, 4],
  [0, 0, 0, 0, 0, 1, 1, 1],
];

/** Keys sent to the window, counted, with focus checked after each sequence. */
class Keyboard {
  count = 0;
  /** Of `count`, the keys that move or command (Tab, Enter, arrows, chords) rather than
   *  type what was said. */
  moves = 0;
  constructor(session) {
    this.s = session;
  }
  /** Where focus is: the focused element's id (or tag), and whether it is in the sidebar. */
  async focus() {
    return this.s.execute(`const a = document.activeElement;
      return { id: a?.id || a?.tagName.toLowerCase() || '', sidebar: !!a?.closest('nav.sidebar') };`);
  }
  async checked(what) {
    const at = await this.focus();
    assert.ok(!at.sidebar, `focus landed in the sidebar (${at.id}) after ${what}`);
    return at;
  }
  /** Types `text`: every character (and every special key) is a keystroke. */
  async keys(text) {
    await this.s.keys(text);
    this.count += [...text].length;
    this.moves += [...text].filter((c) => c >= '\uE000' && c <= '\uF8FF').length;
    return this.checked(JSON.stringify(text));
  }
  /** A chord (Ctrl+5, Alt+4) is one keystroke. */
  async chord(...keys) {
    await this.s.chord(...keys);
    this.count += 1;
    this.moves += 1;
    return this.checked(`a chord`);
  }
  /** Asserts focus is on the element with this id. */
  async at(id) {
    await this.s.waitFor(`#${id}`, async () => (await this.focus()).id === id, 5000).catch(async () => {
      assert.fail(`focus is on ${(await this.focus()).id}, expected #${id}`);
    });
  }
}

async function allSaved(s) {
  await s.waitForText('[data-testid=saving]', 'All saved');
}

test('a complete interview by keyboard alone, on an activity created from the picker, never leaves the page', async () => {
  const { env, remove } = freshHome();
  try {
    const run = await launch(env);
    const s = run.session;
    const k = new Keyboard(s);
    let failed = true;
    try {
      await s.waitForText('[data-testid=organisation]', 'My first engagement');

      // The picker: a name not listed yet, and Enter creates the activity and opens it.
      await k.chord(Key.Alt, '4');
      await k.at('interview-activity');
      await k.keys('Cold chain monitoring');
      await s.waitForText('#interview-activity-list', 'Create “Cold chain monitoring”');
      await k.keys(Key.Enter);
      await s.waitFor('[data-testid=step-1]');

      // Step 1: who was asked, and when.
      await k.at('interviewee-name');
      await k.keys(`Dana Reyes${Key.Tab}Warehouse lead${Key.Enter}`);
      await s.waitForText('[data-testid=interviewees]', 'Dana Reyes');
      await k.at('interviewee-name');
      await k.keys(`${Key.Tab}${Key.Tab}${Key.Tab}`);
      await k.at('interview-date');
      await k.keys(`20 Nov 2026${Key.Tab}`);
      await allSaved(s);

      // Step 3: the grid, a digit then the arrow to the next cell, row by row.
      await k.chord(Key.Control, '3');
      await s.waitFor('[data-testid=impact-grid]');
      for (const row of GRID) await k.keys(`${row.join(Key.ArrowRight)}${Key.ArrowDown}${Key.Home}`);
      await allSaved(s);

      // Step 4: Keel proposes the MTPD; nothing to type.
      await k.chord(Key.Control, '4');
      await s.waitForText('[data-testid=mtpd-proposal]', 'Proposed MTPD: 8h');

      // Step 5: RTO, RPO and the minimum service level.
      await k.chord(Key.Control, '5');
      await k.at('rto');
      // From each source, Tab passes its confidence (one stop) to the next objective.
      await k.keys(`4h${Key.Tab}Dana Reyes${Key.Tab}${Key.Tab}`);
      await k.at('rpo');
      await k.keys(`1h${Key.Tab}${Key.Tab}${Key.Tab}`);
      await k.at('mbco-percent');
      await k.keys(`50${Key.Tab}Half the loads, key clients first${Key.Tab}`);
      await allSaved(s);

      // Step 6: a new resource, its kind asked in the same flow (likeliest first).
      await k.chord(Key.Control, '6');
      await k.at('resource-name');
      await k.keys(`Refrigerated trailers${Key.Enter}`);
      assert.ok(
        await s.execute(`return !!document.activeElement?.closest('[data-testid=resource-kinds]')`),
        'the kinds are offered next, with focus on the likeliest',
      );
      await k.keys(Key.Enter);
      await s.waitFor('tr[data-resource="Refrigerated trailers"]');
      await allSaved(s);

      // Step 8: the review says nothing is missing; Mark complete.
      await k.chord(Key.Control, '8');
      await k.at('mark-complete');
      await k.keys(Key.Enter);
      await s.waitForText('[data-testid=interview-status]', 'complete');
      await s.screenshot(join(shots, 'keyboard-interview-complete.png'));

      console.log(`keystrokes for a full interview: ${k.count}, of which ${k.moves} move or command`);
      // What was said is typed once; what is left is moving between fields, a key each.
      assert.ok(k.moves <= 80, `${k.moves} keystrokes move or command`);
      failed = false;
    } finally {
      await quit(run, failed, 'keyboard-interview-failure');
    }
  } finally {
    remove();
  }
});
