import { expect, test } from 'vitest';
import { barrageItemFrom } from '../../../src/barrage/barrage-item.ts';
import type { GiftEvent, TextEvent } from '../../../src/protocol/types.ts';

const sender = { id: 'u1', nick: 'Mei', level: 23, role: 'member' as const };
const base = { time: 0, priority: 'normal' as const, sender, own: false };

test('a text becomes a text item with the sender badge, name and folded count', () => {
  const e: TextEvent = { ...base, id: 't1', kind: 'text', text: '666' };
  expect(barrageItemFrom(e, 12)).toEqual({ id: 't1', own: false, level: 23, name: 'Mei', kind: 'text', text: '666', count: 12 });
  expect(barrageItemFrom(e).count).toBe(1);
});

test('an inline gift becomes a gift item with its count', () => {
  const e: GiftEvent = {
    ...base,
    id: 'g1',
    own: true,
    priority: 'high',
    kind: 'gift',
    gift: { type: 1, name: '🌹 Rose', count: 3, units: '' },
  };
  expect(barrageItemFrom(e)).toEqual({ id: 'g1', own: true, level: 23, name: 'Mei', kind: 'gift', text: '🌹 Rose', count: 3 });
  expect(barrageItemFrom({ ...e, gift: { ...e.gift, units: 'bunches' } }, 2)).toMatchObject({ text: '🌹 Rose bunches', count: 6 });
});
