/**
 * One shared, reference-counted SDK instance per SDKAppID (docs/tencent-sdk.md#one-instance-per-sdkappid: `create()` opens a WebSocket
 * and returns one instance per SDKAppID; never destroy it while another element uses it). Owns the
 * instances it created, with their `LoginSession` and `RoomMembership`: `acquire` creates on first
 * use (through the lazy loader), `release` disposes and `destroy()`s after the last user.
 *
 * A host-provided instance is pooled by identity and never destroyed. If our own `create()` hands
 * back an instance the host provided (the SDK returns its existing instance for a known SDKAppID),
 * we treat it as the host's too.
 */
import { TransportError } from '../chat-transport.ts';
import { LoginSession, type LoginSessionOptions } from './login-session.ts';
import { RoomMembership } from './room-membership.ts';
import type { LoadSdk } from './sdk-loader.ts';
import { LOG_LEVEL_WARNINGS, type ChatApi } from './sdk-types.ts';

export interface Shared {
  readonly chat: ChatApi;
  readonly login: LoginSession;
  readonly room: RoomMembership;
  /** Provided by the host: never logged in/out or destroyed by us. */
  readonly external: boolean;
}

export interface Lease extends Shared {
  /** Idempotent. */
  release(): void;
}

export interface AcquireOptions {
  readonly sdkAppId: number;
  /** A host-provided, already logged-in instance. */
  readonly chat?: ChatApi;
  readonly loadSdk: LoadSdk;
  readonly session?: Omit<LoginSessionOptions, 'external' | 'afterLogin'>;
}

interface Entry {
  refs: number;
  readonly ready: Promise<Shared>;
}

export class InstancePool {
  private readonly entries = new Map<number | ChatApi, Entry>();
  /** Destroys still running, per SDKAppID: `create()` would hand back the dying instance. */
  private readonly destroying = new Map<number, Promise<void>>();
  private readonly hostInstances = new WeakSet<object>();

  /** Number of live pooled instances (for diagnostics and tests). */
  get size(): number {
    return this.entries.size;
  }

  async acquire(options: AcquireOptions): Promise<Lease> {
    const key = options.chat ?? options.sdkAppId;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { refs: 0, ready: this.open(options) };
      this.entries.set(key, entry);
      const created = entry;
      // A failed open must not stay pooled: the next acquire tries again.
      created.ready.catch(() => {
        if (this.entries.get(key) === created) this.entries.delete(key);
      });
    }
    entry.refs++;
    let shared: Shared;
    try {
      shared = await entry.ready;
    } catch (err) {
      entry.refs--;
      throw err;
    }
    let released = false;
    const owner = entry;
    return {
      ...shared,
      release: () => {
        if (released) return;
        released = true;
        owner.refs--;
        if (owner.refs > 0 || this.entries.get(key) !== owner) return;
        this.entries.delete(key);
        this.close(shared, options.sdkAppId);
      },
    };
  }

  private async open(options: AcquireOptions): Promise<Shared> {
    if (options.chat) {
      this.hostInstances.add(options.chat);
      return this.wire(options.chat, true, options);
    }
    const { sdkAppId } = options;
    if (!Number.isInteger(sdkAppId) || sdkAppId <= 0) {
      throw new TransportError(`Invalid SDKAppID "${String(sdkAppId)}"`, undefined, 'rejected');
    }
    await this.destroying.get(sdkAppId);
    let modules;
    try {
      modules = await options.loadSdk();
    } catch (err) {
      throw new TransportError(`Could not load the Tencent Cloud Chat SDK: ${(err as Error)?.message ?? err}`, undefined, 'network');
    }
    const chat = modules.TencentCloudChat.create({ SDKAppID: sdkAppId, modules: { 'group-module': modules.GroupModule } });
    if (!chat) throw new TransportError(`The SDK refused SDKAppID ${sdkAppId}`, undefined, 'rejected');
    const external = this.hostInstances.has(chat);
    if (!external) chat.setLogLevel(LOG_LEVEL_WARNINGS);
    return this.wire(chat, external, options);
  }

  private wire(chat: ChatApi, external: boolean, options: AcquireOptions): Shared {
    const room = new RoomMembership(chat);
    const login = new LoginSession(chat, { ...options.session, external, afterLogin: () => room.rejoin() });
    return { chat, login, room, external };
  }

  private close(shared: Shared, sdkAppId: number): void {
    shared.login.dispose();
    shared.room.dispose();
    if (shared.external) return;
    const done = Promise.resolve()
      .then(() => shared.chat.destroy())
      .catch(() => undefined)
      .finally(() => {
        if (this.destroying.get(sdkAppId) === done) this.destroying.delete(sdkAppId);
      });
    this.destroying.set(sdkAppId, done);
  }
}

/** The page-wide pool every transport uses unless a test passes its own. */
export const sharedPool = new InstancePool();
