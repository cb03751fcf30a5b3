/**
 * `live-chat-room/react`: the element as a React component (made with `@lit/react`). Every property
 * of the element is a typed prop (objects such as `anchor`, `gifts` or `transport` are set as
 * properties, also in React 18, which would only set attributes), and every `lcr-*` event is a
 * typed `on…` prop: `lcr-gift` → `onLcrGift`, `lcr-room-state-change` → `onLcrRoomStateChange`.
 * Importing it registers the tag (as `live-chat-room/define` does); on a server `react-dom/server`
 * renders the tag with its attributes (test/package/package.test.ts). Checked in React 19; React 18
 * is not tested here yet.
 */
import React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { LiveChatRoom as LiveChatRoomElement } from './element/live-chat-room.ts';
import { LCR_EVENTS, type LcrEvent, type LcrEventName } from './events/index.ts';
import { TAG } from './define.ts';

/** `lcr-room-state-change` → `LcrRoomStateChange`. */
type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${Pascal<Tail>}` : Capitalize<S>;

/** The `on…` prop of each `lcr-*` event, typed with its `LcrEvent`. */
export type LcrReactEvents = { readonly [K in LcrEventName as `on${Pascal<K>}`]: EventName<LcrEvent<K>> };

const pascal = (name: string): string =>
  name
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

function reactEvents(): LcrReactEvents {
  const map: Record<string, string> = {};
  for (const name of Object.keys(LCR_EVENTS)) map[`on${pascal(name)}`] = name;
  // Built from LCR_EVENTS, the one list: every event name once, under the key the type names.
  return map as LcrReactEvents;
}

/** `<LiveChatRoom roomId="…" onLcrGift={(e) => e.detail…} />` */
export const LiveChatRoom = createComponent({
  react: React,
  tagName: TAG,
  elementClass: LiveChatRoomElement,
  events: reactEvents(),
  displayName: 'LiveChatRoom',
});

export type LiveChatRoomProps = React.ComponentProps<typeof LiveChatRoom>;
export { LiveChatRoomElement };
