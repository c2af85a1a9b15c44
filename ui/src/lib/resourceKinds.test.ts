import { describe, expect, it } from 'vitest';
import { resourceKinds } from '$lib/findings';
import { rankKinds } from './resourceKinds';

describe('rankKinds', () => {
  it('offers the likeliest kind first', () => {
    expect(rankKinds('Refrigerated trailers')[0][0]).toBe('equipment');
    expect(rankKinds('Forklift drivers')[0][0]).toBe('people');
    expect(rankKinds('Warehouse management system')[0][0]).toBe('application');
    expect(rankKinds('Payroll bureau')[0][0]).toBe('supplier');
    expect(rankKinds('Halifax warehouse')[0][0]).toBe('site');
    expect(rankKinds('Temperature logs')[0][0]).toBe('data');
  });

  it('keeps every kind, each once, in the usual order when nothing hints', () => {
    expect(rankKinds('Zorblax')).toEqual(resourceKinds);
    for (const name of ['', 'Refrigerated trailers', 'a b c', '((']) {
      expect(new Set(rankKinds(name).map(([k]) => k)).size).toBe(resourceKinds.length);
    }
  });
});
