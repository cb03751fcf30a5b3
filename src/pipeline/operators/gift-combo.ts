/**
 * `giftCombo`: inbound gifts from the same sender of the same gift within `windowMs` of the
 * previous one grow one combo ("×N") instead of starting a new banner. Emits every update.
 */
import { defer, map, type OperatorFunction, type SchedulerLike } from 'rxjs';
import type { GiftEvent } from '../../protocol/index.ts';
import type { GiftCombo } from '../types.ts';

export function giftComboKey(e: GiftEvent): string {
  return `${e.sender.id}\u0000${e.gift.giftId ?? e.gift.name}`;
}

export function giftCombo(windowMs: number, scheduler: SchedulerLike): OperatorFunction<GiftEvent, GiftCombo> {
  return (source) =>
    defer(() => {
      const live = new Map<string, { combo: GiftCombo; lastAt: number }>();
      return source.pipe(
        map((event) => {
          const now = scheduler.now();
          // Forget expired combos first so the map stays bounded by the gifts of one window.
          for (const [k, v] of live) if (now - v.lastAt > windowMs) live.delete(k);
          const key = giftComboKey(event);
          const prev = live.get(key);
          const combo: GiftCombo = prev
            ? { key: prev.combo.key, event, total: prev.combo.total + event.gift.count, hits: prev.combo.hits + 1, first: false }
            : { key: `${key}\u0000${event.id}`, event, total: event.gift.count, hits: 1, first: true };
          live.set(key, { combo, lastAt: now });
          return combo;
        }),
      );
    });
}
