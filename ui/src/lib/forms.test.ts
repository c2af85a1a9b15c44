import { describe, expect, it } from 'vitest';
import { clearSent, copyOf, refreshUntouched, unchangedSince } from './forms';

describe('refreshUntouched', () => {
  const shown = { organisation: 'Old', scope: '' };
  it('takes the stored values where nothing was typed', () => {
    expect(refreshUntouched({ ...shown }, shown, { organisation: 'New', scope: 'x' })).toEqual({ organisation: 'New', scope: 'x' });
  });
  it('keeps what was typed while the values were being read', () => {
    const typed = { organisation: 'Old', scope: 'F' };
    expect(refreshUntouched(typed, shown, { organisation: 'New', scope: '' })).toEqual({ organisation: 'New', scope: 'F' });
  });
});

describe('clearSent', () => {
  const sent = { name: 'Payroll', role: 'Clerk', level: 'normal' };
  it('clears the fields that still hold what was sent', () => {
    expect(clearSent({ ...sent }, sent, { name: '', role: '' })).toEqual({ name: '', role: '', level: 'normal' });
  });
  it('keeps a field typed in after it was sent', () => {
    expect(clearSent({ ...sent, name: 'Pay' }, sent, { name: '', role: '' })).toEqual({ name: 'Pay', role: '', level: 'normal' });
  });
  it('leaves alone the fields it is not told to clear', () => {
    expect(clearSent({ ...sent, level: 'minimum' }, sent, { name: '' }).level).toBe('minimum');
  });
});

describe('copyOf and unchangedSince', () => {
  it('tell whether anything was typed since a form was sent', () => {
    const form = { rows: [{ name: 'Ana' }] };
    const sent = copyOf(form);
    expect(unchangedSince(form, sent)).toBe(true);
    form.rows[0].name = 'Anna';
    expect(sent.rows[0].name).toBe('Ana');
    expect(unchangedSince(form, sent)).toBe(false);
    form.rows[0].name = 'Ana';
    form.rows.push({ name: '' });
    expect(unchangedSince(form, sent)).toBe(false);
  });
});
