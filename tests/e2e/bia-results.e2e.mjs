// End to end: the prioritised list the app shows for the demo engagement is the one
// `keel bia list` prints: same order, unit, status, MTPD, RTO, RPO (compared in
// minutes), tier and minimum service level.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

import { Key } from './webdriver.mjs';
import { cli, demoHome, freshHome, launch, quit } from './harness.mjs';

test('the app and keel bia list agree on the demo engagement', async () => {
  const { home, env, remove } = freshHome();
  try {
    // The demo, written by the CLI, made the engagement the app reopens at start.
    const file = demoHome(home);
    const expected = JSON.parse(execFileSync(cli, ['bia', 'list', file, '--json'], { encoding: 'utf8' }));

    const run = await launch(env);
    const s = run.session;
    let failed = true;
    try {
      await s.waitForText('[data-testid=organisation]', 'Calder Valley Freight');
      await s.chord(Key.Alt, '5');
      await s.waitForCount('tr[data-result]', expected.length);
      const shown = await s.execute(`
        return [...document.querySelectorAll('tr[data-result]')].map((tr) => {
          const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent.trim());
          return [cells[1], cells[2], cells[3], tr.dataset.minutes, cells[7], cells[8]];
        });`);
      const wanted = expected.map((r) => [
        r.activity,
        r.unit ?? '—',
        r.status ?? 'not started',
        [r.mtpd_minutes, r.rto_minutes, r.rpo_minutes].map((m) => m ?? '').join('/'),
        r.tier == null ? '—' : String(r.tier),
        r.mbco_percent == null ? '—' : `${r.mbco_percent}%`,
      ]);
      assert.deepEqual(shown, wanted);
      failed = false;
    } finally {
      await quit(run, failed, 'bia-results-failure');
    }
  } finally {
    remove();
  }
});
