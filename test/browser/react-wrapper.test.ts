/**
 * `live-chat-room/react` in React 19 (issue 22), in Chromium: object properties reach the element
 * as properties, an `on…` prop receives its typed `lcr-*` event, a changed handler replaces the old
 * one, and unmounting removes the element (and its listeners with it).
 */
import { createElement, act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveChatRoom, type LiveChatRoomProps } from '../../src/react.ts';
import type { LcrEvent } from '../../src/events/index.ts';
import { FakeTransport } from '../../src/transport/fake/fake-transport.ts';
import { textMessage, until } from './element-helpers.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let host: HTMLElement | undefined;

afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = host = undefined;
});

function mountReact(props: LiveChatRoomProps): void {
  host = document.createElement('div');
  host.style.width = '960px';
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(createElement(LiveChatRoom, props)));
}

describe('live-chat-room/react', () => {
  it('sets object properties as properties and calls the typed event prop', async () => {
    const transport = new FakeTransport();
    const anchor = { nick: 'Ava', followers: 12 };
    const messages: string[] = [];
    mountReact({
      roomId: 'room-1',
      transport,
      anchor,
      onLcrMessage: (e: LcrEvent<'lcr-message'>) => {
        if (e.detail.kind === 'text') messages.push(e.detail.text);
      },
    });
    const el = host!.querySelector('live-chat-room')!;
    expect(el.transport).toBe(transport);
    expect(el.anchor).toBe(anchor);
    expect(el.getAttribute('anchor')).toBeNull(); // a property, not "[object Object]"
    await until(() => transport.roomId === 'room-1');
    transport.push(textMessage('fan', 'hello from React'));
    await until(() => messages.length > 0);
    expect(messages).toEqual(['hello from React']);
  });

  it('a new handler replaces the old one; unmount leaves nothing behind', async () => {
    const transport = new FakeTransport();
    const first: string[] = [];
    const second: string[] = [];
    const render = (sink: string[]) =>
      createElement(LiveChatRoom, {
        roomId: 'room-1',
        transport,
        onLcrMessage: (e: LcrEvent<'lcr-message'>) => e.detail.kind === 'text' && sink.push(e.detail.text),
      });
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    act(() => root!.render(render(first)));
    await until(() => transport.roomId === 'room-1');
    act(() => root!.render(render(second)));
    transport.push(textMessage('fan', 'after the swap'));
    await until(() => second.length > 0);
    expect(first).toEqual([]);
    act(() => root!.unmount());
    root = undefined;
    expect(host.querySelector('live-chat-room')).toBeNull();
  });
});
