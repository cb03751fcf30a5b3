/**
 * The room admin page: wires the forms of admin.html to the emulator's Tencent-shaped REST API
 * (request shapes in admin-requests.ts) and its crowd control, and logs every answer. Plain DOM;
 * all text goes through textContent. The emulator is this page's origin unless `?emulator=<url>`
 * names another.
 */
import {
  adminQuery,
  banMembers,
  createRoom,
  getRoomAttrs,
  getRoomInfo,
  kickUser,
  muteAll,
  muteMembers,
  parseUserIds,
  restUrl,
  roomStateCalls,
  sendSystemNotice,
  sendText,
  setAnnouncement,
  unbanMembers,
  type CrowdRequest,
  type RestAuth,
  type RestCall,
  type RestPriority,
  type RoomState,
} from './admin-requests.ts';

const REQUEST_TIMEOUT_MS = 10_000;
const LOG_LIMIT = 200;
/** Tencent's "UserSig expired" error: fetch a new one and retry once. */
const SIG_EXPIRED = 70001;

const $ = <T extends Element>(sel: string): T => {
  const el = document.querySelector<T>(sel);
  if (!el) throw new Error(`admin.html lacks ${sel}`);
  return el;
};

function emulatorBase(): string {
  const given = new URLSearchParams(location.search).get('emulator');
  if (given) {
    try {
      const url = new URL(given);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
    } catch {
      /* fall through to this origin */
    }
  }
  return location.origin;
}

const base = emulatorBase();
let config: { sdkAppId: number; admin: string } | undefined;
let userSig: string | undefined;

function random32(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
}

function log(ok: boolean, label: string, detail: unknown): void {
  const list = $<HTMLOListElement>('#log');
  const li = document.createElement('li');
  li.className = ok ? 'ok' : 'fail';
  const time = document.createElement('span');
  time.className = 'time';
  time.textContent = new Date().toLocaleTimeString();
  const status = document.createElement('span');
  status.className = 'status';
  status.textContent = ok ? 'OK' : 'FAIL';
  const text = document.createElement('span');
  text.className = 'detail';
  text.textContent = `${label}\n${typeof detail === 'string' ? detail : JSON.stringify(detail)}`;
  li.append(time, status, text);
  list.prepend(li);
  while (list.children.length > LOG_LIMIT) list.lastElementChild?.remove();
}

async function fetchJson(url: string, init?: RequestInit): Promise<unknown> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), REQUEST_TIMEOUT_MS);
  try {
    const res = await fetch(url, { ...init, signal: ctrl.signal });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON: keep the text */
    }
    if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { body });
    return body;
  } finally {
    clearTimeout(timer);
  }
}

const postJson = (url: string, body: unknown) =>
  fetchJson(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/** Tencent's conventional app admin account, when the emulator does not name its own. */
const DEFAULT_ADMIN = 'administrator';

async function loadConfig(): Promise<{ sdkAppId: number; admin: string }> {
  if (!config) {
    // `/api/config` answers {sdkAppId, admin}; `/api/info` (public facts) is the fallback.
    let c: { sdkAppId?: unknown; admin?: unknown };
    try {
      c = (await fetchJson(`${base}/api/config`)) as typeof c;
    } catch {
      c = (await fetchJson(`${base}/api/info`)) as typeof c;
    }
    if (typeof c.sdkAppId !== 'number') throw new Error('the emulator did not tell its SDKAppID');
    config = { sdkAppId: c.sdkAppId, admin: typeof c.admin === 'string' && c.admin ? c.admin : DEFAULT_ADMIN };
    $('#sdkappid').textContent = String(config.sdkAppId);
    $('#admin-id').textContent = config.admin;
  }
  return config;
}

async function auth(refresh = false): Promise<RestAuth> {
  const c = await loadConfig();
  if (!userSig || refresh) {
    const answer = (await postJson(`${base}/api/usersig`, { userID: c.admin })) as { userSig?: unknown };
    if (typeof answer.userSig !== 'string') throw new Error('bad /api/usersig answer');
    userSig = answer.userSig;
  }
  return { sdkAppId: c.sdkAppId, identifier: c.admin, userSig };
}

interface RestAnswer {
  ActionStatus?: string;
  ErrorCode?: number;
  ErrorInfo?: string;
}

async function rest(label: string, call: RestCall): Promise<boolean> {
  try {
    let answer = (await postJson(restUrl(base, call, await auth(), random32()), call.body)) as RestAnswer;
    if (answer.ErrorCode === SIG_EXPIRED) {
      answer = (await postJson(restUrl(base, call, await auth(true), random32()), call.body)) as RestAnswer;
    }
    const ok = answer.ActionStatus === 'OK' && !answer.ErrorCode;
    log(ok, `${label} · ${call.service}/${call.command}`, answer);
    return ok;
  } catch (err) {
    log(false, `${label} · ${call.service}/${call.command}`, errorText(err));
    return false;
  }
}

async function crowd(req: CrowdRequest): Promise<void> {
  try {
    // The crowd endpoint is the emulator's own, but it takes the same admin query as /v4 calls.
    const url = `${base}/api/crowd?${adminQuery(await auth(), random32())}`;
    log(true, `crowd ${req.action}`, await postJson(url, req));
  } catch (err) {
    log(false, `crowd ${req.action}`, errorText(err));
  }
}

function errorText(err: unknown): string {
  const e = err as Error & { body?: unknown };
  return e.body !== undefined ? `${e.message}: ${JSON.stringify(e.body)}` : String(e.message ?? err);
}

const roomId = (): string => $<HTMLInputElement>('#room-id').value.trim();
const field = (form: HTMLFormElement, name: string): string =>
  ((form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '').trim();
const num = (form: HTMLFormElement, name: string): number => Number(field(form, name));

/** Runs an action with its form's buttons disabled, so a double click sends once. */
function busy(form: HTMLFormElement, run: () => Promise<unknown>): void {
  if (!roomId()) {
    log(false, 'room', 'enter a room ID first');
    return;
  }
  const buttons = [...form.querySelectorAll('button')];
  buttons.forEach((b) => (b.disabled = true));
  void run().finally(() => buttons.forEach((b) => (b.disabled = false)));
}

/** Binds submit and the form's extra buttons (by data attribute) to actions. */
function on(
  id: string,
  submit: ((f: HTMLFormElement) => Promise<unknown>) | undefined,
  extra: Record<string, (f: HTMLFormElement, b: HTMLButtonElement) => Promise<unknown>> = {},
): void {
  const form = $<HTMLFormElement>(id);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (submit) busy(form, () => submit(form));
  });
  form.addEventListener('click', (e) => {
    const button = (e.target as Element).closest('button');
    if (!button || button.type === 'submit') return;
    for (const [attr, action] of Object.entries(extra)) {
      if (button.hasAttribute(attr)) busy(form, () => action(form, button));
    }
  });
}

function stateInput(form: HTMLFormElement): Parameters<typeof roomStateCalls>[1] {
  const state = field(form, 'state') as RoomState;
  const room = encodeURIComponent(roomId());
  const live = `${base}/hls/${room}/live.m3u8`;
  switch (state) {
    case 'upcoming': {
      const picked = Date.parse(field(form, 'startTime'));
      return { state, startTime: Number.isFinite(picked) ? picked : Date.now() + 10 * 60_000, streamUrl: live };
    }
    case 'replay':
      return { state, replayUrl: `${base}/hls/${room}/replay.m3u8` };
    default:
      return { state, streamUrl: live };
  }
}

on('#room-form', () => rest('create room', createRoom(roomId(), roomId())), {
  'data-action': async (_f, b) => {
    if (b.dataset.action !== 'info') return;
    await rest('room info', getRoomInfo(roomId()));
    await rest('room attributes', getRoomAttrs(roomId()));
  },
});

on('#state-form', async (f) => {
  const [attrs, announce] = roomStateCalls(roomId(), stateInput(f), random32());
  // Announce only what was stored: a member must never see a state the attributes do not hold.
  if (attrs && (await rest('room state (attributes)', attrs)) && announce) await rest('room state (message)', announce);
});

on('#mute-all-form', undefined, {
  'data-on': (_f, b) => rest(b.dataset.on === 'true' ? 'mute all' : 'unmute all', muteAll(roomId(), b.dataset.on === 'true')),
});

on('#mute-form', (f) => rest('mute', muteMembers(roomId(), parseUserIds(field(f, 'users')), num(f, 'seconds'))), {
  'data-unmute': (f) => rest('unmute', muteMembers(roomId(), parseUserIds(field(f, 'users')), 0)),
});

on('#kick-form', (f) => rest('kick', kickUser(field(f, 'user'))));

on('#ban-form', (f) => rest('ban', banMembers(roomId(), parseUserIds(field(f, 'users')), num(f, 'seconds'), field(f, 'reason'))), {
  'data-unban': (f) => rest('unban', unbanMembers(roomId(), parseUserIds(field(f, 'users')))),
});

on('#announce-form', (f) => rest('announcement', setAnnouncement(roomId(), field(f, 'text'))));

on('#send-form', (f) => {
  const text = field(f, 'text');
  return field(f, 'kind') === 'system'
    ? rest('system notice', sendSystemNotice(roomId(), text, random32()))
    : rest('text', sendText(roomId(), text, random32(), field(f, 'from'), field(f, 'priority') as RestPriority));
});

on('#crowd-form', undefined, {
  'data-crowd': (_f, b) => crowd({ roomId: roomId(), action: b.dataset.crowd === 'stop' ? 'stop' : 'start' }),
});

on('#flood-form', (f) => crowd({ roomId: roomId(), action: 'flood', rate: num(f, 'rate'), seconds: num(f, 'seconds') }));

$('#clear-log').addEventListener('click', () => $('#log').replaceChildren());
$('#emulator').textContent = base;

// Default start time: ten minutes from now, in the local time zone the picker shows.
{
  const soon = new Date(Date.now() + 10 * 60_000);
  soon.setSeconds(0, 0);
  const local = new Date(soon.getTime() - soon.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  $<HTMLInputElement>('#state-form input[name=startTime]').value = local;
}

loadConfig().catch((err) => log(false, 'config', errorText(err)));
