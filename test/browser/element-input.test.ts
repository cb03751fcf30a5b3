/**
 * The chat input inside the element (issue #5): Enter sends, own text shows at once as pending and
 * then sent or failed with the mapped reason and a retry, own text survives floods and shedding,
 * mute/unmute and mute-all switch the input within one frame, kicked closes it, guests see login.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTransport } from '../../src/transport/fake/fake-transport.ts';
import { $, chatLines, ME, mount, nextFrame, resetPage, textMessage, until } from './element-helpers.ts';

afterEach(resetPage);

async function typeAndEnter(el: HTMLElement, text: string): Promise<void> {
  const input = $<HTMLInputElement>(el, '[part~="input"]')!;
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true }));
}

const memberMute = (seconds: number, id = `tip-${Math.random()}`) => ({
  ID: id,
  type: 'TIMGroupTipElem',
  payload: { operationType: 7, memberList: [{ userID: ME.id, muteTime: seconds }] },
  from: '@TIM#SYSTEM',
  time: Math.floor(Date.now() / 1000),
});

describe('element chat input', () => {
  it('Enter sends: the own line shows at once as pending, then sent; emoji allowed', async () => {
    let release: () => void = () => undefined;
    const transport = new FakeTransport({
      onSend: () => new Promise((r) => (release = () => r({ ok: true, id: 'srv-1', time: Date.now() }))),
    });
    const { el } = await mount({ transport, userId: ME.id, props: { nick: 'Me' } });
    await typeAndEnter(el, 'hello 👋 안녕');
    await until(() => chatLines(el).some((l) => l.includes('hello 👋 안녕')));
    const line = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.log .line')].find((l) => l.textContent.includes('hello'))!;
    expect(line().dataset.status).toBe('pending');
    expect($<HTMLInputElement>(el, '[part~="input"]')!.value).toBe('');
    release();
    await until(() => line().dataset.status === 'sent');
    expect(transport.sent.filter((w) => w.type === 'TIMTextElem').length).toBe(1);
  });

  for (const [reason, code, pattern] of [
    ['rejected', 10016, /reject|not sent/i],
    ['muted', 10017, /mute/i],
    ['sensitive', 80001, /not allowed|sensitive|not sent/i],
    ['too-large', 80002, /long/i],
    ['too-fast', 10023, /fast|wait/i],
    ['network', undefined, /network|connection/i],
  ] as const) {
    it(`a failed send (${reason}${code ? `, ${code}` : ''}) shows why at the line and the input, and retries`, async () => {
      let fail = true;
      const transport = new FakeTransport({
        onSend: () => (fail ? { ok: false, reason, ...(code ? { code } : {}) } : { ok: true, id: 'srv', time: Date.now() }),
      });
      const { el } = await mount({ transport, userId: ME.id });
      await typeAndEnter(el, 'will it send');
      const line = () =>
        [...el.shadowRoot!.querySelectorAll<HTMLElement>('.log .line')].find((l) => l.textContent.includes('will it send'));
      await until(() => line()?.dataset.status === 'failed');
      expect(line()!.textContent).toMatch(pattern);
      expect($(el, '[part~="input-failure"]')!.textContent).toMatch(pattern);
      fail = false;
      line()!.querySelector<HTMLButtonElement>('.retry')!.click();
      await until(() => line()?.dataset.status === 'sent');
      expect(chatLines(el).filter((l) => l.includes('will it send')).length).toBe(1);
    });
  }

  it('own text shows exactly once: shed by the room (no copy) or echoed back (same client id)', async () => {
    const { el, transport } = await mount({ userId: ME.id });
    const r1 = await el.sendText('first own');
    expect(r1.ok).toBe(true);
    // The room sheds nothing of ours here, but delivers its copy with our client id.
    const wire = transport.sent.find((w) => w.type === 'TIMTextElem')!;
    transport.push(textMessage(ME.id, 'first own', { cloudCustomData: wire.cloudCustomData }));
    transport.push(textMessage('fan', 'after the copy')); // once this shows, the copy was handled
    await until(() => chatLines(el).some((l) => l.includes('after the copy')));
    expect(chatLines(el).filter((l) => l.includes('first own')).length).toBe(1);
  });

  it('own text still appears during a 200 msg/s flood', async () => {
    const { el, transport } = await mount({ userId: ME.id });
    let n = 0;
    const flood = setInterval(() => {
      for (let i = 0; i < 10; i++) transport.push(textMessage(`u${n % 50}`, `flood ${n++}`));
    }, 50);
    await until(() => n >= 100); // the flood is on (10 ticks)
    const sent = el.sendText('mine in the flood');
    const atSend = n;
    await until(() => n >= atSend + 140); // and goes on while the own text is sent (14 more ticks)
    clearInterval(flood);
    expect((await sent).ok).toBe(true);
    await until(() => chatLines(el).some((l) => l.includes('mine in the flood')));
  });

  it('member mute and unmute switch the input within one frame; lcr-mute-change fires', async () => {
    const { el, transport } = await mount({ userId: ME.id });
    const changes: boolean[] = [];
    el.addEventListener('lcr-mute-change', (e) => changes.push(e.detail.muted));
    expect($(el, '[part~="input"]')).not.toBeNull();
    transport.push(memberMute(600));
    await nextFrame();
    expect($(el, '[part~="input"]')).toBeNull();
    expect($(el, '[part~="input-status"]')!.textContent).toMatch(/muted/i);
    transport.push(memberMute(0));
    await nextFrame();
    expect($(el, '[part~="input"]')).not.toBeNull();
    expect(changes).toEqual([true, false]);
    expect(await el.sendText('x')).toMatchObject({ ok: true });
  });

  it('mute-all disables the input; sendText is refused while muted', async () => {
    const { el, transport } = await mount({ userId: ME.id });
    transport.push({
      ID: 'p1',
      type: 'TIMGroupTipElem',
      payload: { operationType: 6, newGroupProfile: { muteAllMembers: true } },
      from: '@TIM#SYSTEM',
      time: 1,
    });
    await nextFrame();
    expect($(el, '[part~="input-status"]')!.textContent).toMatch(/muted/i);
    expect(await el.sendText('nope')).toEqual({ ok: false, reason: 'muted' });
    transport.push({
      ID: 'p2',
      type: 'TIMGroupTipElem',
      payload: { operationType: 6, newGroupProfile: { muteAllMembers: false } },
      from: '@TIM#SYSTEM',
      time: 2,
    });
    await nextFrame();
    expect($(el, '[part~="input"]')).not.toBeNull();
  });

  it('kicked: the overlay shows the reason, the input closes, lcr-kicked fires', async () => {
    const { el, transport } = await mount({ userId: ME.id });
    const kicked: string[] = [];
    el.addEventListener('lcr-kicked', (e) => kicked.push(e.detail.reason));
    transport.push({ ID: 'k1', type: 'TIMGroupTipElem', payload: { operationType: 3, userIDList: [ME.id] }, from: '@TIM#SYSTEM', time: 1 });
    await until(() => kicked.length === 1);
    await el.updateComplete;
    expect($(el, '[part~="kicked"]')).not.toBeNull();
    expect($(el, '[part~="input"]')).toBeNull();
    expect($(el, '[part~="like-button"]')).toBeNull();
  });

  it('a guest sees "log in to chat"; pressing it fires a cancelable lcr-login-request', async () => {
    const { el } = await mount();
    const asked: string[] = [];
    el.addEventListener('lcr-login-request', (e) => asked.push(e.detail.reason));
    const login = $<HTMLButtonElement>(el, '[part~="login-button"]')!;
    expect(login.textContent).toMatch(/log in/i);
    login.click();
    expect(asked).toEqual(['chat']);
    expect(await el.sendText('hi')).toEqual({ ok: false, reason: 'not-logged-in' });
  });

  it('a cancelled lcr-send-request sends nothing', async () => {
    const { el, transport } = await mount({ userId: ME.id });
    el.addEventListener('lcr-send-request', (e) => e.preventDefault());
    expect(await el.sendText('blocked by host')).toEqual({ ok: false, reason: 'cancelled' });
    transport.push(textMessage('fan', 'later')); // once this shows, anything the send queued was handled
    await until(() => chatLines(el).some((l) => l.includes('later')));
    expect(transport.sent).toEqual([]);
    expect(chatLines(el).some((l) => l.includes('blocked by host'))).toBe(false);
  });
});
