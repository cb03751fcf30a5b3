/**
 * The viewer's barrage settings: the model, its validation and a tiny persistence helper.
 *
 * Owns: the ranges (opacity 0.2–1, travel time 4–16 s, font 14–32 px, display area) and the one
 * `localStorage` key they live under. Pure except for `load`/`save`, which take the storage as a
 * parameter and never throw (storage may be blocked, full, or hold someone else's garbage).
 * Does not apply settings: the controller does.
 */

export type BarrageArea = 'third' | 'half' | 'full';
export const BARRAGE_AREAS: readonly BarrageArea[] = ['third', 'half', 'full'];

export interface BarrageSettings {
  /** Show the barrage at all (the visible on/off control, WCAG 2.2.2). */
  readonly enabled: boolean;
  /** Canvas opacity, 0.2–1 (never fully transparent: "off" is `enabled: false`). */
  readonly opacity: number;
  /** Travel time in seconds: how long a point takes to cross the stage, 4–16. */
  readonly speed: number;
  /** Text size in CSS px, 14–32. */
  readonly fontSize: number;
  /** Part of the stage the lanes may use, from the top. */
  readonly area: BarrageArea;
}

export const BARRAGE_LIMITS = {
  opacity: { min: 0.2, max: 1 },
  speed: { min: 4, max: 16 },
  fontSize: { min: 14, max: 32 },
} as const;

export const DEFAULT_BARRAGE_SETTINGS: BarrageSettings = Object.freeze({
  enabled: true,
  opacity: 1,
  speed: 8,
  fontSize: 18,
  // The lower half usually holds the product or the anchor's hands; half keeps it clear.
  area: 'half',
});

/** The one key, per origin (localStorage is already per site). */
export const BARRAGE_SETTINGS_KEY = 'live-chat-room:barrage';

function num(value: unknown, fallback: number, min: number, max: number, integer = false): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) return fallback;
  const clamped = Math.min(max, Math.max(min, n));
  return integer ? Math.round(clamped) : clamped;
}

/**
 * Merges `input` (anything: a partial object from the UI, parsed JSON from storage…) over `base`,
 * field by field. Out-of-range numbers are clamped; wrong types keep the base value.
 */
export function validateBarrageSettings(input: unknown, base: BarrageSettings = DEFAULT_BARRAGE_SETTINGS): BarrageSettings {
  const src = input !== null && typeof input === 'object' ? (input as Record<string, unknown>) : {};
  const { opacity, speed, fontSize } = BARRAGE_LIMITS;
  return {
    enabled: typeof src.enabled === 'boolean' ? src.enabled : base.enabled,
    opacity: num(src.opacity, base.opacity, opacity.min, opacity.max),
    speed: num(src.speed, base.speed, speed.min, speed.max),
    fontSize: num(src.fontSize, base.fontSize, fontSize.min, fontSize.max, true),
    area: BARRAGE_AREAS.includes(src.area as BarrageArea) ? (src.area as BarrageArea) : base.area,
  };
}

/** The subset of `Storage` we use, so tests and hosts can pass their own. */
export interface SettingsStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** `localStorage`, or null where touching it throws (sandboxed iframes, blocked cookies). */
export function defaultSettingsStorage(): SettingsStorage | null {
  try {
    const storage = (globalThis as { localStorage?: SettingsStorage }).localStorage;
    return storage ?? null;
  } catch {
    return null;
  }
}

/** Stored settings over the defaults; defaults when nothing (valid) is stored or storage fails. */
export function loadBarrageSettings(storage: SettingsStorage | null = defaultSettingsStorage()): BarrageSettings {
  if (!storage) return DEFAULT_BARRAGE_SETTINGS;
  try {
    const raw = storage.getItem(BARRAGE_SETTINGS_KEY);
    if (raw === null || raw.length > 1024) return DEFAULT_BARRAGE_SETTINGS;
    return validateBarrageSettings(JSON.parse(raw));
  } catch {
    return DEFAULT_BARRAGE_SETTINGS;
  }
}

/** Persists validated settings; returns false when storage is missing, blocked or full. */
export function saveBarrageSettings(settings: BarrageSettings, storage: SettingsStorage | null = defaultSettingsStorage()): boolean {
  if (!storage) return false;
  try {
    storage.setItem(BARRAGE_SETTINGS_KEY, JSON.stringify(validateBarrageSettings(settings)));
    return true;
  } catch {
    return false;
  }
}
