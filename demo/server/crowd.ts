/**
 * The crowd simulator: virtual viewers of one room who join and leave over time, chat in English,
 * Korean and Chinese, send like bursts and gifts from the demo catalog — lively but moderate by
 * default (≈ 6 texts/s) — and, on demand, a flood of mixed-priority messages that pushes the room
 * past its 40 msg/s limit to demonstrate priority shedding.
 *
 * Owns two repeating timers (the ambient crowd, the flood) and the list of viewers it has joined;
 * `stop()` clears both timers and makes every viewer leave, and is idempotent. It does not own the
 * room: everything goes through the injected CrowdApi, which the emulator core routes like real
 * clients' traffic. Deterministic for a given `random`.
 */
import { readFileSync } from 'node:fs';
import { CMD } from '../../src/protocol/commands.ts';
import { encodeEnvelope } from '../../src/protocol/envelope.ts';
import { LANGUAGE_MIX, LINES, NICKS, type CrowdLanguage } from './crowd-lines.ts';
import type { CrowdApi, CrowdFactory } from './hooks.ts';

export type { CrowdApi } from './hooks.ts';

/** The part of a catalog entry the crowd needs. */
export interface CrowdGift {
  id: string;
  price: number;
  type: 1 | 2 | 3;
}

export interface CrowdOptions {
  roomId: string;
  api: CrowdApi;
  random?: () => number;
  textsPerSecond?: number;
  likeBurstsPerMinute?: number;
  giftsPerMinute?: number;
  /** Viewers the crowd keeps in the room. */
  viewers?: number;
  /** Repeating timer, like setInterval (the default). */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Gifts to choose from; defaults to demo/public/gifts/catalog.json. */
  gifts?: readonly CrowdGift[];
}

export interface Crowd {
  start(): void;
  stop(): void;
  /** Sends `ratePerSecond` mixed-priority messages per second for `seconds` (bounded: ≤ 1000/s, ≤ 120 s). */
  flood(ratePerSecond: number, seconds: number): void;
  /** The ambient crowd is on (between start and stop). */
  readonly running: boolean;
  readonly flooding: boolean;
  /** Virtual viewers currently in the room. */
  readonly present: number;
}

export const CROWD_DEFAULTS = {
  textsPerSecond: 6,
  likeBurstsPerMinute: 40,
  giftsPerMinute: 12,
  viewers: 40,
} as const;

export const TICK_MS = 100;
export const MAX_FLOOD_RATE = 1000;
export const MAX_FLOOD_SECONDS = 120;
/** A flood needs enough distinct senders to look like a crowd; it joins extras up to this many. */
export const FLOOD_SENDERS = 20;
/** Mean time a virtual viewer stays before leaving (and being replaced by a newcomer). */
const MEAN_STAY_SECONDS = 90;
/** How fast the room fills after start (viewers per second). */
const FILL_PER_SECOND = 5;
/** Share of each message kind in a flood; the rest are Lowest custom "enter" notices. */
export const FLOOD_MIX = { text: 0.7, like: 0.93, gift: 0.95 } as const;

/** Each gift type's weight in the crowd's choice: cheap gifts are common, effects rarer but regular. */
const TYPE_WEIGHT = { 1: 5, 2: 2.5, 3: 1.2 } as const;
const TYPE1_COUNTS = [1, 1, 1, 1, 3, 5, 10] as const;

interface Viewer {
  id: string;
  nick: string;
  level: number;
  lang: CrowdLanguage;
}

let catalogCache: readonly CrowdGift[] | undefined;

function loadCatalog(): readonly CrowdGift[] {
  if (!catalogCache) {
    const raw = JSON.parse(readFileSync(new URL('../public/gifts/catalog.json', import.meta.url), 'utf8')) as unknown;
    if (!Array.isArray(raw)) throw new Error('gift catalog is not an array');
    catalogCache = raw.map((g: { id: string; price: number; type: 1 | 2 | 3 }) => ({ id: g.id, price: g.price, type: g.type }));
  }
  return catalogCache;
}

/** A short stable tag per room, so bots of different rooms never share a user id (ids ≤ 32 bytes). */
function roomTag(roomId: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < roomId.length; i++) h = Math.imul(h ^ roomId.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

function rate(value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`crowd: bad rate ${value}`);
  return Math.min(value, max);
}

export function createCrowd(opts: CrowdOptions): Crowd {
  const { api } = opts;
  const random = opts.random ?? Math.random;
  const setTimer = opts.setTimer ?? ((fn: () => void, ms: number) => setInterval(fn, ms));
  const clearTimer = opts.clearTimer ?? ((h: unknown) => clearInterval(h as ReturnType<typeof setInterval>));
  const textsPerSecond = rate(opts.textsPerSecond, CROWD_DEFAULTS.textsPerSecond, 200);
  const likesPerSecond = rate(opts.likeBurstsPerMinute, CROWD_DEFAULTS.likeBurstsPerMinute, 6000) / 60;
  const giftsPerSecond = rate(opts.giftsPerMinute, CROWD_DEFAULTS.giftsPerMinute, 600) / 60;
  const target = Math.round(rate(opts.viewers, CROWD_DEFAULTS.viewers, 1000));
  const gifts = opts.gifts ?? loadCatalog();
  if (gifts.length === 0) throw new Error('crowd: no gifts to choose from');
  const giftWeights = gifts.map((g) => TYPE_WEIGHT[g.type] ?? 1);
  const giftWeightSum = giftWeights.reduce((a, b) => a + b, 0);
  const tag = roomTag(opts.roomId);
  const dt = TICK_MS / 1000;

  const viewers: Viewer[] = [];
  const byId = new Map<string, Viewer>();
  let seq = 0;
  let ambientTimer: unknown;
  let running = false;
  // Fractional "messages owed" per kind; jitter keeps the mean rate while avoiding a metronome.
  const owed = { fill: 0, churn: 0, text: 0, like: 0, gift: 0 };

  interface Flood {
    timer: unknown;
    rate: number;
    ticks: number;
    tick: number;
    sent: number;
    extras: Set<string>;
  }
  let flooding: Flood | undefined;

  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length) % list.length] as T;
  const jitter = (): number => 0.5 + random();

  function join(): Viewer {
    seq += 1;
    const r = random();
    let acc = 0;
    let lang: CrowdLanguage = 'en';
    for (const [l, w] of LANGUAGE_MIX) {
      acc += w;
      if (r < acc) {
        lang = l;
        break;
      }
    }
    // Most viewers are low level; a few regulars are high (levels 1–60).
    const level = 1 + Math.floor(random() ** 2.5 * 60);
    const v: Viewer = { id: `bot_${tag}_${seq}`, nick: pick(NICKS), level, lang };
    viewers.push(v);
    byId.set(v.id, v);
    api.join(v.id, v.nick, v.level);
    return v;
  }

  function leave(id: string): void {
    const v = byId.get(id);
    if (!v) return;
    byId.delete(id);
    const i = viewers.indexOf(v);
    viewers[i] = viewers[viewers.length - 1] as Viewer;
    viewers.pop();
    api.leave(id);
  }

  function chooseGift(): CrowdGift {
    let r = random() * giftWeightSum;
    for (let i = 0; i < gifts.length; i++) {
      r -= giftWeights[i] as number;
      if (r < 0) return gifts[i] as CrowdGift;
    }
    return gifts[gifts.length - 1] as CrowdGift;
  }

  function sendText(v: Viewer): void {
    api.sendText(v.id, pick(LINES[v.lang]));
  }
  function sendLike(v: Viewer): void {
    // One aggregated message: the taps of one viewer's like window.
    api.sendLike(v.id, 3 + Math.floor(random() * 28));
  }
  function sendGift(v: Viewer, gift = chooseGift()): void {
    const count = gift.type === 1 ? pick(TYPE1_COUNTS) : 1;
    api.sendGift(v.id, gift.id, count);
  }

  /** Runs `fn` once per whole message owed on `key`; nothing accrues while nobody is in the room. */
  function spend(key: keyof typeof owed, perSecond: number, fn: () => void): void {
    owed[key] += perSecond * dt * jitter();
    while (owed[key] >= 1) {
      owed[key] -= 1;
      fn();
    }
  }

  function ambientTick(): void {
    if (viewers.length < target) spend('fill', FILL_PER_SECOND, () => viewers.length < target && join());
    spend('churn', viewers.length / MEAN_STAY_SECONDS, () => {
      if (viewers.length === 0) return;
      leave(pick(viewers).id);
      join();
    });
    if (viewers.length === 0) return;
    spend('text', textsPerSecond, () => sendText(pick(viewers)));
    spend('like', likesPerSecond, () => sendLike(pick(viewers)));
    spend('gift', giftsPerSecond, () => sendGift(pick(viewers)));
  }

  function floodOne(): void {
    const v = pick(viewers);
    const r = random();
    if (r < FLOOD_MIX.text) sendText(v);
    else if (r < FLOOD_MIX.like) sendLike(v);
    else if (r < FLOOD_MIX.gift) sendGift(v);
    else api.sendCustom(v.id, encodeEnvelope(CMD.enter, {}), 'Lowest');
  }

  function floodTick(): void {
    const f = flooding;
    if (!f) return;
    f.tick += 1;
    // Exact totals: after tick i, round(rate × elapsed) messages have gone out.
    const due = Math.round((f.rate * f.tick * TICK_MS) / 1000) - f.sent;
    for (let i = 0; i < due && viewers.length > 0; i++) floodOne();
    f.sent += Math.max(0, due);
    if (f.tick >= f.ticks) endFlood();
  }

  function endFlood(): void {
    const f = flooding;
    if (!f) return;
    flooding = undefined;
    clearTimer(f.timer);
    // Extras joined only for the flood go home unless the ambient crowd keeps them.
    if (!running) for (const id of f.extras) leave(id);
  }

  return {
    start() {
      if (running) return;
      running = true;
      Object.assign(owed, { fill: 0, churn: 0, text: 0, like: 0, gift: 0 });
      // A handful at once so the chat starts immediately; the rest trickle in.
      while (viewers.length < Math.min(target, 5)) join();
      ambientTimer = setTimer(ambientTick, TICK_MS);
    },
    stop() {
      const wasFlooding = flooding !== undefined;
      running = false;
      if (ambientTimer !== undefined) clearTimer(ambientTimer);
      ambientTimer = undefined;
      if (wasFlooding) endFlood();
      for (const v of [...viewers]) leave(v.id);
    },
    flood(ratePerSecond, seconds) {
      if (!Number.isFinite(ratePerSecond) || !Number.isFinite(seconds) || ratePerSecond <= 0 || seconds <= 0) {
        throw new Error('crowd: flood needs a positive rate and duration');
      }
      endFlood();
      const r = Math.min(ratePerSecond, MAX_FLOOD_RATE);
      const s = Math.min(seconds, MAX_FLOOD_SECONDS);
      const extras = new Set<string>();
      while (viewers.length < FLOOD_SENDERS) extras.add(join().id);
      flooding = { timer: undefined, rate: r, ticks: Math.max(1, Math.round((s * 1000) / TICK_MS)), tick: 0, sent: 0, extras };
      flooding.timer = setTimer(floodTick, TICK_MS);
    },
    get running() {
      return running;
    },
    get flooding() {
      return flooding !== undefined;
    },
    get present() {
      return viewers.length;
    },
  };
}

/** The factory the emulator core plugs in (checked against its expected shape at compile time). */
export const crowdFactory: CrowdFactory = createCrowd;
