import { describe, expect, it } from 'vitest';
import type { Inject } from '$lib/api';
import { addInject, changed, draftsOf, injectErrors, inputsOf, redraft, removeInject } from './injects';

const stored: Inject[] = [
  { number: 1, offset_min: 0, text: 'The WMS is down', expected: ['Assess the impact', 'Decide whether to invoke'], activity: '' },
  { number: 2, offset_min: 240, text: 'Picking has been down 4h', expected: ['Recover the WMS'], activity: 'Order picking and packing' },
];

describe('editing injects', () => {
  it('shows each with its time after T+0 and its expected actions one per line', () => {
    const drafts = draftsOf(stored);
    expect(drafts.map((d) => [d.offset, d.expected])).toEqual([
      ['T+0', 'Assess the impact\nDecide whether to invoke'],
      ['T+4h', 'Recover the WMS'],
    ]);
    expect(new Set(drafts.map((d) => d.key)).size).toBe(2);
  });

  it('sends them back as typed, blank lines of expected actions left out', () => {
    const drafts = draftsOf(stored);
    drafts[1].expected = 'Recover the WMS\n\n  Call the supplier  \n';
    drafts[1].offset = 'T+3h';
    expect(inputsOf(drafts)[1]).toEqual({
      offset: 'T+3h',
      text: 'Picking has been down 4h',
      expected: ['Recover the WMS', 'Call the supplier'],
      activity: 'Order picking and packing',
    });
    expect(changed(drafts, stored)).toBe(true);
    expect(changed(draftsOf(stored), stored)).toBe(false);
  });

  it('adds an empty inject after the one chosen, at its time, or at the end', () => {
    const drafts = draftsOf(stored);
    const after = addInject(drafts, 0);
    expect(after.index).toBe(1);
    expect(after.drafts.map((d) => d.offset)).toEqual(['T+0', 'T+0', 'T+4h']);
    const end = addInject(drafts);
    expect(end.index).toBe(2);
    expect(end.drafts[2]).toMatchObject({ offset: 'T+4h', text: '', expected: '' });
    expect(addInject([]).drafts).toMatchObject([{ offset: 'T+0' }]);
  });

  it('removes one', () => {
    const drafts = draftsOf(stored);
    expect(removeInject(drafts, 0).map((d) => d.text)).toEqual(['Picking has been down 4h']);
  });

  it('puts what the core refused at the inject and field it names', () => {
    expect(
      injectErrors({ 'injects.1.offset': 'Inject 2: The time after the start: “soon” …', 'injects.1.text': 'Inject 2: What happens is required.', injects: 'At most 500.' }),
    ).toEqual({ 1: { offset: 'Inject 2: The time after the start: “soon” …', text: 'Inject 2: What happens is required.' }, '': 'At most 500.' });
  });

  it('keeps each row’s key when the saved injects come back in time order', () => {
    const sent = draftsOf(stored);
    sent[0].offset = '5h';
    sent[0].text = ' The WMS is down ';
    const answer: Inject[] = [
      { ...stored[1], number: 1 },
      { ...stored[0], number: 2, offset_min: 300 },
    ];
    const after = redraft(sent, answer);
    expect(after.map((d) => [d.key, d.offset, d.text])).toEqual([
      [sent[1].key, 'T+4h', 'Picking has been down 4h'],
      [sent[0].key, 'T+5h', 'The WMS is down'],
    ]);
  });

  it('gives a new key to an inject no draft matches, and each draft’s key only once', () => {
    const sent = draftsOf([stored[0], stored[0]]);
    const after = redraft(sent, [stored[0], stored[0], stored[1]]);
    expect(after.slice(0, 2).map((d) => d.key)).toEqual([sent[0].key, sent[1].key]);
    expect(sent.map((d) => d.key)).not.toContain(after[2].key);
  });

  it('matches two injects alike but for their time by their time', () => {
    const sent = draftsOf([
      { ...stored[0], offset_min: 240 },
      { ...stored[0], offset_min: 60 },
    ]);
    const after = redraft(sent, [
      { ...stored[0], number: 1, offset_min: 60 },
      { ...stored[0], number: 2, offset_min: 240 },
    ]);
    expect(after.map((d) => [d.key, d.offset])).toEqual([
      [sent[1].key, 'T+1h'],
      [sent[0].key, 'T+4h'],
    ]);
  });
});
