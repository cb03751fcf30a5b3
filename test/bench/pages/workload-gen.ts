/**
 * The one workload generator both sides use: a plan (rate, duration, burst, gifts, own items,
 * effects, like taps) becomes a deterministic, time-ordered list of items from the shared seeded
 * PRNG. Ours and every peer replay exactly this list, so the harness cannot favour either side.
 * Pure; runs in the browser pages and in node (unit tests).
 */
import { seeded } from '../../../demo/tools/seeded-random.ts';

export interface Plan {
  readonly seed: number;
  /** Steady rate, messages per second (0 = none). */
  readonly rate: number;
  /** Length of the steady part, ms. */
  readonly durationMs: number;
  /** Messages delivered at the start, spread evenly over `withinMs`. */
  readonly burst?: { readonly count: number; readonly withinMs: number };
  /** In the burst, every n-th message is a High-priority type-1 gift. */
  readonly giftEvery?: number;
  /** In the burst, every n-th message is the viewer's own. */
  readonly ownEvery?: number;
  /** A gift effect every `everyMs` (at most `maxConcurrent` playing at once, enforced by the page). */
  readonly effects?: { readonly everyMs: number; readonly url: string; readonly maxConcurrent: number };
  /** Like taps per second, for the whole steady part. */
  readonly likesPerSecond?: number;
  /** Keep measuring after the last item, ms. */
  readonly tailMs: number;
}

export type ItemKind = 'text' | 'gift' | 'own' | 'effect' | 'like';

export interface Item {
  /** ms from the start of the run. */
  readonly at: number;
  readonly kind: ItemKind;
  readonly id: string;
  readonly user: string;
  readonly text: string;
}

const CJK = '主播好太好看了加油哈哈哈买了谢谢大家晚上来自北京上海广州深圳的朋友们欢迎新人今天的直播真不错喜欢这个颜色多少钱包邮吗';
const LATIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ';

/** A 15-character mixed CJK/Latin text. */
export function textFrom(rnd: () => number, length = 15): string {
  let s = '';
  for (let i = 0; i < length; i++) {
    const pool = rnd() < 0.5 ? CJK : LATIN;
    s += pool[Math.floor(rnd() * pool.length)];
  }
  return s;
}

/** The plan's items, sorted by time. */
export function generate(plan: Plan): Item[] {
  const rnd = seeded(plan.seed);
  const items: Item[] = [];
  let n = 0;
  const user = (): string => `u${Math.floor(rnd() * 5000)}`;
  const burstMs = plan.burst ? plan.burst.withinMs : 0;
  if (plan.burst) {
    const { count, withinMs } = plan.burst;
    for (let i = 0; i < count; i++) {
      const at = (i * withinMs) / count;
      const kind: ItemKind =
        plan.giftEvery && i % plan.giftEvery === plan.giftEvery - 1
          ? 'gift'
          : plan.ownEvery && i % plan.ownEvery === Math.floor(plan.ownEvery / 2)
            ? 'own'
            : 'text';
      items.push({ at, kind, id: `${kind[0]}-${++n}`, user: kind === 'own' ? 'me' : user(), text: textFrom(rnd) });
    }
  }
  if (plan.rate > 0) {
    const count = Math.round((plan.rate * plan.durationMs) / 1000);
    for (let i = 0; i < count; i++)
      items.push({ at: burstMs + (i * 1000) / plan.rate, kind: 'text', id: `t-${++n}`, user: user(), text: textFrom(rnd) });
  }
  if (plan.effects) {
    for (let at = 0; at < burstMs + plan.durationMs; at += plan.effects.everyMs)
      items.push({ at, kind: 'effect', id: `e-${++n}`, user: user(), text: plan.effects.url });
  }
  if (plan.likesPerSecond) {
    const step = 1000 / plan.likesPerSecond;
    for (let at = 0; at < burstMs + plan.durationMs; at += step) items.push({ at, kind: 'like', id: `l-${++n}`, user: 'me', text: '' });
  }
  return items.sort((a, b) => a.at - b.at);
}

/** Replays items on time with one timer mechanism (a setTimeout chain, 10 ms ticks) for every engine. */
export function replay(items: readonly Item[], emit: (item: Item) => void, tickMs = 10): Promise<{ maxLateMs: number }> {
  return new Promise((resolve) => {
    const start = performance.now();
    let i = 0;
    let maxLateMs = 0;
    const tick = (): void => {
      const elapsed = performance.now() - start;
      while (i < items.length && items[i]!.at <= elapsed) {
        maxLateMs = Math.max(maxLateMs, elapsed - items[i]!.at);
        emit(items[i++]!);
      }
      if (i < items.length) setTimeout(tick, tickMs);
      else resolve({ maxLateMs });
    };
    tick();
  });
}
