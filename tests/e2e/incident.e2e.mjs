// End to end, in the real WebKitGTK windows: an incident run from Keel on the demo. Plan 1
// gets a criterion on its Invocation tab (a draft after its approved version N); the
// incident is opened (the Halifax warehouse lost), version N of plan 1 invoked (with a
// reason when the version does not name the facilitator), two people of its
// call tree marked reached, two recovery steps started and finished, a decision logged,
// an activity resumed at its minimum level and the response stood down, each by
// keyboard; the incident-room window (1920×1080) shows the countdowns ticking and
// follows the main window live, with no text under 24 px. Each tab of the board is
// checked for anything cut off at 1280×800 and 1024×768, and photographed into
// target/e2e/ (incident-*.png); the CLI then reads the same incident back from the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { Key } from './webdriver.mjs';
import { cli, demoHome, freshHome, launch, quit, shots } from './harness.mjs';
import { SMALL_TEXT, clipped, cutInside } from './layout.mjs';

const TITLE = 'Halifax warehouse flooded';
const ACTIVITY = 'Order picking and packing';
const DECISION = 'Move picking to the Leeds depot until Halifax is dry';

/** What is cut off or overflows anywhere in the incident-room window. */
const ROOM_OVERFLOW = `
  const problems = [];
  const w = document.documentElement.clientWidth, h = document.documentElement.clientHeight;
  if (document.documentElement.scrollWidth > w) problems.push('the window scrolls sideways');
  if (document.documentElement.scrollHeight > h + 1) problems.push('the window scrolls down: ' + document.documentElement.scrollHeight + ' > ' + h);
  for (const el of document.querySelectorAll('main *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > w + 0.5) problems.push(el.tagName.toLowerCase() + ' "' + el.textContent.trim().slice(0, 30) + '" ends at ' + Math.round(r.right));
  }
  return problems.slice(0, 5);`;

const text = async (s, css) => String(await (await s.find(css)).property('textContent'));

/** Photographs each tab of the board at the window's size and collects what is cut off. */
async function lookAtTabs(s, suffix, problems) {
  const tabs = ['assessment', 'invoke', 'calls', 'recovery', 'resume', 'log', 'stand-down'];
  for (const [i, tab] of tabs.entries()) {
    await s.chord(Key.Control, String(i + 1));
    await s.waitFor(`[data-panel=${tab}]`);
    await s.screenshot(join(shots, `incident-${tab === 'assessment' ? 'board' : tab}${suffix}.png`));
    const cut = [...(await clipped(s)), ...(await cutInside(s))];
    // The sidebar holds every stage, Respond & recover and the two to come included.
    const stages = await s.execute(`const o = document.querySelector('nav.sidebar .stages'); return [o.scrollHeight, o.clientHeight];`);
    if (stages[0] > stages[1] + 1) cut.push(`the sidebar's stages scroll: ${stages[0]} > ${stages[1]}`);
    if (cut.length > 0) problems.push(`${tab}${suffix}:\n    ${cut.join('\n    ')}`);
  }
  await s.chord(Key.Control, '1');
}

test('an incident run by keyboard on the demo, with the incident room following live', async () => {
  const { home, env, remove, answerDialogs } = freshHome();
  try {
    const file = demoHome(home);
    const run = await launch(env);
    const s = run.session;
    let failed = true;
    try {
      await s.waitForText('[data-testid=organisation]', 'Calder Valley Freight');
      await s.call('POST', '/window/rect', { width: 1280, height: 800 });

      // Plan 1 is approved; a criterion added on its Invocation tab starts version 2 as a
      // draft, which an incident must not invoke.
      await (await s.find('[data-nav=plans]')).click();
      await s.waitForText('[data-testid=plan-state]', 'Approved');
      // The demo's plan 1 is approved at some version N; the edit starts N + 1.
      const approved = Number((await text(s, '[data-testid=plan-version]')).match(/Version (\d+)/)[1]);
      await (await s.find('[data-tab=invocation]')).click();
      await (await s.waitFor('[data-testid=unlock]')).click();
      await (await s.waitFor('[data-testid=add-criterion]')).click();
      // The new criterion's field has focus.
      await s.waitFor('input[id^="criterion-"]', async () => (await s.execute('return document.activeElement.id')).startsWith('criterion-'));
      await s.keys('The Halifax warehouse cannot be used');
      await (await s.find('[data-testid=save-invocation]')).click();
      await s.waitForText('[data-testid=plan-version]', `Version ${approved + 1}`);

      // Open: Alt+I, the form (the first field has focus), Ctrl+Enter.
      await s.chord(Key.Alt, 'i');
      await s.waitForText('#incidents-heading', 'Incidents');
      if ((await s.findAll('[data-testid=new-incident]')).length > 0) {
        await (await s.find('[data-testid=new-incident]')).click();
      }
      const title = await s.waitFor('#incident-title');
      await title.type(TITLE);
      await (await s.find('#incident-reported-by')).type('Tom Whitaker');
      await (await s.find('#incident-description')).type('Burst main; the ground floor is under water.');
      await (await s.find('#incident-began')).type('20m ago');
      await (await s.find('#incident-affects')).type(`Halifax ware${Key.Enter}`);
      await s.waitForText('[data-testid=affects]', 'Halifax warehouse');
      await s.chord(Key.Control, Key.Enter);
      await s.waitForText('[data-testid=incident-title]', TITLE);
      await s.waitForText('[data-testid=assessment]', ACTIVITY);

      // The countdowns tick without asking the core again.
      const row = `[data-testid=assessment] tr[data-activity="${ACTIVITY}"]`;
      const before = await text(s, `${row} [data-testid=rto-countdown]`);
      assert.match(before, /^\s*3:[34]\d:\d\d\s*$/, 'about 3 h 40 min left to a 4 h RTO that began 20 min ago');
      await s.waitFor(`${row} [data-testid=rto-countdown]`, async (el) => String(await el.property('textContent')) !== before, 5000);

      // Invoke plan 1 at its approved version (Ctrl+2): a reason if the demo's plan does
      // not name Erin Example as someone who may invoke it.
      await s.chord(Key.Control, '2');
      await s.waitForText('[data-testid=version-to-invoke]', `Version ${approved} will be invoked`);
      assert.ok(
        (await text(s, '[data-testid=version-to-invoke]')).includes(`Version ${approved + 1} is a draft: the approved version ${approved} is used`),
      );
      for (const box of await s.findAll('[data-criterion]')) await box.click();
      if ((await s.findAll('#invoke-reason')).length > 0) {
        await (await s.find('#invoke-reason')).type('Tom Whitaker is on site and asked the consultant to invoke.');
      }
      await (await s.find('[data-testid=invoke]')).click();
      await s.waitForText('[data-testid=incident-state]', 'Invoked');
      await s.waitForText('[data-testid=invocation]', `version ${approved}`);

      // Call tree (Ctrl+3): R on the first person; down past their fall-back (not needed
      // now), R on the next.
      await s.chord(Key.Control, '3');
      await s.waitFor('[data-testid=call-tree] [data-person]');
      await s.keys('r');
      await s.waitForCount('[data-testid=call-tree] [data-outcome=reached]', 1);
      await s.keys(`${Key.ArrowDown}${Key.ArrowDown}`);
      await s.keys('r');
      await s.waitForCount('[data-testid=call-tree] [data-outcome=reached]', 2);

      // Recovery (Ctrl+4): S and F on step 1, then down and Enter, Enter on step 2.
      await s.chord(Key.Control, '4');
      await s.waitFor('[data-testid=recovery-steps] [data-step="1"]');
      await s.keys('s');
      await s.waitFor('[data-step="1"][data-state=running]');
      await s.keys('f');
      await s.waitFor('[data-step="1"][data-state=done]');
      await s.keys(Key.ArrowDown);
      await s.keys(Key.Enter);
      await s.waitFor('[data-step="2"][data-state=running]');
      await s.keys(Key.Enter);
      await s.waitFor('[data-step="2"][data-state=done]');

      // A decision, one key away: D, the words, Tab, the rationale, Ctrl+Enter.
      await s.keys('d');
      await s.waitFor('[data-testid=log-box] [data-kind=decision]', async (el) => (await el.property('checked')) === true);
      await s.keys(DECISION);
      await s.keys(Key.Tab);
      await s.keys('Halifax will be out for days; Leeds has the space and the scanners.');
      await s.chord(Key.Control, Key.Enter);
      await s.waitForCount('[data-testid=log-box]', 0);
      await s.chord(Key.Control, '6');
      await s.waitForText('[data-testid=decision-log] [data-kind=decision]', DECISION);

      // Resume (Ctrl+5): the activity back at its minimum level, told five minutes late.
      await s.chord(Key.Control, '5');
      const activity = await s.waitFor('#resume-activity');
      await activity.type(`Order picking${Key.Enter}`);
      await (await s.find('#resume-when')).type(`5m ago${Key.Enter}`);
      await s.waitFor(`[data-testid=achieved] tr[data-activity="${ACTIVITY}"][data-back=minimum]`);

      // Every tab at 1280×800 and 1024×768: photographed, nothing cut off.
      const problems = [];
      await lookAtTabs(s, '-1280', problems);
      await s.call('POST', '/window/rect', { width: 1024, height: 768 });
      await s.waitFor('body', async () => (await s.execute('return innerWidth')) === 1024);
      await lookAtTabs(s, '-1024', problems);
      await s.call('POST', '/window/rect', { width: 1280, height: 800 });
      assert.deepEqual(problems, [], `cut off:\n  ${problems.join('\n  ')}`);

      // The incident room: Ctrl+Shift+F; countdowns, ticking, large enough.
      await s.chord(Key.Control, Key.Shift, 'f');
      await s.inOtherWindow(async () => {
        await s.call('POST', '/window/rect', { x: 0, y: 0, width: 1920, height: 1080 });
        await s.waitForText('[data-testid=room-title]', TITLE);
        await s.waitFor('[data-testid=room-activity]');
        const rto = await s.findAll('[data-testid=room-rto]');
        assert.ok(rto.length >= 2, 'a countdown to the RTO per activity');
        assert.ok((await s.findAll('[data-testid=room-mtpd]')).length >= 1, 'countdowns to the MTPD');
        const clock = await text(s, '[data-testid=room-clock]');
        assert.match(clock, /^\d+:\d\d:\d\d$/);
        await s.waitFor('[data-testid=room-clock]', async (el) => String(await el.property('textContent')) !== clock, 5000);
        const other = `[data-testid=room-activity]:not([data-activity="${ACTIVITY}"]) [data-testid=room-rto]`;
        assert.match(await text(s, other), /\d:\d\d:\d\d/, 'an activity not back yet counts down');
        assert.match(await text(s, `[data-activity="${ACTIVITY}"] [data-testid=room-rto]`), /back/);
        assert.deepEqual(await s.execute('return [window.innerWidth, window.innerHeight]'), [1920, 1080]);
        assert.deepEqual(await s.execute(SMALL_TEXT), [], 'text under 24 px in the incident room');
        assert.deepEqual(await s.execute(ROOM_OVERFLOW), [], 'cut off in the incident room');
        await s.waitFor('main', async (el) => String(await el.property('textContent')).includes(`Decision: ${DECISION}`));
        await s.screenshot(join(shots, 'incident-room-1920.png'));
      });

      // Live: a note added in the main window appears in the room.
      await s.keys('l');
      await s.waitFor('#log-text');
      await s.keys(`Press office briefed${Key.Enter}`);
      await s.waitForCount('[data-testid=log-box]', 0);
      await s.inOtherWindow(() => s.waitForText('[data-testid=room-log]', 'Press office briefed'));

      // Stand down (Ctrl+7): the summary, Ctrl+Enter, confirmed.
      // The operations director decides it; the facilitator records it.
      await s.chord(Key.Control, '7');
      await (await s.waitFor('#stand-down-by')).click();
      await s.chord(Key.Control, 'a');
      await s.keys('Morgan Hale');
      await (await s.waitFor('#stand-down-summary')).type('Picking runs from Leeds; Halifax back next week.');
      // Another tab and back: nothing typed is lost.
      await s.chord(Key.Control, '1');
      await s.waitFor('[data-testid=assessment]');
      await s.chord(Key.Control, '7');
      assert.equal(await (await s.waitFor('#stand-down-summary')).value(), 'Picking runs from Leeds; Halifax back next week.');
      assert.equal(await (await s.find('#stand-down-by')).value(), 'Morgan Hale');
      await (await s.find('#stand-down-summary')).click();
      await s.chord(Key.Control, Key.Enter);
      await (await s.waitFor('[data-testid=confirm]')).click();
      await s.waitForText('[data-testid=incident-state]', 'Stood down');
      await s.waitForText('[data-testid=stood-down]', 'Morgan Hale');

      // The post-incident review records its findings on the same tab.
      const findingText = await s.execute(`return document.querySelector('[data-testid=finding-form] textarea').id`);
      await (await s.find(`#${findingText}`)).type('Nobody checked the Leeds scanners before moving picking there.');
      await s.chord(Key.Control, Key.Enter);
      await s.waitForText('[data-testid=finding-list]', 'Nobody checked the Leeds scanners');

      // The after-action report, from the incident's header.
      const report = join(home, 'after-action.pdf');
      answerDialogs(report);
      await (await s.find('[data-testid=export-pdf]')).click();
      await (await s.waitFor('.export form.ask button.primary')).click();
      await s.waitForText('.export .done', 'pages written to');
      const words = execFileSync('pdftotext', [report, '-'], { encoding: 'utf8' });
      assert.match(words, new RegExp(TITLE));
      assert.match(words, /Stood down by Morgan Hale/);
      assert.match(words, /WITHOUT AUTHORITY/);
      await s.inOtherWindow(async () => {
        await s.waitForText('main', 'Stood down');
        await s.screenshot(join(shots, 'incident-room-stood-down-1920.png'));
      });
      await s.screenshot(join(shots, 'incident-stood-down-1280.png'));

      // Back to the list: both incidents, the demo's own (if it has one) shown as it stands.
      await (await s.find('main .page button.back')).click();
      await s.waitForText('[data-testid=incident-list]', TITLE);
      await s.screenshot(join(shots, 'incident-list-1280.png'));
      const others = await s.execute(
        `return [...document.querySelectorAll('[data-incident]')].filter((b) => !b.textContent.includes(${JSON.stringify(TITLE)})).map((b) => b.dataset.incident);`,
      );
      if (others.length > 0) {
        await (await s.find(`[data-incident="${others[0]}"]`)).click();
        await s.waitFor('[data-testid=assessment]');
        await s.screenshot(join(shots, 'incident-demo-board-1280.png'));
        await s.chord(Key.Control, '7');
        await s.waitFor('[data-panel=stand-down]');
        await s.screenshot(join(shots, 'incident-demo-stood-down-1280.png'));
        assert.deepEqual(await clipped(s), [], 'the demo incident, stood down: nothing cut off');
      }
      failed = false;
    } finally {
      await quit(run, failed, 'incident-failure');
    }

    // The file holds the same incident: read back with the CLI, its chain intact.
    const list = JSON.parse(execFileSync(cli, ['incident', 'list', file, '--json'], { encoding: 'utf8' }));
    const mine = list.find((i) => i.title === TITLE);
    assert.ok(mine, 'the incident is in the file');
    const board = JSON.parse(
      execFileSync(cli, ['incident', 'show', file, '--incident', String(mine.id), '--json'], { encoding: 'utf8' }),
    );
    assert.equal(board.state, 'stood_down');
    assert.equal(board.chain_ok, true);
    assert.equal(board.plan.id, 1);
    assert.equal(board.plans[0].calls.flatMap((c) => [c.outcome, c.fallback_outcome]).filter((o) => o === 'reached').length, 2);
    assert.equal(board.plans[0].steps.filter((st) => st.done_at).length, 2);
    assert.ok(board.log.some((e) => e.kind === 'decision' && e.text === DECISION && e.rationale.includes('Leeds')));
    const back = board.activities.find((a) => a.name === ACTIVITY);
    // From 20 minutes before opening to 5 minutes before it was recorded: about 15.
    assert.ok(
      back.minimum_at && back.achieved_rto_min >= 14 && back.achieved_rto_min < 20,
      `achieved RTO counts from when the disruption began to when the activity was back (${back.achieved_rto_min})`,
    );
    execFileSync(cli, ['incident', 'verify', file, '--incident', String(mine.id)]);
  } finally {
    remove();
  }
});
