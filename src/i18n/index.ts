/**
 * Strings in en, ko and zh-CN; the `lang` attribute wins, else the page's language, else en.
 * English is built in; Korean and Chinese are small lazy chunks (`loadLang`), and `t` answers in
 * English until the asked language is here (the element re-renders when it arrives).
 */
import { en, type Dictionary, type StringKey } from './en.ts';

export type { StringKey } from './en.ts';
export type Lang = 'en' | 'ko' | 'zh-CN';

const DICTS: Partial<Record<Lang, Dictionary>> = { en };
const LOADERS: Record<Exclude<Lang, 'en'>, () => Promise<Dictionary>> = {
  ko: () => import('./ko.ts').then((m) => m.ko),
  'zh-CN': () => import('./zh-cn.ts').then((m) => m.zhCN),
};
const loading = new Map<Lang, Promise<void>>();

/** Whether `t(lang, …)` already answers in `lang`. */
export function hasLang(lang: Lang): boolean {
  return DICTS[lang] !== undefined;
}

/** Fetches a language's strings once; never rejects (a failed load keeps English and may be retried). */
export function loadLang(lang: Lang): Promise<void> {
  if (lang === 'en' || DICTS[lang]) return Promise.resolve();
  let p = loading.get(lang);
  if (!p) {
    p = LOADERS[lang]().then(
      (dict) => void (DICTS[lang] = dict),
      () => void loading.delete(lang),
    );
    loading.set(lang, p);
  }
  return p;
}

export function resolveLang(attr: string | null | undefined, pageLang?: string): Lang {
  for (const raw of [attr, pageLang]) {
    const l = (raw ?? '').toLowerCase();
    if (l.startsWith('ko')) return 'ko';
    if (l.startsWith('zh')) return 'zh-CN';
    if (l.startsWith('en')) return 'en';
  }
  return 'en';
}

export function t(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  const template = DICTS[lang]?.[key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

const compact = new Map<Lang, Intl.NumberFormat>();

/**
 * 1.2K / 1.2만 / 1.2万 — locale-aware compact counts. Whole numbers under 1,000 read the same in
 * every language we ship and skip Intl: the first compact formatter of a page costs ~40 ms of
 * locale data on a slow phone, right when the room first renders (bench G8).
 */
export function formatCount(lang: Lang, n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1000) return String(n);
  let f = compact.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 });
    compact.set(lang, f);
  }
  return f.format(n);
}

/** "4:05" or "1:02:03" for a countdown. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}
