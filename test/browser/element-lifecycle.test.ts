/**
 * Disconnect + reconnect (Shopify's theme editor, React re-parenting): removing the element
 * releases everything it made — counted, not assumed — and appending the same element again
 * makes a working room again, as many times as it happens.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { barrageResources } from '../../src/barrage/index.ts';
import { playerResources } from '../../src/player/player-resources.ts';
import type { LiveChatRoom } from '../../src/element/live-chat-room.ts';
import type { FakeTransport } from '../../src/transport/fake/fake-transport.ts';
import { barrageOf, chatLines, mount, resetPage, textMessage, until, untilPlaying, VOD } from './element-helpers.ts';
import { installTimerCensus, type TimerCensus } from './timer-census.ts';

let census: TimerCensus | undefined;
beforeEach(async () => {
  resetPage();
  await page.viewport(1000, 700);
});
afterEach(() => {
  census?.uninstall();
  census = undefined;
  resetPage();
});

const NOTHING_BARRAGE = { workers: 0, observers: 0, loops: 0, listeners: 0, timers: 0 };
const NOTHING_PLAYER = { hlsInstances: 0, timers: 0, mediaListeners: 0 };

/** The element is a working room: joined, chat lines shown, barrage and player running. */
async function expectWorking(el: LiveChatRoom, transport: FakeTransport, round: number): Promise<void> {
  await until(() => transport.roomId === 'room-1');
  const message = textMessage(`fan${round}`, `round ${round}`);
  transport.push(message);
  await until(() => chatLines(el).some((l) => l.includes(`round ${round}`)));
  expect(chatLines(el)).toHaveLength(1); // a fresh list each time it connects
  await until(() => !!barrageOf(el) && barrageOf(el)!.stats().placed >= 1);
  await untilPlaying(el);
  expect(barrageResources().workers).toBe(1);
  expect(playerResources().hlsInstances).toBe(1);
}

/** Removed: nothing of the element's is left alive. */
async function expectNothingLeft(transport: FakeTransport): Promise<void> {
  expect(barrageResources()).toEqual(NOTHING_BARRAGE);
  expect(playerResources()).toEqual(NOTHING_PLAYER);
  // The host's transport is not the element's to destroy: it was left, and nothing listens to it.
  expect(transport.destroyed).toBe(false);
  expect(transport.roomId).toBeUndefined();
  expect(transport.frames.observed).toBe(false);
  expect(transport.state.observed).toBe(false);
  // Teardown callbacks that end in a microtask or a 0 ms timeout: wait for them to run (bounded;
  // a timer still pending after that is a leak, reported with the stack that made it).
  const none = () => census!.live().timeouts + census!.live().intervals === 0;
  await until(none, 1000).catch(() => undefined);
  const live = census!.live();
  expect(live, census!.stacks().join('\n\n')).toEqual({ timeouts: 0, intervals: 0 });
}

describe('disconnect and reconnect', () => {
  it('remove → nothing left; append again → a working room; five times, and nothing grows', async () => {
    expect(barrageResources()).toEqual(NOTHING_BARRAGE);
    expect(playerResources()).toEqual(NOTHING_PLAYER);
    census = installTimerCensus(); // before the element exists, so every timer it makes is seen
    const { el, transport } = await mount({ attrs: { src: VOD } });
    await expectWorking(el, transport, 0);
    // Busy state at removal: a queued flood, the audience poll, the pipeline's windows and timers.
    for (let i = 0; i < 200; i++) transport.push(textMessage(`flood${i}`, `flood ${i}`));
    expect(census.live().intervals).toBeGreaterThan(0); // the census sees the element's timers

    for (let round = 1; round <= 5; round++) {
      el.remove();
      await expectNothingLeft(transport);
      document.body.append(el);
      await expectWorking(el, transport, round);
    }
    el.remove();
    await expectNothingLeft(transport);
  });
});
