// End to end: a plan written from the ISO 22301 template in the real window. Two
// sections are filled and the standards check shrinks; the plan goes to review, two
// approvers approve it, the approved version is read-only, and the next edit starts
// version 2 as a draft while version 1 stays approved with its SHA-256.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { cli, demoHome, freshHome, launch, quit, shots } from './harness.mjs';

test('write a plan, review it, approve it twice, and edit it into version 2', async () => {
  const { home, env, remove, answerDialogs } = freshHome();
  try {
    const file = demoHome(home);

    const run = await launch(env);
    const s = run.session;
    const text = async (css) => String(await (await s.find(css)).property('textContent')).trim();
    const missing = async () => Number(await text('[data-testid=check-missing]'));
    let failed = true;
    try {
      await s.waitForText('[data-testid=organisation]', 'Calder Valley Freight');
      await (await s.find('[data-nav=plans]')).click();
      await (await s.waitFor('[data-testid=new-plan]')).click();
      await (await s.find('#plan-title')).type('Cold store continuity plan');
      await (await s.find('form.new button.primary')).click();
      await s.waitForText('[data-testid=plan-state]', 'Draft');
      await s.waitForText('.head h2', 'Cold store continuity plan');
      const before = await missing();

      // Two sections, typed into the Markdown editor; the preview renders them.
      for (const [key, body] of [
        ['purpose', 'Keep **chilled stock** within temperature and shipping within 4 hours.'],
        ['activation', 'Invoke when a chiller fails for more than 30 minutes.'],
      ]) {
        await (await s.find(`button[data-section=${key}]`)).click();
        await s.waitFor('#section-body');
        await (await s.find('#section-body')).type(body);
        await s.waitForText('[data-testid=section-preview]', body.replace(/\*\*/g, ''));
      }
      await s.waitForText('[data-testid=check-missing]', String(before - 2));
      // What was typed is all the section holds (nothing carried over from another plan).
      await (await s.find('button[data-section=purpose]')).click();
      assert.equal(
        await s.execute(`return document.querySelector('#section-body').value;`),
        'Keep **chilled stock** within temperature and shipping within 4 hours.',
      );
      assert.equal(await missing(), before - 2, 'two elements fewer are missing');
      const strong = await s.execute(`return [...document.querySelectorAll('[data-testid=section-preview] strong')].map((e) => e.textContent);`);
      assert.deepEqual(strong, ['chilled stock'], 'the preview renders the Markdown');
      await s.screenshot(join(shots, 'plan-draft.png'));

      // Two approvers, then review.
      await (await s.find('button[data-tab=signoff]')).click();
      for (const [i, [name, role]] of [
        ['Morgan Hale', 'Operations Director'],
        ['Priya Shah', 'Head of Risk and Compliance'],
      ].entries()) {
        await (await s.waitFor('.signoff .form-actions button')).click();
        await (await s.waitFor(`input[aria-label="Approver ${i + 1} name"]`)).type(name);
        await (await s.find(`input[aria-label="Approver ${i + 1} role"]`)).type(role);
      }
      await (await s.find('.signoff .form-actions button.primary')).click();
      await s.waitForText('.signoff', 'Send for review');
      await s.waitFor('.signoff section[aria-label=Review] button.primary:not([disabled])');
      await (await s.find('.signoff section[aria-label=Review] button.primary')).click();
      await s.waitForText('[data-testid=plan-state]', 'In review');

      await (await s.waitFor('li[data-approver="Morgan Hale"] button.primary')).click();
      await s.waitForText('li[data-approver="Morgan Hale"]', 'approved');
      assert.equal(await text('[data-testid=plan-state]'), 'In review', 'one approval of two');
      // The last approval freezes the version.
      await (await s.find('li[data-approver="Priya Shah"] button.primary')).click();
      await s.waitForText('[data-testid=plan-state]', 'Approved');
      const approvals = await s.execute(`return document.querySelectorAll('.signoff .approvals li').length;`);
      assert.equal(approvals, 2);
      await s.screenshot(join(shots, 'plan-approved.png'));

      // Export: written where the save dialog (answered by the harness) said, nowhere else.
      const pdf = join(home, 'exports', 'cold-store.pdf');
      mkdirSync(join(home, 'exports'));
      answerDialogs(pdf);
      await (await s.find('[data-testid=export-pdf]')).click();
      await (await s.waitFor('.export form.ask button.primary')).click();
      await s.waitForText('.export .done', 'pages written to');
      assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
      // A cancelled dialog writes nothing.
      answerDialogs('');
      await (await s.find('[data-testid=export-pdf]')).click();
      await (await s.waitFor('.export form.ask button.primary')).click();
      await s.waitFor('.export form.ask');
      assert.equal(existsSync(join(home, 'exports', 'plan.pdf')), false);
      await (await s.find('.export form.ask button:not(.primary)')).click();

      // Approved: read-only, with no editor.
      await (await s.find('button[data-tab=sections]')).click();
      await (await s.find('button[data-section=purpose]')).click();
      await s.waitForText('[data-testid=section-preview]', 'chilled stock');
      assert.equal(await s.execute(`return document.querySelector('#section-body') === null;`), true);
      const listed = JSON.parse(execFileSync(cli, ['plan', 'list', file, '--json'], { encoding: 'utf8' }));
      const plan = listed.find((p) => p.title === 'Cold store continuity plan');
      assert.equal(plan.state, 'approved');
      assert.equal(plan.sha256.length, 64);

      // The next edit starts version 2 as a draft.
      await (await s.find('[data-testid=unlock]')).click();
      await (await s.waitFor('#section-body')).type(' Check the logs hourly.');
      await s.waitForText('[data-testid=plan-version]', 'Version 2');
      await s.waitForText('[data-testid=plan-state]', 'Draft');
      await (await s.find('button[data-tab=versions]')).click();
      const versions = await s.execute(
        `return [...document.querySelectorAll('[data-testid=versions] tr[data-version]')].map((tr) => [tr.dataset.version, tr.dataset.state]);`,
      );
      assert.deepEqual(versions, [
        ['2', 'draft'],
        ['1', 'approved'],
      ]);
      await s.waitForText('[data-testid=changes]', 'Purpose, scope and objectives');
      const after = JSON.parse(execFileSync(cli, ['plan', 'list', file, '--json'], { encoding: 'utf8' }));
      const again = after.find((p) => p.title === 'Cold store continuity plan');
      assert.deepEqual([again.version, again.state, again.approved_version, again.sha256], [2, 'draft', 1, plan.sha256]);
      execFileSync(cli, ['plan', 'verify', file]);
      await s.screenshot(join(shots, 'plan-versions.png'));

      // Nothing navigates the window away from the app, not even a script.
      await s.execute(`window.location.assign('https://example.org/'); return null;`);
      await new Promise((resolve) => setTimeout(resolve, 800));
      assert.match(await s.execute(`return window.location.href;`), /^tauri:\/\/localhost/);
      await s.waitForText('[data-testid=plan-state]', 'Draft');

      // People & teams fits at 1280x800: every Delete button is inside the window.
      await s.execute(`[...document.querySelectorAll('nav button')].find((b) => b.textContent.includes('People & teams')).click(); return null;`);
      await s.waitFor('button[aria-label^="Delete "]');
      const overflow = await s.execute(
        `return [...document.querySelectorAll('button[aria-label^="Delete "]')].filter((b) => b.getBoundingClientRect().right > window.innerWidth).length;`,
      );
      await s.screenshot(join(shots, 'people.png'));
      assert.equal(overflow, 0, 'no Delete button is cut off at the right');
      failed = false;
    } finally {
      await quit(run, failed, 'plans-failure');
    }
  } finally {
    remove();
  }
});
