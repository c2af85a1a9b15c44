// The tour of every page of the demo engagement that the layout and focus tests take:
// how to reach each page, what shows it has loaded, and a fresh app on the demo.
import { Key } from './webdriver.mjs';
import { demoHome, freshHome, launch, quit } from './harness.mjs';

export const STEPS = 8;
// An activity of the demo with resources and dependencies, so steps 6 and 7 show some.
export const DEMO_ACTIVITY = 'Order picking and packing';
export const PLAN_TABS = ['sections', 'check', 'details', 'contacts', 'invocation', 'steps', 'signoff', 'versions'];

/** Each page: how to get there, and what shows it has loaded. */
export const PAGES = [
  { name: 'engagements', keys: [Key.Alt, '0'], ready: ['#recent-heading', 'Recent'] },
  { name: 'overview', keys: [Key.Alt, '1'], ready: ['main .page', 'Engagement details'] },
  { name: 'activities', keys: [Key.Alt, '2'], ready: ['[data-testid=activity-table]', 'Order intake'] },
  { name: 'audit', keys: [Key.Alt, '3'], ready: ['[data-testid=audit-table]', 'Erin Example'] },
  { name: 'results', keys: [Key.Alt, '5'], ready: ['[data-testid=bia-results]', 'Order intake'] },
  { name: 'bia-settings', keys: [Key.Alt, '6'], ready: ['main .page', 'Impact categories'] },
  { name: 'findings', keys: [Key.Alt, '7'], ready: ['[data-testid=gaps]', ''] },
  { name: 'resources', keys: [Key.Alt, '8'], ready: ['main .page h2 + *', ''] },
  { name: 'map', keys: [Key.Alt, '9'], ready: ['main .page svg', ''] },
  { name: 'import', nav: 'import', ready: ['main .page', 'Import from spreadsheets'] },
  { name: 'plans', nav: 'plans', ready: ['[data-testid=plan-state]', ''] },
  { name: 'people', nav: 'people', ready: ['main .page', 'Teams ('] },
];

export async function visit(s, page) {
  if (page.keys) await s.chord(...page.keys);
  else await (await s.find(`[data-nav=${page.nav}]`)).click();
  await s.waitForText(...page.ready);
}

export async function openActivity(s, name) {
  await s.chord(Key.Alt, '4');
  const picker = await s.waitFor('#interview-activity');
  await picker.click();
  await s.chord(Key.Control, 'a');
  await s.keys(`${name}${Key.Enter}`);
  await s.waitFor('[data-testid=step-1]');
}

/** Runs `work` on a fresh app that has opened the demo; a failure is photographed. */
export async function demo(work, failure = 'pages-failure') {
  const { home, env, remove } = freshHome();
  try {
    demoHome(home);
    const run = await launch(env);
    let failed = true;
    try {
      await run.session.waitForText('[data-testid=organisation]', 'Calder Valley Freight');
      await work(run.session);
      failed = false;
    } finally {
      await quit(run, failed, failure);
    }
  } finally {
    remove();
  }
}
