// End to end, in the real window: an engagement with 10,000 activities and 10,000
// resources (written as CSV and imported with the CLI). The activities list and the
// resource list put a hundred rows in the page, say how many there are in all, and show
// the next hundred by keyboard: the button, or ↓ past the last activity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { Key } from './webdriver.mjs';
import { cli, freshHome, launch, quit, shots } from './harness.mjs';

const COUNT = 10000;
const PAGE = 100;

/** A new engagement with COUNT activities and COUNT resources, reopened at start. */
function bigHome(home) {
  const dir = join(home, 'data', 'keel', 'engagements');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'Big.keel');
  const number = (i) => String(i).padStart(5, '0');
  const rows = (header, row) => [header, ...Array.from({ length: COUNT }, (_, i) => row(i + 1))].join('\n');
  writeFileSync(join(home, 'activities.csv'), rows('name,unit,owner', (i) => `Activity ${number(i)},Unit ${i % 10},Owner ${i % 37}`));
  writeFileSync(join(home, 'resources.csv'), rows('name,kind', (i) => `Resource ${number(i)},application`));
  execFileSync(cli, ['new', file, '--org', 'Big Freight', '--as', 'Erin Example']);
  execFileSync(cli, ['import', file, '--as', 'Erin Example',
    '--activities', join(home, 'activities.csv'), '--resources', join(home, 'resources.csv')]);
  mkdirSync(join(home, 'config', 'keel'), { recursive: true });
  writeFileSync(
    join(home, 'config', 'keel', 'settings.json'),
    JSON.stringify({ facilitator_name: 'Erin Example', recent: [{ path: file, organisation: 'Big Freight', opened_at: '2026-11-25T09:00:00Z' }] }),
  );
}

const count = (s, css) => s.execute(`return document.querySelectorAll(${JSON.stringify(css)}).length`);
const focus = (s, css) => s.execute(`document.querySelector(${JSON.stringify(css)}).focus()`);
const focusedText = (s) => s.execute('return document.activeElement.textContent.trim()');

test('10,000 activities and 10,000 resources are listed a hundred at a time', async () => {
  const { home, env, remove } = freshHome();
  try {
    bigHome(home);
    const run = await launch(env);
    const s = run.session;
    let failed = true;
    try {
      await s.waitForText('[data-testid=organisation]', 'Big Freight');

      let started = Date.now();
      await s.chord(Key.Alt, '2');
      await s.waitForText('[data-testid=show-more]', `Showing 100 of 10,000 activities`, 60000);
      console.log(`activities page shown in ${Date.now() - started} ms`);
      assert.equal(await count(s, 'tr[data-activity]'), PAGE);
      await s.screenshot(join(shots, 'long-activities.png'));
      // ↓ past the last row shows the next hundred and goes on to the first of them.
      await focus(s, 'tr[data-activity="Activity 00100"]');
      await s.chord(Key.ArrowDown);
      await s.waitForText('[data-testid=show-more]', 'Showing 200 of 10,000');
      assert.match(await focusedText(s), /^Activity 00101/);
      // The button, reached by Tab from the last row.
      await focus(s, 'tr[data-activity="Activity 00200"]');
      await s.chord(Key.Tab);
      assert.equal(await focusedText(s), 'Show 100 more');
      await s.chord(Key.Enter);
      await s.waitForText('[data-testid=show-more]', 'Showing 300 of 10,000');
      assert.equal(await count(s, 'tr[data-activity]'), 3 * PAGE);
      assert.match(await focusedText(s), /^Activity 00201/);
      // A search narrows the whole list, not only the rows shown.
      await (await s.find('#activity-search')).type('Activity 09999');
      await s.waitForCount('tr[data-activity]', 1);

      started = Date.now();
      await s.chord(Key.Alt, '8');
      await s.waitForText('[data-testid=show-more]', 'Showing 100 of 10,000 resources', 60000);
      console.log(`resources page shown in ${Date.now() - started} ms`);
      await s.waitForText('main .page h2', `Resources (${COUNT})`);
      assert.equal(await count(s, '.list li button'), PAGE);
      await s.screenshot(join(shots, 'long-resources.png'));
      await (await s.find('[data-testid=show-more] button')).click();
      await s.waitForText('[data-testid=show-more]', 'Showing 200 of 10,000');
      assert.equal(await focusedText(s), 'Resource 00101Application');
      failed = false;
    } finally {
      await quit(run, failed, 'long-lists-failure');
    }
  } finally {
    remove();
  }
});
