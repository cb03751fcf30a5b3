/**
 * Small bounded LRU containers (a Map keeps insertion order; re-inserting moves a key to the end).
 * Used for message-id de-duplication and the user-profile cache.
 */

export class LruSet<K> {
  private readonly items = new Map<K, true>();

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError('LruSet capacity must be >= 1');
  }

  get size(): number {
    return this.items.size;
  }

  has(key: K): boolean {
    return this.items.has(key);
  }

  /** Adds `key`; returns false when it was already present (and marks it recently seen). */
  add(key: K): boolean {
    const seen = this.items.delete(key);
    this.items.set(key, true);
    if (this.items.size > this.capacity) {
      const oldest = this.items.keys().next();
      if (!oldest.done) this.items.delete(oldest.value);
    }
    return !seen;
  }
}

export class LruMap<K, V> {
  private readonly items = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError('LruMap capacity must be >= 1');
  }

  get size(): number {
    return this.items.size;
  }

  get(key: K): V | undefined {
    if (!this.items.has(key)) return undefined;
    const value = this.items.get(key) as V;
    this.items.delete(key);
    this.items.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.items.delete(key);
    this.items.set(key, value);
    if (this.items.size > this.capacity) {
      const oldest = this.items.keys().next();
      if (!oldest.done) this.items.delete(oldest.value);
    }
  }
}
