/**
 * The gift button and panel templates in real Chromium: rendered with lit's `render()` into a
 * shadow root styled like the element's, over a dark stage. Selection, count chips, the custom
 * field's validation, the send button's states and combo badge, the inline error, Escape, the
 * replaceable slot, hostile names and URLs (text is text), touch-target sizes, axe, and one
 * screenshot for a human to look at.
 */
import axe from 'axe-core';
import { render } from 'lit';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { cdp, page, userEvent } from 'vitest/browser';
import type { CatalogGift } from '../../src/gifts/gift-catalog.ts';
import { giftButton, giftPanel, giftPanelStyles, GIFT_PRESETS, type GiftPanelProps } from '../../src/gifts/gift-panel.ts';
import { tokens } from '../../src/styles/tokens.ts';
import { loadLang } from '../../src/i18n/index.ts';
import { animationsDone } from './gifts-helpers.ts';

// Korean and Chinese strings are lazy chunks in the product; these tests read them directly.
beforeAll(async () => {
  await Promise.all([loadLang('ko'), loadLang('zh-CN')]);
});

beforeAll(() => page.viewport(800, 600));

const asset = (name: string): string => `${location.origin}/demo/public/gifts/${name}.svg`;
const GIFTS: CatalogGift[] = [
  { id: 'heart', name: 'Heart', image: asset('heart'), price: 1, type: 1 },
  { id: 'rose', name: 'Rose', image: asset('rose'), price: 5, type: 1 },
  { id: 'lollipop', name: 'Lollipop', image: asset('lollipop'), price: 10, type: 1 },
  { id: 'crown', name: 'Crown', image: asset('crown'), price: 99, type: 2 },
  { id: 'car', name: 'Sports Car', image: asset('car'), price: 199, type: 2 },
  { id: 'rocket', name: 'Super Rocket With A Very Long Name', image: asset('rocket'), price: 520, type: 3 },
  { id: 'fireworks', name: 'Fireworks', image: asset('fireworks'), price: 999, type: 3 },
  { id: 'castle', name: 'Castle', image: asset('castle'), price: 1314, type: 3 },
];

interface Calls {
  toggle: number;
  close: number;
  select: string[];
  count: number[];
  custom: number;
  send: number;
  dismiss: number;
}

interface Mount {
  readonly host: HTMLDivElement;
  readonly root: ShadowRoot;
  readonly calls: Calls;
  props: GiftPanelProps;
  update(patch: Partial<GiftPanelProps>): void;
  $(selector: string): HTMLElement | null;
  $$(selector: string): HTMLElement[];
}

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const h of mounted.splice(0)) h.remove();
});

/** A 360×600 phone-ish stage: the gift button at the bottom right, the panel over the chat column. */
function mount(patch: Partial<GiftPanelProps> = {}): Mount {
  const host = document.createElement('div');
  host.style.cssText =
    'position:relative;width:360px;height:600px;overflow:hidden;background:linear-gradient(160deg,#2b3a55 0%,#151a26 55%,#0b0d12 100%);';
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [tokens.styleSheet!, giftPanelStyles.styleSheet!];
  const stage = document.createElement('div');
  stage.style.cssText = 'position:absolute;inset:0;';
  // The action rail at the bottom right, as the element places it.
  const rail = document.createElement('div');
  rail.style.cssText = 'position:absolute;right:12px;bottom:12px;';
  root.append(stage, rail);
  const calls: Calls = { toggle: 0, close: 0, select: [], count: [], custom: 0, send: 0, dismiss: 0 };
  const m: Mount = {
    host,
    root,
    calls,
    props: {
      lang: 'en',
      open: true,
      gifts: GIFTS,
      imageFor: (g) => g.image,
      selected: undefined,
      count: 1,
      customOpen: false,
      combo: 0,
      onToggle: () => calls.toggle++,
      onClose: () => calls.close++,
      onSelect: (id) => calls.select.push(id),
      onCount: (n) => calls.count.push(n),
      onCustom: () => calls.custom++,
      onSend: () => calls.send++,
      onDismissError: () => calls.dismiss++,
      ...patch,
    },
    update(next) {
      m.props = { ...m.props, ...next };
      render(giftPanel(m.props), stage);
      render(giftButton(m.props), rail);
    },
    $: (s) => root.querySelector<HTMLElement>(s),
    $$: (s) => [...root.querySelectorAll<HTMLElement>(s)],
  };
  mounted.push(host);
  m.update({});
  return m;
}

const typeInto = (input: HTMLInputElement, value: string): void => {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
};

describe('gift button', () => {
  test('a 44×44 labelled button that controls the panel and toggles it', async () => {
    const m = mount({ open: false });
    const b = m.$('[part="gift-button"]') as HTMLButtonElement;
    expect([b.getBoundingClientRect().width, b.getBoundingClientRect().height]).toEqual([44, 44]);
    expect(b.getAttribute('aria-label')).toBe('Send a gift');
    expect(b.getAttribute('aria-controls')).toBe('lcr-gift-panel');
    expect(b.getAttribute('aria-expanded')).toBe('false');
    expect(m.$('[part="gift-panel"]')).toBeNull();
    await userEvent.click(b);
    expect(m.calls.toggle).toBe(1);
    m.update({ open: true });
    expect(b.getAttribute('aria-expanded')).toBe('true');
    expect(m.$('#lcr-gift-panel')!.getAttribute('role')).toBe('dialog');
    expect(m.$('#lcr-gift-panel')!.getAttribute('aria-label')).toBe('Gifts');
    m.update({ disabled: true });
    expect(b.disabled).toBe(true);
  });

  test('labels follow the language', () => {
    const m = mount({ lang: 'ko', balance: 1234, selected: 'crown', count: 10 });
    expect(m.$('.gift-button')!.getAttribute('aria-label')).toBe('선물 보내기');
    expect(m.$('[part="gift-total"]')!.textContent).toBe('합계: 990코인');
    m.update({ lang: 'zh-CN' });
    expect(m.$('[part="gift-send"]')!.textContent.trim()).toBe('赠送');
    expect(m.$('[part="gift-balance"]')!.textContent).toBe('余额：1,234');
  });
});

describe('gift panel', () => {
  test('header, tiles with images, names and prices; a tile click selects', async () => {
    const m = mount({ balance: 1234 });
    expect(m.$('.gift-title')!.textContent).toBe('Gifts');
    expect(m.$('[part="gift-balance"]')!.textContent).toBe('Balance: 1,234');
    const tiles = m.$$('[part="gift-tile"]');
    expect(tiles.map((t) => t.dataset.id)).toEqual(GIFTS.map((g) => g.id));
    const crown = tiles[3]!;
    expect(crown.getAttribute('aria-pressed')).toBe('false');
    expect(crown.getAttribute('aria-label')).toBe('Crown, 99 coins');
    expect(crown.querySelector('.gift-price')!.textContent).toBe('🪙 99');
    const img = crown.querySelector('img')!;
    expect(img.getAttribute('src')).toBe(asset('crown'));
    expect(img.alt).toBe('');
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(img.getAttribute('loading')).toBe('lazy');
    const box = img.getBoundingClientRect();
    expect([box.width, box.height]).toEqual([40, 40]);
    await userEvent.click(crown);
    expect(m.calls.select).toEqual(['crown']);
    m.update({ selected: 'crown' });
    expect(crown.getAttribute('aria-pressed')).toBe('true');
    expect(m.$$('[part="gift-tile"][aria-pressed="true"]')).toHaveLength(1);
  });

  test('a long name is cut with an ellipsis inside its tile', () => {
    const m = mount();
    const name = m.$('[data-id="rocket"] .gift-name')!;
    expect(name.scrollWidth).toBeGreaterThan(name.clientWidth);
    expect(getComputedStyle(name).textOverflow).toBe('ellipsis');
    expect(name.getBoundingClientRect().right).toBeLessThanOrEqual(m.$('[data-id="rocket"]')!.getBoundingClientRect().right);
  });

  test('count chips call onCount(1/10/99); the pressed chip follows the count', async () => {
    const m = mount();
    const chips = m.$$('[part="gift-count"]');
    expect(chips.map((c) => c.textContent.trim())).toEqual(['1', '10', '99', 'Custom']);
    for (const c of chips.slice(0, 3)) await userEvent.click(c);
    expect(m.calls.count).toEqual([...GIFT_PRESETS]);
    m.update({ count: 10 });
    expect(chips.map((c) => c.getAttribute('aria-pressed'))).toEqual(['false', 'true', 'false', 'false']);
    m.update({ count: 250 });
    expect(chips.map((c) => c.getAttribute('aria-pressed'))).toEqual(['false', 'false', 'false', 'true']);
  });

  test('"Custom" asks for the field; the field reports only integers within 1..9999', async () => {
    const m = mount({ selected: 'rose', count: 10 });
    // A host re-renders in a microtask, as a LitElement does.
    m.update({ onCustom: () => (m.calls.custom++, queueMicrotask(() => m.update({ customOpen: true }))) });
    expect(m.$('[part="gift-custom"]')).toBeNull();
    (m.$('[data-count="custom"]') as HTMLButtonElement).click();
    expect(m.calls.custom).toBe(1);
    await new Promise((r) => requestAnimationFrame(r));
    const input = m.$('[part="gift-custom"]') as HTMLInputElement;
    expect([input.type, input.min, input.max, input.value]).toEqual(['number', '1', '9999', '10']);
    expect(m.root.activeElement).toBe(input); // focused for typing at once
    for (const bad of ['0', '10000', '1.5', 'abc', '-3', '']) {
      typeInto(input, bad);
      expect(input.getAttribute('aria-invalid'), bad).toBe('true');
    }
    expect(m.calls.count).toEqual([]);
    typeInto(input, '250');
    expect(input.getAttribute('aria-invalid')).toBe('false');
    typeInto(input, '9999');
    typeInto(input, '1');
    expect(m.calls.count).toEqual([250, 9999, 1]);
    // Real typing reaches it too.
    input.value = '';
    await userEvent.type(input, '42');
    expect(m.calls.count.at(-1)).toBe(42);
  });

  test('total line: price × count of the selected gift, or a hint', () => {
    const m = mount();
    expect(m.$('[part="gift-total"]')!.textContent).toBe('Choose a gift');
    m.update({ selected: 'crown', count: 10 });
    expect(m.$('[part="gift-total"]')!.textContent).toBe('Total: 990 coins');
    m.update({ selected: 'castle', count: 99, balance: 100 });
    expect(m.$('[part="gift-total"]')!.textContent).toBe('Total: 130,086 coins');
    expect(m.$('[part="gift-total"]')!.classList.contains('over')).toBe(true);
  });

  test('send: disabled without a selection, when busy or disabled; shows the combo', async () => {
    const m = mount();
    const send = (): HTMLButtonElement => m.$('[part="gift-send"]') as HTMLButtonElement;
    expect(send().disabled).toBe(true);
    expect(send().textContent.trim()).toBe('Send');
    m.update({ selected: 'rose' });
    expect(send().disabled).toBe(false);
    await userEvent.click(send());
    expect(m.calls.send).toBe(1);
    m.update({ busy: true });
    expect(send().disabled).toBe(true);
    m.update({ busy: false, disabled: true });
    expect(send().disabled).toBe(true);
    expect(m.$$('[part="gift-tile"]').every((t) => (t as HTMLButtonElement).disabled)).toBe(true);
    m.update({ disabled: false, combo: 12 });
    expect(send().disabled).toBe(false);
    expect(m.$('[part="gift-combo"]')!.textContent).toBe('×12');
    expect(send().textContent.replace(/\s+/g, ' ').trim()).toBe('Send×12, combo 12');
    m.update({ combo: 0 });
    expect(m.$('[part="gift-combo"]')).toBeNull();
  });

  test('error: role=alert with the text; dismiss calls onDismissError', async () => {
    const m = mount();
    expect(m.$('[part="gift-error"]')).toBeNull();
    m.update({ error: 'Not sent: your balance is too low.' });
    const err = m.$('[part="gift-error"]')!;
    expect(err.getAttribute('role')).toBe('alert');
    expect(err.querySelector('.gift-error-text')!.textContent).toBe('Not sent: your balance is too low.');
    await userEvent.click(err.querySelector('button')!);
    expect(m.calls.dismiss).toBe(1);
  });

  test('Escape inside the panel calls onClose; the × does too', async () => {
    const m = mount({ selected: 'rose' });
    (m.$('[part="gift-send"]') as HTMLButtonElement).focus();
    await userEvent.keyboard('{Escape}');
    expect(m.calls.close).toBe(1);
    await userEvent.click(m.$('.gift-close')!);
    expect(m.calls.close).toBe(2);
    expect(m.$('.gift-close')!.getAttribute('aria-label')).toBe('Close');
  });

  test('text is text: a hostile name stays text, an unapproved URL is never loaded', () => {
    const evil: CatalogGift = { id: 'evil', name: '<img src=x onerror=alert(1)>', image: 'javascript:alert(1)', price: 3, type: 1 };
    const m = mount({ gifts: [evil, ...GIFTS], imageFor: (g) => (g.id === 'evil' ? undefined : g.image), selected: 'evil' });
    const tile = m.$('[data-id="evil"]')!;
    expect(tile.querySelector('.gift-name')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(tile.querySelectorAll('img')).toHaveLength(0);
    expect(tile.querySelector('.gift-glyph')!.textContent).toBe('🎁');
    expect(tile.getAttribute('aria-label')).toBe('<img src=x onerror=alert(1)>, 3 coins');
    expect(m.root.innerHTML).not.toContain('javascript:');
    expect([...m.root.querySelectorAll('img')].every((i) => i.src.startsWith(location.origin))).toBe(true);
  });

  test('an image that fails to load falls back to the glyph', async () => {
    const m = mount({ gifts: [{ ...GIFTS[0]!, id: 'missing', image: `${location.origin}/demo/public/gifts/nope.svg` }] });
    const art = m.$('.gift-art')!;
    await expect.poll(() => art.classList.contains('broken')).toBe(true);
    expect(getComputedStyle(art, '::before').content).toBe('"🎁"');
  });

  test('the default content sits in slot "gift-panel", which a host can fill', () => {
    const m = mount();
    const slot = m.$('[part="gift-panel"] > slot') as HTMLSlotElement;
    expect(slot.name).toBe('gift-panel');
    expect(slot.querySelector('.gift-grid')).not.toBeNull();
    const own = document.createElement('div');
    own.slot = 'gift-panel';
    own.textContent = 'My shop';
    m.host.append(own);
    expect(slot.assignedElements()).toEqual([own]);
  });

  test('fits a short stage: at most 320 px tall, the grid scrolls; every button ≥ 24×24', () => {
    const m = mount({ selected: 'crown', customOpen: true, count: 5, balance: 77, error: 'Not sent: no connection.', combo: 3 });
    const panel = m.$('[part="gift-panel"]')!.getBoundingClientRect();
    expect(panel.height).toBeLessThanOrEqual(320);
    const grid = m.$('.gift-grid')!;
    expect(grid.scrollHeight).toBeGreaterThan(grid.clientHeight);
    expect(getComputedStyle(grid).overflowY).toBe('auto');
    const targets = [...m.$$('button'), m.$('[part="gift-custom"]')!];
    expect(targets.length).toBeGreaterThan(12);
    for (const b of targets) {
      const r = b.getBoundingClientRect();
      expect(r.width, b.className).toBeGreaterThanOrEqual(24);
      expect(r.height, b.className).toBeGreaterThanOrEqual(24);
    }
    for (const s of ['[part="gift-send"]', '[part="gift-button"]'])
      expect(m.$(s)!.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
  });

  test('opens with a short rise, and without any animation under prefers-reduced-motion', async () => {
    const animated = mount();
    expect(getComputedStyle(animated.$('[part="gift-panel"]')!).animationName).toBe('lcr-gift-panel-in');
    await cdp().send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-reduced-motion', value: 'reduce' }] });
    try {
      const still = mount();
      expect(getComputedStyle(still.$('[part="gift-panel"]')!).animationName).toBe('none');
      expect(still.$('[part="gift-panel"]')!.getAnimations()).toHaveLength(0);
    } finally {
      await cdp().send('Emulation.setEmulatedMedia', { features: [] });
    }
  });

  test('axe: no violations (open, with error and custom field)', async () => {
    const m = mount({ selected: 'crown', customOpen: true, count: 5, balance: 77, error: 'Not sent: no connection.', combo: 3 });
    const result = await axe.run(m.host, { resultTypes: ['violations'] });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.failureSummary).join('; ')}`)).toEqual([]);
  });

  test('screenshot (for a human; not committed)', async () => {
    const m = mount({ selected: 'crown', count: 10, balance: 1234, combo: 12 });
    await Promise.all(m.$$('img').map((i) => (i as HTMLImageElement).decode().catch(() => undefined)));
    await animationsDone(m.root); // past the open animation
    await page.screenshot({ path: '__screenshots__/gift-panel.png', element: m.host });
    // What the picture shows: the balance, the combo on the send button, every image decoded.
    expect(m.$('[part="gift-balance"]')!.textContent).toMatch(/1,?234/);
    expect(m.$('[part="gift-combo"]')!.textContent).toBe('×12');
    expect(m.$$('img').every((i) => (i as HTMLImageElement).naturalWidth > 0)).toBe(true);
    m.update({ customOpen: true, count: 250, error: 'Not sent: your balance is too low.', busy: true, combo: 0 });
    await animationsDone(m.root);
    await page.screenshot({ path: '__screenshots__/gift-panel-custom.png', element: m.host });
    expect(m.$('[part="gift-error"]')!.textContent).toContain('your balance is too low');
    expect(m.$('[part="gift-combo"]')).toBeNull();
  });
});
