// End to end, in the real window: after a page change focus starts in the page, and Tab
// from there walks through the page's own controls, in order, and reaches the sidebar
// only after the page's last one. In the interview, Tab from a step's last field goes
// on to the step's navigation, not to the sidebar.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { Key } from './webdriver.mjs';
import { tabStops, walkTab } from './layout.mjs';
import { DEMO_ACTIVITY, PAGES, STEPS, demo, openActivity, visit } from './tour.mjs';

/** Where focus is: the sidebar, the engagement header, the page, or elsewhere. */
const focusWhere = (s) =>
  s.execute(`
    const el = document.activeElement;
    return el?.closest('nav.sidebar') ? 'sidebar' : el?.closest('main .page') ? 'page' : el?.closest('main') ? 'header' : 'elsewhere';
  `);

/** The page's tab stops once the page has finished loading: the same on two reads a
 *  quarter of a second apart (the Findings page, say, adds its remedies as the
 *  capabilities they name arrive). */
async function settledStops(s) {
  let before = await tabStops(s);
  for (let i = 0; i < 40; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await tabStops(s);
    if (JSON.stringify(now) === JSON.stringify(before)) return now;
    before = now;
  }
  return before;
}

/** Tab from where focus is now: every tab stop of the page after it, in order, then out. */
async function tabsThroughPage(s, label) {
  const expected = await settledStops(s);
  const { seen, after } = await walkTab(s, expected.length + 3);
  assert.deepEqual(seen, expected, `${label}: Tab walks the page's ${expected.length} tab stops in order`);
  assert.ok(after && after.where !== 'page', `${label}: after the page's last tab stop focus leaves the page`);
  return { count: seen.length, after: after.where };
}

// The map's own keyboard handling (nodes moved by arrows) is checked in map.e2e.mjs.
const TOURED = PAGES.filter((page) => page.name !== 'map');

test('after a page change, Tab walks the whole page before it reaches the sidebar', async () => {
  await demo(async (s) => {
    // Start away from the first page, so that each visit is a page change.
    await s.chord(Key.Alt, '3');
    await s.waitFor('[data-testid=audit-table]');
    const walked = [];
    for (const page of TOURED) {
      if (page.name === 'audit') await s.chord(Key.Alt, '1');
      await visit(s, page);
      await s.waitFor('main .page', async () => (await focusWhere(s)) === 'page');
      const { count, after } = await tabsThroughPage(s, page.name);
      walked.push(`${page.name} ${count} → ${after}`);
    }
    console.log(walked.join('\n'));
  }, 'focus-failure');
});

test('in the interview, Tab goes from the picker through the whole step, and from its last field to the step navigation', async () => {
  await demo(async (s) => {
    await openActivity(s, DEMO_ACTIVITY);
    for (let step = 1; step <= STEPS; step++) {
      await s.chord(Key.Control, String(step));
      await s.waitFor(`[data-testid=step-${step}]`);
      // The last thing to type into in the step, then Tab: the step's navigation.
      const last = await s.execute(`
        const body = document.querySelector('.step-body');
        const fields = [...body.querySelectorAll('input, textarea, select, button, [tabindex="0"]')]
          .filter((el) => !el.disabled && el.tabIndex >= 0 && !el.closest('.step-nav') && el.getClientRects().length > 0);
        const el = fields.at(-1);
        el.focus();
        return el === document.activeElement ? el.outerHTML.slice(0, 80) : null;
      `);
      assert.ok(last, `step ${step} has a field to focus`);
      await s.chord(Key.Tab);
      const next = await s.execute(`return document.activeElement.closest('.step-nav') ? document.activeElement.textContent.trim() : document.activeElement.outerHTML.slice(0, 80)`);
      assert.match(next, step < STEPS ? /^Next: / : /^← /, `step ${step}: Tab from ${last} goes to the step navigation`);

      // From the picker at the top, Tab walks the whole page.
      await (await s.find('#interview-activity')).click();
      await tabsThroughPage(s, `interview step ${step}`);
    }
  }, 'focus-failure');
});
