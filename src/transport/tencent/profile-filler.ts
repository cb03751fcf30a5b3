/**
 * Fills a message's missing `nick`/`avatar` from the sender's user profile (docs/avchatroom.md#users-levels-and-roles). Owns a
 * bounded LRU cache, the batching of `getUserProfile` calls (one request per short window, ≤ 100
 * ids) and its timer. Only while logged in: guests cannot call `getUserProfile` (error 2024), so
 * `enabled()` gates everything. Never rejects: on failure or timeout the message goes on unfilled,
 * and fetching pauses for a while so a failing API is not hammered by a busy room.
 */
import { LruMap } from './lru.ts';
import type { WireMessage } from './message-mapper.ts';

export interface ProfileFillerOptions {
  /** Calls the SDK; resolves with its `Profile[]` (`imResponse.data`). */
  readonly fetchProfiles: (userIds: string[]) => Promise<unknown>;
  readonly enabled: () => boolean;
  readonly cacheSize?: number;
  readonly batchDelayMs?: number;
  readonly maxBatch?: number;
  readonly timeoutMs?: number;
  readonly failurePauseMs?: number;
  readonly now?: () => number;
}

interface Known {
  readonly nick: string;
  readonly avatar: string;
}

interface Batch {
  readonly ids: Set<string>;
  readonly done: Promise<void>;
  readonly finish: () => void;
}

export class ProfileFiller {
  private readonly cache: LruMap<string, Known>;
  private readonly inflight = new Map<string, Promise<void>>();
  private next: Batch | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pausedUntil = 0;
  private disposed = false;

  constructor(private readonly options: ProfileFillerOptions) {
    this.cache = new LruMap(options.cacheSize ?? 500);
  }

  /** The message itself when nothing is missing or known; otherwise a promise of the filled copy. */
  fill(m: WireMessage): WireMessage | Promise<WireMessage> {
    if (!needsProfile(m) || !this.options.enabled()) return m;
    const known = this.cache.get(m.from);
    if (known) return merge(m, known);
    if (this.disposed || this.now() < this.pausedUntil) return m;
    return this.request(m.from).then(() => {
      const found = this.cache.get(m.from);
      return found ? merge(m, found) : m;
    });
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.next?.finish();
    this.next = undefined;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private request(id: string): Promise<void> {
    const running = this.inflight.get(id);
    if (running) return running;
    if (!this.next) {
      let finish!: () => void;
      const done = new Promise<void>((resolve) => (finish = resolve));
      this.next = { ids: new Set(), done, finish };
      this.timer = setTimeout(() => this.flush(), this.options.batchDelayMs ?? 30);
    }
    const batch = this.next;
    batch.ids.add(id);
    this.inflight.set(id, batch.done);
    if (batch.ids.size >= (this.options.maxBatch ?? 100)) this.flush();
    return batch.done;
  }

  private flush(): void {
    const batch = this.next;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.next = undefined;
    if (!batch || this.disposed) {
      batch?.finish();
      return;
    }
    const ids = [...batch.ids];
    const timeoutMs = this.options.timeoutMs ?? 2000;
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timeout = setTimeout(() => reject(new Error('profile timeout')), timeoutMs);
    });
    Promise.race([this.options.fetchProfiles(ids), expired])
      .then((list) => this.store(ids, list))
      .catch(() => {
        this.pausedUntil = this.now() + (this.options.failurePauseMs ?? 30_000);
      })
      .finally(() => {
        clearTimeout(timeout);
        for (const id of ids) if (this.inflight.get(id) === batch.done) this.inflight.delete(id);
        batch.finish();
      });
  }

  private store(ids: string[], list: unknown): void {
    const answered = new Set<string>();
    if (Array.isArray(list)) {
      for (const p of list) {
        if (typeof p !== 'object' || p === null) continue;
        const { userID, nick, avatar } = p as { userID?: unknown; nick?: unknown; avatar?: unknown };
        if (typeof userID !== 'string') continue;
        answered.add(userID);
        this.cache.set(userID, { nick: typeof nick === 'string' ? nick : '', avatar: typeof avatar === 'string' ? avatar : '' });
      }
    }
    // Users without a profile stay unknown-but-cached, so their next messages do not wait again.
    for (const id of ids) if (!answered.has(id)) this.cache.set(id, { nick: '', avatar: '' });
  }
}

/** A real user's message without a nick or an avatar (tips and system notices have no sender). */
export function needsProfile(m: WireMessage): boolean {
  if (!m.from || m.from === '@TIM#SYSTEM') return false;
  if (m.type === 'TIMGroupTipElem' || m.type === 'TIMGroupSystemNoticeElem') return false;
  return !m.nick || !m.avatar;
}

function merge(m: WireMessage, known: Known): WireMessage {
  const nick = m.nick || known.nick;
  const avatar = m.avatar || known.avatar;
  return nick === m.nick && avatar === m.avatar ? m : { ...m, nick, avatar };
}
