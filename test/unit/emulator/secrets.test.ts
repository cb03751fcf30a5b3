/** The emulator never logs a secret: not the secret key, not a UserSig it issued or was sent. */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Emulator } from '../../../demo/server/emulator.ts';
import { createRoom, rest, startEmulator, TestClient } from './helpers.ts';

const SECRET = 'test-secret-key-0123456789abcdef0123456789abcdef0123456789abcdef';
let emu: Emulator;
let logged: string[];

beforeEach(() => {
  logged = [];
  const capture = (chunk: unknown): boolean => (logged.push(String(chunk)), true);
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
});
afterEach(async () => {
  await emu?.close();
  vi.restoreAllMocks();
});

test('logins, bad logins, REST calls, gifts and callbacks leave no secret in the logs', async () => {
  emu = await startEmulator({ config: { secretKey: SECRET, devSecret: false }, catalogPath: '/nonexistent/catalog.json' });
  await createRoom(emu, 'live');
  const sig = emu.userSig('alice');
  const alice = await TestClient.open(emu.wsUrl);
  await alice.ok('login', { userId: 'alice', userSig: sig });
  const bad = await TestClient.open(emu.wsUrl);
  await bad.request('login', { userId: 'bob', userSig: sig }); // someone else's UserSig
  await bad.request('login', { userId: 'bob', userSig: `${sig}garbage` });
  await rest(emu, 'group_open_http_svc/get_group_info', { GroupIdList: ['live'] });
  await fetch(
    `${emu.url}/v4/group_open_http_svc/send_group_msg?sdkappid=1&identifier=administrator&usersig=${sig}&random=1&contenttype=json`,
    { method: 'POST', body: '{' },
  );
  await fetch(`${emu.url}/api/gifts`); // the missing catalog warns (once)
  alice.close();
  bad.close();
  const all = logged.join('\n');
  expect(all).toContain('catalog'); // the capture works: the warning is there
  expect(all).not.toContain(SECRET);
  expect(all).not.toContain(sig);
  expect(all).not.toMatch(/eJ[\w*-]{80,}/);
});
