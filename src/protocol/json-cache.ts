/**
 * A bounded cache of checked JSON parses, for payload texts a room repeats: every like carries
 * the same envelope, and a room has a handful of gifts. A repeat costs a map lookup instead of a
 * parse and a walk. Results are deeply frozen, since every caller now shares them.
 */
import { parseJson } from './sanitize.ts';
import type { JsonValue } from './types.ts';

export type ParsedJson = ReturnType<typeof parseJson>;

export interface JsonCache {
  parse(text: unknown): ParsedJson;
}

/** Texts longer than `maxKeyChars` (unlikely to repeat) are parsed without being cached. */
export function jsonCache(maxBytes: number, capacity = 256, maxKeyChars = 1024): JsonCache {
  const entries = new Map<string, ParsedJson>();
  return {
    parse(text) {
      if (typeof text !== 'string' || text.length > maxKeyChars) return parseJson(text, maxBytes);
      const hit = entries.get(text);
      if (hit) return hit;
      const parsed = parseJson(text, maxBytes);
      if (parsed.ok) deepFreeze(parsed.value);
      Object.freeze(parsed);
      // Oldest first out: a burst of one-off texts cannot grow it past `capacity`.
      if (entries.size >= capacity) entries.delete(entries.keys().next().value as string);
      entries.set(text, parsed);
      return parsed;
    },
  };
}

/** Iterative, like `checkJson` (the value passed it, so it is bounded). */
function deepFreeze(value: JsonValue): void {
  const stack: JsonValue[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || Object.isFrozen(v)) continue;
    Object.freeze(v);
    for (const child of Object.values(v)) stack.push(child);
  }
}
