import { describe, expect, test } from 'vitest';
// Importing it runs its side effect against node's globals: no Media Source there, so nothing loads.
import { startHlsEarly } from '../../../src/player/hls-early.ts';

describe('startHlsEarly', () => {
  test('asks for hls.js where some Media Source exists', () => {
    for (const scope of [{ MediaSource: class {} }, { ManagedMediaSource: class {} }, { WebKitMediaSource: class {} }]) {
      const calls: number[] = [];
      expect(startHlsEarly(scope, () => (calls.push(1), Promise.resolve()))).toBe(true);
      expect(calls).toHaveLength(1);
    }
  });

  test('asks for nothing without Media Source (native HLS or none: hls.js can never run)', () => {
    let called = false;
    expect(startHlsEarly({}, () => ((called = true), Promise.resolve()))).toBe(false);
    expect(called).toBe(false);
  });

  test('a failed load is swallowed here (the player retries it and reports its own error)', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      expect(startHlsEarly({ MediaSource: class {} }, () => Promise.reject(new Error('chunk 404')))).toBe(true);
      await new Promise((r) => setTimeout(r, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
