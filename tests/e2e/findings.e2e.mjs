// End to end, in the real window, on the demo: a finding says what can be done about it,
// by keyboard. Enter on the demo's "Halifax warehouse is too slow" gap shows its figures
// in words and its remedies (photographed as findings-remedies.png at 1280×800); Tab
// reaches "improve the capability", Enter opens the Resources page with Halifax warehouse
// selected and focus in its RTC; the "revisit the objective" remedy opens the interview
// of the activity that requires it at step 5, focus in its RTO.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { Key } from './webdriver.mjs';
import { shots } from './harness.mjs';
import { demo } from './tour.mjs';

const RESOURCE = 'Halifax warehouse';
const ACTIVITY = 'Order picking and packing';

/** Opens the Findings page and, by keyboard, the gap "too slow" of RESOURCE. */
async function openGap(s) {
  await s.chord(Key.Alt, '7');
  await s.waitForText('[data-testid=gaps]', RESOURCE);
  const focused = await s.execute(
    `const b = [...document.querySelectorAll('[data-testid=gaps] button.gap')]
       .find((el) => el.textContent.includes('Too slow') && el.querySelector('strong').textContent === ${JSON.stringify(RESOURCE)});
     b?.focus();
     return document.activeElement === b;`,
  );
  assert.ok(focused, `the gap of ${RESOURCE} is listed`);
  await s.keys(Key.Enter);
  await s.waitForText('[data-testid=gaps] [data-testid=remedies]', RESOURCE);
}

const active = (s) =>
  s.execute('const el = document.activeElement; return { id: el.id, text: el.textContent.trim().replace(/\\s+/g, " ") };');

test('a finding offers what can be done, and its remedies open where each is done', async () => {
  await demo(async (s) => {
    await s.call('POST', '/window/rect', { width: 1280, height: 800 });
    await s.waitFor('body', async () => (await s.execute('return innerWidth')) === 1280);
    await openGap(s);
    const figures = String(await (await s.find('[data-testid=figures]')).property('textContent'));
    assert.match(figures, new RegExp(`${RESOURCE} takes 1w to recover .*its RTC, recovery time capability`));
    assert.match(figures, new RegExp(`${ACTIVITY} must be running within 4h \\(its RTO\\)`));
    await s.screenshot(join(shots, 'findings-remedies.png'));
    // The single points of failure and the predictions, with theirs (looked at, not checked).
    for (const [css, name] of [['table.spofs', 'findings-spofs.png'], ['tr.remedy-row', 'findings-predicted.png']]) {
      await s.execute(`document.querySelector('${css}')?.scrollIntoView({ block: 'start' });`);
      await s.screenshot(join(shots, name));
    }
    await s.execute(`document.querySelector('[data-testid=gaps] li.selected button.gap').focus();`);

    // Tab from the finding reaches its first remedy; Enter follows it.
    await s.keys(Key.Tab);
    const remedy = await active(s);
    assert.match(remedy.text, new RegExp(`^Improve how fast ${RESOURCE} recovers`));
    await s.keys(Key.Enter);
    await s.waitForText('main .page form h2', RESOURCE);
    const selected = String(await (await s.find('main .page .list button.selected')).property('textContent'));
    assert.ok(selected.startsWith(RESOURCE), `selected in the list: ${selected}`);
    await s.waitFor('#rtc', async () => (await active(s)).id === 'rtc');
    assert.equal(await (await s.find('#rtc')).value(), '1w');

    // Revisiting the objective opens the requiring activity's interview at its RTO.
    await openGap(s);
    const objective = await s.execute(
      `const b = [...document.querySelectorAll('[data-testid=remedies] button')].find((el) => el.textContent.startsWith('Revisit the RTO'));
       b?.focus();
       return b?.textContent ?? '';`,
    );
    assert.match(objective, new RegExp(`Revisit the RTO of ${ACTIVITY} \\(now 4h\\).*record who agreed`));
    await s.keys(Key.Enter);
    await s.waitFor('[data-testid=step-5]');
    assert.equal(await (await s.find('#interview-activity')).value(), ACTIVITY);
    await s.waitFor('#rto', async () => (await active(s)).id === 'rto');
  }, 'findings-failure');
});
