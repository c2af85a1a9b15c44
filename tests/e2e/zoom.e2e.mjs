// End to end, in the real window: Ctrl+= zooms the whole page for the back of a room,
// Ctrl+- and Ctrl+0 undo it, and the zoom chosen is there again at the next start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { Key } from './webdriver.mjs';
import { freshHome, launch, quit, shots } from './harness.mjs';

/** The page's width in CSS pixels: a zoomed page fits fewer of them in the window. */
const cssWidth = (s) => s.execute('return document.documentElement.clientWidth;');

async function widthBecomes(s, test, label) {
  const start = performance.now();
  let w = await cssWidth(s);
  while (!test(w) && performance.now() - start < 10_000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    w = await cssWidth(s);
  }
  assert.ok(test(w), `${label} (width ${w})`);
  return w;
}

test('Ctrl+= zooms the page, Ctrl+0 puts it back, and the zoom is kept for the next start', async () => {
  const { env, remove } = freshHome();
  try {
    let run = await launch(env);
    let s = run.session;
    let failed = true;
    let normal;
    try {
      await s.waitForText('[data-testid=organisation]', 'My first engagement');
      normal = await cssWidth(s);
      await s.chord(Key.Control, '=');
      await s.chord(Key.Control, '=');
      // 110%, then 125%: the window holds a fifth fewer CSS pixels.
      await widthBecomes(s, (w) => Math.abs(w - normal / 1.25) <= 2, 'two steps in are 125%');
      await s.waitForText('.toasts', 'Zoom 125%');
      await s.screenshot(join(shots, 'zoom-125.png'));
      await s.chord(Key.Control, '-');
      await widthBecomes(s, (w) => Math.abs(w - normal / 1.1) <= 2, 'one step out is 110%');
      failed = false;
    } finally {
      await quit(run, failed);
    }

    run = await launch(env);
    s = run.session;
    failed = true;
    try {
      await s.waitForText('[data-testid=organisation]', 'My first engagement');
      await widthBecomes(s, (w) => Math.abs(w - normal / 1.1) <= 2, 'the next start opens at 110%');
      await s.chord(Key.Control, '0');
      await widthBecomes(s, (w) => Math.abs(w - normal) <= 2, 'Ctrl+0 is 100% again');
      failed = false;
    } finally {
      await quit(run, failed);
    }
  } finally {
    remove();
  }
});
