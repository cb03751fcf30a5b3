/**
 * Flood: 400 msg/s for 5 s into one room (injected clock, ticks driven by the test, a real
 * WebSocket receiver). The room delivers ≤ 40 per sliding second and every High message.
 */
import { expect, test } from 'vitest';
import { createCrowdApi } from '../../../demo/server/crowd-bridge.ts';
import { createRoom, fakeClock, seeded, startEmulator, TestClient, until } from './helpers.ts';

const RATE_IN = 400;
const SECONDS = 5;
const TICK = 100;

test(`${RATE_IN} msg/s for ${SECONDS} s: ≤ 40 delivered per second, every High delivered, shed ones still succeed`, async () => {
  const clock = fakeClock(Date.now());
  const emu = await startEmulator({ now: clock.now, random: seeded(42), autoTick: false, tickMs: TICK });
  const clients: TestClient[] = [];
  try {
    await createRoom(emu, 'live');
    const receiver = await TestClient.open(emu.wsUrl);
    const sender = await TestClient.open(emu.wsUrl);
    clients.push(receiver, sender);
    await receiver.ok('join', { roomId: 'live' });
    await sender.login(emu, 'human');
    await sender.ok('join', { roomId: 'live' });
    const bots = createCrowdApi(emu.engine, 'live', emu.billing);
    for (let i = 0; i < 50; i++) bots.join(`bot${i}`, `Bot ${i}`, i % 10);
    // Join tips go through frequency control too: drain them before the measured window.
    let baseline = emu.tick();
    clock.advance(1000);
    baseline += emu.tick();
    clock.advance(2000);
    baseline += emu.tick();
    await until(() => receiver.messages().length === baseline || undefined, 3000, 'join tips');
    const room = emu.rooms.get('live')!;
    const shedBefore = { ...room.stats.shed };

    const deliveries: { t: number; n: number }[] = [];
    let offered = 0;
    let gifts = 0;
    const senderResults: boolean[] = [];
    const start = clock.now();
    for (let step = 0; step < (SECONDS * 1000) / TICK; step++) {
      // 40 per 100 ms = 400/s: 2 gifts (High), 2 texts from a real socket and 18 from bots
      // (Normal), 15 likes (Low), 3 custom (Lowest).
      for (let i = 0; i < 2; i++, gifts++) bots.sendGift(`bot${(step + i) % 50}`, 'rose', 1);
      for (let i = 0; i < 18; i++) bots.sendText(`bot${i}`, `t${step}-${i}`);
      for (let i = 0; i < 15; i++) bots.sendLike(`bot${i + 18}`, 3);
      // (A command clients may send: the business server's before-send callback rejects others.)
      for (let i = 0; i < 3; i++)
        bots.sendCustom(
          `bot${i + 33}`,
          '{"version":1,"businessID":"x","data":{"cmd":"send_like_message","cmdInfo":{"count":1}}}',
          'Lowest',
        );
      const sent = await Promise.all([
        sender.request('send', { wire: { type: 'TIMTextElem', text: `h${step}a`, priority: 'normal', cloudCustomData: '' } }),
        sender.request('send', { wire: { type: 'TIMTextElem', text: `h${step}b`, priority: 'normal', cloudCustomData: '' } }),
      ]);
      senderResults.push(...sent.map((r) => r.ok));
      offered += 40;
      await new Promise((r) => setImmediate(r)); // let the bots' sends reach frequency control
      deliveries.push({ t: clock.now(), n: emu.tick() });
      clock.advance(TICK);
    }
    // Drain what is still waiting (High may wait up to 2 s).
    for (let i = 0; i < 25; i++) {
      deliveries.push({ t: clock.now(), n: emu.tick() });
      clock.advance(TICK);
    }
    const total = deliveries.reduce((a, d) => a + d.n, 0);
    await until(() => receiver.messages().length - baseline === total || undefined, 5000, `${total} deliveries on the socket`);

    let worst = 0;
    for (const d of deliveries)
      worst = Math.max(
        worst,
        deliveries.filter((x) => x.t > d.t - 1000 && x.t <= d.t).reduce((a, x) => a + x.n, 0),
      );
    const perSecond = Array.from({ length: SECONDS + 3 }, (_, s) =>
      deliveries.filter((d) => d.t >= start + s * 1000 && d.t < start + (s + 1) * 1000).reduce((a, d) => a + d.n, 0),
    );
    const got = receiver.messages().slice(baseline);
    const giftsGot = got.filter((m) => m.type === 'TIMCustomElem' && String(m.payload.data).includes('send_gift_message')).length;

    expect(worst).toBeLessThanOrEqual(40);
    expect(perSecond.every((n) => n <= 40)).toBe(true);
    expect(perSecond.slice(0, SECONDS).every((n) => n >= 38)).toBe(true); // the room is kept busy, not starved
    expect(giftsGot).toBe(gifts); // every High message
    expect(got.every((m) => m.priority === 'High' || m.priority === 'Normal')).toBe(true); // Normal outranks Low/Lowest
    expect(senderResults.every(Boolean)).toBe(true); // shed or not, the sender saw success
    expect(room.stats.shed.Low - shedBefore.Low + room.stats.shed.Lowest - shedBefore.Lowest).toBe(50 * 18);
    expect(room.stats.shed.High).toBe(0);
    console.info(
      `[flood] offered ${offered} in ${SECONDS} s; delivered ${total}; max in any sliding second ${worst}; per second ${perSecond.join('/')}; shed ${JSON.stringify(room.stats.shed)}`,
    );
  } finally {
    for (const c of clients) c.close();
    await emu.close();
  }
}, 30_000);
