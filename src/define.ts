/** The only registration of the element; guarded so a second copy of the bundle is harmless. */
// First, so hls.js is requested before the element's own code runs (hls-early.ts).
import './player/hls-early.ts';
import { LiveChatRoom } from './element/live-chat-room.ts';

export const TAG = 'live-chat-room';

// No registry on a server (SSR in Node): importing this entry there defines nothing and throws nothing.
if (typeof customElements !== 'undefined' && !customElements.get(TAG)) customElements.define('live-chat-room', LiveChatRoom); // the literal, for the manifest analyzer

export { LiveChatRoom };
