/**
 * The chat input in real Chromium, its states: the token-bucket cooldown disables sending with a
 * visible countdown and re-enables on time; muted (self, with countdown, and mute-all), banned,
 * kicked and guest render their reason and leave nothing to send with; a failed send shows its
 * reason; offline keeps typing; slots and parts; axe; screenshots; the timer's teardown.
 */
import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { chatInputResources } from '../../src/chat/chat-input.ts';
import { focusables, mountInput, nextFrame, unmountInputs, type InputMount } from './chat-input-helpers.ts';
import { loadLang } from '../../src/i18n/index.ts';

// Korean and Chinese strings are lazy chunks in the product; these tests read them directly.
beforeAll(async () => {
  await Promise.all([loadLang('ko'), loadLang('zh-CN')]);
});

beforeAll(() => page.viewport(800, 600));
afterEach(unmountInputs);

async function violations(m: InputMount): Promise<string[]> {
  const result = await axe.run(m.host, { resultTypes: ['violations'] });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.failureSummary}`));
}

const status = (m: InputMount) => m.q('[part="input-status"]')?.textContent?.trim();

describe('cooldown', () => {
  test('a refused send disables the button with a countdown, keeps the text, and re-enables on time', async () => {
    const m = mountInput({ clientIds: true });
    const input = m.input()!;
    await userEvent.type(input, 'slow down');
    await userEvent.keyboard('{Enter}');
    expect(m.sent).toEqual(['slow down']);
    m.ctrl.cooldown(1800, 'c1'); // what the pipeline's cooldown$ reports
    const send = m.send()!;
    expect(input.value).toBe('slow down');
    expect(send.disabled).toBe(true);
    expect(send.textContent.trim()).toBe('2s');
    expect(send.getAttribute('aria-label')).toBe('Send, available in 2s'); // the visible "2s" is in the name
    expect(m.q('[part="input-area"]')!.dataset.state).toBe('cooldown');
    await userEvent.keyboard('{Enter}');
    expect(m.sent).toHaveLength(1);
    expect(chatInputResources().timers).toBe(1);
    await expect.poll(() => m.send()!.textContent.trim(), { timeout: 3000, interval: 50 }).toBe('1s');
    await expect.poll(() => m.send()!.disabled, { timeout: 3000, interval: 50 }).toBe(false);
    expect(m.send()!.textContent.trim()).toBe('Send');
    expect(m.send()!.getAttribute('aria-label')).toBe('Send');
    expect(chatInputResources().timers).toBe(0);
    await userEvent.keyboard('{Enter}');
    expect(m.sent).toEqual(['slow down', 'slow down']);
  });
});

describe('blocked states', () => {
  test('muted with an end: the reason counts down, nothing can send, the draft waits, and it lifts itself', async () => {
    const m = mountInput();
    await userEvent.type(m.input()!, 'kept for later');
    m.ctrl.setStatus({ guest: false, mutedUntil: Date.now() + 2400 });
    expect(m.input()).toBeNull();
    expect(status(m)).toBe('You are muted · 0:03');
    expect(m.q('[part="input-status"]')!.getAttribute('role')).toBe('status');
    expect(m.send()!.disabled).toBe(true);
    expect(focusables(m.root)).toEqual([]);
    await userEvent.keyboard('{Enter}');
    expect(m.sent).toEqual([]);
    await expect.poll(() => status(m), { timeout: 3000, interval: 50 }).toBe('You are muted · 0:02');
    await expect.poll(() => m.input(), { timeout: 4000, interval: 50 }).not.toBeNull();
    expect(m.input()!.value).toBe('kept for later');
    expect(m.send()!.disabled).toBe(false);
  });

  test.each([
    ['mute-all', () => ({ guest: false, muteAll: true }), 'Chat is muted by the host'],
    ['muted, no end', () => ({ guest: false, mutedUntil: Infinity }), 'You are muted'],
    ['banned for a while', () => ({ guest: false, bannedUntil: Date.now() + 3_723_000 }), 'You are banned from this room · 1:02:03'],
    ['kicked: banned', () => ({ guest: false, kicked: 'banned' as const }), 'You are banned from this room'],
    [
      'kicked: another window',
      () => ({ guest: false, kicked: 'multipleAccount' as const }),
      'Chat is closed: you are no longer in this room',
    ],
  ])('%s renders its reason and nothing to send with', (_name, s, text) => {
    const m = mountInput();
    m.ctrl.setStatus(s());
    expect(status(m)).toBe(text);
    expect(m.input()).toBeNull();
    expect(m.send()!.disabled).toBe(true);
    expect(focusables(m.root)).toEqual([]);
  });

  test('a guest gets one "Log in to chat" button that asks for a login, and no field', async () => {
    const m = mountInput();
    m.ctrl.setStatus({ guest: true });
    expect(m.input()).toBeNull();
    expect(m.send()).toBeNull();
    const login = m.q<HTMLButtonElement>('[part="login-button"]')!;
    expect(login.textContent.trim()).toBe('Log in to chat');
    expect(focusables(m.root)).toEqual([login]);
    await userEvent.click(login);
    expect(m.logins).toHaveLength(1);
    expect(m.sent).toEqual([]);
  });

  test('offline keeps the field (typing is fine) but holds sending, and says why', async () => {
    const m = mountInput();
    m.ctrl.setStatus({ guest: false, connection: 'reconnecting' });
    const input = m.input()!;
    await userEvent.type(input, 'typed offline');
    expect(m.send()!.disabled).toBe(true);
    expect(m.q('.soft-status')!.textContent).toBe('Reconnecting… you can send when the connection is back');
    expect(input.getAttribute('aria-describedby')).toBe('lcr-input-counter lcr-input-status');
    await userEvent.keyboard('{Enter}');
    expect(m.sent).toEqual([]);
    m.ctrl.setStatus({ guest: false, connection: 'connected' });
    await userEvent.keyboard('{Enter}');
    expect(m.sent).toEqual(['typed offline']);
  });

  test('reasons follow the language', () => {
    const ko = mountInput({ lang: 'ko' });
    ko.ctrl.setStatus({ guest: false, muteAll: true });
    expect(status(ko)).toBe('진행자가 채팅을 금지했습니다');
    const zh = mountInput({ lang: 'zh-CN' });
    zh.ctrl.setStatus({ guest: true });
    expect(zh.q('[part="login-button"]')!.textContent.trim()).toBe('登录后聊天');
  });
});

describe('failures, slots, parts, a11y, teardown', () => {
  test('a failed send shows its reason as an alert until dismissed or the next send', async () => {
    const m = mountInput();
    m.ctrl.showFailure('sensitive');
    const alert = m.q('[part="input-failure"]')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('Not sent: this message contains words that are not allowed.');
    await userEvent.click(m.q('.dismiss')!);
    expect(m.q('[part="input-failure"]')).toBeNull();
    m.ctrl.showFailure('too-fast');
    await userEvent.type(m.input()!, 'next');
    await userEvent.keyboard('{Enter}');
    expect(m.q('[part="input-failure"]')).toBeNull();
  });

  test('slots for actions and decoration, parts for styling', () => {
    const m = mountInput();
    const slots = [...m.root.querySelectorAll('slot')].map((s) => s.name);
    expect(slots).toEqual(['input-decoration', 'input-actions']);
    for (const part of ['input-area', 'input', 'input-counter', 'send-button']) expect(m.q(`[part="${part}"]`), part).not.toBeNull();
    // Slotted host content shows in the row.
    const action = document.createElement('button');
    action.slot = 'input-actions';
    action.textContent = '🎁';
    m.host.append(action);
    expect((m.root.querySelector('slot[name="input-actions"]') as HTMLSlotElement).assignedElements()).toEqual([action]);
  });

  test('axe: normal, cooldown, muted, guest and failure states have no violations', async () => {
    const m = mountInput();
    await userEvent.type(m.input()!, 'hello');
    expect(await violations(m)).toEqual([]);
    m.ctrl.cooldown(3000);
    expect(await violations(m)).toEqual([]);
    m.ctrl.showFailure('network');
    expect(await violations(m)).toEqual([]);
    m.ctrl.setStatus({ guest: false, mutedUntil: Date.now() + 60_000 });
    expect(await violations(m)).toEqual([]);
    m.ctrl.setStatus({ guest: true });
    expect(await violations(m)).toEqual([]);
  });

  test('destroy stops the countdown timer; nothing ticks afterwards', async () => {
    const base = chatInputResources().timers;
    const m = mountInput();
    m.ctrl.setStatus({ guest: false, mutedUntil: Date.now() + 60_000 });
    m.ctrl.cooldown(5000);
    expect(chatInputResources().timers).toBe(base + 1);
    const control = mountInput(); // the same countdowns, left running: it shows when a tick was due
    control.ctrl.setStatus({ guest: false, mutedUntil: Date.now() + 60_000 });
    control.ctrl.cooldown(5000);
    const renders = m.renders;
    m.ctrl.destroy();
    m.ctrl.destroy();
    expect(chatInputResources().timers).toBe(base + 1); // the control's
    const controlRenders = control.renders;
    await expect.poll(() => control.renders, { timeout: 5000, interval: 50 }).toBeGreaterThan(controlRenders);
    expect(m.renders).toBe(renders);
    control.ctrl.destroy();
    expect(chatInputResources().timers).toBe(base);
  });
});

describe('screenshots', () => {
  test('normal, cooldown, muted and failed-send states', async () => {
    const shots: [string, (m: InputMount) => Promise<void> | void][] = [
      ['input-normal', async (m) => void (await userEvent.fill(m.input()!, 'Does it come in navy? 😍'))],
      [
        'input-cooldown',
        async (m) => {
          await userEvent.fill(m.input()!, 'first!!');
          m.ctrl.cooldown(2600);
        },
      ],
      ['input-muted', (m) => m.ctrl.setStatus({ guest: false, mutedUntil: Date.now() + 272_400 })],
      ['input-muted-all', (m) => m.ctrl.setStatus({ guest: false, muteAll: true })],
      ['input-guest', (m) => m.ctrl.setStatus({ guest: true })],
      [
        'input-failed',
        async (m) => {
          await userEvent.fill(m.input()!, 'try again later');
          m.ctrl.showFailure('sensitive');
        },
      ],
    ];
    for (const [name, arrange] of shots) {
      const m = mountInput({ width: 380 });
      m.host.style.zoom = '2';
      await arrange(m);
      (document.activeElement as HTMLElement | null)?.blur?.();
      await nextFrame(); // the blurred styles are painted
      const path = await page.screenshot({ path: `__screenshots__/${name}.png`, element: m.host });
      expect(path).toMatch(new RegExp(`${name}\\.png$`));
      unmountInputs();
    }
  });
});
