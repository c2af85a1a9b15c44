// End to end, in the real WebKitGTK windows: the presentation window on a 1920×1080
// projector follows the interview step by step. On the grid the cell under discussion
// is highlighted and its category's rating scale is shown with every descriptor; the
// resources and dependencies steps show what the activity needs; no text anywhere is
// under 24 px. A screenshot of every step lands in target/e2e/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { Key } from './webdriver.mjs';
import { demoHome, freshHome, launch, quit, shots } from './harness.mjs';
import { SMALL_TEXT } from './layout.mjs';

test('the presenter view follows the interview step by step, large enough for the back of a room', async () => {
  const { home, env, remove } = freshHome();
  try {
    demoHome(home);
    const run = await launch(env);
    const s = run.session;
    let failed = true;
    try {
      await s.waitForText('[data-testid=organisation]', 'Calder Valley Freight');
      await s.chord(Key.Alt, '4');
      const picker = await s.waitFor('#interview-activity');
      await picker.type(`Order picking and packing${Key.Enter}`);
      await s.waitFor('[data-testid=step-1]');
      await s.chord(Key.Control, Key.Shift, 'f');
      await s.inOtherWindow(async () => {
        await s.waitForText('[data-testid=presented-activity]', 'Order picking and packing');
        await s.call('POST', '/window/rect', { x: 0, y: 0, width: 1920, height: 1080 });
      });

      for (let step = 1; step <= 8; step++) {
        await s.chord(Key.Control, String(step));
        await s.waitFor(`[data-testid=step-${step}]`);
        if (step === 3) {
          // The facilitator moves to the third category (Customer) after 8h: the projector follows.
          await s.keys(`${Key.ArrowDown}${Key.ArrowDown}${Key.ArrowRight}${Key.ArrowRight}`);
        }
        await s.inOtherWindow(async () => {
          await s.waitFor(`[data-testid=presentation][data-step="${step}"]`);
          if (step === 3) {
            // The focus follows key by key: wait for the last move to arrive (3:2 is the
            // cell one move before), then hold it to the cell under discussion.
            const at = async (el) => (await el.property('dataset')).presentCell;
            const cell = await s.waitFor('[data-focused=true]', async (el) => (await at(el)) === '3:3').catch(() => s.find('[data-focused=true]'));
            assert.equal(await at(cell), '3:3', 'the cell under discussion');
            const scale = String(await (await s.find('[data-testid=presented-scale]')).property('textContent'));
            assert.match(scale, /Customer after 8h/);
            assert.equal(await s.execute(`return document.querySelectorAll('[data-testid=presented-scale] li').length`), 6);
          }
          if (step === 6) await s.waitForText('[data-testid=presented-resources]', 'What it needs');
          if (step === 7) await s.waitForText('[data-testid=presented-dependencies]', 'It needs');
          const small = await s.execute(SMALL_TEXT);
          assert.deepEqual(small, [], `step ${step}: text under 24 px on the projector`);
          const size = await s.execute('return [window.innerWidth, window.innerHeight]');
          assert.deepEqual(size, [1920, 1080], 'the projector window is 1920×1080');
          await s.screenshot(join(shots, `presenter-step-${step}.png`));
        });
      }
      failed = false;
    } finally {
      await quit(run, failed, 'presenter-failure');
    }
  } finally {
    remove();
  }
});
