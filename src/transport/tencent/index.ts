/**
 * Public entry of the Tencent Cloud Chat adapter. Importing it loads nothing of the SDK: the SDK
 * arrives through `sdk-loader.ts` on the first `connect()`.
 */
import type { TencentTransportOptions } from './tencent-options.ts';
import { TencentTransport } from './tencent-transport.ts';

export function createTencentTransport(options: TencentTransportOptions): TencentTransport {
  return new TencentTransport(options);
}

export { TencentTransport };
export type { TencentTransportOptions, TransportNotice, TransportNoticeCode } from './tencent-options.ts';
export { asChatApi, type ChatApi } from './sdk-types.ts';
export type { LoadSdk } from './sdk-loader.ts';
export { loadSdk } from './sdk-loader.ts';
export { InstancePool } from './instance-pool.ts';
