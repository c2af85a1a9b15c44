// End to end: engagement files changed by another program, met in the real window. A
// file with a trigger of its own is refused with the trigger named and stays byte for
// byte as it was; an approved plan version whose stored content was changed behind the
// triggers' back (and the trigger put back) opens, but its export is refused and
// nothing is written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { Key } from './webdriver.mjs';
import { freshHome, launch, quit, root, shots } from './harness.mjs';

const cli = resolve(root, process.env.KEEL_CLI ?? 'target/debug/keel');

/** Runs SQL on a closed engagement the way another program would (Python's sqlite3).
 *  With a trigger name, that trigger is dropped before `change` and put back after it,
 *  exactly as it was. */
function sql(file, script, trigger = '', change = '') {
  const python = [
    'import sqlite3, sys',
    'c = sqlite3.connect(sys.argv[1])',
    'c.executescript(sys.argv[2])',
    'if sys.argv[3]:',
    '    (guard,) = c.execute("SELECT sql FROM sqlite_schema WHERE name = ?", (sys.argv[3],)).fetchone()',
    '    c.executescript("DROP TRIGGER " + sys.argv[3] + ";" + sys.argv[4] + guard + ";")',
    'c.execute("PRAGMA wal_checkpoint(TRUNCATE)")',
    'c.close()',
  ].join('\n');
  execFileSync('python3', ['-c', python, file, script, trigger, change]);
}

test('a file altered by another program is refused, and an altered approved version is not exported', async () => {
  const { home, env, remove, answerDialogs } = freshHome();
  try {
    const dir = join(home, 'files');
    mkdirSync(dir, { recursive: true });
    const grabbed = join(dir, 'Grabbed.keel');
    execFileSync(cli, ['demo', grabbed, '--as', 'Erin Example']);
    sql(grabbed, 'CREATE TRIGGER grab AFTER UPDATE ON activity BEGIN DELETE FROM org_unit; END;');
    const before = readFileSync(grabbed);

    const altered = join(dir, 'Altered.keel');
    execFileSync(cli, ['demo', altered, '--as', 'Erin Example']);
    // The guard is dropped, the snapshot changed, and the guard put back as it was, so
    // that the file's schema is still exactly Keel's.
    sql(
      altered,
      '',
      'plan_frozen_no_update',
      `UPDATE plan_frozen SET snapshot = replace(snapshot, 'Halifax', 'Hallifax') WHERE plan_id = 1;`,
    );

    const run = await launch(env);
    const s = run.session;
    let failed = true;
    try {
      await s.waitForText('[data-testid=organisation]', 'My first engagement');
      await s.chord(Key.Alt, '0');

      answerDialogs(grabbed);
      const open = async () => {
        const buttons = await s.findAll('button');
        for (const b of buttons) {
          if (String(await b.property('textContent')).trim() === 'Open a file…') return b.click();
        }
        throw new Error('no "Open a file…" button');
      };
      await open();
      await s.waitForText('.toasts', 'has a trigger `grab` that Keel does not create');
      await s.screenshot(join(shots, 'refused-file.png'));
      assert.ok(readFileSync(grabbed).equals(before), 'the refused file is unchanged');
      await s.waitForText('[data-testid=organisation]', 'My first engagement');

      answerDialogs(altered);
      await open();
      await s.waitForText('[data-testid=organisation]', 'Calder Valley Freight');
      await (await s.find('[data-nav=plans]')).click();
      await (await s.waitFor('button[data-plan="Halifax warehouse continuity plan"]')).click();
      await s.waitForText('[data-testid=plan-state]', 'Approved');
      const pdf = join(home, 'altered.pdf');
      answerDialogs(pdf);
      await (await s.find('[data-testid=export-pdf]')).click();
      await (await s.waitFor('.export form.ask button.primary')).click();
      await s.waitForText('.toasts', 'altered outside Keel');
      assert.equal(existsSync(pdf), false, 'nothing was exported');
      failed = false;
    } finally {
      await quit(run, failed, 'hostile');
    }
  } finally {
    remove();
  }
});
