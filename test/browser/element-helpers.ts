import { FakeTransport } from '../../src/transport/fake/fake-transport.ts';
import '../../src/define.ts';
import type { LiveChatRoom } from '../../src/element/live-chat-room.ts';
import { encodeEnvelope } from '../../src/protocol/index.ts';

export async function mount(opts: { transport?: FakeTransport; userId?: string; attrs?: Record<string, string>; props?: Partial<LiveChatRoom> } = {}) {
  const transport = opts.transport ?? new FakeTransport();
  const el = document.createElement('live-chat-room');
  el.style.width = '960px';
  el.roomId = 'room-1';
  el.transport = transport;
  if (opts.userId) el.userId = opts.userId;
  for (const [k, v] of Object.entries(opts.attrs ?? {})) el.setAttribute(k, v);
  Object.assign(el, opts.props ?? {});
  document.body.append(el);
  await el.updateComplete;
  await until(() => transport.roomId === 'room-1');
  return { el, transport };
}

export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`condition not met in ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((r) => setTimeout(r, 16));
  }
}

let seq = 0;
export function textMessage(from: string, text: string, extra: Record<string, unknown> = {}) {
  return { ID: `m-${++seq}`, type: 'TIMTextElem', payload: { text }, from, nick: from, time: Math.floor(Date.now() / 1000), priority: 'Normal', ...extra };
}

export function customMessage(from: string, cmd: string, info: Record<string, never> | Record<string, unknown>, priority = 'High') {
  return { ID: `c-${++seq}`, type: 'TIMCustomElem', payload: { data: encodeEnvelope(cmd, info as never) }, from, nick: from, time: Math.floor(Date.now() / 1000), priority };
}

export function chatLines(el: HTMLElement): string[] {
  return [...el.shadowRoot!.querySelectorAll('.log .line')].map((l) => l.textContent ?? '');
}
