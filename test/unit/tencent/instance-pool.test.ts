import { describe, expect, it, vi } from 'vitest';
import { TransportError } from '../../../src/transport/chat-transport.ts';
import { InstancePool } from '../../../src/transport/tencent/instance-pool.ts';
import { EVENT, LOG_LEVEL_WARNINGS, type SdkModules } from '../../../src/transport/tencent/sdk-types.ts';
import { FakeChat } from './fake-chat.ts';
import { flush, GROUP_MODULE, SDK_APP_ID } from './harness.ts';

function stubSdk() {
  const chats: FakeChat[] = [];
  const create = vi.fn((options) => {
    const c = new FakeChat(options);
    chats.push(c);
    return c;
  });
  const loadSdk = vi.fn(async (): Promise<SdkModules> => ({ TencentCloudChat: { create }, GroupModule: GROUP_MODULE }));
  return { chats, create, loadSdk };
}

describe('InstancePool', () => {
  it('creates one instance per SDKAppID with the group module, warnings-only logs, and listeners before any login', async () => {
    const pool = new InstancePool();
    const { create, loadSdk, chats } = stubSdk();
    expect(loadSdk).not.toHaveBeenCalled();
    const [a, b] = await Promise.all([pool.acquire({ sdkAppId: SDK_APP_ID, loadSdk }), pool.acquire({ sdkAppId: SDK_APP_ID, loadSdk })]);
    expect(loadSdk).toHaveBeenCalledTimes(1);
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]![0]).toEqual({ SDKAppID: SDK_APP_ID, modules: { 'group-module': GROUP_MODULE } });
    expect(a.chat).toBe(b.chat);
    expect(chats[0]!.logLevel).toBe(LOG_LEVEL_WARNINGS);
    for (const name of [EVENT.SDK_READY, EVENT.SDK_NOT_READY, EVENT.KICKED_OUT, EVENT.NET_STATE_CHANGE]) {
      expect(chats[0]!.listenerCount(name)).toBeGreaterThan(0);
    }
    expect(chats[0]!.count('login')).toBe(0);
    a.release();
    b.release();
  });

  it('destroys only after the last release, once, and removes every listener it added', async () => {
    const pool = new InstancePool();
    const { loadSdk, chats } = stubSdk();
    const a = await pool.acquire({ sdkAppId: SDK_APP_ID, loadSdk });
    const b = await pool.acquire({ sdkAppId: SDK_APP_ID, loadSdk });
    a.release();
    a.release(); // idempotent: must not count twice
    await flush();
    expect(chats[0]!.destroyed).toBe(0);
    expect(pool.size).toBe(1);
    b.release();
    await flush();
    expect(chats[0]!.destroyed).toBe(1);
    expect(chats[0]!.listenerCount()).toBe(0);
    expect(pool.size).toBe(0);
  });

  it('keeps SDKAppIDs apart and creates a fresh instance after the old one is destroyed', async () => {
    const pool = new InstancePool();
    const { create, loadSdk } = stubSdk();
    const a = await pool.acquire({ sdkAppId: SDK_APP_ID, loadSdk });
    const other = await pool.acquire({ sdkAppId: SDK_APP_ID + 1, loadSdk });
    expect(a.chat).not.toBe(other.chat);
    a.release();
    const again = await pool.acquire({ sdkAppId: SDK_APP_ID, loadSdk });
    expect(create).toHaveBeenCalledTimes(3);
    expect(again.chat).not.toBe(a.chat);
    other.release();
    again.release();
  });

  it('never creates, configures, logs out or destroys a host-provided instance', async () => {
    const pool = new InstancePool();
    const { create, loadSdk } = stubSdk();
    const host = new FakeChat();
    const a = await pool.acquire({ sdkAppId: SDK_APP_ID, loadSdk, chat: host });
    const b = await pool.acquire({ sdkAppId: SDK_APP_ID, loadSdk, chat: host });
    expect(a.external).toBe(true);
    expect(a.login).toBe(b.login);
    expect(loadSdk).not.toHaveBeenCalled();
    expect(create).not.toHaveBeenCalled();
    a.release();
    b.release();
    await flush();
    expect(host.calls.map((c) => c.method)).toEqual([]);
    expect(host.listenerCount()).toBe(0);
  });

  it("treats an instance create() hands back for a host-provided one as the host's", async () => {
    const pool = new InstancePool();
    const host = new FakeChat();
    const loadSdk = async (): Promise<SdkModules> => ({ TencentCloudChat: { create: () => host }, GroupModule: GROUP_MODULE });
    const fromHost = await pool.acquire({ sdkAppId: SDK_APP_ID, loadSdk, chat: host });
    const created = await pool.acquire({ sdkAppId: SDK_APP_ID, loadSdk });
    expect(created.external).toBe(true);
    created.release();
    fromHost.release();
    await flush();
    expect(host.destroyed).toBe(0);
  });

  it('reports a failed SDK load as a network TransportError and lets the next acquire retry', async () => {
    const pool = new InstancePool();
    const { create } = stubSdk();
    const loadSdk = vi
      .fn<() => Promise<SdkModules>>()
      .mockRejectedValueOnce(new Error('chunk blocked'))
      .mockResolvedValue({ TencentCloudChat: { create }, GroupModule: GROUP_MODULE });
    const err = await pool.acquire({ sdkAppId: SDK_APP_ID, loadSdk }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect((err as TransportError).reason).toBe('network');
    expect(pool.size).toBe(0);
    const lease = await pool.acquire({ sdkAppId: SDK_APP_ID, loadSdk });
    expect(lease.chat).toBeInstanceOf(FakeChat);
    lease.release();
  });

  it('refuses invalid SDKAppIDs and an SDK that returns no instance', async () => {
    const pool = new InstancePool();
    const { loadSdk } = stubSdk();
    await expect(pool.acquire({ sdkAppId: 0, loadSdk })).rejects.toThrow(/Invalid SDKAppID/);
    await expect(pool.acquire({ sdkAppId: Number.NaN, loadSdk })).rejects.toThrow(/Invalid SDKAppID/);
    const nothing = async (): Promise<SdkModules> => ({ TencentCloudChat: { create: () => null }, GroupModule: GROUP_MODULE });
    await expect(pool.acquire({ sdkAppId: SDK_APP_ID, loadSdk: nothing })).rejects.toThrow(/refused SDKAppID/);
    expect(loadSdk).not.toHaveBeenCalled();
  });
});
