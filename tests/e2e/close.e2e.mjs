// End to end: text typed into a plan section waits half a second before it is saved.
// Closing the window within that half second (as the window manager's close button does)
// saves it first, then the window closes and the app ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { appRunning, freshHome, launch, quit, root } from './harness.mjs';

const cli = resolve(root, process.env.KEEL_CLI ?? 'target/debug/keel');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('closing the window saves the text still waiting on its delay, then closes', async () => {
  const { home, env, remove } = freshHome();
  try {
    const dir = join(home, 'data', 'keel', 'engagements');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'Close.keel');
    execFileSync(cli, ['new', file, '--org', 'Northmoor Logistics', '--as', 'Erin Example']);
    mkdirSync(join(home, 'config', 'keel'), { recursive: true });
    writeFileSync(
      join(home, 'config', 'keel', 'settings.json'),
      JSON.stringify({
        facilitator_name: 'Erin Example',
        recent: [{ path: file, organisation: 'Northmoor Logistics', opened_at: '2026-11-25T09:00:00Z' }],
      }),
    );

    const run = await launch(env);
    const s = run.session;
    let failed = true;
    try {
      await s.waitForText('[data-testid=organisation]', 'Northmoor Logistics');
      await (await s.find('[data-nav=plans]')).click();
      await (await s.waitFor('[data-testid=new-plan]')).click();
      await (await s.find('#plan-title')).type('Depot plan');
      await (await s.find('form.new button.primary')).click();
      await s.waitForText('[data-testid=plan-state]', 'Draft');
      const closer = spawn('python3', [join(import.meta.dirname, 'wm-close.py'), 'Keel'], { stdio: ['pipe', 'inherit', 'inherit'] });
      const closed = once(closer, 'exit');
      await (await s.waitFor('#section-body')).type('Typed a moment before the window closed.');
      closer.stdin.end('close\n');
      const [code] = await closed;
      assert.equal(code, 0, 'the close message was sent');
      const deadline = performance.now() + 15000;
      while (appRunning(home) && performance.now() < deadline) await sleep(100);
      assert.equal(appRunning(home), false, 'the app ended once the window closed');
      failed = false;
    } finally {
      await quit(run, failed, 'close-failure');
    }
    const log = execFileSync(cli, ['audit', file, '--limit', '1'], { encoding: 'utf8' });
    assert.match(log, /Typed a moment before the window closed\./);
  } finally {
    remove();
  }
});
