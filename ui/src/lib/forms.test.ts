import { describe, expect, it } from 'vitest';
import { refreshUntouched } from './forms';

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
