import { describe, expect, it } from 'vitest';
import {
  MAX_FIT,
  MAX_ZOOM,
  MIN_ZOOM,
  PROJECTOR,
  READABLE_PX,
  SMALLEST_TEXT,
  arrowStep,
  centreOn,
  fitZoom,
  fitsReadably,
  isDrag,
  movedBy,
  panned,
  zoomIn,
  zoomOut,
} from './geometry';

describe('map geometry', () => {
  it('moves by 10 with an arrow, 40 with Shift, and ignores other keys', () => {
    expect(arrowStep('ArrowLeft', false)).toEqual([-10, 0]);
    expect(arrowStep('ArrowDown', true)).toEqual([0, 40]);
    expect(arrowStep('a', false)).toBeNull();
  });

  it('keeps a moved node off the top and left edges', () => {
    expect(movedBy({ x: 5, y: 30 }, -20, -10)).toEqual({ x: 0, y: 20 });
  });

  it('takes a press for a drag only past a few pixels', () => {
    expect(isDrag(2, 1)).toBe(false);
    expect(isDrag(2, 2)).toBe(true);
  });

  it('never zooms out past readable text, and fits no larger than MAX_FIT', () => {
    expect(MIN_ZOOM * SMALLEST_TEXT).toBeCloseTo(READABLE_PX);
    expect(zoomOut(MIN_ZOOM + 0.05)).toBe(MIN_ZOOM);
    expect(zoomIn(1.95)).toBe(MAX_ZOOM);
    expect(fitZoom({ width: 2000, height: 2000 }, { width: 200, height: 100 })).toBe(MAX_FIT);
    expect(fitZoom({ width: 500, height: 500 }, { width: 4000, height: 300 })).toBe(MIN_ZOOM);
    expect(fitZoom({ width: 1024, height: 824 }, { width: 1000, height: 1000 })).toBe(MIN_ZOOM);
    expect(fitZoom({ width: 1024, height: 1024 }, { width: 1000, height: 800 })).toBeCloseTo(1);
    // On the projector the smallest text is never under 24 px, and a short chain is larger.
    expect(fitZoom({ width: 1024, height: 824 }, { width: 1000, height: 1000 }, PROJECTOR) * PROJECTOR.small).toBeCloseTo(24);
    expect(fitZoom({ width: 2000, height: 2000 }, { width: 200, height: 100 }, PROJECTOR)).toBe(PROJECTOR.most);
  });

  it('tells whether a drawing fits whole with readable text', () => {
    expect(fitsReadably({ width: 1024, height: 824 }, { width: 1000, height: 800 })).toBe(true);
    expect(fitsReadably({ width: 640, height: 824 }, { width: 1000, height: 800 })).toBe(false);
  });

  it('fits anything it is given: the zoom is readable, and the drawing fits when it can', () => {
    // Property-style: many random sizes, one rule.
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 500; i++) {
      const view = { width: 200 + rnd() * 2000, height: 200 + rnd() * 1200 };
      const content = { width: 50 + rnd() * 5000, height: 50 + rnd() * 3000 };
      const z = fitZoom(view, content);
      expect(z).toBeGreaterThanOrEqual(MIN_ZOOM);
      expect(z).toBeLessThanOrEqual(MAX_FIT);
      expect(z * SMALLEST_TEXT).toBeGreaterThanOrEqual(READABLE_PX - 1e-9);
      if (fitsReadably(view, content)) {
        expect(content.width * z).toBeLessThanOrEqual(view.width);
        expect(content.height * z).toBeLessThanOrEqual(view.height);
      }
    }
  });

  it('centres on a rectangle', () => {
    const bounds = { left: 70, right: 1270, top: 0, bottom: 144 };
    expect(centreOn(bounds, { width: 640, height: 400 }, 0.5)).toEqual({ left: 670 * 0.5 - 320, top: 72 * 0.5 - 200 });
  });

  it('pans by the arrow keys, further with Shift, within the scrollable room', () => {
    const most = { left: 500, top: 300 };
    expect(panned('ArrowRight', false, { left: 0, top: 0 }, most)).toEqual({ left: 60, top: 0 });
    expect(panned('ArrowDown', true, { left: 0, top: 100 }, most)).toEqual({ left: 0, top: 300 });
    expect(panned('ArrowLeft', false, { left: 20, top: 0 }, most)).toEqual({ left: 0, top: 0 });
    expect(panned('Enter', false, { left: 0, top: 0 }, most)).toBeNull();
  });
});
