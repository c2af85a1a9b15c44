// Starting and stopping Keel for an end-to-end test: a fresh home per test, the app
// binary, screenshots in target/e2e/, and a hard kill that skips any clean shutdown.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { Driver } from './webdriver.mjs';

export const root = resolve(import.meta.dirname, '../..');
export const app = resolve(root, process.env.KEEL_APP ?? 'target/debug/keel-desktop');
export const shots = join(root, 'target/e2e');
export const cli = resolve(root, process.env.KEEL_CLI ?? 'target/debug/keel');

/** A temporary home (data and config dirs) for one test. */
export function freshHome() {
  const home = mkdtempSync(join(tmpdir(), 'keel-e2e-'));
  return {
    home,
    // The login name is the default facilitator name: make it the same everywhere.
    // File dialogs cannot be clicked through WebDriver: the app (a debug build) takes their
    // answers from this file, one line per dialog, without showing them.
    env: {
      XDG_DATA_HOME: join(home, 'data'),
      XDG_CONFIG_HOME: join(home, 'config'),
      USER: 'Erin Example',
      KEEL_E2E_DIALOG_ANSWERS: join(home, 'dialog-answers'),
    },
    /** The next file dialogs answer these paths, in order (an empty string: cancelled). */
    answerDialogs: (...paths) => writeFileSync(join(home, 'dialog-answers'), paths.join('\n')),
    remove: () => {
      reapApps(home);
      // WebKit's helper processes may still be writing there for a moment after the kill.
      rmSync(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}

/** Writes the demo engagement with the CLI into `home` and makes it the one the app
 *  reopens at start, with Erin Example as facilitator. Returns the file's path. */
export function demoHome(home) {
  const file = join(home, 'data', 'keel', 'engagements', 'Demo.keel');
  mkdirSync(join(home, 'data', 'keel', 'engagements'), { recursive: true });
  execFileSync(cli, ['demo', file, '--as', 'Erin Example']);
  mkdirSync(join(home, 'config', 'keel'), { recursive: true });
  writeFileSync(
    join(home, 'config', 'keel', 'settings.json'),
    JSON.stringify({
      facilitator_name: 'Erin Example',
      recent: [{ path: file, organisation: 'Calder Valley Freight Ltd', opened_at: '2026-11-25T09:00:00Z' }],
    }),
  );
  return file;
}

/** The demo's slow-chain finding (the gap of kind 'chain' that `keel analyze` lists). */
export function slowChain(file) {
  const analysis = JSON.parse(execFileSync(cli, ['analyze', file, '--json'], { encoding: 'utf8' }));
  const chain = analysis.gaps.find((g) => g.kind === 'chain');
  if (!chain) throw new Error('the demo has no slow-chain finding');
  return chain;
}

export async function launch(env) {
  const driver = await Driver.start(env);
  try {
    const session = await driver.session(app);
    return { driver, session };
  } catch (error) {
    await driver.stop();
    throw error;
  }
}

/** Ends the session (which closes the app) and the driver; screenshots a failure first. */
export async function quit({ driver, session }, failed, name = 'failure') {
  try {
    if (failed) await session.screenshot(join(shots, `${name}.png`)).catch(() => {});
    await session.close().catch(() => {});
  } finally {
    await driver.stop();
  }
}

/** The app processes started with this home. */
function appProcesses(home) {
  let pids = [];
  try {
    pids = execFileSync('pgrep', ['-f', app], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
  return pids.map(Number).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/environ`, 'utf8').includes(home);
    } catch {
      return false;
    }
  });
}

/** Whether an app started with this home is still running. */
export function appRunning(home) {
  return appProcesses(home).length > 0;
}

/** SIGKILL for the app started with this home: no clean shutdown, no last save. */
export function killApp(home) {
  const pids = appProcesses(home);
  if (pids.length === 0) throw new Error(`no Keel process found for ${home}`);
  for (const pid of pids) process.kill(pid, 'SIGKILL');
}

/** Ends any app of this home that outlived its session, so no test leaves one behind. */
export function reapApps(home) {
  for (const pid of appProcesses(home)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
