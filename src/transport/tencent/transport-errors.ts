/** Turns whatever the SDK (or a fetch) threw into a `TransportError` with a mapped reason. */
import { failureFromCode } from '../../protocol/index.ts';
import { TransportError } from '../chat-transport.ts';

export function toTransportError(err: unknown, context: string): TransportError {
  if (err instanceof TransportError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'number' ? e.code : undefined;
  const detail = typeof e.message === 'string' && e.message ? e.message : String(err);
  return new TransportError(`${context}: ${detail}`, code, failureFromCode(code));
}
