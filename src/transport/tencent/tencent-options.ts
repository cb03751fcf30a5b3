/**
 * The Tencent transport's options and the notices it reports besides frames (`errors$`): the types
 * hosts and tests configure it with, kept apart from the transport's lifecycle code.
 */
import type { InstancePool } from './instance-pool.ts';
import type { ReloginPolicy } from './login-session.ts';
import type { LoadSdk } from './sdk-loader.ts';
import type { ChatApi } from './sdk-types.ts';

export interface TencentTransportOptions {
  readonly sdkAppId: number;
  /** A host-provided, already logged-in SDK instance: never logged in/out or destroyed by us. */
  readonly chat?: ChatApi;
  /** Replaces the lazy SDK loader (tests, custom bundling). */
  readonly loadSdk?: LoadSdk;
  readonly pool?: InstancePool;
  /** Group counter key holding the room's like total. Default `likes`. */
  readonly likesCounterKey?: string;
  /** Minimum interval of `getGroupOnlineMemberCount`. Default 10 s. */
  readonly audienceMinIntervalMs?: number;
  /** User profiles cached for nick/avatar filling. Default 500. */
  readonly profileCacheSize?: number;
  /** Timeout of the UserSig request. Default 8 s. */
  readonly userSigTimeoutMs?: number;
  readonly fetch?: typeof fetch;
  readonly session?: { readonly readyTimeoutMs?: number; readonly relogin?: Partial<ReloginPolicy>; readonly random?: () => number };
  readonly now?: () => number;
}

export type TransportNoticeCode = 'room-evicted' | 'room-lost' | 'rejoin-failed' | 'session-stopped';

export interface TransportNotice {
  readonly code: TransportNoticeCode;
  readonly message: string;
  readonly roomId?: string;
}
