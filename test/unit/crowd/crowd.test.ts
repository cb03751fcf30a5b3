/**
 * The crowd simulator under fake timers with a seeded random: rates, the mix of languages, gifts
 * and priorities, viewer churn, flood totals and bounds, determinism, and that stop() leaves no
 * timer and no viewer behind.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CROWD_DEFAULTS, FLOOD_SENDERS, MAX_FLOOD_RATE, createCrowd, type CrowdOptions } from '../../../demo/server/crowd.ts';
import { LINES } from '../../../demo/server/crowd-lines.ts';
import type { CrowdApi, CrowdPriority } from '../../../demo/server/hooks.ts';
import { seeded as mulberry32 } from '../../../demo/tools/seeded-random.ts';

const catalog = JSON.parse(readFileSync(new URL('../../../demo/public/gifts/catalog.json', import.meta.url), 'utf8')) as Array<{
  id: string;
  type: number;
}>;
const catalogIds = new Set(catalog.map((g) => g.id));
const allLines = new Set(Object.values(LINES).flat());

type Call =
  | { op: 'join'; user: string; nick: string; level: number }
  | { op: 'leave'; user: string }
  | { op: 'text'; user: string; text: string }
  | { op: 'like'; user: string; count: number }
  | { op: 'gift'; user: string; giftId: string; count: number }
  | { op: 'custom'; user: string; data: string; priority: CrowdPriority };

/** A CrowdApi that records calls and checks that only members speak. */
function recorder() {
  const calls: Call[] = [];
  const members = new Set<string>();
  const strangers: string[] = [];
  const speak = (user: string) => {
    if (!members.has(user)) strangers.push(user);
  };
  const api: CrowdApi = {
    join: (user, nick, level) => {
      members.add(user);
      calls.push({ op: 'join', user, nick, level });
    },
    leave: (user) => {
      if (!members.delete(user)) strangers.push(user);
      calls.push({ op: 'leave', user });
    },
    sendText: (user, text) => (speak(user), calls.push({ op: 'text', user, text })),
    sendLike: (user, count) => (speak(user), calls.push({ op: 'like', user, count })),
    sendGift: (user, giftId, count) => (speak(user), calls.push({ op: 'gift', user, giftId, count })),
    sendCustom: (user, data, priority) => (speak(user), calls.push({ op: 'custom', user, data, priority })),
  };
  const count = (op: Call['op']) => calls.filter((c) => c.op === op).length;
  const sends = () => calls.filter((c) => c.op !== 'join' && c.op !== 'leave').length;
  return { api, calls, members, strangers, count, sends };
}

function crowd(extra: Partial<CrowdOptions> = {}) {
  const rec = recorder();
  const c = createCrowd({ roomId: 'room-1', api: rec.api, random: mulberry32(42), ...extra });
  return { rec, c };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('ambient crowd', () => {
  it('keeps the default rates: ≈ 6 texts/s, ≈ 40 like bursts and ≈ 12 gifts per minute', () => {
    const { rec, c } = crowd();
    c.start();
    vi.advanceTimersByTime(60_000);
    expect(rec.count('text')).toBeGreaterThan(CROWD_DEFAULTS.textsPerSecond * 60 * 0.93);
    expect(rec.count('text')).toBeLessThan(CROWD_DEFAULTS.textsPerSecond * 60 * 1.07);
    expect(rec.count('like')).toBeGreaterThanOrEqual(36);
    expect(rec.count('like')).toBeLessThanOrEqual(44);
    expect(rec.count('gift')).toBeGreaterThanOrEqual(10);
    expect(rec.count('gift')).toBeLessThanOrEqual(14);
    expect(rec.count('custom')).toBe(0);
    c.stop();
  });

  it('follows configured rates', () => {
    const { rec, c } = crowd({ textsPerSecond: 1, likeBurstsPerMinute: 0, giftsPerMinute: 60 });
    c.start();
    vi.advanceTimersByTime(30_000);
    expect(rec.count('text')).toBeGreaterThanOrEqual(27);
    expect(rec.count('text')).toBeLessThanOrEqual(33);
    expect(rec.count('like')).toBe(0);
    expect(rec.count('gift')).toBeGreaterThanOrEqual(27);
    expect(rec.count('gift')).toBeLessThanOrEqual(33);
    c.stop();
  });

  it('does not burst: no second of the minute carries more than twice the mean text rate', () => {
    const { rec, c } = crowd();
    c.start();
    const perSecond: number[] = [];
    for (let s = 0; s < 60; s++) {
      const before = rec.count('text');
      vi.advanceTimersByTime(1_000);
      perSecond.push(rec.count('text') - before);
    }
    expect(Math.max(...perSecond)).toBeLessThanOrEqual(12);
    expect(Math.min(...perSecond)).toBeGreaterThanOrEqual(2);
    c.stop();
  });

  it('chats in English, Korean and Chinese from the lines file, with emoji', () => {
    const { rec, c } = crowd();
    c.start();
    vi.advanceTimersByTime(60_000);
    const texts = rec.calls.flatMap((x) => (x.op === 'text' ? [x.text] : []));
    expect(texts.every((t) => allLines.has(t))).toBe(true);
    expect(texts.some((t) => /[\uac00-\ud7a3]/.test(t))).toBe(true);
    expect(texts.some((t) => /[\u4e00-\u9fff]/.test(t))).toBe(true);
    expect(texts.some((t) => /^[\x20-\x7e]*[a-z]{3}/i.test(t))).toBe(true);
    expect(texts.some((t) => /\p{Extended_Pictographic}/u.test(t))).toBe(true);
    c.stop();
  });

  it('gifts only catalog ids, mostly cheap ones, with full-screen effects among them', () => {
    const { rec, c } = crowd();
    c.start();
    vi.advanceTimersByTime(300_000);
    const gifts = rec.calls.flatMap((x) => (x.op === 'gift' ? [x] : []));
    expect(gifts.length).toBeGreaterThan(50);
    expect(gifts.every((g) => catalogIds.has(g.giftId) && g.count >= 1)).toBe(true);
    const typeOf = (id: string) => catalog.find((g) => g.id === id)?.type;
    const byType = [1, 2, 3].map((t) => gifts.filter((g) => typeOf(g.giftId) === t).length);
    expect(byType[0]).toBeGreaterThan(byType[1] as number);
    expect(byType[1]).toBeGreaterThan(0);
    expect(byType[2]).toBeGreaterThan(0);
    // Like bursts carry aggregated counts, not single taps.
    const likes = rec.calls.flatMap((x) => (x.op === 'like' ? [x.count] : []));
    expect(Math.max(...likes)).toBeGreaterThan(1);
    c.stop();
  });

  it('fills the room to the viewer target, churns it, and only members speak', () => {
    const { rec, c } = crowd({ viewers: 30 });
    c.start();
    expect(c.present).toBe(5); // a handful at once
    vi.advanceTimersByTime(10_000);
    expect(c.present).toBe(30);
    vi.advanceTimersByTime(290_000);
    expect(c.present).toBe(30);
    expect(rec.count('leave')).toBeGreaterThan(20); // ~ 30 viewers × 290 s / 90 s
    expect(rec.count('join')).toBe(30 + rec.count('leave'));
    expect(rec.strangers).toEqual([]);
    const joins = rec.calls.flatMap((x) => (x.op === 'join' ? [x] : []));
    expect(new Set(joins.map((j) => j.user)).size).toBe(joins.length);
    for (const j of joins) {
      expect(new TextEncoder().encode(j.user).length).toBeLessThanOrEqual(32);
      expect(j.user).toMatch(/^[A-Za-z0-9_]+$/);
      expect(j.level).toBeGreaterThanOrEqual(1);
      expect(j.level).toBeLessThanOrEqual(60);
      expect(j.nick.length).toBeGreaterThan(0);
    }
    expect(new Set(joins.map((j) => j.level)).size).toBeGreaterThan(5);
    c.stop();
  });

  it('gives bots of different rooms different ids', () => {
    const a = crowd({ roomId: 'room-a' });
    const b = crowd({ roomId: 'room-b' });
    a.c.start();
    b.c.start();
    const ids = (r: ReturnType<typeof recorder>) => new Set(r.calls.flatMap((x) => (x.op === 'join' ? [x.user] : [])));
    const shared = [...ids(a.rec)].filter((id) => ids(b.rec).has(id));
    expect(shared).toEqual([]);
    a.c.stop();
    b.c.stop();
  });

  it('is deterministic for a given seed', () => {
    const runs = [1, 2].map(() => {
      const { rec, c } = crowd();
      c.start();
      vi.advanceTimersByTime(20_000);
      c.flood(50, 2);
      vi.advanceTimersByTime(5_000);
      c.stop();
      return rec.calls;
    });
    expect(runs[0]).toEqual(runs[1]);
    const other = crowd({ random: mulberry32(7) });
    other.c.start();
    vi.advanceTimersByTime(20_000);
    other.c.stop();
    expect(other.rec.calls.slice(0, 200)).not.toEqual((runs[0] as Call[]).slice(0, 200));
  });
});

describe('stop()', () => {
  it('clears every timer, makes every viewer leave, and nothing happens afterwards', () => {
    const { rec, c } = crowd();
    c.start();
    c.flood(200, 30);
    vi.advanceTimersByTime(5_000);
    expect(vi.getTimerCount()).toBe(2);
    expect(c.running).toBe(true);
    expect(c.flooding).toBe(true);
    c.stop();
    expect(vi.getTimerCount()).toBe(0);
    expect(c.running).toBe(false);
    expect(c.flooding).toBe(false);
    expect(c.present).toBe(0);
    expect(rec.members.size).toBe(0);
    const n = rec.calls.length;
    vi.advanceTimersByTime(60_000);
    expect(rec.calls.length).toBe(n);
    c.stop(); // idempotent
    expect(rec.calls.length).toBe(n);
    expect(rec.strangers).toEqual([]);
  });

  it('can start again after stopping, and start twice is one crowd', () => {
    const { rec, c } = crowd();
    c.start();
    c.start();
    expect(vi.getTimerCount()).toBe(1);
    c.stop();
    c.start();
    vi.advanceTimersByTime(10_000);
    expect(rec.count('text')).toBeGreaterThan(40);
    c.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('uses the injected timer functions', () => {
    const live = new Map<number, () => void>();
    let next = 0;
    const { rec, c } = crowd({
      setTimer: (fn) => (live.set(++next, fn), next),
      clearTimer: (h) => live.delete(h as number),
    });
    c.start();
    expect(live.size).toBe(1);
    for (let i = 0; i < 100; i++) for (const fn of live.values()) fn(); // 100 ticks = 10 s
    expect(rec.count('text')).toBeGreaterThan(40);
    expect(vi.getTimerCount()).toBe(0);
    c.stop();
    expect(live.size).toBe(0);
  });
});

describe('flood()', () => {
  it('sends exactly rate × seconds mixed-priority messages, then ends by itself', () => {
    const { rec, c } = crowd();
    c.flood(100, 5);
    expect(c.running).toBe(false);
    expect(c.flooding).toBe(true);
    expect(c.present).toBe(FLOOD_SENDERS);
    const perSecond: number[] = [];
    for (let s = 0; s < 5; s++) {
      const before = rec.sends();
      vi.advanceTimersByTime(1_000);
      perSecond.push(rec.sends() - before);
    }
    expect(perSecond).toEqual([100, 100, 100, 100, 100]);
    expect(c.flooding).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
    // Extras joined for the flood leave with it.
    expect(c.present).toBe(0);
    expect(rec.members.size).toBe(0);
    // The mix: mostly Normal texts, Low likes, some High gifts, a few Lowest notices.
    const share = (op: Call['op']) => rec.count(op) / 500;
    expect(share('text')).toBeGreaterThan(0.6);
    expect(share('text')).toBeLessThan(0.8);
    expect(share('like')).toBeGreaterThan(0.15);
    expect(share('like')).toBeLessThan(0.31);
    // Few gifts: at 400 msg/s a 10 % share alone would fill the room's 40/s with High messages.
    expect(share('gift')).toBeGreaterThan(0.005);
    expect(share('gift')).toBeLessThan(0.05);
    expect(share('custom')).toBeGreaterThan(0.01);
    const customs = rec.calls.flatMap((x) => (x.op === 'custom' ? [x] : []));
    for (const m of customs) {
      expect(m.priority).toBe('Lowest');
      expect(JSON.parse(m.data)).toMatchObject({ businessID: 'flutter_live_kit', data: { cmd: 'member_enter' } });
    }
    expect(rec.strangers).toEqual([]);
    vi.advanceTimersByTime(10_000);
    expect(rec.sends()).toBe(500);
  });

  it('adds to a running crowd and keeps its viewers afterwards', () => {
    const { rec, c } = crowd({ textsPerSecond: 0, likeBurstsPerMinute: 0, giftsPerMinute: 0, viewers: 40 });
    c.start();
    vi.advanceTimersByTime(10_000);
    expect(rec.sends()).toBe(0);
    c.flood(300, 2);
    vi.advanceTimersByTime(3_000);
    expect(rec.sends()).toBe(600);
    expect(c.present).toBe(40);
    expect(vi.getTimerCount()).toBe(1);
    c.stop();
  });

  it('a new flood replaces the running one', () => {
    const { rec, c } = crowd();
    c.flood(100, 10);
    vi.advanceTimersByTime(1_000);
    c.flood(50, 1);
    vi.advanceTimersByTime(5_000);
    expect(rec.sends()).toBe(150);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('is bounded: at most MAX_FLOOD_RATE per second for at most 120 s; bad arguments throw', () => {
    const { rec, c } = crowd();
    c.flood(1e9, 1e9);
    vi.advanceTimersByTime(1_000);
    expect(rec.sends()).toBe(MAX_FLOOD_RATE);
    vi.advanceTimersByTime(119_000);
    expect(c.flooding).toBe(false);
    expect(rec.sends()).toBe(MAX_FLOOD_RATE * 120);
    for (const [r, s] of [
      [0, 1],
      [10, 0],
      [NaN, 1],
      [10, Infinity],
      [-1, 5],
    ] as const) {
      expect(() => c.flood(r, s)).toThrow();
    }
    expect(vi.getTimerCount()).toBe(0);
  });
});
