// End to end, in the real WebKitGTK window: a full BIA interview for one activity with
// the keyboard only (no clicks inside the grid). The app is killed without a clean
// shutdown in the middle of step 5 (the presentation window mirroring it for the
// projector); after a restart every value typed before the kill
// is there, the interview is finished, and the activity shows in the prioritised list
// with the proposed MTPD and its tier.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { Key } from './webdriver.mjs';
import { freshHome, killApp, launch, quit, shots } from './harness.mjs';

// Rows of the grid, 1h … 1 month. Customer reaches 4 (unacceptable) first, after 8h.
const GRID = [
  [0, 1, 1, 2, 3, 3, 4, 5], // Financial
  [1, 2, 3, 3, 4, 4, 5, 5], // Operational
  [1, 2, 4, 4, 5, 5, 5, 5], // Customer
  [0, 0, 1, 1, 2, 3, 3, 4], // Legal / regulatory
  [0, 1, 1, 2, 2, 3, 3, 4], // Reputational
  [0, 0, 0, 0, 0, 1, 1, 1], // Health & safety
];

async function allSaved(s) {
  await s.waitForText('[data-testid=saving]', 'All saved');
}

async function openInterview(s, typed) {
  await s.chord(Key.Alt, '4');
  const picker = await s.waitFor('#interview-activity');
  await picker.type(`${typed}${Key.Enter}`);
  await s.waitFor('[data-testid=step-1]');
}

async function gridRatings(s) {
  return s.execute(`return [...document.querySelectorAll('[data-cell]')].map((c) => c.dataset.rating).join(',')`);
}

test('a full interview by keyboard survives a kill in step 5 and lands in the prioritised list', async () => {
  const { home, env, remove } = freshHome();
  try {
    let run = await launch(env);
    let s = run.session;
    let failed = true;
    try {
      await s.waitForText('[data-testid=organisation]', 'My first engagement');

      // An activity to interview.
      await s.chord(Key.Alt, '2');
      await (await s.waitFor('#new-activity')).type(Key.Enter);
      await (await s.waitFor('#activity-name')).type(`Dispatch${Key.Enter}`);
      await s.waitFor('tr[data-activity="Dispatch"]');
      await s.keys(Key.Escape);

      // Step 1: who and when.
      await openInterview(s, 'Disp');
      await (await s.find('#interviewee-name')).type(`Dana Reyes${Key.Tab}`);
      await s.keys(`Warehouse lead${Key.Enter}`);
      await s.waitForText('[data-testid=interviewees]', 'Dana Reyes');
      await (await s.find('#interview-date')).type(`2026-11-20${Key.Tab}`);
      await allSaved(s);

      // Step 3: the grid, typed row by row: a digit, then the arrow to the next cell.
      await s.chord(Key.Control, '3');
      await s.waitFor('[data-testid=impact-grid]');
      for (const row of GRID) {
        await s.keys(row.map(String).join(Key.ArrowRight));
        await s.keys(`${Key.ArrowDown}${Key.Home}`);
      }
      await allSaved(s);
      assert.equal(await gridRatings(s), GRID.flat().join(','));
      await s.screenshot(join(shots, 'interview-grid.png'));

      // Workshop mode: the projector window mirrors the interview and the agenda timer.
      await s.chord(Key.Control, Key.Shift, 'f');
      await (await s.find('#timer-toggle')).type(Key.Enter);
      await s.inOtherWindow(async () => {
        await s.waitForText('[data-testid=presented-activity]', 'Dispatch');
        await s.waitForText('[data-testid=presented-timer]', '/ 90:00');
        await s.waitFor('[data-present-cell="3:3"]', async (el) => (await el.property('textContent')) === '4');
        await s.screenshot(join(shots, 'presentation.png'));
      });

      // Step 4: Keel proposes the MTPD and says why.
      await s.chord(Key.Control, '4');
      const proposal = await s.waitForText('[data-testid=mtpd-proposal]', 'Proposed MTPD: 8h');
      assert.match(String(await proposal.property('textContent')), /Customer reaches 4/);

      // Step 5, half done: the RTO and who said it.
      await s.chord(Key.Control, '5');
      await (await s.waitFor('#rto')).type(`4h${Key.Tab}`);
      await s.keys(`Dana Reyes${Key.Tab}`);
      await allSaved(s);
      await s.waitForText('[data-testid=tier]', 'Tier 1');
      await s.inOtherWindow(() => s.waitForText('[data-testid=presented-rto]', '4h'));

      killApp(home);
      failed = false;
    } finally {
      await quit(run, failed, 'interview-failure');
    }

    // After the kill: everything typed is there; finish the interview.
    run = await launch(env);
    s = run.session;
    failed = true;
    try {
      await s.waitForText('[data-testid=organisation]', 'My first engagement');
      await openInterview(s, 'Disp');
      await s.waitForText('[data-testid=interviewees]', 'Dana Reyes · Warehouse lead');
      assert.equal(await (await s.find('#interview-facilitator')).value(), 'Erin Example', 'the facilitator name from the settings');
      assert.equal(await (await s.find('#interview-date')).value(), '2026-11-20');
      // The agenda timer was running when Keel was killed: it runs on, with the time
      // Keel was down counted.
      await s.waitForText('#timer-toggle', 'Pause timer');
      await s.chord(Key.Control, '3');
      await s.waitFor('[data-testid=impact-grid]');
      assert.equal(await gridRatings(s), GRID.flat().join(','));
      await s.chord(Key.Control, '5');
      assert.equal(await (await s.waitFor('#rto')).value(), '4h');
      assert.equal(await (await s.find('#rto-source')).value(), 'Dana Reyes');

      // An RTO longer than the MTPD is not accepted: it is kept as typed, flagged, and
      // the header says a value is unresolved until it is corrected (unresolved.e2e.mjs
      // follows such values through a restart).
      await (await s.find('#rto')).click();
      await s.chord(Key.Control, 'a');
      await s.keys(`2w${Key.Tab}`);
      await s.waitForText('[data-testid=saving]', 'one value kept as typed');
      assert.equal(await (await s.find('#rto')).value(), '2w');
      assert.match(await (await s.find('#rto-error')).text(), /MTPD/);
      await (await s.find('#rto')).click();
      await s.chord(Key.Control, 'a');
      await s.keys(`4h${Key.Tab}`);
      await allSaved(s);

      await (await s.find('#rpo')).type(`1h${Key.Tab}`);
      await (await s.find('#mbco-percent')).type(`50${Key.Tab}`);
      await s.keys(`Half the loads, key clients first${Key.Tab}`);
      await allSaved(s);

      // Step 6: a resource created on the spot, with the headcount needed after 1h. Enter
      // on a new name asks for its kind, the likeliest checked and focused; Enter takes it.
      await s.chord(Key.Control, '6');
      await (await s.waitFor('#resource-name')).type(`Forklift drivers${Key.Enter}`);
      await s.waitForText('[data-testid=resource-kinds] legend', 'What kind is');
      await s.screenshot(join(shots, 'resource-kind.png'));
      assert.equal(
        await s.execute('return document.activeElement && document.activeElement.value;'),
        'people',
        'People / role is offered first for drivers, with focus on it',
      );
      assert.equal(await s.execute('return document.querySelectorAll("tr[data-resource]").length;'), 0, 'nothing created before the kind is chosen');
      await s.keys(Key.Enter);
      await s.waitFor('tr[data-resource="Forklift drivers"]');
      assert.match(await (await s.find('tr[data-resource="Forklift drivers"]')).text(), /People \/ role/);
      await (await s.find('[aria-label="Forklift drivers needed after 1h"]')).type(`4${Key.Tab}`);
      await allSaved(s);

      await s.chord(Key.Control, '8');
      await s.waitFor('[data-testid=review]');
      const complete = await s.waitFor('#mark-complete', async (el) => (await el.property('disabled')) === false);
      await complete.type(Key.Enter);
      await s.waitForText('[data-testid=interview-status]', 'complete');

      await s.chord(Key.Alt, '5');
      const row = await s.waitFor('tr[data-result="Dispatch"]');
      const text = String(await row.property('textContent'));
      assert.match(text, /complete/);
      assert.match(text, /8h/, 'the proposed MTPD');
      assert.match(text, /4h/, 'the RTO');
      assert.equal(await s.execute(`return document.querySelector('tr[data-result="Dispatch"] .tier')?.textContent`), '1');
      await s.screenshot(join(shots, 'bia-results.png'));

      // An activity not listed yet: its name and Enter in the picker create it (in the
      // unit of the interview open before) and open its interview. The list says where
      // each interview stands.
      await s.chord(Key.Alt, '4');
      // The interview kept from before reopens first (typing in the picker meanwhile is
      // kept too; see InterviewPage's `open`).
      await s.waitFor('[data-testid=step-1]');
      const picker = await s.waitFor('#interview-activity');
      await picker.click();
      await s.chord(Key.Control, 'a');
      await s.keys('Cold chain monitoring');
      await s.waitForText('#interview-activity-list', 'Create “Cold chain monitoring”');
      await s.keys(Key.Enter);
      await s.waitFor('[data-testid=step-1]');
      await s.waitFor('#interview-activity', async (el) => (await el.value()) === 'Cold chain monitoring');
      // The picker shows the typed name before the activity exists: wait until its
      // interview is open (focus moves to its first field) before typing in the picker.
      await s.waitFor('.step-body', () => s.execute('return !!document.activeElement?.closest(".step-body")'));
      await (await s.find('#interview-activity')).click();
      await s.chord(Key.Control, 'a');
      await s.keys('Disp');
      await s.waitForText('#interview-activity-list', 'complete');
      await s.screenshot(join(shots, 'interview-picker.png'));
      await s.keys(Key.Escape);
      // "Not started only" leaves out the interviews already held.
      await (await s.find('#not-started-only')).click();
      await (await s.find('#interview-activity')).click();
      await s.chord(Key.Control, 'a');
      await s.keys('Disp');
      await s.waitForText('#interview-activity-list', 'Create “Disp”');
      assert.ok(!(await (await s.find('#interview-activity-list')).text()).includes('complete'), 'a complete interview is left out');
      await s.keys(Key.Escape);
      failed = false;
    } finally {
      await quit(run, failed, 'interview-failure');
    }
  } finally {
    remove();
  }
});
