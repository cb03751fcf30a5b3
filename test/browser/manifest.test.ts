/**
 * custom-elements.json against the running element (issue 22): its attributes are the element's
 * observed attributes, its public fields are the element's properties (every reactive property
 * documented, every documented field and method there), and every part the element renders in a
 * tour of its states is documented. The Node half (events, states, parts, slots, CSS properties
 * against the sources, and that the file is current) is test/unit/manifest.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import manifestJson from '../../custom-elements.json';
import { LiveChatRoom } from '../../src/element/live-chat-room.ts';
import { elementDeclaration, type Manifest } from '../../scripts/manifest.ts';
import { $, CATALOG, customMessage, ME, mount, resetPage, textMessage, until, untilPlaying, VOD } from './element-helpers.ts';
import { CMD } from '../../src/protocol/index.ts';

const element = elementDeclaration(manifestJson as Manifest);
const documentedParts = new Set((element.cssParts ?? []).map((p) => p.name));
const publicMembers = (element.members ?? []).filter((m) => !m.static && (m.privacy ?? 'public') === 'public');

afterEach(resetPage);

function partsIn(el: HTMLElement, into: Set<string>): void {
  for (const node of el.shadowRoot!.querySelectorAll('[part]')) for (const p of node.getAttribute('part')!.split(/\s+/)) into.add(p);
}

describe('custom-elements.json and the running element', () => {
  it('documents exactly the observed attributes', () => {
    expect((element.attributes ?? []).map((a) => a.name).sort()).toEqual([...LiveChatRoom.observedAttributes].sort());
  });

  it('documents every reactive property, and every documented field and method exists', async () => {
    const reactive = [...LiveChatRoom.elementProperties].filter(([, o]) => !o.state).map(([k]) => String(k));
    const fields = publicMembers.filter((m) => m.kind === 'field').map((m) => m.name);
    expect(reactive.filter((name) => !fields.includes(name))).toEqual([]);
    const { el } = await mount();
    const room = el as unknown as Record<string, unknown>;
    expect(fields.filter((name) => !(name in el))).toEqual([]);
    expect(publicMembers.filter((m) => m.kind === 'method' && typeof room[m.name] !== 'function').map((m) => m.name)).toEqual([]);
  });

  it('every part rendered in a tour of the room is documented', async () => {
    const seen = new Set<string>();
    const { el, transport } = await mount({
      userId: ME.id,
      props: { gifts: CATALOG as never, giftEndpoint: '/bill', anchor: { nick: 'Ava', followers: 3 }, announcement: 'Welcome', src: VOD },
    });
    await untilPlaying(el);
    transport.push(textMessage('fan', 'hello'));
    transport.push(customMessage('administrator', CMD.roomState, { state: 'live' }));
    await until(() => el.shadowRoot!.querySelector('[part~="chat-line"]') !== null);
    partsIn(el, seen);
    $<HTMLButtonElement>(el, '[part~="gift-button"]')!.click();
    await until(() => $(el, '[part~="gift-panel"]') !== null);
    partsIn(el, seen);
    $<HTMLButtonElement>(el, '[part~="barrage-settings-button"]')?.click();
    await el.updateComplete;
    partsIn(el, seen);
    for (const state of ['upcoming', 'paused', 'ended'] as const) {
      await el.updateRoom({ state, ...(state === 'upcoming' ? { startTime: Date.now() + 60_000 } : {}) });
      await el.updateComplete;
      partsIn(el, seen);
    }
    resetPage();
    const guest = await mount();
    await guest.el.updateComplete;
    partsIn(guest.el, seen);
    expect([...seen].filter((p) => !documentedParts.has(p))).toEqual([]);
    // The tour reaches most of the room: a test that saw a handful of parts would prove little.
    expect(seen.size).toBeGreaterThanOrEqual(40);
  });
});
