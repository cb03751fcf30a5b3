/**
 * Test harness: a private instance pool, a counting stand-in for the lazy SDK loader that creates
 * `FakeChat`s, transports built on them, and collectors for their frames, states and notices.
 */
import { vi } from 'vitest';
import { decodeFrame, type DecodeContext, type InboundFrame, type RoomEvent } from '../../../src/protocol/index.ts';
import { InstancePool } from '../../../src/transport/tencent/instance-pool.ts';
import type { CreateOptions, SdkModules } from '../../../src/transport/tencent/sdk-types.ts';
import { TencentTransport, type TencentTransportOptions, type TransportNotice } from '../../../src/transport/tencent/tencent-transport.ts';
import { FakeChat } from './fake-chat.ts';

export const SDK_APP_ID = 1400000001;
export const GROUP_MODULE = { name: 'group-module stand-in' };

export function harness(configure?: (chat: FakeChat) => void) {
  const pool = new InstancePool();
  const chats: FakeChat[] = [];
  const create = vi.fn((options: CreateOptions) => {
    const chat = new FakeChat(options);
    configure?.(chat);
    chats.push(chat);
    return chat;
  });
  const loadSdk = vi.fn(async (): Promise<SdkModules> => ({ TencentCloudChat: { create }, GroupModule: GROUP_MODULE }));
  const transports: TencentTransport[] = [];
  const make = (options: Partial<TencentTransportOptions> = {}) => {
    const t = new TencentTransport({ sdkAppId: SDK_APP_ID, pool, loadSdk, session: { random: () => 0.5 }, ...options });
    transports.push(t);
    return watch(t);
  };
  return {
    pool,
    chats,
    create,
    loadSdk,
    make,
    get chat(): FakeChat {
      const c = chats[0];
      if (!c) throw new Error('no SDK instance created yet');
      return c;
    },
    destroyAll: () => transports.forEach((t) => t.destroy()),
  };
}

export function watch(transport: TencentTransport) {
  const frames: InboundFrame[] = [];
  const states: string[] = [];
  const notices: TransportNotice[] = [];
  transport.events$.subscribe((f) => frames.push(f));
  transport.state$.subscribe((s) => states.push(s));
  transport.errors$.subscribe((n) => notices.push(n));
  return { transport, frames, states, notices };
}

/** Lets pending promise chains settle (no timers involved). */
export async function flush(rounds = 30): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}

// The fixtures' gifts come from viewer_1 (as the kit's do), so it stands for a trusted sending
// account here; avatars load from the fixtures' CDN. Trust itself is tested in protocol/trust.test.ts.
const CTX: DecodeContext = {
  now: 1_700_000_000_000,
  selfId: 'viewer_me',
  origin: 'https://shop.example.com',
  trustedIds: new Set(['viewer_1']),
  allowAvatarUrl: (url) => url.startsWith('https://cdn.example.com/'),
};

/** Decodes frames with the protocol's own decoder; throws on a drop so tests see why. */
export function decodeAll(frames: readonly InboundFrame[], ctx: Partial<DecodeContext> = {}): RoomEvent[] {
  const events: RoomEvent[] = [];
  for (const frame of frames) {
    const r = decodeFrame(frame, { ...CTX, ...ctx });
    if (!r.ok) throw new Error(`frame ${frame.kind} dropped: ${r.reason} ${r.detail ?? ''}`);
    events.push(...r.events);
  }
  return events;
}
