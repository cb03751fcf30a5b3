import { expect, test, vi } from 'vitest';
import { FrameLoop, type FrameScheduler } from '../../../src/barrage/frame-loop.ts';
import { barrageResources } from '../../../src/barrage/barrage-resources.ts';

/** A scheduler driven by hand: `fire()` runs the pending frame. */
function manual(): FrameScheduler & { fire(): void; pending: number } {
  let next = 1;
  const queue = new Map<number, (t: number) => void>();
  return {
    request(cb) {
      queue.set(next, cb);
      return next++;
    },
    cancel(h) {
      queue.delete(h);
    },
    fire() {
      const [h, cb] = [...queue.entries()][0] ?? [];
      if (h === undefined || !cb) throw new Error('no frame pending');
      queue.delete(h);
      cb(0);
    },
    get pending() {
      return queue.size;
    },
  };
}

test('runs while the tick asks for more, then goes idle; start is idempotent', () => {
  const s = manual();
  let left = 3;
  const loop = new FrameLoop(() => --left > 0, s);
  loop.start();
  loop.start();
  expect(s.pending).toBe(1);
  s.fire();
  s.fire();
  expect(loop.running).toBe(true);
  s.fire();
  expect(loop.running).toBe(false);
  expect(s.pending).toBe(0);
  expect(loop.takeWindow().frames).toBe(3);
  loop.destroy();
});

test('stop cancels the pending frame; destroy is idempotent, counted, and final', () => {
  const s = manual();
  const before = barrageResources().loops;
  const loop = new FrameLoop(() => true, s);
  expect(barrageResources().loops).toBe(before + 1);
  loop.start();
  loop.stop();
  expect(s.pending).toBe(0);
  loop.start();
  loop.destroy();
  loop.destroy();
  expect(s.pending).toBe(0);
  expect(barrageResources().loops).toBe(before);
  loop.start();
  expect(s.pending).toBe(0);
});

test('fps counts running time only: an idle stretch between runs is not a slow frame', () => {
  let now = 1000;
  const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
  try {
    const s = manual();
    let left = 0;
    const loop = new FrameLoop(() => --left > 0, s);
    loop.takeWindow();
    const run = (frames: number): void => {
      left = frames;
      loop.start();
      for (let i = 0; i < frames; i++) {
        now += 1000 / 60;
        s.fire();
      }
    };
    run(30);
    now += 500; // the stage was empty: the loop stopped
    run(30);
    const w = loop.takeWindow();
    expect(w.frames).toBe(60);
    expect(w.fps).toBeCloseTo(60, 5);
    // The old definition (frames over wall time) would have said about 45.
    expect((w.frames * 1000) / (now - 1000)).toBeLessThan(50);
    loop.destroy();
  } finally {
    clock.mockRestore();
  }
});
