/**
 * Picks the backend for the element: a host-provided transport, the emulator (`emulator-url`),
 * or Tencent Cloud Chat (`sdk-app-id`, loaded lazily so the SDK never weighs on pages that do
 * not use it).
 */
import type { ChatTransport } from '../transport/chat-transport.ts';
import { EmulatorTransport } from '../transport/emulator/emulator-transport.ts';

export interface TransportConfig {
  readonly transport?: ChatTransport;
  readonly emulatorUrl?: string;
  readonly sdkAppId?: number;
  /** A logged-in Tencent SDK instance handed in by the host ("log in outside"). */
  readonly chat?: unknown;
}

export interface OwnedTransport {
  readonly transport: ChatTransport;
  /** False for a host-provided transport: the host keeps its lifetime. */
  readonly owned: boolean;
}

export function describeBackend(c: TransportConfig): 'transport' | 'emulator' | 'tencent' | 'none' {
  if (c.transport) return 'transport';
  if (c.emulatorUrl) return 'emulator';
  if (c.sdkAppId) return 'tencent';
  return 'none';
}

export async function createTransport(c: TransportConfig): Promise<OwnedTransport | undefined> {
  switch (describeBackend(c)) {
    case 'transport':
      return { transport: c.transport!, owned: false };
    case 'emulator':
      return { transport: new EmulatorTransport({ url: new URL(c.emulatorUrl!, location.href).href }), owned: true };
    case 'tencent': {
      const { createTencentTransport, asChatApi } = await import('../transport/tencent/index.ts');
      const chat = c.chat == null ? undefined : asChatApi(c.chat);
      if (c.chat != null && !chat) throw new TypeError('chat: not a Tencent Cloud Chat SDK instance');
      return { transport: createTencentTransport({ sdkAppId: c.sdkAppId!, ...(chat ? { chat } : {}) }), owned: true };
    }
    default:
      return undefined;
  }
}
