/**
 * The element's controller API (issue #5): methods return Promises and take the UI's paths.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CMD } from '../../src/protocol/index.ts';
import { $, chatLines, giftsOf, ME, mount, resetPage, until } from './element-helpers.ts';

afterEach(resetPage);

describe('element controller API', () => {
  it('sendText resolves ok with the server id and shows the line', async () => {
    const { el } = await mount({ userId: ME.id });
    const r = await el.sendText('via the API');
    expect(r).toMatchObject({ ok: true });
    await until(() => chatLines(el).some((l) => l.includes('via the API')));
  });

  it('sendText beyond the token bucket resolves too-fast and shows a cooldown', async () => {
    const { el } = await mount({ userId: ME.id });
    const results = await Promise.all([1, 2, 3, 4, 5].map((i) => el.sendText(`burst ${i}`)));
    expect(results.filter((r) => r.ok).length).toBe(3);
    expect(results.filter((r) => !r.ok && r.reason === 'too-fast').length).toBe(2);
    await el.updateComplete;
    expect($<HTMLButtonElement>(el, '[part~="send-button"]')!.getAttribute('aria-label')).toMatch(/available in/i);
  });

  it('sendCustom sends the envelope with the given priority; bad commands are refused', async () => {
    const { el, transport } = await mount({ userId: ME.id });
    expect(await el.sendCustom('poll_vote', { option: 2 }, 'high')).toMatchObject({ ok: true });
    const wire = transport.sent.at(-1)!;
    expect(wire).toMatchObject({ type: 'TIMCustomElem', description: 'poll_vote', priority: 'high' });
    expect(JSON.parse((wire as { data: string }).data)).toMatchObject({ data: { cmd: 'poll_vote', cmdInfo: { option: 2 } } });
    expect(await el.sendCustom('bad cmd with spaces <x>', {}, 'normal')).toMatchObject({ ok: false });
  });

  it('like(count) counts at once and sends one Low like message', async () => {
    const { el, transport } = await mount({ userId: ME.id });
    const r = await el.like(7);
    expect(r).toMatchObject({ ok: true });
    const likes = transport.sent.filter((w) => w.type === 'TIMCustomElem' && w.description === CMD.like);
    expect(likes.length).toBe(1);
  });

  it('updateRoom changes state, announcement and audience through the room reducer', async () => {
    const { el } = await mount({ userId: ME.id });
    await el.updateRoom({ state: 'paused', announcement: 'Back in 5 minutes', audience: 1234 });
    await until(() => el.roomState === 'paused');
    await el.updateComplete;
    expect($(el, '.announcement')!.textContent).toContain('Back in 5 minutes');
    expect(el.shadowRoot!.textContent).toMatch(/1[,.]?2/);
    await el.updateRoom({ state: 'live' });
    await until(() => el.roomState === 'live');
  });

  it('playEffect with a refused URL resolves (image/none fallback), never throws', async () => {
    const { el } = await mount({ userId: ME.id });
    await expect(el.playEffect('javascript:alert(1)')).resolves.toBeUndefined();
    await expect(el.playEffect('https://evil.example/a.json')).resolves.toBeUndefined();
    const effects = giftsOf(el).stats()!.effects;
    // Neither played: the first is refused before any fetch, the second fails to load; both gave way.
    expect(effects).toMatchObject({ played: 0, busy: false });
    expect(effects.fallbacks['not-allowed']).toBe(1);
    expect(Object.values(effects.fallbacks).reduce((a, n) => a + n, 0)).toBe(2);
    expect($(el, '.gift-effect-host svg, .gift-effect-host canvas')).toBeNull(); // no animation left on the stage
  });
});
