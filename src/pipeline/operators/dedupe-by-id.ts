/**
 * `dedupeById`: passes the first item for each key, drops repeats. Bounded LRU (default 2,000
 * keys), so memory stays flat over an evening. An item may have several keys (server id and the
 * client id of an own message): the local echo and its later server copy become one item.
 */
import { defer, type Observable, type OperatorFunction, map } from 'rxjs';

export type Deduped<T> = { readonly ok: true; readonly item: T } | { readonly ok: false; readonly item: T };

export function dedupeById<T>(keysOf: (item: T) => readonly string[], capacity = 2000): OperatorFunction<T, Deduped<T>> {
  return (source: Observable<T>) =>
    defer(() => {
      const seen = new Map<string, true>();
      const remember = (key: string): void => {
        seen.delete(key);
        seen.set(key, true);
        if (seen.size > capacity) seen.delete(seen.keys().next().value as string);
      };
      return source.pipe(
        map((item): Deduped<T> => {
          const keys = keysOf(item);
          const dup = keys.some((k) => seen.has(k));
          keys.forEach(remember);
          return { ok: !dup, item };
        }),
      );
    });
}
