// End to end: the three CSV files of the demo, imported from the app into an empty
// engagement after a preview, give the map; selecting a chain gap shows exactly its path,
// lit (the one `keel analyze` prints), and a node dragged on the map stays there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { Key } from './webdriver.mjs';
import { freshHome, launch, quit, root, shots } from './harness.mjs';

const cli = resolve(root, process.env.KEEL_CLI ?? 'target/debug/keel');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('import the demo CSVs in the app, open the map, select a chain gap, drag a node', async () => {
  const { home, env, remove, answerDialogs } = freshHome();
  try {
    const demo = join(home, 'demo.keel');
    const csv = join(home, 'csv');
    execFileSync(cli, ['demo', demo, '--as', 'Erin Example']);
    execFileSync(cli, ['export-csv', demo, '--out', csv]);
    const expected = JSON.parse(execFileSync(cli, ['analyze', demo, '--json'], { encoding: 'utf8' }));
    const chain = expected.gaps.find((g) => g.kind === 'chain');
    assert.ok(chain, 'the demo has a chain gap');
    const rows = (name) => readFileSync(join(csv, name), 'utf8').trim().split('\r\n').length - 1;
    const nodeCount = rows('activities.csv') + rows('resources.csv');

    const dir = join(home, 'data', 'keel', 'engagements');
    mkdirSync(dir, { recursive: true });
    const target = join(dir, 'Import.keel');
    execFileSync(cli, ['new', target, '--org', 'Northmoor Logistics', '--as', 'Erin Example']);
    mkdirSync(join(home, 'config', 'keel'), { recursive: true });
    writeFileSync(
      join(home, 'config', 'keel', 'settings.json'),
      JSON.stringify({
        facilitator_name: 'Erin Example',
        recent: [{ path: target, organisation: 'Northmoor Logistics', opened_at: '2026-11-25T09:00:00Z' }],
      }),
    );

    const run = await launch(env);
    const s = run.session;
    let failed = true;
    try {
      await s.waitForText('[data-testid=organisation]', 'Northmoor Logistics');
      await (await s.find('[data-nav=import]')).click();
      // The files come from the open dialog (answered by the harness), by keyboard.
      const which = ['activities', 'resources', 'dependencies'];
      answerDialogs(...which.map((w) => join(csv, `${w}.csv`)));
      for (const w of which) {
        await (await s.find(`#import-${w}`)).type(Key.Enter);
        await s.waitForText(`[data-testid=import-${w}-path]`, `${w}.csv`);
      }
      await (await s.find('.import form button.primary')).click();
      await s.waitForText('[data-testid=import-preview] h2', 'Preview:');
      const preview = await (await s.find('[data-testid=import-preview] h2')).property('textContent');
      assert.match(preview, /Preview: \d+ changes/);
      assert.equal(
        execFileSync(cli, ['info', target, '--json'], { encoding: 'utf8' }).includes('"activities": 0'),
        true,
        'the preview writes nothing',
      );
      await s.screenshot(join(shots, 'import-preview.png'));
      await (await s.find('[data-testid=import-preview] button.primary')).click();

      // The import opens the map (as groups: the demo does not fit node by node); show every node.
      await s.waitFor('[data-testid=map] g.dep-group');
      await (await s.find('button[data-whole=nodes]')).click();
      await s.waitForCount('[data-testid=map] g.dep-node', nodeCount);
      const button = await s.find(`button.finding[data-kind=chain][data-node="${chain.node}"]`);
      await button.type(Key.Enter);
      await s.waitForCount('g.dep-node[data-lit=true]', chain.path.length);
      const lit = await s.execute(`
        const names = [...document.querySelectorAll('g.dep-node[data-lit=true]')].map((g) => g.dataset.name);
        const edges = [...document.querySelectorAll('path.dep-edge.lit')].map((p) => p.dataset.edge);
        return { names, edges };`);
      assert.deepEqual([...lit.names].sort(), [...chain.path].sort());
      assert.equal(lit.edges.length, chain.path.length - 1, 'every link of the path is lit');
      const status = await s.execute(
        `return document.querySelector('g.dep-node[data-name="${chain.node}"]').dataset.status;`,
      );
      assert.equal(status, 'gap');
      await s.screenshot(join(shots, 'map.png'));

      // The finding showed its path alone; Escape brings back every node.
      await s.chord(Key.Escape);
      await s.waitForCount('[data-testid=map] g.dep-node', nodeCount);

      // Drag the first node of the path 120 px down; it stays there after leaving the page.
      const key = await s.execute(`return document.querySelector('g.dep-node[data-name="${chain.node}"]').dataset.key;`);
      const place = () =>
        s.execute(`const t = document.querySelector('g.dep-node[data-key="${key}"]').getAttribute('transform');
                   return t.match(/translate\\(([-\\d.]+) ([-\\d.]+)\\)/).slice(1).map(Number);`);
      const [x0, y0] = await place();
      await s.execute(`document.querySelector('g.dep-node[data-key="${key}"]').scrollIntoView({ block: 'center', inline: 'center' });`);
      await s.drag(await s.find(`g.dep-node[data-key="${key}"] rect`), 0, 120);
      await sleep(500);
      const [x1, y1] = await place();
      assert.ok(Math.abs(x1 - x0) < 2 && y1 - y0 > 100, `moved from ${x0},${y0} to ${x1},${y1}`);
      await s.chord(Key.Alt, '7');
      await s.waitFor('[data-testid=gaps]');
      await s.screenshot(join(shots, 'findings.png'));
      await s.chord(Key.Alt, '9');
      await s.waitForCount('[data-testid=map] g.dep-node', nodeCount);
      const [x2, y2] = await place();
      assert.deepEqual([x2, y2], [Math.round(x1), Math.round(y1)], 'the position was kept');
      const log = execFileSync(cli, ['audit', target, '--limit', '1'], { encoding: 'utf8' });
      assert.match(log, /position on the map/);

      // The resources page opens on its first resource and saves what is typed, with no
      // Save button: leave the field, come back, and the value is there.
      await s.chord(Key.Alt, '8');
      const first = await s.waitFor('.list button.selected');
      const name = String(await first.property('textContent'));
      const owner = await s.waitFor('#owner');
      await owner.type(`${Key.End} (checked)${Key.Tab}`);
      await s.waitForText('[data-testid=saving]', 'All saved');
      await s.screenshot(join(shots, 'resources.png'));
      await s.chord(Key.Alt, '7');
      await s.waitFor('[data-testid=gaps]');
      await s.chord(Key.Alt, '8');
      await s.waitFor('.list button.selected', async (el) => String(await el.property('textContent')) === name);
      await s.waitFor('#owner', async (el) => String(await el.value()).includes('(checked)'));
      failed = false;
    } finally {
      await quit(run, failed, 'map-failure');
    }
  } finally {
    remove();
  }
});
