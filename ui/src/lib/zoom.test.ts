import { describe, expect, it } from 'vitest';
import { ZOOM_STEPS, storedZoom, zoomAfter, zoomMove } from './zoom';

const key = (k: string, mods: Partial<KeyboardEvent> = { ctrlKey: true }) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('zoom', () => {
  it('reads Ctrl+= / Ctrl++ / Ctrl+- / Ctrl+0, and nothing without Ctrl or with Alt', () => {
    expect(zoomMove(key('='))).toBe('in');
    expect(zoomMove(key('+'))).toBe('in');
    expect(zoomMove(key('-'))).toBe('out');
    expect(zoomMove(key('0'))).toBe('reset');
    expect(zoomMove(key('=', { ctrlKey: false }))).toBeNull();
    expect(zoomMove(key('0', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(zoomMove(key('1'))).toBeNull();
  });

  it('steps up and down within its bounds, and back to 100%', () => {
    expect(zoomAfter(1, 'in')).toBe(1.1);
    expect(zoomAfter(1, 'out')).toBe(0.9);
    expect(zoomAfter(ZOOM_STEPS.at(-1)!, 'in')).toBe(ZOOM_STEPS.at(-1));
    expect(zoomAfter(ZOOM_STEPS[0], 'out')).toBe(ZOOM_STEPS[0]);
    expect(zoomAfter(1.5, 'reset')).toBe(1);
    expect(zoomAfter(1.3, 'in')).toBe(1.5);
  });

  it('takes only a stored step', () => {
    expect(storedZoom('1.25')).toBe(1.25);
    expect(storedZoom('7')).toBe(1);
    expect(storedZoom(null)).toBe(1);
    expect(storedZoom('abc')).toBe(1);
  });
});
