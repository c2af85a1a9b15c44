import { describe, expect, it } from 'vitest';
import { formatDuration, parseShown } from './duration';

describe('formatDuration', () => {
  it('shows what the core shows (src/domain/duration.rs, display_is_short_and_exact)', () => {
    expect(formatDuration(0)).toBe('0m');
    expect(formatDuration(90)).toBe('1h 30m');
    expect(formatDuration(240)).toBe('4h');
    expect(formatDuration(2160)).toBe('1d 12h');
    expect(formatDuration(7 * 1440)).toBe('1w');
    expect(formatDuration(30 * 1440)).toBe('1mo');
    expect(formatDuration(3 * 1440)).toBe('3d');
  });

  it('shows nothing for no duration', () => {
    expect(formatDuration(null)).toBe('');
  });
});

describe('parseShown', () => {
  it('reads back what formatDuration shows', () => {
    for (const minutes of [0, 45, 90, 240, 2160, 7 * 1440, 30 * 1440, 3 * 1440 + 75]) {
      expect(parseShown(formatDuration(minutes))).toBe(minutes);
    }
  });

  it('is null for what is not a shown duration', () => {
    expect(parseShown('')).toBeNull();
    expect(parseShown('half a day')).toBeNull();
    expect(parseShown('TBD')).toBeNull();
  });
});
