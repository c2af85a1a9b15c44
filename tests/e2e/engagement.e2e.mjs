// End to end, in the real WebKitGTK window: a facilitator creates an engagement, adds
// units and activities with the keyboard, quits, starts again and finds everything
// there, with the audit log showing who changed what.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { Key } from './webdriver.mjs';
import { freshHome, launch, quit, shots } from './harness.mjs';

test('an engagement built with the keyboard survives a restart, with its audit log', async () => {
  const { env, remove } = freshHome();
  try {
    // First start: the starter engagement is open.
    let run = await launch(env);
    let s = run.session;
    let failed = true;
    try {
      await s.waitForText('[data-testid=organisation]', 'My first engagement');

      // The facilitator's name signs every change.
      await s.chord(Key.Alt, '0');
      const name = await s.waitFor('#facilitator-name');
      await name.type(Key.End);
      await s.chord(Key.Control, 'a');
      await s.keys(`Erin Ortiz${Key.Enter}`);
      await s.waitForText('[data-testid=facilitator-name]', 'Erin Ortiz');

      // A new engagement, created from the keyboard.
      const org = await s.find('#new-engagement-org');
      await org.type('Harbour Logistics');
      await s.waitForText('[data-testid=new-engagement-path]', 'Harbour Logistics.keel');
      await org.type(Key.Enter);
      await s.waitForText('[data-testid=organisation]', 'Harbour Logistics');

      // Engagement details are saved as each field is left.
      const scope = await s.waitFor('#scope');
      await scope.type(`Freight and warehousing, northern depots${Key.Tab}`);
      await s.waitForText('[data-testid=save-state]', 'All changes saved');

      // Two units: type a name, press Enter. The page change leaves focus in the page,
      // not in the sidebar, so Tab goes on from there.
      await s.chord(Key.Alt, '2');
      await s.waitFor('#new-unit');
      const focusIn = () =>
        s.execute(
          "const a = document.activeElement; return a && a.closest('.page') ? 'page' : (a && a.closest('nav, aside') ? 'sidebar' : String(a && a.tagName));",
        );
      assert.equal(await focusIn(), 'page', 'after Alt+2, focus is in the page');
      await (await s.find('nav a, nav button, aside button')).click();
      await s.chord(Key.Alt, '2');
      const unit = await s.waitFor('#new-unit');
      assert.equal(await focusIn(), 'page', 'after a click in the sidebar then Alt+2, focus is in the page');
      await unit.type(`Operations${Key.Enter}`);
      await s.waitFor('[data-unit="Operations"]');
      await unit.type(`Finance${Key.Enter}`);
      await s.waitFor('[data-unit="Finance"]');

      // Three activities through the form: N opens it, Enter saves and keeps it open.
      await (await s.find('#new-activity')).type(Key.Enter);
      const activities = [
        // name, what is typed in the unit picker, the unit it should pick, owner
        ['Dispatch', 'Oper', 'Operations', 'Dana Reyes'],
        ['Warehouse picking', 'op', 'Operations', 'Dana Reyes'],
        ['Payroll', 'fin', 'Finance', 'Sam Okafor'],
      ];
      for (const [activity, typed, unitName, owner] of activities) {
        const nameField = await s.waitFor('#activity-name', async (el) => (await el.value()) === '');
        // Name, Tab to the unit picker, a few letters, Tab takes the match, then the owner.
        await nameField.type(`${activity}${Key.Tab}`);
        await s.chord(Key.Control, 'a'); // replace what the picker kept from the last one
        await s.keys(`${typed}${Key.Tab}`);
        const unit = await s.find('#activity-unit');
        assert.equal(await unit.value(), unitName, `typing "${typed}" picks ${unitName}`);
        await s.keys(`${owner}${Key.Enter}`);
        await s.waitFor(`tr[data-activity="${activity}"]`);
      }
      await (await s.find('#activity-name')).type(Key.Escape);
      await s.waitForCount('tr[data-activity]', 3);
      failed = false;
    } finally {
      await quit(run, failed);
    }

    // Second start: the same engagement reopens with everything in it.
    run = await launch(env);
    s = run.session;
    failed = true;
    try {
      await s.waitForText('[data-testid=organisation]', 'Harbour Logistics');
      await s.chord(Key.Alt, '2');
      await s.waitForCount('tr[data-activity]', 3);
      const payroll = await s.find('tr[data-activity="Payroll"]');
      assert.match(await payroll.text(), /Finance/);
      assert.match(await payroll.text(), /Sam Okafor/);
      const dispatch = await s.find('tr[data-activity="Dispatch"]');
      assert.match(await dispatch.text(), /Operations/);
      assert.match(await (await s.find('[data-unit="Operations"]')).text(), /2/);
      await s.screenshot(join(shots, 'units-and-activities.png'));

      await s.chord(Key.Alt, '3');
      const audit = await s.waitForText('[data-testid=audit-table]', 'Payroll');
      const log = await audit.text();
      for (const expected of ['Erin Ortiz', 'Harbour Logistics', 'northern depots', 'Operations', 'Finance', 'Dispatch', 'Warehouse picking', 'Sam Okafor']) {
        assert.ok(log.includes(expected), `the audit log mentions ${expected}`);
      }
      await s.screenshot(join(shots, 'audit-log.png'));

      await s.chord(Key.Alt, '1');
      assert.equal(await (await s.waitFor('#scope')).value(), 'Freight and warehousing, northern depots');
      await s.screenshot(join(shots, 'main-screen.png'));
      failed = false;
    } finally {
      await quit(run, failed);
    }
  } finally {
    remove();
  }
});
