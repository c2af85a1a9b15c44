import { describe, expect, it } from 'vitest';
import type { Gap, Prediction } from '$lib/api';
import {
  gapFigures,
  gapRemedies,
  predictionRemedies,
  slowestWords,
  spofRemedies,
  unknownBelow,
  unknownRemedies,
  type Context,
} from './remedies';

const gap = (g: Partial<Gap> & Pick<Gap, 'kind' | 'node' | 'node_ref' | 'path' | 'path_refs'>): Gap => ({
  required_min: 240,
  capability_min: null,
  explanation: '',
  ...g,
});

const slowWarehouse = gap({
  kind: 'rto',
  node: 'Halifax warehouse',
  node_ref: 'resource:4',
  capability_min: 7 * 1440,
  path: ['Order picking', 'Halifax warehouse'],
  path_refs: ['activity:2', 'resource:4'],
});

describe('gapRemedies', () => {
  it('offers, for a resource too slow, its capability, an alternative for what needs it, and the objective', () => {
    const r = gapRemedies(slowWarehouse);
    expect(r.map((x) => x.kind)).toEqual(['improve', 'alternative', 'objective']);
    expect(r[0].to).toEqual({ page: 'resources', resourceId: 4, field: 'rtc' });
    expect(r[0].text).toContain('Halifax warehouse');
    expect(r[0].text).toContain('now 1w, needed within 4h');
    expect(r[1].to).toEqual({ page: 'map', node: 'activity:2' });
    expect(r[1].text).toMatch(/alternative to Halifax warehouse for Order picking/);
    expect(r[2].to).toEqual({ page: 'interview', activityId: 2, step: 5, field: 'rto' });
    expect(r[2].text).toMatch(/Revisit the RTO of Order picking \(now 4h\).*record who agreed to it and why/);
  });

  it('turns to the RPC and RPO for data loss', () => {
    const r = gapRemedies({ ...slowWarehouse, kind: 'rpo', required_min: 15, capability_min: 240 });
    expect(r[0].to).toEqual({ page: 'resources', resourceId: 4, field: 'rpc' });
    expect(r[0].text).toContain('now 4h, at most 15m allowed');
    expect(r[2].to).toMatchObject({ page: 'interview', activityId: 2, field: 'rpo' });
  });

  it('asks for the missing RTC, or the RPC when only that is missing', () => {
    const unknown = gap({
      kind: 'unknown',
      node: 'Handheld scanners',
      node_ref: 'resource:9',
      path: ['Order picking', 'Handheld scanners'],
      path_refs: ['activity:2', 'resource:9'],
    });
    const [rtc] = gapRemedies(unknown);
    expect(rtc.kind).toBe('record');
    expect(rtc.text).toMatch(/^Record the RTC of Handheld scanners/);
    expect(rtc.to).toEqual({ page: 'resources', resourceId: 9, field: 'rtc' });
    expect(gapFigures(unknown)).toContain('predicted recovery is unknown');
    const ctx: Context = { capabilities: new Map([['resource:9', { rtc: 60, rpc: null }]]) };
    const [rpc] = gapRemedies(unknown, ctx);
    expect(rpc.text).toMatch(/^Record the RPC of Handheld scanners/);
    expect(rpc.to).toMatchObject({ field: 'rpc' });
  });

  it('for an activity slower than what needs it: its RTO, a workaround where it is needed, the source RTO', () => {
    const r = gapRemedies(
      gap({
        kind: 'upstream',
        node: 'Backup',
        node_ref: 'activity:7',
        capability_min: 720,
        path: ['WMS operations', 'WMS', 'Backup'],
        path_refs: ['activity:1', 'resource:3', 'activity:7'],
      }),
    );
    expect(r.map((x) => x.kind)).toEqual(['objective', 'workaround', 'objective']);
    expect(r[0].text).toMatch(/RTO of Backup \(now 12h\) to 4h or less, since WMS operations needs it/);
    expect(r[0].to).toMatchObject({ activityId: 7, step: 5 });
    expect(r[1].to).toEqual({ page: 'interview', activityId: 3, step: 7, field: 'workarounds' });
    expect(r[2].to).toMatchObject({ activityId: 1, field: 'rto' });
  });

  it('for a slow chain names its slowest step, with an alternative for what needs that step', () => {
    const chain = gap({
      kind: 'chain',
      node: 'EDI',
      node_ref: 'activity:5',
      capability_min: 315,
      path: ['EDI', 'Gateway', 'Data centre', 'Generator'],
      path_refs: ['activity:5', 'resource:1', 'resource:2', 'resource:3'],
    });
    const ctx: Context = {
      capabilities: new Map([
        ['resource:1', { rtc: 60, rpc: null }],
        ['resource:2', { rtc: 135, rpc: null }],
        ['resource:3', { rtc: 120, rpc: null }],
      ]),
    };
    const r = gapRemedies(chain, ctx);
    expect(r[0].text).toMatch(/slowest step, Data centre \(RTC 2h 15m\)/);
    expect(r[0].to).toEqual({ page: 'resources', resourceId: 2, field: 'rtc' });
    expect(r[1].to).toEqual({ page: 'map', node: 'resource:1' });
    expect(r[1].text).toContain('alternative to Data centre for Gateway');
    expect(r[2].text).toContain('against the 5h 15m its chain needs');
    const words = gapFigures(chain, ctx);
    expect(words).toContain('Gateway 1h + Data centre 2h 15m + Generator 2h');
    expect(words).toContain('The slowest step is Data centre.');
    // Without the capabilities loaded, the objective is still offered.
    expect(gapRemedies(chain).map((x) => x.kind)).toEqual(['objective']);
  });

  it('defines RTC and RTO where they appear', () => {
    const words = gapFigures(slowWarehouse);
    expect(words).toContain('(its RTC, recovery time capability)');
    expect(words).toContain('Order picking must be running within 4h (its RTO)');
  });
});

describe('predictions', () => {
  const p: Prediction = {
    activity: 'EDI',
    activity_ref: 'activity:5',
    rto_min: 240,
    predicted_min: 315,
    critical_path: ['EDI', 'Gateway', 'Data centre'],
    critical_path_refs: ['activity:5', 'resource:1', 'resource:2'],
  };
  const ctx: Context = {
    capabilities: new Map([
      ['resource:1', { rtc: 60, rpc: null }],
      ['resource:2', { rtc: 255, rpc: null }],
    ]),
    edges: [
      { from: 'activity:5', to: 'resource:1' },
      { from: 'resource:1', to: 'resource:9' },
    ],
  };

  it('a late one gets the chain remedies and names its slowest step', () => {
    expect(predictionRemedies(p, ctx).map((r) => r.kind)).toEqual(['improve', 'alternative', 'objective']);
    expect(slowestWords(p, ctx)).toBe('slowest step: Data centre (RTC 4h 15m)');
    expect(predictionRemedies({ ...p, predicted_min: 200 }, ctx)).toEqual([]);
  });

  it('an unknown one names the resources below it without an RTC', () => {
    const scanners = gap({ kind: 'unknown', node: 'Scanners', node_ref: 'resource:9', path: [], path_refs: [] });
    const other = gap({ kind: 'unknown', node: 'Logs', node_ref: 'resource:8', path: [], path_refs: [] });
    const missing = unknownBelow({ ...p, predicted_min: null }, [scanners, other], ctx);
    expect(missing).toEqual([{ name: 'Scanners', key: 'resource:9' }]);
    expect(unknownRemedies(missing)[0].to).toEqual({ page: 'resources', resourceId: 9, field: 'rtc' });
  });
});

describe('spofRemedies', () => {
  const spof = { resource: 'Data centre', resource_ref: 'resource:2', breaks: ['EDI', 'Payroll'] };

  it('with one thing needing it, goes to that thing; with several, to the resource on the map', () => {
    const one = spofRemedies(spof, { edges: [{ from: 'resource:1', to: 'resource:2' }], names: new Map([['resource:1', 'Gateway']]) });
    expect(one[0].to).toEqual({ page: 'map', node: 'resource:1' });
    expect(one[0].text).toContain('alternative to Data centre for Gateway');
    expect(one[1]).toMatchObject({ kind: 'strategy', to: { page: 'resources', resourceId: 2, field: 'strategy' } });
    const two = spofRemedies(spof, {
      edges: [
        { from: 'resource:1', to: 'resource:2' },
        { from: 'activity:4', to: 'resource:2' },
      ],
      names: new Map([
        ['resource:1', 'Gateway'],
        ['activity:4', 'Payroll'],
      ]),
    });
    expect(two[0].to).toEqual({ page: 'map', node: 'resource:2' });
    expect(two[0].text).toContain('(by Gateway, Payroll)');
  });
});

describe('evidence findings', () => {
  const slower = gap({
    kind: 'demonstrated_slower',
    node: 'WMS',
    node_ref: 'resource:1',
    required_min: 180,
    capability_min: 360,
    path: ['Dispatch', 'WMS'],
    path_refs: ['activity:1', 'resource:1'],
  });

  it('offers, for a capability shown slower than its target, to improve it, record what was shown, or an alternative', () => {
    const r = gapRemedies(slower);
    expect(r.map((x) => x.kind)).toEqual(['improve', 'record', 'alternative']);
    expect(r[0].to).toEqual({ page: 'resources', resourceId: 1, field: 'rtc' });
    expect(r[1].text).toContain('if 6h is what can be relied on');
    expect(r[2].to).toEqual({ page: 'map', node: 'activity:1' });
    expect(gapFigures(slower)).toContain('An exercise showed WMS recovering in 6h');
    expect(gapFigures(slower)).toContain('Dispatch relies on it');
  });

  it('offers, for an expired demonstration, to show it again, opening the resource', () => {
    const expired = { ...slower, kind: 'demonstration_expired' as const, required_min: null, capability_min: 180, path: ['WMS'], path_refs: ['resource:1'] };
    const [again] = gapRemedies(expired);
    expect(again.text).toMatch(/^Restore WMS again in a walkthrough, parallel test or full interruption/);
    expect(again.text).toContain('(3h)');
    expect(again.to).toEqual({ page: 'resources', resourceId: 1, field: 'rtc' });
    expect(gapFigures(expired)).toContain('counts again: 3h.');
    expect(gapFigures(expired)).not.toContain('needs it within');
  });
});
