/**
 * `live-chat-room/react-jsx` (types only): `<live-chat-room>` in React 19's JSX without the wrapper.
 * React 19 sets a custom element's props as properties and listens to `on<event-name>` props, so
 * every property is a typed prop and every event is `onlcr-message={(e) => e.detail…}`. Load it
 * once in the app: `import type {} from 'live-chat-room/react-jsx';` (React 18 sets attributes
 * only; use `live-chat-room/react` there).
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { LitElement } from 'lit';
import type { LiveChatRoom } from './element/live-chat-room.ts';
import type { RoomProperties } from './element/room-properties.ts';
import type { LcrEvent, LcrEventName } from './events/index.ts';

/** The element's own settable properties (what RoomProperties adds to LitElement). */
export type LiveChatRoomJsxProperties = Partial<Omit<RoomProperties, keyof LitElement>>;

/** `onlcr-gift` and the rest: React 19 adds a listener for the event named after `on`. */
export type LiveChatRoomJsxEvents = { readonly [K in LcrEventName as `on${K}`]?: (event: LcrEvent<K>) => void };

/** Properties by their property names (`roomId`, `emulatorUrl`): typed, and set as properties. */
export type LiveChatRoomJsxProps = DetailedHTMLProps<HTMLAttributes<LiveChatRoom>, LiveChatRoom> &
  LiveChatRoomJsxProperties &
  LiveChatRoomJsxEvents;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX namespace is how intrinsic elements are declared
  namespace JSX {
    interface IntrinsicElements {
      'live-chat-room': LiveChatRoomJsxProps;
    }
  }
}
