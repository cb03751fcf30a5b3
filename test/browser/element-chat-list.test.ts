/**
 * The chat list inside the element: capped at `barrage-max-count`, appended in batches (at most
 * one per animation frame, at most 20 lines each), the "N new messages" pill, enter notices, own lines, badges, and the
 * `renderChatItem` hook.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import type { ChatEntry } from '../../src/chat/chat-types.ts';
import type { SendResult } from '../../src/protocol/index.ts';
import { FakeTransport } from '../../src/transport/fake/fake-transport.ts';
import { $, $$, chatLines, customMessage, lineWith, ME, mount, nextFrame, resetPage, textMessage, until } from './element-helpers.ts';

beforeEach(async () => {
  resetPage();
  await page.viewport(1000, 700);
});
afterEach(resetPage);

const meta = (level: number, role?: string) => ({ cloudCustomData: JSON.stringify({ lcr: { level, ...(role ? { role } : {}) } }) });

describe('chat list', () => {
  it("an own line's sending and retry labels speak the room's language", async () => {
    let release!: (r: SendResult) => void;
    const transport = new FakeTransport({
      onSend: (_wire, i) => (i === 0 ? { ok: false, reason: 'network' } : new Promise<SendResult>((r) => (release = r))),
    });
    const { el } = await mount({ transport, userId: ME.id, attrs: { lang: 'ko' } });
    expect(await el.sendText('안녕')).toMatchObject({ ok: false, reason: 'network' });
    const line = () => lineWith(el, '안녕');
    await until(() => !!line()?.querySelector('.retry'));
    const retry = line()!.querySelector<HTMLButtonElement>('.retry')!;
    expect(retry.getAttribute('aria-label')).toContain('다시 보내기');
    expect(retry.getAttribute('aria-label')).not.toMatch(/retry/i);
    retry.click(); // re-sent: pending until the room answers
    await until(() => !!line()?.querySelector('.status[role="img"]'));
    expect(line()!.querySelector('.status[role="img"]')!.getAttribute('aria-label')).toBe('보내는 중');
    release({ ok: true, id: 's1', time: Date.now() });
    await until(() => line()!.dataset.status === 'sent');
  });

  it('keeps at most barrage-max-count lines, the newest ones; a lower cap at run time trims at once', async () => {
    const { el, transport } = await mount({ attrs: { 'barrage-max-count': '50' } });
    for (let i = 0; i < 200; i++) transport.push(textMessage(`u${i}`, `msg ${i}`));
    await until(() => chatLines(el).some((l) => l.endsWith('msg 199')));
    const lines = chatLines(el);
    expect(lines).toHaveLength(50);
    expect(lines[0]).toBe('u150msg 150');
    el.setAttribute('barrage-max-count', '20');
    await until(() => chatLines(el).length === 20);
    expect(chatLines(el)[0]).toBe('u180msg 180');
  });

  it("the viewer's own line is shown however fast others arrive (never evicted before it was rendered)", async () => {
    const { el, transport } = await mount({ userId: 'me', attrs: { 'barrage-max-count': '50' } });
    const log = $(el, '.log')!;
    const rendered: string[] = [];
    const seen = new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLElement && n.dataset.id) rendered.push(n.dataset.id);
    });
    seen.observe(log, { childList: true });
    let ownId = '';
    el.addEventListener('lcr-send-request', (e) => (ownId = e.detail.clientId ?? ''), { once: true });
    // One burst before the next frame: 30 lines, the viewer's own, then 400 more (8× the cap).
    for (let i = 0; i < 30; i++) transport.push(textMessage(`u${i}`, `before ${i}`));
    void el.sendText('mine, during the flood');
    for (let i = 0; i < 20; i++) await Promise.resolve(); // its local echo is queued (a few promise hops), no frame has run
    for (let i = 0; i < 400; i++) transport.push(textMessage(`v${i}`, `after ${i}`));
    await until(() => chatLines(el).some((l) => l.endsWith('after 399')));
    seen.disconnect();
    expect(ownId).not.toBe('');
    expect(rendered).toContain(ownId);
    expect(rendered.filter((id) => id === ownId)).toHaveLength(1);
    expect(chatLines(el).length).toBeLessThanOrEqual(51); // the cap, plus an own line still sending
  });

  it('appends in batches of at most 20 lines, at most once per animation frame', async () => {
    const { el, transport } = await mount();
    const log = $(el, '.log')!;
    let frame = 0;
    let counting = true;
    const tick = () => {
      frame++;
      if (counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const appends: { frame: number; added: number }[] = [];
    const observer = new MutationObserver((records) => {
      const added = records.reduce((n, r) => n + r.addedNodes.length, 0);
      if (added > 0) appends.push({ frame, added });
    });
    observer.observe(log, { childList: true });

    // 100 lines in one tick: five appends of 20, in five frames back to back (a burst never lays
    // out more than 20 new lines in one frame), in order.
    for (let i = 0; i < 100; i++) transport.push(textMessage(`a${i}`, `burst ${i}`));
    await until(() => chatLines(el).length === 100);
    expect(appends.map((a) => a.added)).toEqual([20, 20, 20, 20, 20]);
    expect(appends.map((a) => a.frame - appends[0]!.frame)).toEqual([0, 1, 2, 3, 4]);
    expect(chatLines(el)[99]).toBe('a99burst 99');

    // A steady stream over many tasks: never more appends than frames went by.
    appends.length = 0;
    const startFrame = frame;
    for (let i = 0; i < 60; i++) {
      transport.push(textMessage(`s${i}`, `stream ${i}`));
      await new Promise((r) => setTimeout(r, 0));
    }
    await until(() => chatLines(el).length === 160);
    await nextFrame();
    const framesElapsed = frame - startFrame;
    observer.disconnect();
    counting = false;
    expect(appends.reduce((n, a) => n + a.added, 0)).toBe(60);
    expect(appends.length).toBeLessThanOrEqual(framesElapsed);
    expect(new Set(appends.map((a) => a.frame)).size).toBe(appends.length); // one append per frame at most
  });

  it('shows "N new messages" when scrolled up; clicking it scrolls down and hides it', async () => {
    const { el, transport } = await mount();
    for (let i = 0; i < 40; i++) transport.push(textMessage(`u${i}`, `line ${i}`));
    await until(() => chatLines(el).length === 40);
    const log = $(el, '.log')!;
    const pill = $<HTMLButtonElement>(el, '.new-pill')!;
    const atBottom = () => log.scrollHeight - log.scrollTop - log.clientHeight <= 24;
    await until(atBottom); // it follows the newest line while the viewer is at the bottom
    expect(pill.hidden).toBe(true);
    log.scrollTop = 0;
    await nextFrame();
    for (let i = 0; i < 7; i++) transport.push(textMessage(`n${i}`, `new ${i}`));
    await until(() => !pill.hidden);
    expect(pill.textContent).toBe('7 new messages');
    expect(log.scrollTop).toBe(0); // reading older lines is not interrupted
    pill.click();
    await until(() => pill.hidden);
    expect(atBottom()).toBe(true);
  });

  it('enter notices, own lines highlighted, level and role badges', async () => {
    // 'mod' is a moderator the host lists; mallory only claims the role.
    const { el, transport } = await mount({
      userId: ME.id,
      props: { nick: ME.nick, anchor: { userId: 'mina', nick: 'Mina' }, trustedSenders: 'mod' },
    });
    transport.push(customMessage('carol', 'member_enter', {}));
    transport.push({
      ID: 'tip-join',
      type: 'TIMGroupTipElem',
      payload: { operationType: 1, userIDList: ['dave'], operatorInfo: { nick: 'Dave' } },
      from: '@TIM#SYSTEM',
      time: 1,
    });
    transport.push(textMessage('fan', 'hello', meta(12)));
    transport.push(textMessage('old', 'veteran', meta(45)));
    transport.push(textMessage('mod', 'be nice', meta(5, 'admin')));
    transport.push(textMessage('mina', 'welcome!'));
    transport.push(textMessage('mallory', 'i am staff', meta(5, 'admin')));
    void el.sendText('mine');
    await until(() => chatLines(el).length === 8);
    const enter = $$(el, '.log .line.enter');
    expect(enter.map((l) => l.textContent)).toEqual(['caroljoined', 'Davejoined']);
    const own = $(el, '.log .line.own')!;
    expect(own).toBe(lineWith(el, 'mine'));
    expect(own.getAttribute('part')).toBe('chat-line chat-line-own');
    expect(own.querySelector('.nick')!.textContent).toBe('Me (You)');
    expect(getComputedStyle(own).outlineStyle).toBe('solid');
    expect($$(el, '.log .line.own')).toHaveLength(1);
    const badges = (text: string) => {
      const line = $$(el, '.log .line').find((l) => l.textContent.includes(text))!;
      return [...line.querySelectorAll('.badge')].map((b) => `${b.className}:${b.textContent}`);
    };
    expect(badges('hello')).toEqual(['badge level tier-2:Lv12']);
    expect(badges('veteran')).toEqual(['badge level tier-4:Lv45']);
    expect(badges('be nice')).toEqual(['badge level tier-1:Lv5', 'badge role admin:Admin']);
    expect(badges('welcome!')).toEqual(['badge role anchor:Host']);
    expect(badges('i am staff')).toEqual(['badge level tier-1:Lv5']); // no Admin badge from a claim
    // The viewer's level is not known to the element (no such property): no level badge is invented.
    expect(badges('mine')).toEqual([]);
  });

  it('renderChatItem replaces lines with what the host builds from the data (no HTML parsing)', async () => {
    const seen: { entry: ChatEntry; defaultLine: HTMLElement }[] = [];
    const renderChatItem = (entry: ChatEntry, defaultLine: HTMLElement) => {
      seen.push({ entry, defaultLine });
      if (entry.text.startsWith('keep')) return undefined; // the default line stays
      const card = document.createElement('p');
      card.className = 'line custom';
      card.textContent = `${entry.sender.nick} ▸ ${entry.text}`;
      return card;
    };
    const { el, transport } = await mount({ props: { renderChatItem } });
    transport.push(textMessage('eve', '<img src=x onerror="window.__pwned=1">'));
    transport.push(textMessage('bob', 'keep me'));
    await until(() => $$(el, '.log > *').length === 2);
    const [custom, kept] = $$(el, '.log > *');
    expect(custom!.tagName).toBe('P');
    expect(custom!.textContent).toBe('eve ▸ <img src=x onerror="window.__pwned=1">');
    expect(custom!.querySelector('img')).toBeNull();
    expect(custom!.dataset.id).toBe(seen[0]!.entry.id);
    expect(kept!.classList.contains('text')).toBe(true);
    expect(kept!.textContent).toBe('bobkeep me');
    // The hook is handed data and the default line (already text-only DOM), never HTML strings.
    expect(seen[0]!.entry).toMatchObject({ kind: 'text', text: '<img src=x onerror="window.__pwned=1">', own: false });
    expect(seen[0]!.defaultLine.querySelector('.text')!.textContent).toBe(seen[0]!.entry.text);
    expect(seen[0]!.defaultLine.querySelector('img')).toBeNull();
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it('renderChatItem set after the room opened applies to the next lines; unset restores the default', async () => {
    const { el, transport } = await mount();
    transport.push(textMessage('a', 'before'));
    await until(() => chatLines(el).length === 1);
    el.renderChatItem = (entry) => Object.assign(document.createElement('p'), { className: 'mine', textContent: `★ ${entry.text}` });
    transport.push(textMessage('b', 'after'));
    await until(() => !!$(el, '.log p.mine'));
    expect($(el, '.log p.mine')!.textContent).toBe('★ after');
    el.renderChatItem = undefined;
    transport.push(textMessage('c', 'default again'));
    await until(() => chatLines(el).length === 2);
    expect(chatLines(el)[1]).toBe('cdefault again');
  });
});
