/**
 * `trackEchoes`: the lifecycle of own messages' local echoes: pending → sent | failed(reason),
 * and failed → pending again on retry. Emits the changed echo on every step; results for
 * unknown or already-settled ids are ignored (a late duplicate result changes nothing).
 */
import { defer, filter, map, type OperatorFunction } from 'rxjs';
import type { EchoInput, EchoState } from '../types.ts';

export function trackEchoes(capacity = 500): OperatorFunction<EchoInput, EchoState> {
  return (source) =>
    defer(() => {
      const echoes = new Map<string, EchoState>();
      const put = (e: EchoState): EchoState => {
        echoes.delete(e.clientId);
        echoes.set(e.clientId, e);
        if (echoes.size > capacity) echoes.delete(echoes.keys().next().value as string);
        return e;
      };
      return source.pipe(
        map((input): EchoState | undefined => {
          const prev = echoes.get(input.clientId);
          switch (input.type) {
            case 'pending':
              return prev ? undefined : put({ clientId: input.clientId, status: 'pending', attempts: 1 });
            case 'retry':
              return prev?.status === 'failed'
                ? put({ clientId: input.clientId, status: 'pending', attempts: prev.attempts + 1 })
                : undefined;
            case 'result':
              if (prev?.status !== 'pending') return undefined;
              return put(
                input.result.ok
                  ? { clientId: input.clientId, status: 'sent', serverId: input.result.id, attempts: prev.attempts }
                  : { clientId: input.clientId, status: 'failed', reason: input.result.reason, attempts: prev.attempts },
              );
          }
        }),
        filter((e): e is EchoState => e !== undefined),
      );
    });
}
