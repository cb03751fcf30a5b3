import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { chatLines, customMessage, mount, textMessage, until } from './element-helpers.ts';

afterEach(() => document.body.replaceChildren());

describe('<live-chat-room> on the fake transport', () => {
  it('joins the room and shows chat lines as text', async () => {
    const { el, transport } = await mount();
    transport.push(textMessage('alice', 'hello <b>room</b>'));
    await until(() => chatLines(el).length === 1);
    expect(chatLines(el)[0]).toContain('hello <b>room</b>');
    expect(el.shadowRoot!.querySelector('.log b')).toBeNull();
  });

  it('renders each room state as its view and as a CSS custom state', async () => {
    const { el, transport } = await mount();
    const set = (state: string, extra: Record<string, unknown> = {}) =>
      transport.emit({ kind: 'attributes', attributes: { state, ...extra } });
    set('upcoming', { startTime: String(Date.now() + 65_000) });
    await until(() => !!el.shadowRoot!.querySelector('.card.upcoming'));
    expect(el.shadowRoot!.querySelector('.countdown')?.textContent).toMatch(/^1:0[45]$/);
    expect(el.matches(':state(upcoming)')).toBe(true);
    set('paused');
    await until(() => !!el.shadowRoot!.querySelector('.card.paused'));
    set('ended', { replayUrl: '/demo/media/vod.m3u8' });
    await until(() => !!el.shadowRoot!.querySelector('.card.ended'));
    expect(el.matches(':state(ended)')).toBe(true);
    expect(el.roomState).toBe('ended');
    set('live');
    await until(() => !el.shadowRoot!.querySelector('.card'));
    expect(el.shadowRoot!.querySelector('.state-badge')?.textContent).toBe('LIVE');
  });

  it('shows the kicked overlay with its reason and stops', async () => {
    const { el, transport } = await mount({ userId: 'me' });
    const kicked = new Promise((resolve) => el.addEventListener('lcr-kicked', resolve));
    transport.emit({ kind: 'kicked', reason: 'multipleAccount' });
    await kicked;
    await until(() => !!el.shadowRoot!.querySelector('.blocker'));
    expect(el.shadowRoot!.querySelector('.blocker')?.textContent).toMatch(/another window/);
    expect(el.matches(':state(kicked)')).toBe(true);
  });

  it('fires typed lcr-* events that bubble out of the shadow root', async () => {
    const { el, transport } = await mount();
    const seen: string[] = [];
    const targets: EventTarget[] = [];
    document.body.addEventListener('lcr-message', (e) => {
      seen.push((e as CustomEvent).detail.kind);
      targets.push(e.target!);
    });
    transport.push(customMessage('fan', 'send_like_message', { count: 3 }, 'Low'));
    transport.push(textMessage('fan', 'hi'));
    await until(() => seen.length === 2);
    expect(seen).toEqual(['like', 'text']);
    expect(targets).toEqual([el, el]); // dispatched on the element itself, heard by the page
  });

  it('takes a screenshot of a live room', async () => {
    await page.viewport(1000, 600);
    const { el, transport } = await mount({
      props: { anchor: { nick: 'Mina', followers: 12_400 }, announcement: 'Flash sale: 20% off everything until 9 pm!' },
    });
    transport.emit({ kind: 'attributes', attributes: { state: 'live' } });
    transport.emit({ kind: 'audience', count: 1234 });
    for (const [who, text] of [
      ['alice', 'hello from Seoul 👋'],
      ['bob', '主播好！'],
      ['carol', '이거 얼마예요?'],
    ])
      transport.push(textMessage(who!, text!, { cloudCustomData: '{"lcr":{"level":12}}' }));
    await until(() => chatLines(el).length === 3);
    await page.screenshot({ path: 'element-live.png', element: el });
    // What the picture shows: the live badge, the anchor, the audience, the announcement, the lines.
    expect(el.matches(':state(live)')).toBe(true);
    const shown = el.shadowRoot!.textContent;
    for (const text of ['Mina', 'Flash sale: 20% off everything until 9 pm!', '主播好！', 'hello from Seoul 👋'])
      expect(shown).toContain(text);
    expect(shown).toMatch(/1[,.]?234|1\.2K/i);
  });
});
