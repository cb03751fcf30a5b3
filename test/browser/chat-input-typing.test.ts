/**
 * The chat input in real Chromium, typing: Enter sends (Shift+Enter too, nothing multi-line),
 * IME composition never sends half-composed text, the visible counter and the limit in code
 * points, and hostile text stays text.
 */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { LIMITS } from '../../src/protocol/index.ts';
import { mountInput, unmountInputs } from './chat-input-helpers.ts';

beforeAll(() => page.viewport(800, 600));
afterEach(unmountInputs);

const counterText = (m: ReturnType<typeof mountInput>) => m.q('[part="input-counter"] .counter-shown')!.textContent;

describe('typing and sending', () => {
  test('typing then Enter sends the trimmed text and empties the field; the button sends too', async () => {
    const m = mountInput();
    const input = m.input()!;
    expect(input.getAttribute('aria-label')).toBe('Chat message');
    expect(input.placeholder).toBe('Say something…');
    expect(m.send()!.disabled).toBe(true); // nothing to send yet
    // (userEvent.type splits astral characters into UTF-16 halves; fill inserts text as an IME or paste does.)
    await userEvent.fill(input, '  hello 👋 ');
    expect(m.send()!.disabled).toBe(false);
    await userEvent.keyboard('{Enter}');
    expect(m.sent).toEqual(['hello 👋']);
    expect(input.value).toBe('');
    expect(counterText(m)).toBe(`0/${LIMITS.textChars}`);
    expect(m.root.activeElement).toBe(input); // keep typing
    await userEvent.type(input, 'by button');
    await userEvent.click(m.send()!);
    expect(m.sent).toEqual(['hello 👋', 'by button']);
  });

  test('Shift+Enter sends too and never makes a second line', async () => {
    const m = mountInput();
    const input = m.input()!;
    await userEvent.type(input, 'one');
    await userEvent.keyboard('{Shift>}{Enter}{/Shift}');
    expect(m.sent).toEqual(['one']);
    expect(input.value).toBe('');
    // A pasted multi-line text becomes one line.
    input.value = 'line one\nline two';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    expect(m.ctrl.draft).not.toContain('\n');
  });

  test('IME composition never sends: compositionstart, input, Enter with isComposing, compositionend', async () => {
    const m = mountInput();
    const input = m.input()!;
    input.focus();
    const compose = (type: string, data: string) => input.dispatchEvent(new CompositionEvent(type, { data, bubbles: true }));
    const typeComposing = (value: string) => {
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, inputType: 'insertCompositionText', data: value }));
    };
    const enter = (init: KeyboardEventInit) =>
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true, ...init }));
    compose('compositionstart', '');
    typeComposing('ㄴ');
    typeComposing('니');
    typeComposing('你');
    expect(enter({ isComposing: true, keyCode: 229 })).toBe(true); // not prevented: the IME commits with it
    expect(enter({ keyCode: 229 })).toBe(true);
    await userEvent.click(m.send()!); // even a click mid-composition sends nothing half-done
    expect(m.sent).toEqual([]);
    compose('compositionend', '你');
    // Safari: the committing Enter comes after compositionend, with keyCode 229.
    expect(enter({ keyCode: 229 })).toBe(true);
    expect(m.sent).toEqual([]);
    expect(m.ctrl.draft).toBe('你');
    expect(enter({ keyCode: 13 })).toBe(false);
    expect(m.sent).toEqual(['你']);
  });

  test('the counter counts code points (an emoji is one) and warns near the limit', async () => {
    const m = mountInput({ limit: 20 });
    const input = m.input()!;
    expect(counterText(m)).toBe('0/20');
    await userEvent.fill(input, '😀主播a');
    expect(counterText(m)).toBe('4/20');
    // What a screen reader hears as the field's description.
    expect(m.q('[part="input-counter"] .sr-only')!.textContent).toBe('4 of 20 characters');
    expect(m.input()!.getAttribute('aria-describedby')).toBe('lcr-input-counter');
    await userEvent.type(input, 'x'.repeat(14));
    expect(counterText(m)).toBe('18/20');
    expect(m.q('.field')!.classList.contains('near')).toBe(true);
  });

  test('the limit holds for typing and pasting, without cutting an emoji apart', async () => {
    const m = mountInput({ limit: 10 });
    const input = m.input()!;
    await userEvent.type(input, 'abcdefghijklmn');
    expect(input.value).toBe('abcdefghij');
    expect(counterText(m)).toBe('10/10');
    expect(m.q('.field')!.classList.contains('full')).toBe(true);
    await userEvent.clear(input);
    input.value = 'abcdefgh👨‍👩‍👧';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    expect(input.value).toBe('abcdefgh'); // the 5-code-point family does not fit: left out whole
    const full = mountInput();
    full.input()!.value = '😀'.repeat(LIMITS.textChars + 30);
    full.input()!.dispatchEvent(new InputEvent('input', { bubbles: true }));
    expect(full.ctrl.length).toBe(LIMITS.textChars);
    expect(counterText(full)).toBe(`${LIMITS.textChars}/${LIMITS.textChars}`);
    full.input()!.focus();
    await userEvent.keyboard('{Enter}');
    expect(full.sent).toEqual(['😀'.repeat(LIMITS.textChars)]);
  });

  test('hostile text stays text: in the field, in what is sent, and nothing is parsed', async () => {
    const m = mountInput({ clientIds: true });
    const hostile = '<img src=x onerror="window.__lcrPwned=1"><b>bold</b>';
    const input = m.input()!;
    input.value = hostile;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    input.focus();
    await userEvent.keyboard('{Enter}');
    expect(m.sent).toEqual([hostile]);
    // Refused by the bucket: the text comes back into the field, still as text.
    m.ctrl.cooldown(1500, 'c1');
    expect(input.value).toBe(hostile);
    // A control image with the payload's src: once it has failed, an injected one would have run its onerror.
    await new Promise((resolve) => Object.assign(new Image(), { onerror: resolve, onload: resolve, src: 'x' }));
    expect(m.root.querySelector('img, b')).toBeNull();
    expect((window as { __lcrPwned?: number }).__lcrPwned).toBeUndefined();
  });
});
