/**
 * The real `@tencentcloud/chat` package (ESM core + group module) in Chromium, through the
 * adapter's loader seam. Tencent's cloud is unreachable here: the instance's WebSocket fails, so
 * these tests only prove what needs no server — lazy loading, one `create()` on first need, the
 * instance's API surface and the SDK's constants — and always destroy the instance.
 */
import { afterEach, expect, test } from 'vitest';
import { createTencentTransport, InstancePool, loadSdk, type LoadSdk } from '../../src/transport/tencent/index.ts';
import { EVENT, TYPE_VALUES, type ChatApi, type CreateOptions } from '../../src/transport/tencent/sdk-types.ts';

const SDK_APP_ID = 1400000001;

/** Every method the adapter calls (ChatApi), checked on the real instance at run time. */
const METHODS = [
  'on',
  'off',
  'login',
  'logout',
  'destroy',
  'isReady',
  'getLoginUser',
  'getServerTime',
  'setLogLevel',
  'joinGroup',
  'quitGroup',
  'createTextMessage',
  'createCustomMessage',
  'sendMessage',
  'getUserProfile',
  'getGroupProfile',
  'getGroupAttributes',
  'getGroupCounters',
  'getGroupOnlineMemberCount',
  'getGroupMemberProfile',
] as const satisfies readonly (keyof ChatApi)[];

const sdkRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => /tencentcloud/i.test(name));

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms))),
  ]);
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

test('the SDK is neither loaded nor created until a transport connects', async () => {
  expect(sdkRequests()).toEqual([]);
  let loads = 0;
  const created: ChatApi[] = [];
  const destroys: Promise<unknown>[] = [];
  const counting: LoadSdk = async () => {
    loads++;
    const real = await loadSdk();
    return {
      GroupModule: real.GroupModule,
      TencentCloudChat: {
        create: (options: CreateOptions) => {
          const chat = real.TencentCloudChat.create(options);
          if (chat) {
            created.push(chat);
            const destroy = chat.destroy.bind(chat);
            chat.destroy = () => {
              const done = destroy();
              destroys.push(done);
              return done;
            };
          }
          return chat;
        },
      },
    };
  };
  const transport = createTencentTransport({ sdkAppId: SDK_APP_ID, loadSdk: counting, pool: new InstancePool() });
  cleanups.push(() => transport.destroy());

  // The page goes idle: work deferred to idle time (a prefetch) would have begun by now.
  await new Promise((r) => requestIdleCallback(r, { timeout: 500 }));
  expect(loads).toBe(0);
  expect(created).toHaveLength(0);
  expect(sdkRequests()).toEqual([]);

  // A guest needs no server round trip to connect: only the load and the create().
  await within(transport.connect({ kind: 'guest' }), 15_000, 'guest connect');
  expect(loads).toBe(1);
  expect(created).toHaveLength(1);
  expect(sdkRequests().length).toBeGreaterThan(0);
  const chat = created[0]!;
  for (const name of METHODS) expect(typeof chat[name], name).toBe('function');
  expect(chat.isReady()).toBe(false);
  expect(String(chat.getLoginUser())).toBe('');

  transport.destroy();
  // The pool destroys the instance asynchronously; after that a new create() gives a new instance.
  await expect.poll(() => destroys.length).toBe(1);
  await destroys[0]!.catch(() => undefined); // settled (it rejects: the guest was never logged in)
  const again = createTencentTransport({ sdkAppId: SDK_APP_ID, loadSdk: counting, pool: new InstancePool() });
  cleanups.push(() => again.destroy());
  await within(again.connect({ kind: 'guest' }), 15_000, 'second connect');
  expect(loads).toBe(2);
  expect(created).toHaveLength(2);
  expect(created[1]).not.toBe(chat);
});

test('the loader memoizes the modules and the ESM core carries the group module constructor', async () => {
  const a = await within(loadSdk(), 15_000, 'SDK load');
  const b = await loadSdk();
  expect(a.TencentCloudChat).toBe(b.TencentCloudChat);
  expect(typeof a.GroupModule).toBe('function');
  expect(typeof a.TencentCloudChat.create).toBe('function');
});

test("the mirrored EVENT and TYPES constants equal the real SDK's", async () => {
  const { TencentCloudChat } = await within(loadSdk(), 15_000, 'SDK load');
  const real = TencentCloudChat as unknown as { EVENT: Record<string, unknown>; TYPES: Record<string, unknown>; VERSION: string };
  for (const [key, value] of Object.entries(EVENT)) expect(real.EVENT[key], `EVENT.${key}`).toBe(value);
  for (const [key, value] of Object.entries(TYPE_VALUES)) expect(real.TYPES[key], `TYPES.${key}`).toBe(value);
  expect(real.VERSION).toMatch(/^3\.6\./);
});

test('create() returns one instance per SDKAppID (why the pool must share it)', async () => {
  const { TencentCloudChat, GroupModule } = await within(loadSdk(), 15_000, 'SDK load');
  const options = { SDKAppID: SDK_APP_ID + 7, modules: { 'group-module': GroupModule } };
  const first = TencentCloudChat.create(options)!;
  cleanups.push(() => void first.destroy().catch(() => undefined));
  first.setLogLevel(3);
  const second = TencentCloudChat.create(options);
  expect(second).toBe(first);
});
