import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LruMap } from '../../../src/transport/tencent/lru.ts';
import { projectMessage, type WireMessage } from '../../../src/transport/tencent/message-mapper.ts';
import { OrderedEmitter } from '../../../src/transport/tencent/ordered-emitter.ts';
import { needsProfile, ProfileFiller } from '../../../src/transport/tencent/profile-filler.ts';
import { textMessage, TIPS } from './fixtures.ts';

const anon = (from: string, text = 'hi'): WireMessage => projectMessage(textMessage(text, { from, nick: '', avatar: '' }))!;

describe('LRU containers', () => {
  it('LruMap evicts the least recently read entry', () => {
    const m = new LruMap<string, number>(2);
    m.set('a', 1);
    m.set('b', 2);
    expect(m.get('a')).toBe(1);
    m.set('c', 3);
    expect(m.get('b')).toBeUndefined();
    expect(m.get('a')).toBe(1);
    expect(m.size).toBe(2);
  });
});

describe('OrderedEmitter', () => {
  it('keeps push order across promises, skipping rejected slots', async () => {
    const out: number[] = [];
    const e = new OrderedEmitter<number>((v) => out.push(v));
    let release!: (v: number) => void;
    e.push(1);
    e.push(new Promise<number>((r) => (release = r)));
    e.push(3);
    e.push(Promise.reject(new Error('x')));
    e.push(5);
    await Promise.resolve();
    expect(out).toEqual([1]);
    release(2);
    await new Promise((r) => setTimeout(r, 0));
    expect(out).toEqual([1, 2, 3, 5]);
    e.dispose();
    e.push(6);
    expect(out).toEqual([1, 2, 3, 5]);
  });
});

describe('ProfileFiller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const profiles = (ids: string[]) =>
    ids.map((userID) => ({ userID, nick: `N-${userID}`, avatar: `https://cdn.example.com/${userID}.png` }));

  it('batches the missing senders of one window into one getUserProfile call and caches them', async () => {
    const fetchProfiles = vi.fn(async (ids: string[]) => profiles(ids));
    const f = new ProfileFiller({ fetchProfiles, enabled: () => true });
    const results = [f.fill(anon('u1')), f.fill(anon('u2')), f.fill(anon('u1'))];
    expect(results.every((r) => r instanceof Promise)).toBe(true);
    await vi.advanceTimersByTimeAsync(50);
    const filled = await Promise.all(results.map((r) => Promise.resolve(r)));
    expect(fetchProfiles).toHaveBeenCalledTimes(1);
    expect(fetchProfiles.mock.calls[0]![0]).toEqual(['u1', 'u2']);
    expect(filled.map((m) => m.nick)).toEqual(['N-u1', 'N-u2', 'N-u1']);
    expect(filled[0]!.avatar).toBe('https://cdn.example.com/u1.png');
    // Cached: answered synchronously, no new request.
    const again = f.fill(anon('u2'));
    expect(again).not.toBeInstanceOf(Promise);
    expect((again as WireMessage).nick).toBe('N-u2');
    expect(fetchProfiles).toHaveBeenCalledTimes(1);
    f.dispose();
  });

  it('caps a batch at maxBatch ids', async () => {
    const fetchProfiles = vi.fn(async (ids: string[]) => profiles(ids));
    const f = new ProfileFiller({ fetchProfiles, enabled: () => true, maxBatch: 2 });
    const all = ['a', 'b', 'c'].map((u) => f.fill(anon(u)));
    await vi.advanceTimersByTimeAsync(50);
    await Promise.all(all.map((r) => Promise.resolve(r)));
    expect(fetchProfiles.mock.calls.map((c) => c[0])).toEqual([['a', 'b'], ['c']]);
  });

  it('does nothing for guests, complete messages and tips', () => {
    const fetchProfiles = vi.fn(async (ids: string[]) => profiles(ids));
    const guest = new ProfileFiller({ fetchProfiles, enabled: () => false });
    const m = anon('u1');
    expect(guest.fill(m)).toBe(m);
    const f = new ProfileFiller({ fetchProfiles, enabled: () => true });
    const complete = projectMessage(textMessage('x'))!;
    expect(f.fill(complete)).toBe(complete);
    expect(needsProfile(projectMessage(TIPS.join())!)).toBe(false);
    expect(fetchProfiles).not.toHaveBeenCalled();
  });

  it('keeps what the message has and remembers users without a profile', async () => {
    const fetchProfiles = vi.fn(async () => [{ userID: 'u1', nick: 'Profile Nick', avatar: '' }]);
    const f = new ProfileFiller({ fetchProfiles, enabled: () => true });
    const msg = { ...anon('u1'), nick: 'Own Nick' };
    const p = f.fill(msg);
    const q = f.fill(anon('ghost'));
    await vi.advanceTimersByTimeAsync(50);
    expect((await p).nick).toBe('Own Nick');
    expect((await q).nick).toBe('');
    expect(f.fill(anon('ghost'))).not.toBeInstanceOf(Promise);
  });

  it('on timeout the message goes on unfilled and fetching pauses', async () => {
    const fetchProfiles = vi.fn(() => new Promise<unknown>(() => undefined));
    const f = new ProfileFiller({ fetchProfiles, enabled: () => true, timeoutMs: 1000, failurePauseMs: 30_000 });
    const p = f.fill(anon('slow'));
    await vi.advanceTimersByTimeAsync(1100);
    expect((await p).nick).toBe('');
    const during = anon('other');
    expect(f.fill(during)).toBe(during);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(f.fill(anon('other'))).toBeInstanceOf(Promise);
    expect(fetchProfiles).toHaveBeenCalledTimes(1);
    f.dispose();
  });

  it('dispose settles a pending batch without calling the SDK', async () => {
    const fetchProfiles = vi.fn(async (ids: string[]) => profiles(ids));
    const f = new ProfileFiller({ fetchProfiles, enabled: () => true });
    const p = f.fill(anon('u1'));
    f.dispose();
    expect((await p).nick).toBe('');
    await vi.advanceTimersByTimeAsync(100);
    expect(fetchProfiles).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
