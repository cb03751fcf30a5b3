/**
 * The chat input's controller without a DOM: drafts, Enter and IME composition, the limit,
 * cooldown and mute countdowns on fake timers, and its one timer's teardown.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChatInputController, chatInputResources } from '../../../src/chat/chat-input.ts';

const T0 = 1_700_000_000_000;

interface Field {
  value: string;
}

function setup(opts: { limit?: number; clientIds?: boolean } = {}) {
  const sent: string[] = [];
  const host = {
    updates: 0,
    requestUpdate() {
      this.updates++;
    },
  };
  let n = 0;
  const ctrl = new ChatInputController(host, {
    onSend: (text) => {
      sent.push(text);
      return opts.clientIds ? `c${++n}` : undefined;
    },
    onLoginRequest: () => sent.push('<login>'),
    ...(opts.limit ? { limit: opts.limit } : {}),
  });
  const field: Field = { value: '' };
  const type = (value: string, isComposing = false) => {
    field.value = value;
    ctrl.onInput({ target: field, isComposing } as unknown as Event);
  };
  const key = (init: Partial<KeyboardEvent> & { key: string }) => {
    const e = {
      isComposing: false,
      keyCode: init.key === 'Enter' ? 13 : 0,
      shiftKey: false,
      altKey: false,
      ctrlKey: false,
      metaKey: false,
      defaultPrevented: false,
      ...init,
    } as KeyboardEvent & { defaultPrevented: boolean };
    (e as { preventDefault: () => void }).preventDefault = () => ((e as { defaultPrevented: boolean }).defaultPrevented = true);
    ctrl.onKeyDown(e);
    return e.defaultPrevented;
  };
  return { ctrl, sent, host, field, type, key };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('ChatInputController', () => {
  it('Enter sends the trimmed draft and clears it; Shift+Enter sends too; empty drafts do not send', () => {
    const { ctrl, sent, type, key } = setup();
    type('  hello  ');
    expect(ctrl.canSend).toBe(true);
    expect(key({ key: 'Enter' })).toBe(true);
    expect(sent).toEqual(['hello']);
    expect(ctrl.draft).toBe('');
    type('again');
    key({ key: 'Enter', shiftKey: true });
    expect(sent).toEqual(['hello', 'again']);
    type('   ');
    key({ key: 'Enter' });
    key({ key: 'Enter', ctrlKey: true });
    expect(sent).toEqual(['hello', 'again']);
    expect(key({ key: 'a' })).toBe(false);
  });

  it('never sends while composing: isComposing, the composition flag, and keyCode 229', () => {
    const { ctrl, sent, type, key, field } = setup();
    ctrl.onCompositionStart();
    type('ㅎ', true);
    type('하', true);
    expect(ctrl.canSend).toBe(true); // the button does not flicker per syllable…
    expect(ctrl.send()).toBe(false); // …but nothing half-composed is sent
    expect(key({ key: 'Enter', isComposing: true, keyCode: 229 })).toBe(false); // the IME keeps its Enter
    expect(key({ key: 'Enter' })).toBe(false); // the flag alone holds it
    ctrl.onCompositionEnd({ target: field } as unknown as Event);
    expect(ctrl.draft).toBe('하');
    // Safari: the committing Enter arrives after compositionend with keyCode 229.
    expect(key({ key: 'Enter', keyCode: 229 })).toBe(false);
    expect(sent).toEqual([]);
    expect(key({ key: 'Enter' })).toBe(true);
    expect(sent).toEqual(['하']);
  });

  it('holds the draft to the limit in code points, but never rewrites the field mid-composition', () => {
    const { ctrl, type, field } = setup({ limit: 5 });
    type('ab😀cdef');
    expect(field.value).toBe('ab😀cd');
    expect(ctrl.length).toBe(5);
    ctrl.onCompositionStart();
    type('ab😀cd中文', true);
    expect(field.value).toBe('ab😀cd中文'); // untouched while the IME works
    ctrl.onCompositionEnd({ target: field } as unknown as Event);
    expect(field.value).toBe('ab😀cd');
    type('x\ny');
    expect(ctrl.draft).toBe('x y');
  });

  it('a refused send shows a countdown, restores its text, and re-enables at the end', () => {
    const { ctrl, sent, host, type, key } = setup({ clientIds: true });
    type('too soon');
    key({ key: 'Enter' });
    expect(sent).toEqual(['too soon']);
    ctrl.cooldown(2500, 'c1');
    expect(ctrl.draft).toBe('too soon');
    expect(ctrl.cooldownMs).toBe(2500);
    expect(ctrl.canSend).toBe(false);
    expect(key({ key: 'Enter' })).toBe(true);
    expect(sent).toHaveLength(1);
    expect(chatInputResources().timers).toBe(1);
    const updates = host.updates;
    vi.advanceTimersByTime(500); // 2.5 s → 2 s: the shown second changes
    expect(host.updates).toBe(updates + 1);
    vi.advanceTimersByTime(1000);
    expect(host.updates).toBe(updates + 2);
    vi.advanceTimersByTime(999);
    expect(ctrl.canSend).toBe(false);
    vi.advanceTimersByTime(1);
    expect(ctrl.cooldownMs).toBe(0);
    expect(ctrl.canSend).toBe(true);
    expect(host.updates).toBe(updates + 3);
    expect(chatInputResources().timers).toBe(0); // nothing left to count down
    key({ key: 'Enter' });
    expect(sent).toEqual(['too soon', 'too soon']);
  });

  it('a cooldown for another request does not overwrite what the viewer is typing', () => {
    const { ctrl, type, key } = setup({ clientIds: true });
    type('first');
    key({ key: 'Enter' });
    type('second draft');
    ctrl.cooldown(1000, 'c1');
    expect(ctrl.draft).toBe('second draft');
    ctrl.cooldown(1000, 'other');
    expect(ctrl.draft).toBe('second draft');
    ctrl.destroy();
  });

  it('a member mute blocks, ticks every second and lifts itself at its end', () => {
    const { ctrl, host, type } = setup();
    type('waiting');
    ctrl.setStatus({ guest: false, mutedUntil: T0 + 3000 });
    expect(ctrl.block).toEqual({ kind: 'muted', until: T0 + 3000 });
    expect(ctrl.canSend).toBe(false);
    const updates = host.updates;
    vi.advanceTimersByTime(3000);
    expect(host.updates - updates).toBe(3);
    expect(ctrl.block).toBeNull();
    expect(ctrl.canSend).toBe(true);
    expect(ctrl.draft).toBe('waiting'); // kept through the mute
    expect(chatInputResources().timers).toBe(0);
  });

  it('a long mute waits for its end without ticking every second', () => {
    const { ctrl, host } = setup();
    ctrl.setStatus({ guest: false, mutedUntil: T0 + 200 * 3600_000 });
    const updates = host.updates;
    vi.advanceTimersByTime(3600_000);
    expect(host.updates - updates).toBe(1); // one re-check an hour
    expect(ctrl.block?.kind).toBe('muted');
    ctrl.destroy();
  });

  it('mute-all and guests block without timers; the guest button asks for a login', () => {
    const { ctrl, sent, type, key } = setup();
    type('hi');
    ctrl.setStatus({ guest: false, muteAll: true });
    key({ key: 'Enter' });
    ctrl.onSendClick();
    expect(chatInputResources().timers).toBe(0);
    ctrl.setStatus({ guest: true });
    ctrl.onLoginClick();
    expect(sent).toEqual(['<login>']);
  });

  it('a hard block ends a composition the removed field can no longer finish', () => {
    const { ctrl, type } = setup();
    ctrl.onCompositionStart();
    type('ni', true);
    ctrl.setStatus({ guest: false, muteAll: true });
    ctrl.setStatus({ guest: false });
    expect(ctrl.composing).toBe(false);
    expect(ctrl.canSend).toBe(true);
  });

  it('shows the last failure until the next send or a dismiss', () => {
    const { ctrl, type, key } = setup();
    ctrl.showFailure('sensitive');
    expect(ctrl.failure).toBe('sensitive');
    type('ok now');
    expect(ctrl.failure).toBe('sensitive');
    key({ key: 'Enter' });
    expect(ctrl.failure).toBeNull();
    ctrl.showFailure('network');
    ctrl.onDismissFailure();
    expect(ctrl.failure).toBeNull();
  });

  it('its timer stops on disconnect, comes back on connect, and destroy is final and idempotent', () => {
    const { ctrl, host, type, key } = setup();
    ctrl.cooldown(5000);
    expect(chatInputResources().timers).toBe(1);
    ctrl.hostDisconnected();
    expect(chatInputResources().timers).toBe(0);
    vi.advanceTimersByTime(2000);
    ctrl.hostConnected();
    expect(chatInputResources().timers).toBe(1);
    ctrl.destroy();
    ctrl.destroy();
    expect(chatInputResources().timers).toBe(0);
    const updates = host.updates;
    type('after');
    ctrl.cooldown(1000);
    ctrl.hostConnected();
    key({ key: 'Enter' });
    expect(chatInputResources().timers).toBe(0);
    expect(host.updates).toBe(updates);
  });

  it('a Lit host adds it as a controller and connects it', () => {
    const controllers: unknown[] = [];
    const host = { requestUpdate: () => {}, addController: (c: unknown) => controllers.push(c) };
    const ctrl = new ChatInputController(host, { onSend: () => {} });
    expect(controllers).toEqual([ctrl]);
    ctrl.cooldown(1000);
    expect(chatInputResources().timers).toBe(0); // not connected yet
    ctrl.hostConnected();
    expect(chatInputResources().timers).toBe(1);
    ctrl.hostDisconnected();
    expect(chatInputResources().timers).toBe(0);
  });
});
