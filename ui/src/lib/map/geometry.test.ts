import { describe, expect, it } from 'vitest';
import { arrowStep, centreOn, fitZoom, isDrag, movedBy, pathBounds, zoomIn, zoomOut, zoomToFit } from './geometry';

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

  it('zooms between 30% and 200%, and fits no larger than 100%', () => {
    expect(zoomOut(0.35)).toBe(0.3);
    expect(zoomIn(1.95)).toBe(2);
    expect(fitZoom(2000, 900)).toBe(1);
    expect(fitZoom(500, 2000)).toBe(0.3);
    expect(fitZoom(1000, 1000)).toBeCloseTo(980 / 1070);
  });

  it('zooms out to show a whole path, and centres on it', () => {
    const bounds = pathBounds(
      [
        { x: 0, y: 0 },
        { x: 1000, y: 100 },
      ],
      { width: 200, height: 44 },
    );
    expect(bounds).toEqual({ left: 70, right: 1270, top: 0, bottom: 144 });
    const view = { width: 640, height: 400 };
    expect(zoomToFit(bounds, view, 1)).toBeCloseTo(600 / 1200);
    expect(zoomToFit(bounds, view, 0.4)).toBe(0.4);
    expect(zoomToFit(bounds, { width: 100, height: 400 }, 1)).toBe(0.3);
    expect(centreOn(bounds, view, 0.5)).toEqual({ left: 670 * 0.5 - 320, top: 72 * 0.5 - 200 });
  });
});
