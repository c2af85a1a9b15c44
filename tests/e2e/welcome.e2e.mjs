// End to end, in the real WebKitGTK window: a first start leads. The overview of the
// empty starter engagement offers three ways in; the guided set-up (organisation, your
// name, units, first activities) fills the engagement and the checklist says what comes
// next; the sample engagement opens with its steps done.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { Key } from './webdriver.mjs';
import { freshHome, launch, quit, shots } from './harness.mjs';

/** The checklist's steps as [done, next] pairs. */
const STEPS = `return [...document.querySelectorAll('[data-testid=checklist] li')].map((li) => [li.dataset.done, li.dataset.next]);`;

test('a first start offers set-up, the sample and a file; set-up and the sample lead to the next step', async () => {
  const { env, remove } = freshHome();
  try {
    const run = await launch(env);
    const s = run.session;
    let failed = true;
    try {
      await s.waitForText('[data-testid=organisation]', 'My first engagement');
      const welcome = await s.waitFor('[data-testid=welcome]');
      const text = String(await welcome.property('textContent'));
      for (const path of ['Set up this engagement', 'Explore the sample engagement', 'Open an engagement file']) {
        assert.ok(text.includes(path), `the welcome offers “${path}”`);
      }
      await s.screenshot(join(shots, 'welcome.png'));

      // The guided set-up, by keyboard.
      await (await s.find('#welcome-organisation')).type(`Northwind Health Trust${Key.Tab}`);
      await s.keys(`${Key.Tab}Pharmacy${Key.Enter}Estates${Key.Tab}`);
      await s.keys(`Dispensing: Pharmacy${Key.Enter}Boiler house: Estates${Key.Enter}Ward stock top-up: Pharmacy${Key.Tab}`);
      await s.keys(Key.Enter);
      await s.waitForText('[data-testid=organisation]', 'Northwind Health Trust');
      await s.waitFor('[data-testid=checklist]');
      await s.waitFor('[data-testid=checklist] li[data-next=true]', async (li) => (await li.text()).includes('Interview each activity'));
      assert.equal(await s.execute(`return document.querySelectorAll('[data-testid=welcome]').length`), 0, 'the welcome has done its job');
      assert.deepEqual((await s.execute(STEPS)).slice(1, 3), [['true', 'false'], ['false', 'true']]);
      await s.chord(Key.Alt, '2');
      await s.waitForCount('tr[data-activity]', 3);
      await s.chord(Key.Alt, '1');
      await s.screenshot(join(shots, 'overview-checklist.png'));

      // The sample engagement, from the engagements page.
      await s.chord(Key.Alt, '0');
      await s.waitFor('#open-sample-engagement');
      await (await s.find('#open-sample-engagement')).click();
      await s.waitForText('[data-testid=organisation]', 'Calder Valley Freight');
      await s.waitFor('[data-testid=checklist]');
      const steps = await s.execute(STEPS);
      assert.equal(steps[1][0], 'true', 'the sample has its activities');
      assert.equal(steps[5][0], 'true', 'and an approved plan');
      await s.screenshot(join(shots, 'overview-sample.png'));
      failed = false;
    } finally {
      await quit(run, failed, 'welcome-failure');
    }
  } finally {
    remove();
  }
});
