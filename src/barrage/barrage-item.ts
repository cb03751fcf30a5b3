/**
 * From the pipeline's decoded events to barrage items: the one place that decides what of a
 * message the barrage shows (nickname, level badge, text or inline gift, folded count).
 * Pure; imports only protocol types.
 */
import type { GiftEvent, TextEvent } from '../protocol/types.ts';
import type { BarrageItem } from './barrage-types.ts';

/**
 * `folded` is how many identical texts were folded into this one ("666 ×12"). An inline
 * (type-1) gift shows its name with its count ("Rose ×3"); anything a host wants in front of it
 * (an emoji, "sent") belongs in the gift's catalog name.
 */
export function barrageItemFrom(event: TextEvent | GiftEvent, folded = 1): BarrageItem {
  const base = { id: event.id, own: event.own, level: event.sender.level, name: event.sender.nick };
  if (event.kind === 'text') return { ...base, kind: 'text', text: event.text, count: Math.max(1, folded) };
  const gift = event.gift;
  const name = gift.units ? `${gift.name} ${gift.units}`.trim() : gift.name;
  return { ...base, kind: 'gift', text: name, count: Math.max(1, gift.count) * Math.max(1, folded) };
}
