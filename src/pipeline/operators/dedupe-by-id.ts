/**
 * `dedupeById`: passes the first item for each key, marks repeats. Bounded (default 2,000 keys,
 * oldest forgotten first), so memory stays flat over an evening. An item may have several keys
 * (server id and the client id of an own message): the local echo and its later server copy
 * become one item.
 */
import { defer, map, type Observable, type OperatorFunction } from 'rxjs';

export type Deduped<T> = { readonly ok: true; readonly item: T } | { readonly ok: false; readonly item: T };

export function dedupeById<T>(keysOf: (item: T) => readonly string[], capacity = 2000): OperatorFunction<T, Deduped<T>> {
  return (source: Observable<T>) =>
    defer(() => {
      // A set plus a ring of insertion order: O(1) per key, no iterator per message.
      const seen = new Set<string>();
      const ring: (string | undefined)[] = Array.from({ length: capacity }, () => undefined);
      let head = 0;
      const remember = (key: string): void => {
        const old = ring[head];
        if (old !== undefined) seen.delete(old);
        ring[head] = key;
        head = (head + 1) % capacity;
        seen.add(key);
      };
      return source.pipe(
        map((item): Deduped<T> => {
          const keys = keysOf(item);
          let dup = false;
          for (const k of keys) if (seen.has(k)) dup = true;
          if (!dup) for (const k of keys) remember(k);
          else for (const k of keys) if (!seen.has(k)) remember(k);
          return { ok: !dup, item };
        }),
      );
    });
}
