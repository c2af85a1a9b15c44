// End to end, in the real WebKitGTK windows: the presentation window on a 1920×1080
// projector mirrors the focused map. Focused on the demo's slow-chain finding and
// presented (Ctrl+Shift+F on the map page), the projector shows that chain with every
// node in view, the findings on it beside it and no text under 24 px (the map's labels
// measured as drawn, at the canvas's zoom); it follows as the facilitator focuses another
// node and goes back to the whole map (as groups); presenting an interview again shows
// the interview, and browsing the map afterwards does not take the projector from it.
// Screenshots: map-mirror-1920.png (the slow chain), map-mirror-follow-1920.png,
// map-mirror-whole-1920.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { Key } from './webdriver.mjs';
import { demoHome, freshHome, launch, quit, shots, slowChain } from './harness.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The shown nodes (or groups) with their rectangles, their labels' height a line, the
 *  canvas's rectangle as seen, and every visible text under 24 px as drawn (SVG text at
 *  its font size times the canvas's zoom), in CSS px. */
const MEASURE = `
  const canvas = document.querySelector('[data-testid=map]').getBoundingClientRect();
  const seen = {
    left: Math.max(0, canvas.left), right: Math.min(window.innerWidth, canvas.right),
    top: Math.max(0, canvas.top), bottom: Math.min(window.innerHeight, canvas.bottom),
  };
  const boxes = [...document.querySelectorAll('[data-testid=map] g.dep-node, [data-testid=map] g.dep-group')].map((g) => {
    const r = g.querySelector('rect').getBoundingClientRect();
    const label = g.querySelector('text.label');
    const lines = Math.max(1, label.querySelectorAll('tspan').length);
    return { name: g.dataset.name, left: r.left, right: r.right, top: r.top, bottom: r.bottom, label: label.getBoundingClientRect().height / lines };
  });
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim();
    const el = walker.currentNode.parentElement;
    if (!text || !el || el.closest('title')) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const scale = el instanceof SVGGraphicsElement ? el.getScreenCTM().a : 1;
    const size = parseFloat(getComputedStyle(el).fontSize) * scale;
    if (size < 24) small.push(el.tagName.toLowerCase() + ' "' + text.slice(0, 30) + '" ' + size.toFixed(1) + 'px');
  }
  return { canvas: seen, boxes, small, size: [window.innerWidth, window.innerHeight] };`;

function assertReadableAndInView({ canvas, boxes, small, size }, what) {
  assert.deepEqual(size, [1920, 1080], `${what}: the projector window is 1920×1080`);
  assert.ok(boxes.length > 0, `${what}: something is drawn`);
  for (const b of boxes) {
    assert.ok(
      b.left >= canvas.left - 0.5 && b.right <= canvas.right + 0.5 && b.top >= canvas.top - 0.5 && b.bottom <= canvas.bottom + 0.5,
      `${what}: ${b.name} (${JSON.stringify(b)}) lies inside the canvas ${JSON.stringify(canvas)}`,
    );
    assert.ok(b.label >= 24, `${what}: the label of ${b.name} is ${b.label} px high a line`);
  }
  assert.deepEqual(small, [], `${what}: text under 24 px on the projector`);
}

/** The names of the nodes the map in this window draws, sorted. */
const drawn = (s) => s.execute(`return [...document.querySelectorAll('[data-testid=map] g.dep-node')].map((g) => g.dataset.name).sort();`);

test('the presentation window mirrors the focused map on a 1920×1080 projector, and follows the facilitator', async () => {
  const { home, env, remove } = freshHome();
  try {
    const file = demoHome(home);
    const chain = slowChain(file);

    const run = await launch(env);
    const s = run.session;
    let failed = true;
    try {
      await s.waitForText('[data-testid=organisation]', 'Calder Valley Freight Ltd');
      await s.chord(Key.Alt, '9');
      await s.waitFor('[data-testid=map][data-mode=groups] g.dep-group');
      await (await s.find(`button.finding[data-kind=chain][data-node="${chain.node}"]`)).type(Key.Enter);
      await s.waitFor('[data-testid=map][data-mode=focus]');
      await s.chord(Key.Control, Key.Shift, 'f');

      await s.inOtherWindow(async () => {
        await s.waitFor('[data-testid=presented-map][data-mode=focus]');
        await s.call('POST', '/window/rect', { x: 0, y: 0, width: 1920, height: 1080 });
        await s.waitFor('body', async () => (await s.execute('return window.innerWidth;')) >= 1900);
        await s.waitForCount('[data-testid=map] g.dep-node', chain.path.length);
        await sleep(500);
        assert.deepEqual(await drawn(s), [...chain.path].sort(), 'the projector shows exactly the path');
        await s.waitForText('[data-testid=presented-map-title]', chain.node);
        await s.waitForText('[data-testid=presented-findings]', chain.explanation);
        const slow = await s.execute(MEASURE);
        console.log(`slow chain on the projector: ${JSON.stringify(slow.boxes.map((b) => [b.name, Math.round(b.label)]))}`);
        assertReadableAndInView(slow, 'the slow chain');
        await s.screenshot(join(shots, 'map-mirror-1920.png'));
      });

      // The facilitator focuses a node by name: the projector follows.
      const picker = await s.find('#map-focus-pick');
      await picker.type(`Halifax warehouse${Key.Enter}`);
      await s.waitForText('[data-testid=map-focus]', 'Halifax warehouse');
      const inMain = await drawn(s);
      await s.inOtherWindow(async () => {
        await s.waitForText('[data-testid=presented-map-title]', 'Halifax warehouse');
        await s.waitForCount('[data-testid=map] g.dep-node', inMain.length);
        await sleep(500);
        assert.deepEqual(await drawn(s), inMain, 'the projector shows the chain the main window shows');
        const follow = await s.execute(MEASURE);
        console.log(`Halifax warehouse on the projector: ${JSON.stringify(follow.boxes.map((b) => [b.name, Math.round(b.label)]))}`);
        assertReadableAndInView(follow, 'the chain of Halifax warehouse');
        await s.screenshot(join(shots, 'map-mirror-follow-1920.png'));
      });

      // Escape: the whole map, as groups on the projector.
      await s.execute(`document.querySelector('[data-testid=map]').focus();`);
      await s.chord(Key.Escape);
      await s.waitFor('[data-testid=map]:not([data-mode=focus])');
      await s.inOtherWindow(async () => {
        await s.waitFor('[data-testid=presented-map][data-mode=groups] [data-testid=map] g.dep-group');
        await sleep(500);
        const whole = await s.execute(MEASURE);
        assertReadableAndInView(whole, 'the whole map');
        await s.screenshot(join(shots, 'map-mirror-whole-1920.png'));
      });

      // Back to an interview, presented: the projector shows it again, and browsing the
      // map afterwards leaves it there.
      await s.chord(Key.Alt, '4');
      const interview = await s.waitFor('#interview-activity');
      await interview.type(`Order picking and packing${Key.Enter}`);
      await s.waitFor('[data-testid=step-1]');
      await s.chord(Key.Control, Key.Shift, 'f');
      await s.inOtherWindow(() => s.waitForText('[data-testid=presented-activity]', 'Order picking and packing'));
      await s.chord(Key.Alt, '9');
      await s.waitFor('[data-testid=map] g.dep-group, [data-testid=map] g.dep-node');
      await (await s.find('button.finding[data-kind=rto]')).type(Key.Enter);
      await s.waitFor('[data-testid=map][data-mode=focus]');
      await sleep(500);
      await s.inOtherWindow(async () => {
        assert.equal(await s.execute(`return document.querySelector('[data-testid=presentation]').dataset.shows;`), 'interview');
        await s.waitForText('[data-testid=presented-activity]', 'Order picking and packing');
      });
      failed = false;
    } finally {
      await quit(run, failed, 'map-mirror-failure');
    }
  } finally {
    remove();
  }
});
