/** The demo page: one room on the emulator, a viewer per tab (or a guest), events logged. */
import '../src/define.ts';

const room = document.querySelector('live-chat-room')!;
const guest = document.querySelector<HTMLInputElement>('#guest')!;
const who = document.querySelector('#who')!;
const log = document.querySelector('#log')!;

// One viewer id per tab: two tabs with the same id would kick each other (multipleAccount).
const id = sessionStorage.getItem('lcr-demo-user') ?? `viewer-${Math.random().toString(36).slice(2, 8)}`;
sessionStorage.setItem('lcr-demo-user', id);
guest.checked = new URLSearchParams(location.search).has('guest');

// The demo business server signs UserSigs and bills gifts only for the viewer of this session
// (an HttpOnly cookie): the page logs in first, as a real site's login would.
async function logIn(): Promise<boolean> {
  const res = await fetch('/api/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userID: id, nick: `Viewer ${id.slice(-4)}` }),
  });
  return res.ok;
}

async function applyIdentity(): Promise<void> {
  if (!guest.checked && !(await logIn().catch(() => false))) {
    who.textContent = 'could not log in: watching as a guest';
    room.userId = '';
    return;
  }
  room.userId = guest.checked ? '' : id;
  room.nick = guest.checked ? '' : `Viewer ${id.slice(-4)}`;
  who.textContent = guest.checked ? 'watching as a guest' : `logged in as ${id}`;
}
guest.addEventListener('change', () => void applyIdentity());
void applyIdentity();

room.anchor = { userId: 'anchor', nick: 'Ava', avatar: '/gifts/crown.svg', followers: 12_400, followed: false };
room.addEventListener('lcr-follow-request', (e) => {
  room.anchor = { ...room.anchor!, followed: e.detail.follow, followers: (room.anchor!.followers ?? 0) + (e.detail.follow ? 1 : -1) };
});

function write(line: string): void {
  const row = document.createElement('div');
  row.textContent = `${new Date().toLocaleTimeString()} ${line}`;
  log.prepend(row);
  while (log.childElementCount > 100) log.lastElementChild!.remove();
}
for (const type of [
  'lcr-room-state-change',
  'lcr-connection-change',
  'lcr-error',
  'lcr-kicked',
  'lcr-mute-change',
  'lcr-gift-request',
  'lcr-login-request',
]) {
  room.addEventListener(type, (e) =>
    write(`${type} ${JSON.stringify((e as CustomEvent).detail, (k, v: unknown) => (k === 'room' || k === 'cause' ? undefined : v))}`),
  );
}
