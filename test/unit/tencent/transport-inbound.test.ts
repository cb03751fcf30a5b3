import { afterEach, describe, expect, it, vi } from 'vitest';
import { EVENT } from '../../../src/transport/tencent/sdk-types.ts';
import { customMessage, giftEnvelope, OTHER_ROOM, ROOM, systemNotice, textMessage, TIPS } from './fixtures.ts';
import { decodeAll, flush, harness } from './harness.ts';

afterEach(() => vi.useRealTimers());

async function joinedGuest(options = {}) {
  const h = harness();
  const w = h.make(options);
  await w.transport.connect({ kind: 'guest' });
  await w.transport.join(ROOM);
  w.frames.length = 0;
  return { h, ...w };
}

describe('TencentTransport: inbound', () => {
  it('emits one plain message frame per room message, in order, decodable to the expected kinds', async () => {
    const { h, frames, transport } = await joinedGuest();
    const batch = [
      textMessage('first'),
      customMessage(giftEnvelope),
      TIPS.join(),
      TIPS.muteAll(),
      TIPS.memberMute(),
      systemNotice(255, { userDefinedField: 'notice' }),
    ];
    h.chat.emit(EVENT.MESSAGE_RECEIVED, batch);
    await flush();
    expect(frames.map((f) => f.kind)).toEqual(Array(6).fill('message'));
    expect(frames.map((f) => (f as { message: { ID: string } }).message.ID)).toEqual(batch.map((m) => m.ID));
    // Plain data only: a structured clone would throw on functions/class instances with methods.
    expect(() => structuredClone(frames)).not.toThrow();
    expect(decodeAll(frames).map((e) => e.kind)).toEqual([
      'text',
      'gift',
      'member-enter',
      'audience',
      'mute',
      'announcement',
      'mute',
      'mute',
      'system',
    ]);
    transport.destroy();
  });

  it('ignores messages of other rooms and messages before any join', async () => {
    const h = harness();
    const { transport, frames } = h.make();
    await transport.connect({ kind: 'guest' });
    h.chat.emit(EVENT.MESSAGE_RECEIVED, [textMessage('early')]);
    await transport.join(ROOM);
    h.chat.emit(EVENT.MESSAGE_RECEIVED, [
      textMessage('elsewhere', { to: OTHER_ROOM, conversationID: `GROUP${OTHER_ROOM}` }),
      systemNotice(4, {}, OTHER_ROOM),
    ]);
    h.chat.emit(EVENT.MESSAGE_RECEIVED, 'not a list');
    await flush();
    expect(frames).toEqual([]);
    transport.destroy();
  });

  it('passes every delivery on, repeats included: the pipeline has the one dedupe', async () => {
    const { h, frames, transport } = await joinedGuest();
    const [a, b] = ['a', 'b'].map((t) => textMessage(t));
    h.chat.emit(EVENT.MESSAGE_RECEIVED, [a, b, a]);
    await flush();
    expect(frames.map((f) => (f as { message: { payload: { text: string } } }).message.payload.text)).toEqual(['a', 'b', 'a']);
    transport.destroy();
  });

  it('maps MESSAGE_MODIFIED and MESSAGE_REVOKED of the room (a modified message is its own frame kind)', async () => {
    const { h, frames, transport } = await joinedGuest();
    const original = textMessage('bad word');
    h.chat.emit(EVENT.MESSAGE_RECEIVED, [original]);
    h.chat.emit(EVENT.MESSAGE_MODIFIED, [{ ...original, payload: { text: 'b** word' }, isModified: true }]);
    const gone = { ...textMessage('spam'), isRevoked: true };
    h.chat.emit(EVENT.MESSAGE_REVOKED, [
      gone,
      { ...textMessage('x', { to: OTHER_ROOM, conversationID: `GROUP${OTHER_ROOM}` }), isRevoked: true },
    ]);
    h.chat.emit(EVENT.MESSAGE_REVOKED, []);
    await flush();
    expect(frames.map((f) => f.kind)).toEqual(['message', 'modified', 'revoked']);
    expect(frames[2]).toEqual({ kind: 'revoked', ids: [gone.ID] });
    const events = decodeAll(frames);
    expect(events.map((e) => e.kind)).toEqual(['text', 'modify', 'recall']);
    expect(events[1]).toMatchObject({ targetId: original.ID, text: 'b** word' });
    expect(events[2]).toMatchObject({ targetId: gone.ID });
    transport.destroy();
  });

  it('maps GROUP_ATTRIBUTES_UPDATED to an attributes frame and the likes counter to like-total', async () => {
    const { h, frames, transport } = await joinedGuest();
    h.chat.emit(EVENT.GROUP_ATTRIBUTES_UPDATED, {
      groupID: ROOM,
      groupAttributes: { state: 'paused' },
      updatedKeyList: ['state'],
      deletedKeyList: [],
    });
    h.chat.emit(EVENT.GROUP_ATTRIBUTES_UPDATED, { groupID: OTHER_ROOM, groupAttributes: { state: 'ended' } });
    h.chat.emit(EVENT.GROUP_COUNTER_UPDATED, { groupID: ROOM, key: 'likes', value: 777 });
    h.chat.emit(EVENT.GROUP_COUNTER_UPDATED, { groupID: ROOM, key: 'gifts', value: 5 });
    h.chat.emit(EVENT.GROUP_COUNTER_UPDATED, { groupID: OTHER_ROOM, key: 'likes', value: 1 });
    await flush();
    expect(frames.map((f) => f.kind)).toEqual(['attributes', 'like-total']);
    expect(decodeAll(frames)).toMatchObject([
      { kind: 'room-state', state: 'paused' },
      { kind: 'like-total', total: 777 },
    ]);
    transport.destroy();
  });

  it('honours a custom likes counter key', async () => {
    const { h, frames, transport } = await joinedGuest({ likesCounterKey: 'hearts' });
    h.chat.emit(EVENT.GROUP_COUNTER_UPDATED, { groupID: ROOM, key: 'likes', value: 1 });
    h.chat.emit(EVENT.GROUP_COUNTER_UPDATED, { groupID: ROOM, key: 'hearts', value: 2 });
    await flush();
    expect(frames).toMatchObject([{ kind: 'like-total', total: 2 }]);
    transport.destroy();
  });

  it('fills missing nick/avatar from batched user profiles when logged in, keeping message order', async () => {
    vi.useFakeTimers();
    const h = harness();
    const { transport, frames } = h.make();
    await transport.connect({ kind: 'user', userId: 'viewer_me', userSig: 's' });
    await transport.join(ROOM);
    frames.length = 0;
    h.chat.emit(EVENT.MESSAGE_RECEIVED, [
      textMessage('one', { from: 'anon_1', nick: '', avatar: '' }),
      textMessage('two'),
      textMessage('three', { from: 'anon_2', nick: '', avatar: '' }),
    ]);
    await flush();
    expect(frames).toHaveLength(0); // the first waits for its profile and holds the rest
    await vi.advanceTimersByTimeAsync(50);
    expect(h.chat.argsOf('getUserProfile')).toEqual([[{ userIDList: ['anon_1', 'anon_2'] }]]);
    const events = decodeAll(frames);
    expect(events.map((e) => (e.kind === 'text' ? e.text : ''))).toEqual(['one', 'two', 'three']);
    expect(events[0]!.sender).toMatchObject({ id: 'anon_1', nick: 'nick-anon_1', avatar: 'https://cdn.example.com/anon_1.png' });
    transport.destroy();
  });

  it('never asks for profiles as a guest (the SDK would refuse with 2024)', async () => {
    vi.useFakeTimers();
    const { h, frames, transport } = await joinedGuest();
    h.chat.emit(EVENT.MESSAGE_RECEIVED, [textMessage('hi', { from: 'anon_1', nick: '', avatar: '' })]);
    await vi.advanceTimersByTimeAsync(100);
    expect(h.chat.count('getUserProfile')).toBe(0);
    expect(decodeAll(frames)[0]!.sender).toMatchObject({ id: 'anon_1', nick: 'anon_1' });
    transport.destroy();
  });

  it('stops listening after leave() and after destroy()', async () => {
    const { h, frames, transport } = await joinedGuest();
    await transport.leave();
    expect(h.chat.argsOf('quitGroup')).toEqual([[ROOM]]);
    h.chat.emit(EVENT.MESSAGE_RECEIVED, [textMessage('after leave')]);
    await flush();
    expect(frames).toEqual([]);
    transport.destroy();
    expect(h.chat.listenerCount(EVENT.MESSAGE_RECEIVED)).toBe(0);
  });
});
