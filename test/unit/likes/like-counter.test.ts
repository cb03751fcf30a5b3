/**
 * The like total: optimistic own taps, others' bursts, authoritative totals, no double counting.
 * Table cases for the stories, then a property test against a model of the server.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computedLikes, LikeCounter } from '../../../src/likes/like-counter.ts';

describe('LikeCounter: stories', () => {
  it('own taps show at once; the total that counts the sent message does not add it again (total before the ack)', () => {
    const c = new LikeCounter(1000);
    expect(c.total).toBe(1000);
    for (let i = 0; i < 7; i++) c.tap();
    expect(c.total).toBe(1007);
    const id = c.sent(7);
    expect(c.total).toBe(1007);
    expect(c.serverTotal(1007)).toBe(1007); // the server counted our 7 before we heard the ack
    expect(c.acked(id)).toBe(1007);
    expect(c.state.sends).toEqual([]);
  });

  it('… and when the total comes after the ack', () => {
    const c = new LikeCounter(1000);
    c.tap(7);
    const id = c.sent(7);
    c.acked(id);
    expect(c.state.sends).toEqual([{ id, count: 7, acked: true }]);
    expect(c.serverTotal(1007)).toBe(1007);
    expect(c.state.sends).toEqual([]);
  });

  it('a total that does not count our message yet keeps it shown; the next total catches up exactly', () => {
    const c = new LikeCounter(1000);
    c.tap(5);
    const id = c.sent(5);
    expect(c.serverTotal(1000)).toBe(1005); // nothing new: ignored
    expect(c.state.sends).toHaveLength(1);
    c.acked(id);
    expect(c.serverTotal(1005)).toBe(1005);
    expect(c.serverTotal(1012)).toBe(1012); // others liked 7 we never saw (Low is droppable)
  });

  it('others add to the total; a total then replaces them without counting twice', () => {
    const c = new LikeCounter(50);
    expect(c.received(30)).toBe(80);
    expect(c.received(20)).toBe(100);
    expect(c.serverTotal(100)).toBe(100);
    expect(c.serverTotal(130)).toBe(130);
    expect(c.state).toMatchObject({ base: 130, others: 0 });
  });

  it('taps not yet sent are never taken as counted by a total', () => {
    const c = new LikeCounter(10);
    c.tap(3);
    expect(c.serverTotal(25)).toBe(28);
    expect(c.state.unsent).toBe(3);
    c.sent(3);
    expect(c.serverTotal(28)).toBe(28);
  });

  it('stale, repeated and junk totals change nothing', () => {
    const c = new LikeCounter(500);
    c.tap(2);
    c.sent(2);
    const before = c.state;
    for (const bad of [500, 499, 0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(c.serverTotal(bad)).toBe(502);
    expect(c.state).toBe(before);
    for (const bad of [0, -3, Number.NaN]) {
      c.tap(bad);
      c.received(bad);
      expect(c.sent(bad)).toBe(0);
    }
    expect(c.state).toBe(before);
  });

  it('a failed send leaves the pending pool; the number never drops and later likes pass it', () => {
    const c = new LikeCounter(100);
    c.tap(4);
    const id = c.sent(4);
    expect(c.failed(id)).toBe(104);
    expect(computedLikes(c.state)).toBe(100);
    expect(c.serverTotal(102)).toBe(104);
    expect(c.serverTotal(110)).toBe(110);
  });

  it('before any total, the count starts from zero and the first total takes over', () => {
    const c = new LikeCounter();
    c.received(5);
    c.tap(2);
    expect(c.total).toBe(7);
    expect(c.serverTotal(4000)).toBe(4002);
  });

  it('sends are matched by id, in any order of results', () => {
    const c = new LikeCounter(0);
    c.tap(3);
    const a = c.sent(3);
    c.tap(4);
    const b = c.sent(4);
    expect(b).toBe(a + 1);
    c.acked(b);
    c.failed(a);
    expect(c.state.sends).toEqual([{ id: b, count: 4, acked: true }]);
    expect(c.acked(999)).toBe(7);
  });
});

type Cmd =
  | { t: 'tap'; n: number }
  | { t: 'flush' }
  | { t: 'process'; i: number }
  | { t: 'ack'; i: number }
  | { t: 'fail'; i: number }
  | { t: 'other'; n: number; delivered: boolean }
  | { t: 'total' }
  | { t: 'stale'; i: number };

const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({ t: fc.constant('tap' as const), n: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ t: fc.constant('flush' as const) }),
  fc.record({ t: fc.constant('process' as const), i: fc.nat(20) }),
  fc.record({ t: fc.constant('ack' as const), i: fc.nat(20) }),
  fc.record({ t: fc.constant('fail' as const), i: fc.nat(20) }),
  fc.record({ t: fc.constant('other' as const), n: fc.integer({ min: 1, max: 30 }), delivered: fc.boolean() }),
  fc.record({ t: fc.constant('total' as const) }),
  fc.record({ t: fc.constant('stale' as const), i: fc.nat(20) }),
);

interface Send {
  id: number;
  count: number;
  processed: boolean;
  acked: boolean;
}

/**
 * A model server: `server` is its like count. Own messages are counted when the server processes
 * them (between send and ack, in any order relative to totals); others' likes are counted and,
 * unless dropped, delivered; totals are snapshots of the count, possibly repeated or stale.
 */
function run(cmds: Cmd[], start: number, withFailures: boolean) {
  const c = new LikeCounter(start);
  let server = start;
  let unsent = 0;
  let failed = 0;
  const sends: Send[] = [];
  const snapshots = [start];
  let shown = c.total;
  const truth = () => server + unsent + sends.filter((s) => !s.processed).reduce((a, s) => a + s.count, 0);
  const check = () => {
    expect(c.total).toBeGreaterThanOrEqual(shown); // monotone
    expect(c.total).toBeLessThanOrEqual(truth() + failed); // never double counts
    shown = c.total;
  };
  for (const k of cmds) {
    switch (k.t) {
      case 'tap':
        unsent += k.n;
        expect(c.tap(k.n)).toBe(shown + k.n); // every tap shows at once
        break;
      case 'flush':
        if (unsent > 0) sends.push({ id: c.sent(unsent), count: unsent, processed: false, acked: false });
        unsent = 0;
        break;
      case 'process': {
        const open = sends.filter((s) => !s.processed);
        const s = open[k.i % Math.max(1, open.length)];
        if (s) {
          s.processed = true;
          server += s.count;
        }
        break;
      }
      case 'ack': {
        const done = sends.filter((s) => s.processed && !s.acked);
        const s = done[k.i % Math.max(1, done.length)];
        if (s) {
          s.acked = true;
          c.acked(s.id);
        }
        break;
      }
      case 'fail': {
        if (!withFailures) break;
        const open = sends.filter((s) => !s.processed);
        const s = open[k.i % Math.max(1, open.length)];
        if (s) {
          sends.splice(sends.indexOf(s), 1);
          failed += s.count;
          c.failed(s.id);
        }
        break;
      }
      case 'other':
        server += k.n;
        if (k.delivered) c.received(k.n);
        break;
      case 'total':
        snapshots.push(server);
        c.serverTotal(server);
        break;
      case 'stale':
        c.serverTotal(snapshots[k.i % snapshots.length]!);
        break;
    }
    check();
  }
  // Drain: everything sent, processed and acknowledged, then one fresh total.
  if (unsent > 0) sends.push({ id: c.sent(unsent), count: unsent, processed: false, acked: false });
  unsent = 0;
  for (const s of sends) {
    if (!s.processed) server += s.count;
    s.processed = true;
    if (!s.acked) c.acked(s.id);
  }
  check();
  c.serverTotal(server);
  check();
  return { c, server, failed };
}

describe('LikeCounter: properties against a model server', () => {
  it('monotone, never above the real count, exact once the server has counted everything', () => {
    fc.assert(
      fc.property(fc.array(cmd, { maxLength: 80 }), fc.nat(1_000_000), (cmds, start) => {
        const { c, server } = run(cmds, start, false);
        expect(c.total).toBe(server);
        expect(c.state.sends).toEqual([]);
        expect(c.state.others).toBe(0);
      }),
      { numRuns: 1000 },
    );
  }, 30_000);

  it('with failed sends: monotone, above the real count by at most what failed, never below it at the end', () => {
    fc.assert(
      fc.property(fc.array(cmd, { maxLength: 80 }), fc.nat(1_000_000), (cmds, start) => {
        const { c, server, failed } = run(cmds, start, true);
        expect(c.total).toBeGreaterThanOrEqual(server);
        expect(c.total).toBeLessThanOrEqual(server + failed);
      }),
      { numRuns: 1000 },
    );
  }, 30_000);
});
