import { TestScheduler } from 'rxjs/testing';
import { expect } from 'vitest';
import type { GiftEvent, Priority, Sender, TextEvent } from '../../../src/protocol/index.ts';
import type { DisplayItem } from '../../../src/pipeline/index.ts';

export function scheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

export const alice: Sender = { id: 'alice', nick: 'Alice', level: 3, role: 'member' };
export const bob: Sender = { id: 'bob', nick: 'Bob', level: 1, role: 'member' };
export const me: Sender = { id: 'me', nick: 'Me', level: 5, role: 'member' };

export function text(
  id: string,
  body: string,
  opts: { sender?: Sender; priority?: Priority; own?: boolean; time?: number } = {},
): TextEvent {
  return {
    kind: 'text',
    id,
    time: opts.time ?? 0,
    priority: opts.priority ?? 'normal',
    sender: opts.sender ?? alice,
    own: opts.own ?? false,
    text: body,
  };
}

export function gift(id: string, name: string, count: number, opts: { sender?: Sender; type?: 1 | 2 | 3 } = {}): GiftEvent {
  return {
    kind: 'gift',
    id,
    time: 0,
    priority: 'high',
    sender: opts.sender ?? alice,
    own: false,
    gift: { type: opts.type ?? 2, name, count, units: '' },
  };
}

export function item(event: TextEvent | GiftEvent, arrivedAt = 0, folded = 1): DisplayItem {
  return { event, folded, arrivedAt };
}
