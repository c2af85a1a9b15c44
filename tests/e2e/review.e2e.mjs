// End to end: the Review page lists what `keel review --json` lists for the demo (an
// overdue action added with the CLI among them), the overview shows the three most
// urgent, a review item's button opens where it is fixed, and on the Actions page the
// action is moved to "risk accepted" by keyboard, which asks who and why first.
// Screenshots of the overview, the Review page and the Actions page in target/e2e/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { Key } from './webdriver.mjs';
import { cli, demoHome, freshHome, launch, quit, shots } from './harness.mjs';

test('the review in the app is the one keel review prints, and leads to where each item is fixed', async () => {
  const { home, env, remove } = freshHome();
  try {
    const file = demoHome(home);
    execFileSync(cli, [
      'action', 'add', file, '--title', 'Re-check the call tree numbers', '--owner', 'Sian Roberts',
      '--due', '2020-01-31', '--plan', '1', '--as', 'Erin Example',
    ]);
    const expected = JSON.parse(execFileSync(cli, ['review', file, '--json'], { encoding: 'utf8' }));
    assert.ok(expected.items.some((i) => i.kind === 'action_overdue'), 'the overdue action is listed');

    const run = await launch(env);
    const s = run.session;
    let failed = true;
    try {
      await s.waitForText('[data-testid=organisation]', 'Calder Valley Freight');
      await s.waitForCount('[data-testid=urgent-item]', Math.min(3, expected.items.length));
      const urgent = await s.execute(
        `return [...document.querySelectorAll('[data-testid=urgent-item] button')].map((b) => b.textContent.trim());`,
      );
      assert.deepEqual(urgent, expected.items.slice(0, 3).map((i) => i.subject.name));
      await s.screenshot(join(shots, 'overview-review.png'));

      await s.chord(Key.Alt, 'r');
      await s.waitForCount('[data-testid=review-item]', expected.items.length);
      const shown = await s.execute(
        `return [...document.querySelectorAll('[data-kind]')].map((g) => [g.dataset.kind, g.querySelectorAll('[data-testid=review-item]').length]);`,
      );
      const counts = new Map();
      for (const i of expected.items) counts.set(i.kind, (counts.get(i.kind) ?? 0) + 1);
      assert.deepEqual(new Map(shown), counts);
      await s.screenshot(join(shots, 'review.png'));

      // The overdue action's button opens it on the Actions page, its status control focused.
      const opened = await s.execute(`
        const group = document.querySelector('[data-kind=action_overdue]');
        const button = group.querySelector('button');
        button.focus();
        return button.textContent.trim();`);
      assert.equal(opened, 'Open the action');
      await s.keys(Key.Enter);
      await s.waitForText('#actions-title', 'Actions');
      const focused = await s.execute('return document.activeElement?.id ?? null;');
      assert.match(focused, /^action-\d+-status$/);

      // Risk accepted, by keyboard: it asks who and why before anything is sent.
      // Start, Done, Accept risk: the third.
      await s.keys(Key.Tab);
      await s.keys(Key.Tab);
      await s.keys(Key.Enter);
      await s.waitFor('form[aria-label^="Accept the risk"]');
      await s.keys('Morgan Hale');
      await s.keys(Key.Tab);
      await s.keys('The numbers are checked at every drill');
      await s.keys(Key.Enter);
      await s.waitFor('[data-testid=action][data-status=risk_accepted]');
      await s.screenshot(join(shots, 'actions.png'));
      const listed = JSON.parse(execFileSync(cli, ['action', 'list', file, '--json'], { encoding: 'utf8' }));
      assert.equal(listed[0].status, 'risk_accepted');
      assert.equal(listed[0].accepted_by, 'Morgan Hale');
      failed = false;
    } finally {
      await quit(run, failed, 'review-failure');
    }
  } finally {
    remove();
  }
});
