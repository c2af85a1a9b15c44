// End to end, in the real WebKitGTK window: a tabletop exercise run from Keel on the demo,
// by keyboard. Prepared from a loss scenario (the Warehouse management system lost,
// plan 1 tested), one drafted inject edited, started; the scenario clock moved on by
// keyboard through two injects (I: to the next one), expected actions rated with O, P and
// M (a note written with N first), a resource restored with its restore point and an
// activity back at its minimum level, a finding
// recorded and an owned action raised from it by keyboard, the exercise closed and the
// hot debrief saved; the post-exercise report written and read back; the Review page (Alt+R)
// lists the action as open. The board is photographed at 1280×800 and 1920×1080
// (target/e2e/exercise-*.png) and checked for anything cut off, the Review page too
// (review-after-exercise-1280.png); the CLI then reads the same exercise back from the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { Key } from './webdriver.mjs';
import { cli, demoHome, freshHome, launch, quit, shots } from './harness.mjs';
import { clipped } from './layout.mjs';

const TITLE = 'WMS outage tabletop';
const EDITED = 'Picking and dispatch have been down for 4h: the night shift supervisor calls the duty manager.';
const NOTE = 'Invocation discussed but not decided within 30 minutes';
const FINDING = 'The WMS restore runbook names a supplier contact who has left';
const ACTION = 'Replace the departed supplier contact in the WMS runbook';
const OWNER = 'Sian Roberts';
// Two months from today: open, not overdue.
const DUE = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);

const text = async (s, css) => String(await (await s.find(css)).property('textContent'));
const focused = (s) => s.execute('return document.activeElement?.dataset?.row ?? document.activeElement?.id ?? ""');

test('a tabletop exercise prepared from a loss scenario and run by keyboard on the demo', async () => {
  const { home, env, remove, answerDialogs } = freshHome();
  try {
    const file = demoHome(home);
    const run = await launch(env);
    const s = run.session;
    let failed = true;
    try {
      await s.waitForText('[data-testid=organisation]', 'Calder Valley Freight');
      await s.call('POST', '/window/rect', { width: 1280, height: 800 });

      // Alt+E: the exercises of the demo, and "Prepare exercise".
      await s.chord(Key.Alt, 'e');
      await s.waitForText('#exercises-heading', 'Exercises');
      // With exercises in the demo, the list and the button; with none, the form is open.
      if ((await s.findAll('[data-testid=new-exercise]')).length > 0) {
        await s.screenshot(join(shots, 'exercise-list-1280.png'));
        assert.deepEqual(await clipped(s), [], 'the list of exercises: nothing cut off');
        await (await s.find('[data-testid=new-exercise]')).click();
      }
      await s.waitFor('#exercise-kind', async () => (await focused(s)) === 'exercise-kind');
      assert.equal(await (await s.find('#exercise-kind')).value(), 'tabletop');
      await s.keys(Key.Tab);
      await s.keys(TITLE);
      await (await s.find('#exercise-participants')).type(`Tom Whit${Key.Enter}`);
      await (await s.find('#exercise-observers')).type(`Priya${Key.Enter}`);
      await (await s.find('#exercise-lost')).type(`Warehouse manage${Key.Enter}`);
      await s.waitForText('[data-testid=lost]', 'Warehouse management system');
      await (await s.find('#exercise-objectives')).type(`Decide on invocation within 30 minutes${Key.Enter}Restore the WMS within its RTO`);
      await (await s.find('[data-plan="1"]')).click();
      await (await s.find('#exercise-objectives')).click();
      await s.chord(Key.Control, Key.Enter);

      // The drafted scenario and injects, to edit before the start.
      await s.waitForText('[data-testid=exercise-title]', TITLE);
      await s.waitForText('[data-testid=scenario]', 'Warehouse management system is lost');
      const drafted = (await s.findAll('[data-inject-index]')).length;
      assert.ok(drafted >= 3, `injects drafted at T+0 and at RTOs and MTPDs (${drafted})`);
      const second = await s.find('#inject-1-text');
      await second.click();
      await s.chord(Key.Control, 'a');
      await s.keys(EDITED);
      // A time Keel cannot read is refused at that inject's field; then corrected.
      const offset = await s.find('#inject-1-offset');
      const was = await offset.value();
      await offset.click();
      await s.chord(Key.Control, 'a');
      await s.keys('soon');
      await s.chord(Key.Control, Key.Enter);
      await s.waitForText('[data-inject-index="1"] .field-error', 'Inject 2');
      await offset.click();
      await s.chord(Key.Control, 'a');
      await s.keys(was);
      await s.chord(Key.Control, Key.Enter);
      await s.waitForText('[data-testid=save-injects]', 'Injects saved');
      assert.equal(await (await s.find('#inject-1-text')).value(), EDITED);
      await s.screenshot(join(shots, 'exercise-injects-1280.png'));
      await (await s.find('[data-testid=start-exercise]')).click();

      // Running: the scenario clock at T+0, inject 1 up, the focus on its first action (as
      // Ctrl+1 puts it there).
      await s.waitForText('[data-testid=exercise-clock]', 'T+0');
      await s.waitForText('[data-testid=exercise-state]', 'Running');
      await s.waitFor('[data-row="1:1"]', async () => (await focused(s)) === '1:1');
      await s.chord(Key.Control, '1');
      await s.waitFor('[data-row="1:1"]', async () => (await focused(s)) === '1:1');
      await s.keys('o');
      await s.waitFor('[data-row="1:1"][data-rating=observed]');
      // J to the next action, N for a note (kept for the rating to come), then P.
      await s.keys('j');
      await s.waitFor('[data-row="1:2"]', async () => (await focused(s)) === '1:2');
      await s.keys('n');
      await s.waitFor('#note-1\\:2');
      await s.keys(`${NOTE}${Key.Enter}`);
      await s.waitFor('[data-row="1:2"]', async () => (await focused(s)) === '1:2');
      await s.keys('p');
      await s.waitFor('[data-row="1:2"][data-rating=partly]');
      await s.waitForText('[data-row="1:2"] [data-testid=note]', NOTE);
      await s.keys(`${Key.ArrowDown}m`);
      await s.waitFor('[data-row="1:3"][data-rating=missed]');

      // I: the clock to the next inject (the edited one), twice.
      await s.keys('i');
      await s.waitFor('[data-inject="2"][data-up=true]');
      assert.match(await text(s, '[data-testid=exercise-clock]'), /^T\+4h$/);
      await s.keys('j');
      await s.waitFor('[data-row="2:1"]', async () => (await focused(s)) === '2:1');
      await s.keys('o');
      await s.waitFor('[data-row="2:1"][data-rating=observed]');
      await s.keys('i');
      await s.waitFor('[data-inject="3"][data-up=true]');
      assert.match(await text(s, '[data-testid=exercise-clock]'), /^T\+8h$/);
      // T: a time typed; the clock only moves on.
      await s.keys('t');
      await s.waitFor('#advance-to', async () => (await focused(s)) === 'advance-to');
      await s.keys(`T+2h${Key.Enter}`);
      await s.waitForText('[data-testid=advance-error]', 'only moves on');
      await (await s.find('#advance-to')).click();
      await s.chord(Key.Control, 'a');
      await s.keys(`T+9h${Key.Enter}`);
      await s.waitForText('[data-testid=exercise-clock]', 'T+9h');
      await s.waitFor('[data-testid=score]', async (el) => /\d+%/.test(String(await el.property('textContent'))));

      // The board at 1280×800 and on a projector: photographed, nothing cut off.
      await s.chord(Key.Control, '1');
      await s.screenshot(join(shots, 'exercise-board-1280.png'));
      assert.deepEqual(await clipped(s), [], 'the exercise board at 1280×800: nothing cut off');
      await s.call('POST', '/window/rect', { width: 1920, height: 1080 });
      await s.waitFor('body', async () => (await s.execute('return innerWidth')) === 1920);
      await s.screenshot(join(shots, 'exercise-board-1920.png'));
      assert.deepEqual(await clipped(s), [], 'the exercise board at 1920×1080: nothing cut off');
      await s.call('POST', '/window/rect', { width: 1280, height: 800 });
      await s.waitFor('body', async () => (await s.execute('return innerWidth')) === 1280);

      // Restore (Ctrl+4): the WMS, its data back to two hours before T+0.
      await s.chord(Key.Control, '4');
      await (await s.waitFor('#restore-resource')).type(`Warehouse manage${Key.Enter}`);
      await (await s.find('#restore-point')).type('T-2h');
      await s.chord(Key.Control, Key.Enter);
      await s.waitForText('[data-testid=restored]', 'Warehouse management system');
      assert.match(await text(s, '[data-testid=restored]'), /9h/);
      assert.match(await text(s, '[data-testid=restored]'), /2h/);
      // An activity the WMS stopped is back at its minimum level, at T+9h.
      await (await s.find('#resume-activity')).type(`Order picking${Key.Enter}`);
      await s.chord(Key.Control, Key.Enter);
      await s.waitForText('[data-testid=activities-back]', 'Order picking and packing');
      assert.match(await text(s, '[data-testid=activities-back] tr[data-activity="Order picking and packing"]'), /T\+9h/);
      await s.screenshot(join(shots, 'exercise-restore-1280.png'));
      // The call tree of the plan tested, the incident's own (Ctrl+2).
      await s.chord(Key.Control, '2');
      await s.waitFor('[data-testid=call-tree] [data-person]');
      await s.screenshot(join(shots, 'exercise-calls-1280.png'));

      // Close & debrief (Ctrl+6): a finding first, the summary; another page and back
      // loses nothing typed.
      await s.chord(Key.Control, '6');
      await (await s.waitFor('#close-summary')).type('Two injects run; the WMS was restored at T+9h.');
      await s.chord(Key.Alt, '1');
      await s.waitFor('[data-testid=organisation]');
      await s.chord(Key.Alt, 'e');
      await s.waitForText('[data-testid=exercise-title]', TITLE);
      await s.waitFor('[data-panel=debrief]');
      assert.equal(await (await s.waitFor('#close-summary')).value(), 'Two injects run; the WMS was restored at T+9h.');
      await (await s.find('#close-summary')).click();
      await s.chord(Key.Control, Key.Enter);
      await (await s.waitFor('[data-testid=confirm]')).click();
      await s.waitForText('[data-testid=exercise-state]', 'Closed');
      await s.waitForText('[data-testid=closed]', 'Erin Example');

      const form = await s.waitFor('[data-testid=finding-form]');
      const textId = await s.execute(`return document.querySelector('[data-testid=finding-form] textarea').id`);
      const id = textId.replace('finding-text-', '');
      await (await s.find(`#finding-severity-${id} option[value=high]`)).click();
      await (await s.find(`#finding-category-${id} option[value=supplier]`)).click();
      await (await s.find(`#finding-about-${id}`)).type(`Warehouse manage${Key.Enter}`);
      await (await s.find(`#${textId}`)).type(FINDING);
      await s.chord(Key.Control, Key.Enter);
      await s.waitForText('[data-testid=finding-list]', FINDING);
      assert.ok(form);
      assert.match(await text(s, '[data-testid=finding-list]'), /About resource: Warehouse management system/);

      // An action raised from the finding, by keyboard: title, owner picked, due date.
      const findingId = await s.execute(`
        const item = [...document.querySelectorAll('[data-finding]')].find((li) => li.textContent.includes(${JSON.stringify(FINDING)}));
        item.querySelector('[data-testid=raise-action]').focus();
        return item.dataset.finding;`);
      await s.keys(Key.Enter);
      const key = `finding-${findingId}-action`;
      await s.waitFor(`#${key}-title`, async () => (await focused(s)) === `${key}-title`);
      await s.keys(ACTION);
      await s.keys(Key.Tab);
      await s.keys(`Sian${Key.Enter}`);
      await s.keys(Key.Tab);
      await s.waitFor(`#${key}-due`, async () => (await focused(s)) === `${key}-due`);
      await s.keys(DUE);
      await s.screenshot(join(shots, 'exercise-raise-action-1280.png'));
      assert.deepEqual(await clipped(s), [], 'raising an action at 1280×800: nothing cut off');
      await s.chord(Key.Control, Key.Enter);
      await s.waitForText(`[data-finding="${findingId}"] [data-testid=finding-actions]`, ACTION);
      const raised = await text(s, `[data-finding="${findingId}"] [data-testid=finding-actions]`);
      assert.match(raised, new RegExp(`${OWNER} · due ${DUE}`));
      assert.match(raised, /Open/);
      assert.equal(await focused(s), `${key}-raise`, 'focus back on "Raise an action"');

      await (await s.find('#debrief-strengths')).type('The call tree was started at once.');
      await (await s.find('#debrief-weaknesses')).type('No one owned the decision to invoke.');
      await (await s.find('[data-objective="1"] [data-met=false]')).click();
      await (await s.find('[data-objective="2"] [data-met=true]')).click();
      await (await s.find('#debrief-weaknesses')).click();
      await s.chord(Key.Control, Key.Enter);
      await s.waitFor('[data-testid=debrief-saved]');
      await s.execute(`document.querySelector('[data-testid=finding-actions]').scrollIntoView({ block: 'center' })`);
      await s.screenshot(join(shots, 'exercise-debrief-1280.png'));
      assert.deepEqual(await clipped(s), [], 'the debrief at 1280×800: nothing cut off');

      // The post-exercise report, from the exercise's header: read back.
      const report = join(home, 'post-exercise.pdf');
      answerDialogs(report);
      await (await s.find('[data-testid=export-pdf]')).click();
      await (await s.waitFor('.export form.ask button.primary')).click();
      await s.waitForText('.export .done', 'pages written to');
      const words = execFileSync('pdftotext', [report, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      assert.match(words, new RegExp(TITLE));
      assert.match(words, /Decide on invocation within 30 minutes NOT MET/);
      assert.match(words, new RegExp(`Findings .* high supplier Resource: Warehouse management system ${FINDING}`));
      // Its actions raised: the one from the finding, with its owner, due date and status.
      assert.match(words, new RegExp(`Actions raised .*${ACTION} ${findingId} ${OWNER} ${DUE} open`));

      // Alt+R: the Review page lists the action, open, with its owner and due date.
      await s.chord(Key.Alt, 'r');
      await s.waitForText('[data-kind=action_open]', ACTION);
      const listed = await s.execute(`
        const item = [...document.querySelectorAll('[data-kind=action_open] [data-testid=review-item]')]
          .find((li) => li.textContent.includes(${JSON.stringify(ACTION)}));
        item.scrollIntoView({ block: 'center' });
        return item.textContent.replace(/\\s+/g, ' ');`);
      assert.match(listed, new RegExp(`${OWNER}`));
      assert.match(listed, new RegExp(`due ${DUE}`));
      await s.screenshot(join(shots, 'review-after-exercise-1280.png'));
      assert.deepEqual(await clipped(s), [], 'the Review page at 1280×800: nothing cut off');
      failed = false;
    } finally {
      await quit(run, failed, 'exercise-failure');
    }

    // The file holds the same exercise: read back with the CLI.
    const list = JSON.parse(execFileSync(cli, ['exercise', 'list', file, '--json'], { encoding: 'utf8' }));
    const mine = list.find((e) => e.title === TITLE);
    assert.ok(mine, 'the exercise is in the file');
    assert.equal(mine.type, 'tabletop');
    assert.equal(mine.state, 'closed');
    const shown = JSON.parse(execFileSync(cli, ['exercise', 'show', file, '--exercise', String(mine.id), '--json'], { encoding: 'utf8' }));
    const json = JSON.stringify(shown);
    assert.ok(json.includes(EDITED), 'the edited inject');
    assert.ok(json.includes(NOTE), 'the note went with the rating');
    assert.ok(json.includes(FINDING), 'the finding');
    assert.ok(json.includes('No one owned the decision to invoke.'), 'the debrief');
    const actions = JSON.parse(execFileSync(cli, ['action', 'list', file, '--json'], { encoding: 'utf8' }));
    const raisedAction = actions.find((a) => a.title === ACTION);
    assert.ok(raisedAction, 'the action is in the file');
    assert.equal(raisedAction.owner, OWNER);
    assert.equal(raisedAction.due, DUE);
    assert.equal(raisedAction.status, 'open');
    assert.equal(raisedAction.source, 'finding');
    assert.equal(raisedAction.event_id, mine.id, 'from a finding of this exercise');
    execFileSync(cli, ['exercise', 'verify', file, '--exercise', String(mine.id)]);
  } finally {
    remove();
  }
});
