import { describe, expect, test } from 'vitest';
import {
  decideHlsError,
  decideNativeError,
  DEFAULT_RECOVERY_LIMITS,
  FRESH_BUDGET,
  MEDIA_ERR,
  refillBudget,
  spendBudget,
  type ErrorDecision,
  type HlsErrorFacts,
  type RecoveryBudget,
} from '../../../src/player/error-policy.ts';

const fatal = (type: string, details: string): HlsErrorFacts => ({ type, details, fatal: true });
const live = { live: true, started: false };
const liveStarted = { live: true, started: true };

describe('decideHlsError', () => {
  test('non-fatal errors are left to hls.js', () => {
    expect(decideHlsError({ type: 'networkError', details: 'fragLoadError', fatal: false }, liveStarted, FRESH_BUDGET).action).toBe(
      'ignore',
    );
  });

  test.each(['manifestLoadError', 'manifestLoadTimeOut', 'manifestParsingError', 'levelEmptyError', 'levelLoadError', 'levelLoadTimeOut'])(
    'live, not started, %s → wait for the stream quietly',
    (details) => {
      expect(decideHlsError(fatal('networkError', details), live, FRESH_BUDGET)).toEqual({ action: 'wait-for-stream' });
    },
  );

  test('a replay whose playlist is missing is an error, not a wait', () => {
    const d = decideHlsError(fatal('networkError', 'manifestLoadError'), { live: false, started: false }, FRESH_BUDGET);
    expect(d).toMatchObject({ action: 'give-up', error: { reason: 'stream-unavailable' } });
  });

  test('once started, a playlist error is a network error to recover', () => {
    expect(decideHlsError(fatal('networkError', 'levelLoadError'), liveStarted, FRESH_BUDGET).action).toBe('recover-network');
  });

  test('network: startLoad up to the limit, then give up with reason network', () => {
    let used: RecoveryBudget = FRESH_BUDGET;
    const actions: string[] = [];
    for (let i = 0; i < 5; i++) {
      const d = decideHlsError(fatal('networkError', 'fragLoadError'), liveStarted, used);
      actions.push(d.action);
      used = spendBudget(used, d.action, i);
    }
    expect(actions).toEqual(['recover-network', 'recover-network', 'recover-network', 'give-up', 'give-up']);
    const last = decideHlsError(fatal('networkError', 'fragLoadError'), liveStarted, used);
    expect(last).toMatchObject({ error: { reason: 'network', message: expect.stringContaining('fragLoadError') } });
  });

  test('media: recoverMediaError twice, then swap audio codec once, then give up', () => {
    let used: RecoveryBudget = FRESH_BUDGET;
    const actions: ErrorDecision['action'][] = [];
    for (let i = 0; i < 5; i++) {
      const d = decideHlsError(fatal('mediaError', 'bufferAppendError'), liveStarted, used);
      actions.push(d.action);
      used = spendBudget(used, d.action, i);
    }
    expect(actions).toEqual(['recover-media', 'recover-media', 'swap-codec-and-recover', 'give-up', 'give-up']);
    expect(used).toMatchObject({ media: 2, swapped: true, network: 0 });
  });

  test('custom limits are honoured', () => {
    const limits = { ...DEFAULT_RECOVERY_LIMITS, media: 0, network: 1 };
    expect(decideHlsError(fatal('mediaError', 'x'), liveStarted, FRESH_BUDGET, limits).action).toBe('swap-codec-and-recover');
    const used = spendBudget(FRESH_BUDGET, 'recover-network', 0);
    expect(decideHlsError(fatal('networkError', 'x'), liveStarted, used, limits).action).toBe('give-up');
  });

  test('incompatible codecs cannot be recovered', () => {
    const d = decideHlsError(fatal('mediaError', 'manifestIncompatibleCodecsError'), liveStarted, FRESH_BUDGET);
    expect(d).toMatchObject({ action: 'give-up', error: { reason: 'unsupported' } });
  });

  test.each(['muxError', 'otherError', 'keySystemError'])('%s gives up with reason other', (type) => {
    expect(decideHlsError(fatal(type, 'internalException'), liveStarted, FRESH_BUDGET)).toMatchObject({
      action: 'give-up',
      error: { reason: 'other' },
    });
  });
});

describe('decideNativeError', () => {
  test('live before metadata: any error means not started', () => {
    for (const code of [MEDIA_ERR.network, MEDIA_ERR.decode, MEDIA_ERR.srcNotSupported]) {
      expect(decideNativeError(code, live, FRESH_BUDGET).action).toBe('wait-for-stream');
    }
  });

  test('replay before metadata: unavailable or undecodable', () => {
    const vod = { live: false, started: false };
    expect(decideNativeError(MEDIA_ERR.srcNotSupported, vod, FRESH_BUDGET)).toMatchObject({ error: { reason: 'stream-unavailable' } });
    expect(decideNativeError(MEDIA_ERR.decode, vod, FRESH_BUDGET)).toMatchObject({ error: { reason: 'media' } });
  });

  test('after start: bounded reloads, then give up', () => {
    let used: RecoveryBudget = FRESH_BUDGET;
    const actions: string[] = [];
    for (let i = 0; i < 4; i++) {
      const d = decideNativeError(MEDIA_ERR.network, liveStarted, used);
      actions.push(d.action);
      used = spendBudget(used, d.action, i);
    }
    expect(actions).toEqual(['recover-network', 'recover-network', 'recover-network', 'give-up']);
    expect(decideNativeError(MEDIA_ERR.decode, liveStarted, FRESH_BUDGET).action).toBe('recover-media');
    expect(decideNativeError(MEDIA_ERR.srcNotSupported, liveStarted, FRESH_BUDGET)).toMatchObject({ error: { reason: 'unsupported' } });
    expect(decideNativeError(MEDIA_ERR.aborted, liveStarted, FRESH_BUDGET).action).toBe('ignore');
  });
});

describe('recovery budget', () => {
  test('spending records the playhead; ignore/give-up spend nothing', () => {
    expect(spendBudget(FRESH_BUDGET, 'recover-media', 12.5)).toEqual({ network: 0, media: 1, swapped: false, markTime: 12.5 });
    expect(spendBudget(FRESH_BUDGET, 'ignore', 3)).toBe(FRESH_BUDGET);
    expect(spendBudget(FRESH_BUDGET, 'give-up', 3)).toBe(FRESH_BUDGET);
  });

  test('refills only after enough media time has played since the last recovery', () => {
    const used = spendBudget(spendBudget(FRESH_BUDGET, 'recover-media', 20), 'recover-media', 21);
    expect(refillBudget(used, 22)).toBe(used);
    expect(refillBudget(used, 30.9)).toBe(used);
    expect(refillBudget(used, 31)).toBe(FRESH_BUDGET);
    // A seek backwards is not progress.
    expect(refillBudget(used, 5)).toBe(used);
    expect(refillBudget(FRESH_BUDGET, 1000)).toBe(FRESH_BUDGET);
  });
});
