import { describe, expect, test } from 'vitest';
import {
  BARRAGE_SETTINGS_KEY,
  DEFAULT_BARRAGE_SETTINGS,
  loadBarrageSettings,
  saveBarrageSettings,
  validateBarrageSettings,
  type SettingsStorage,
} from '../../../src/barrage/barrage-settings.ts';

function memory(initial: Record<string, string> = {}): SettingsStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

describe('validateBarrageSettings', () => {
  test('defaults for nothing', () => {
    expect(validateBarrageSettings(undefined)).toEqual(DEFAULT_BARRAGE_SETTINGS);
    expect(validateBarrageSettings('nope')).toEqual(DEFAULT_BARRAGE_SETTINGS);
  });

  test.each([
    [{ opacity: 0 }, { opacity: 0.2 }],
    [{ opacity: 7 }, { opacity: 1 }],
    [{ opacity: 0.55 }, { opacity: 0.55 }],
    [{ speed: 1 }, { speed: 4 }],
    [{ speed: 99 }, { speed: 16 }],
    [{ speed: '12' }, { speed: 12 }],
    [{ fontSize: 8 }, { fontSize: 14 }],
    [{ fontSize: 40 }, { fontSize: 32 }],
    [{ fontSize: 23.6 }, { fontSize: 24 }],
    [{ area: 'third' }, { area: 'third' }],
    [{ enabled: false }, { enabled: false }],
  ])('%j → %j', (input, expected) => {
    expect(validateBarrageSettings(input)).toEqual({ ...DEFAULT_BARRAGE_SETTINGS, ...expected });
  });

  test.each([{ opacity: NaN }, { speed: Infinity }, { fontSize: null }, { area: 'bottom' }, { enabled: 'yes' }, { speed: '' }])(
    'wrong value %j keeps the base value',
    (input) => {
      const base = { ...DEFAULT_BARRAGE_SETTINGS, opacity: 0.5, speed: 10, fontSize: 18, area: 'full' as const, enabled: false };
      expect(validateBarrageSettings(input, base)).toEqual(base);
    },
  );
});

describe('persistence', () => {
  test('saves under one key and loads back', () => {
    const storage = memory();
    const settings = { ...DEFAULT_BARRAGE_SETTINGS, opacity: 0.6, area: 'third' as const };
    expect(saveBarrageSettings(settings, storage)).toBe(true);
    expect(Object.keys(storage.data)).toEqual([BARRAGE_SETTINGS_KEY]);
    expect(loadBarrageSettings(storage)).toEqual(settings);
  });

  test('stored values are validated on the way in', () => {
    const storage = memory({ [BARRAGE_SETTINGS_KEY]: JSON.stringify({ opacity: 5, fontSize: 'huge', area: 'full' }) });
    expect(loadBarrageSettings(storage)).toEqual({ ...DEFAULT_BARRAGE_SETTINGS, opacity: 1, area: 'full' });
  });

  test.each(['{broken', 'null', '[]', '42', 'x'.repeat(5000)])('broken stored value %s → defaults', (raw) => {
    expect(loadBarrageSettings(memory({ [BARRAGE_SETTINGS_KEY]: raw }))).toEqual(DEFAULT_BARRAGE_SETTINGS);
  });

  test('blocked or full storage never throws', () => {
    const throwing: SettingsStorage = {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(loadBarrageSettings(throwing)).toEqual(DEFAULT_BARRAGE_SETTINGS);
    expect(saveBarrageSettings(DEFAULT_BARRAGE_SETTINGS, throwing)).toBe(false);
    expect(loadBarrageSettings(null)).toEqual(DEFAULT_BARRAGE_SETTINGS);
    expect(saveBarrageSettings(DEFAULT_BARRAGE_SETTINGS, null)).toBe(false);
  });

  test('the default storage (whatever this runtime has, if anything) never throws', () => {
    expect(() => loadBarrageSettings()).not.toThrow();
    expect(typeof saveBarrageSettings(DEFAULT_BARRAGE_SETTINGS)).toBe('boolean');
  });
});
