/** The only registration of the element; guarded so a second copy of the bundle is harmless. */
// First, so hls.js is requested before the element's own code runs (hls-early.ts).
import './player/hls-early.ts';
import { LiveChatRoom } from './element/live-chat-room.ts';

export const TAG = 'live-chat-room';

if (!customElements.get(TAG)) customElements.define(TAG, LiveChatRoom);

declare global {
  interface HTMLElementTagNameMap {
    'live-chat-room': LiveChatRoom;
  }
}

export { LiveChatRoom };
