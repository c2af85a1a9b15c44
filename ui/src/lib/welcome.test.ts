import { describe, expect, it } from 'vitest';
import type { EngagementProgress } from '$lib/api';
import { readSetup, workflowSteps } from './welcome';

const none: EngagementProgress = {
  units: 0,
  activities: 0,
  interviews_done: 0,
  resources: 0,
  resources_with_rtc: 0,
  needs: 0,
  plans: 0,
  plans_approved: 0,
  unresolved: 0,
};

describe('readSetup', () => {
  it('reads units and activities with their unit after a colon, adding units named only there', () => {
    const read = readSetup('Operations\n\nFinance\noperations', 'Dispatch: Operations\nPayroll: finance\nClaims: Legal\n\nDispatch');
    expect(read.units).toEqual(['Operations', 'Finance', 'Legal']);
    expect(read.activities).toEqual([
      { name: 'Dispatch', unit: 'Operations' },
      { name: 'Payroll', unit: 'Finance' },
      { name: 'Claims', unit: 'Legal' },
    ]);
  });

  it('puts every activity in the only unit given, and leaves them unplaced when there are several', () => {
    expect(readSetup('Operations', 'Dispatch\nLoading').activities.map((a) => a.unit)).toEqual(['Operations', 'Operations']);
    expect(readSetup('A\nB', 'Dispatch').activities[0].unit).toBeNull();
  });
});

describe('workflowSteps', () => {
  it('has nothing done on an empty engagement, and the first step not done is where to go', () => {
    const steps = workflowSteps(none, { organisation: 'My first engagement', scope: '' });
    expect(steps.every((s) => !s.done)).toBe(true);
    expect(steps[1].detail).toBe('0 units, 0 activities');
  });

  it('counts interviews and capabilities against what there is', () => {
    const steps = workflowSteps(
      { ...none, units: 1, activities: 3, interviews_done: 3, resources: 4, resources_with_rtc: 2 },
      { organisation: 'Northwind', scope: '' },
    );
    expect(steps[0].detail).toContain('scope statement is still to be written');
    expect(steps.map((s) => s.done)).toEqual([true, true, true, false, false, false]);
    expect(steps[3].detail).toBe('2 of 4 with a recovery time (RTC)');
  });
});
