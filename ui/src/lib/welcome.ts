// The first start: the guided set-up's lines read into units and activities, and the
// overview's workflow checklist (what is done, what comes next) from the engagement's
// progress.
import type { EngagementProgress } from '$lib/api';
import type { Page } from '$lib/session.svelte';

/** The organisation of the engagement Keel makes on the very first start (the core's
 *  `workspace::STARTER_ORGANISATION`): a name still to be given. */
export const STARTER_ORGANISATION = 'My first engagement';

export type SetupActivity = { name: string; unit: string | null };

/** Units one per line; activities one per line, each optionally followed by its unit
 *  after a colon (`Dispatch: Operations`). Blank lines and repeats are dropped; an
 *  activity's unit that is not listed is added to the units. */
export function readSetup(unitsText: string, activitiesText: string): { units: string[]; activities: SetupActivity[] } {
  const lines = (text: string) =>
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
  const units: string[] = [];
  const addUnit = (name: string) => {
    if (!units.some((u) => u.toLowerCase() === name.toLowerCase())) units.push(name);
  };
  lines(unitsText).forEach(addUnit);
  const activities: SetupActivity[] = [];
  for (const line of lines(activitiesText)) {
    const colon = line.lastIndexOf(':');
    const name = (colon > 0 ? line.slice(0, colon) : line).trim();
    let unit = colon > 0 ? line.slice(colon + 1).trim() || null : null;
    if (name === '') continue;
    if (unit) {
      addUnit(unit);
      unit = units.find((u) => u.toLowerCase() === unit!.toLowerCase()) ?? unit;
    } else if (units.length === 1) unit = units[0];
    if (!activities.some((a) => a.name.toLowerCase() === name.toLowerCase())) activities.push({ name, unit });
  }
  return { units, activities };
}

export type WorkflowStep = { label: string; detail: string; done: boolean; page: Page; key: string };

/** The planning stage, step by step, each done or not, with where it is done. */
export function workflowSteps(p: EngagementProgress, details: { organisation: string; scope: string }): WorkflowStep[] {
  const named = details.organisation.trim() !== '' && details.organisation !== STARTER_ORGANISATION;
  const of = (n: number, all: number, what: string) => `${n} of ${all} ${what}`;
  return [
    {
      label: 'Name the organisation and the scope',
      detail: !named
        ? 'in the engagement details, below'
        : details.scope.trim() === ''
          ? 'a scope statement is still to be written, below'
          : details.organisation,
      done: named,
      page: 'overview',
      key: '1',
    },
    {
      label: 'List the units and their activities',
      detail: `${p.units} ${p.units === 1 ? 'unit' : 'units'}, ${p.activities} ${p.activities === 1 ? 'activity' : 'activities'}`,
      done: p.activities > 0,
      page: 'activities',
      key: '2',
    },
    {
      label: 'Interview each activity (BIA)',
      detail: p.activities === 0 ? 'no activity yet' : of(p.interviews_done, p.activities, 'complete'),
      done: p.activities > 0 && p.interviews_done >= p.activities,
      page: 'interview',
      key: '4',
    },
    {
      label: 'Record what each resource can do',
      detail: p.resources === 0 ? 'no resource yet' : of(p.resources_with_rtc, p.resources, 'with a recovery time (RTC)'),
      done: p.resources > 0 && p.resources_with_rtc >= p.resources,
      page: 'resources',
      key: '8',
    },
    {
      label: 'Map what activities need, and read the findings',
      detail: `${p.needs} ${p.needs === 1 ? 'need' : 'needs'} recorded`,
      done: p.needs > 0,
      page: 'findings',
      key: '7',
    },
    {
      label: 'Write a plan and have it approved',
      detail: p.plans === 0 ? 'no plan yet' : of(p.plans_approved, p.plans, 'approved'),
      done: p.plans_approved > 0,
      page: 'plans',
      key: '',
    },
  ];
}
