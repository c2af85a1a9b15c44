import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { BiaSettings, InterviewEdit, InterviewView } from '$lib/api';

vi.mock('$lib/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/api')>();
  return { ...actual, api: { editInterview: vi.fn(), biaSettings: vi.fn(), interview: vi.fn() } };
});

import { api, KeelError } from '$lib/api';
import { InterviewState } from './state.svelte';
import { inverseOf } from './undo';
import { interviewView } from './fixtures';

const settings: BiaSettings = {
  categories: [{ id: 1, name: 'Financial', monetary: true, levels: ['a', 'b', 'c', 'd', 'e', 'f'] }],
  buckets: [
    { id: 1, after: 60 },
    { id: 2, after: 240 },
    { id: 3, after: 480 },
  ],
  unacceptable_rating: 4,
  tiers: [{ tier: 1, max_rto: null }],
  currency: 'EUR',
  date_order: null,
};

const view = (over: Partial<InterviewView['interview']> = {}) => interviewView(over);

describe('inverseOf', () => {
  it('puts a whole row back for a rating, earliest bucket first', () => {
    const before = view({ ratings: [{ category_id: 1, bucket_id: 1, rating: 1, quantity: null, rationale: '' }] });
    const edit: InterviewEdit = { kind: 'rating', category_id: 1, bucket_id: 1, rating: 3, rationale: '' };
    expect(inverseOf(before, settings, edit)).toEqual([
      { kind: 'rating', category_id: 1, bucket_id: 1, rating: 1, rationale: '' },
      { kind: 'rating', category_id: 1, bucket_id: 2, rating: null, rationale: '' },
      { kind: 'rating', category_id: 1, bucket_id: 3, rating: null, rationale: '' },
    ]);
  });

  it('restores a duration as the text the core reads back', () => {
    const before = view({ rto: { value: 90, source: '', confidence: null } });
    expect(inverseOf(before, settings, { kind: 'duration', field: 'rto', value: '4h' })).toEqual([
      { kind: 'duration', field: 'rto', value: '1h 30m' },
    ]);
  });

  it('does not undo status changes', () => {
    expect(inverseOf(view(), settings, { kind: 'status', status: 'complete', confirmed_by: '' })).toBeNull();
  });
});

describe('InterviewState', () => {
  beforeEach(() => vi.clearAllMocks());

  async function loaded(): Promise<InterviewState> {
    vi.mocked(api.biaSettings).mockResolvedValue(settings);
    vi.mocked(api.interview).mockResolvedValue(view({ notes: 'old' }));
    const state = new InterviewState(7);
    await state.load();
    return state;
  }

  it('saves edits in order and undoes typing in one field as one step', async () => {
    const state = await loaded();
    vi.mocked(api.editInterview).mockImplementation(async (_id, edits) => {
      const last = edits.at(-1);
      return view({ notes: last?.kind === 'text' ? last.value : '' });
    });
    const typing = ['n', 'ne', 'new'].map((value) =>
      state.apply([{ kind: 'text', field: 'notes', value }], { undoKey: 'notes' }),
    );
    expect(await Promise.all(typing)).toEqual([true, true, true]);
    expect(state.view?.interview.notes).toBe('new');
    expect(vi.mocked(api.editInterview).mock.calls.map(([, edits]) => (edits[0] as { value: string }).value)).toEqual([
      'n',
      'ne',
      'new',
    ]);

    expect(await state.undo()).toBe(true);
    expect(vi.mocked(api.editInterview).mock.calls.at(-1)?.[1]).toEqual([{ kind: 'text', field: 'notes', value: 'old' }]);
    expect(await state.undo()).toBe(false);
  });

  it('undoes a change that withdrew a validation, validation included', async () => {
    const dana = { id: 5, name: 'Dana', role: 'Lead' };
    const validated = view({ status: 'validated', validated_by: 'Morgan Hale', validated_at: '2026-11-01T10:00:00Z', interviewees: [dana] });
    vi.mocked(api.biaSettings).mockResolvedValue(settings);
    vi.mocked(api.interview).mockResolvedValue(validated);
    const state = new InterviewState(7);
    await state.load();
    vi.mocked(api.editInterview).mockResolvedValueOnce(view({ status: 'complete', interviewees: [] }));
    expect(await state.apply([{ kind: 'remove_interviewee', id: 5 }])).toBe(true);
    vi.mocked(api.editInterview).mockResolvedValueOnce(validated);
    expect(await state.undo()).toBe(true);
    expect(api.editInterview).toHaveBeenLastCalledWith(7, [
      { kind: 'add_interviewee', name: 'Dana', role: 'Lead' },
      { kind: 'status', status: 'validated', confirmed_by: 'Morgan Hale' },
    ]);
  });

  it('puts a refusal at its field and clears it once the field is saved', async () => {
    const state = await loaded();
    vi.mocked(api.editInterview).mockRejectedValueOnce(
      new KeelError({ code: 'validation', message: 'x', fields: { rto: 'The RTO (1d) is longer than the MTPD (8h).' } }),
    );
    expect(await state.apply([{ kind: 'duration', field: 'rto', value: '1d' }])).toBe(false);
    expect(state.errors.rto).toContain('longer than the MTPD');
    expect(state.canUndo).toBe(false);

    vi.mocked(api.editInterview).mockResolvedValueOnce(view({ rto: { value: 240, source: '', confidence: null } }));
    expect(await state.apply([{ kind: 'duration', field: 'rto', value: '4h' }])).toBe(true);
    expect(state.errors.rto).toBeUndefined();
    expect(state.canUndo).toBe(true);
  });

  it('shows a value kept as typed, with its reason, until the core accepts one', async () => {
    const state = await loaded();
    const rto = { value: 240, source: '', confidence: null };
    const kept = { field: 'rto', label: 'The RTO', text: '2w', message: 'The RTO (2w) is longer than the MTPD (8h).' };
    vi.mocked(api.editInterview).mockResolvedValueOnce(view({ rto, unresolved: [kept] }));
    expect(await state.apply([{ kind: 'duration', field: 'rto', value: '2w' }])).toBe(true);
    expect(state.shown('rto', '4h')).toBe('2w');
    expect(state.errorAt('rto')).toContain('longer than the MTPD');
    expect(state.shown('rpo', '1h')).toBe('1h');

    vi.mocked(api.editInterview).mockResolvedValueOnce(view({ rto: { ...rto, value: 360 } }));
    expect(await state.apply([{ kind: 'duration', field: 'rto', value: '6h' }])).toBe(true);
    expect(state.shown('rto', '6h')).toBe('6h');
    expect(state.errorAt('rto')).toBeUndefined();
  });
});

describe('undo of list edits', () => {
  it('removes an interviewee that was added, by the id the core gave it', () => {
    const before = view();
    const after = view({ interviewees: [{ id: 42, name: 'Dana', role: 'Lead' }] });
    expect(inverseOf(before, settings, { kind: 'add_interviewee', name: 'Dana', role: 'Lead' }, after)).toEqual([
      { kind: 'remove_interviewee', id: 42 },
    ]);
  });

  it('puts a removed resource back with its amounts', () => {
    const before = {
      ...view(),
      resources: [
        {
          resource: { id: 3, name: 'Drivers', kind: 'people' as const },
          amounts: [{ bucket_id: 1, quantity: 25 }],
        },
      ],
    };
    expect(inverseOf(before, settings, { kind: 'remove_resource', resource_id: 3 }, view())).toEqual([
      { kind: 'add_resource', resource_id: 3, name: 'Drivers', resource_kind: 'people' },
      { kind: 'resource_amount', resource_id: 3, bucket_id: 1, value: '25' },
    ]);
  });
});
