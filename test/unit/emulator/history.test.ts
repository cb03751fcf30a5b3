/** Optional history: off by default; when on, a new member gets ≤ 20 messages of the last 24 h. */
import { afterEach, describe, expect, test } from 'vitest';
import type { Emulator } from '../../../demo/server/emulator.ts';
import type { WireJoinSnapshot } from '../../../src/transport/emulator/wire.ts';
import { createRoom, fakeClock, rest, startEmulator, TestClient, until } from './helpers.ts';

let emu: Emulator | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await emu?.close();
});

async function sendMany(n: number, prefix: string): Promise<void> {
  for (let i = 0; i < n; i++) {
    const r = await rest(emu!, 'group_open_http_svc/send_group_msg', {
      GroupId: 'live',
      Random: i,
      From_Account: 'anchor',
      MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: `${prefix}${i}` } }],
    });
    expect(r.ErrorCode).toBe(0);
  }
}

async function joinSnapshot(): Promise<WireJoinSnapshot> {
  const c = await TestClient.open(emu!.wsUrl);
  clients.push(c);
  return (await c.ok('join', { roomId: 'live' })) as WireJoinSnapshot;
}

describe('history', () => {
  test('is off by default', async () => {
    emu = await startEmulator();
    await createRoom(emu, 'live');
    await sendMany(3, 'm');
    await until(() => emu!.rooms.get('live')!.stats.delivered === 3 || undefined, 3000, 'delivery');
    expect((await joinSnapshot()).history).toEqual([]);
  });

  test('when on: the last 20 delivered messages, none older than 24 h', async () => {
    const clock = fakeClock(Date.now());
    emu = await startEmulator({ now: clock.now, config: { history: true } });
    await createRoom(emu, 'live');
    await sendMany(25, 'm');
    await until(() => emu!.rooms.get('live')!.stats.delivered === 25 || undefined, 5000, 'delivery');
    const snap = await joinSnapshot();
    expect(snap.history.map((m) => m.payload.text)).toEqual(Array.from({ length: 20 }, (_, i) => `m${i + 5}`));
    expect(snap.history.every((m) => m.type === 'TIMTextElem' && m.from === 'anchor')).toBe(true);

    clock.advance(23 * 3600_000);
    await sendMany(2, 'late');
    await until(() => emu!.rooms.get('live')!.stats.delivered === 27 || undefined, 3000, 'delivery');
    clock.advance(2 * 3600_000); // the first 25 are now older than 24 h
    expect((await joinSnapshot()).history.map((m) => m.payload.text)).toEqual(['late0', 'late1']);
  });
});
