/**
 * The emulator's settings: read from the environment with documented development defaults
 * (see README.md in this folder). Pure: takes an env object, returns a frozen config.
 */

export type TimeoutPolicy = 'allow' | 'reject';
export type MultiLoginPolicy = 'kick-old' | 'allow';
/** Who may get the admin UserSig from `POST /api/usersig` (the admin page uses it). */
export type AdminSigPolicy = 'loopback' | 'always' | 'never';

export interface EmulatorConfig {
  readonly host: string;
  readonly port: number;
  readonly sdkAppId: number;
  readonly secretKey: string;
  /** True when `secretKey` is the built-in development key. */
  readonly devSecret: boolean;
  readonly admin: string;
  /** Messages delivered per second per room (Tencent's default frequency control: 40). */
  readonly roomRate: number;
  /** Per-user sends per second (0 = no limit); above it the sender gets 10023. */
  readonly userRate: number;
  /** Optional history for new members (Tencent: a paid option, off by default). */
  readonly history: boolean;
  readonly historyCount: number;
  readonly historyMaxAgeMs: number;
  readonly multiLogin: MultiLoginPolicy;
  readonly beforeSendUrl: string | undefined;
  readonly afterSendUrl: string | undefined;
  readonly callbackTimeoutMs: number;
  readonly callbackTimeoutPolicy: TimeoutPolicy;
  /** Built-in keyword filter (case-insensitive substrings); a hit answers 80001. */
  readonly keywords: readonly string[];
  readonly walletStart: number;
  /**
   * Whether `POST /api/usersig` issues a UserSig for the admin account: only to requests from the
   * loopback interface (default), always, or never. An admin UserSig opens the whole REST API.
   */
  readonly issueAdminSig: AdminSigPolicy;
  /**
   * The demo business server's before-send callback (`trust-callback.ts`): clients may send text,
   * likes and member-enter only; their metadata is rewritten. On unless `LCR_TRUST_CALLBACK=off`.
   */
  readonly trustCallback: boolean;
  /**
   * `session` (default): `/api/usersig` and `/api/gifts` act only for the user of the caller's
   * demo session (`POST /api/login`). `open`: for any user id named in the body (tests only).
   */
  readonly userSigPolicy: 'session' | 'open';
  /** User ids no one may log in as or get a UserSig for (the anchor's, moderators'); the admin always. */
  readonly reservedIds: readonly string[];
  /** Origins besides the server's own whose pages may call the state-changing `/api/` endpoints. */
  readonly allowedOrigins: readonly string[];
  /** Crowd simulator settings; undefined rates mean the simulator's own defaults. */
  readonly crowd: {
    readonly viewers: number | undefined;
    readonly textsPerSecond: number | undefined;
    readonly likeBurstsPerMinute: number | undefined;
    readonly giftsPerMinute: number | undefined;
    readonly autostart: boolean;
  };
}

/** DEV-ONLY secret: anyone who reads this repository can sign as anyone against a server using it. */
export const DEV_SECRET_KEY = 'lcr-dev-only-secret-do-not-use-in-production-0000000000000000';
export const DEFAULT_KEYWORDS = ['badword', 'spam-link', 'scam'];

type Env = Readonly<Record<string, string | undefined>>;

function num(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${name} must be a number in [${min}, ${max}], got "${raw}"`);
  return n;
}

function optNum(env: Env, name: string, min: number, max: number): number | undefined {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? undefined : num(env, name, 0, min, max);
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'off', 'no'].includes(raw)) return false;
  throw new Error(`${name} must be on/off, got "${raw}"`);
}

function url(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const u = new URL(raw); // throws on a malformed URL: better at start than at the first message
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`${name} must be http(s)`);
  return u.href;
}

export function readConfig(env: Env = process.env): EmulatorConfig {
  const secret = env.LCR_SECRET_KEY?.trim() || DEV_SECRET_KEY;
  const policy = (env.LCR_CALLBACK_TIMEOUT_POLICY ?? 'allow').trim();
  if (policy !== 'allow' && policy !== 'reject') throw new Error('LCR_CALLBACK_TIMEOUT_POLICY must be allow or reject');
  const multi = (env.LCR_MULTI_LOGIN ?? 'kick-old').trim();
  if (multi !== 'kick-old' && multi !== 'allow') throw new Error('LCR_MULTI_LOGIN must be kick-old or allow');
  const adminSig = (env.LCR_ISSUE_ADMIN_SIG ?? 'loopback').trim();
  if (adminSig !== 'loopback' && adminSig !== 'always' && adminSig !== 'never')
    throw new Error('LCR_ISSUE_ADMIN_SIG must be loopback, always or never');
  const sigPolicy = (env.LCR_USERSIG_POLICY ?? 'session').trim();
  if (sigPolicy !== 'session' && sigPolicy !== 'open') throw new Error('LCR_USERSIG_POLICY must be session or open');
  const list = (name: string, fallback: readonly string[]): string[] =>
    env[name] === undefined
      ? [...fallback]
      : env[name]
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean);
  const keywords =
    env.LCR_KEYWORDS === undefined
      ? DEFAULT_KEYWORDS
      : env.LCR_KEYWORDS.split(',')
          .map((k) => k.trim().toLowerCase())
          .filter(Boolean);
  return Object.freeze({
    host: env.HOST?.trim() || '127.0.0.1',
    port: num(env, 'PORT', 8080, 0, 65535),
    sdkAppId: num(env, 'LCR_SDK_APP_ID', 1400000000, 1, 0xffffffff),
    secretKey: secret,
    devSecret: secret === DEV_SECRET_KEY,
    admin: env.LCR_ADMIN?.trim() || 'administrator',
    roomRate: num(env, 'LCR_ROOM_RATE', 40, 1, 100_000),
    userRate: num(env, 'LCR_USER_RATE', 0, 0, 10_000),
    history: bool(env, 'LCR_HISTORY', false),
    historyCount: num(env, 'LCR_HISTORY_COUNT', 20, 1, 20),
    historyMaxAgeMs: num(env, 'LCR_HISTORY_HOURS', 24, 0.001, 24) * 3_600_000,
    multiLogin: multi,
    beforeSendUrl: url(env, 'LCR_BEFORE_SEND_URL'),
    afterSendUrl: url(env, 'LCR_AFTER_SEND_URL'),
    callbackTimeoutMs: num(env, 'LCR_CALLBACK_TIMEOUT_MS', 2000, 10, 60_000),
    callbackTimeoutPolicy: policy,
    keywords: Object.freeze([...keywords]),
    walletStart: num(env, 'LCR_WALLET_START', 10_000, 0, 1e12),
    issueAdminSig: adminSig,
    trustCallback: bool(env, 'LCR_TRUST_CALLBACK', true),
    userSigPolicy: sigPolicy,
    reservedIds: Object.freeze(list('LCR_RESERVED_IDS', ['anchor'])),
    allowedOrigins: Object.freeze(list('LCR_ALLOWED_ORIGINS', [])),
    crowd: Object.freeze({
      viewers: optNum(env, 'LCR_CROWD_VIEWERS', 0, 100_000),
      textsPerSecond: optNum(env, 'LCR_CROWD_TEXTS_PER_SECOND', 0, 10_000),
      likeBurstsPerMinute: optNum(env, 'LCR_CROWD_LIKES_PER_MINUTE', 0, 100_000),
      giftsPerMinute: optNum(env, 'LCR_CROWD_GIFTS_PER_MINUTE', 0, 100_000),
      autostart: bool(env, 'LCR_CROWD', true),
    }),
  } satisfies EmulatorConfig);
}
