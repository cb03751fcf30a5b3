/** The only registration of the element; guarded so a second copy of the bundle is harmless. */
// First, so hls.js is requested before the element's own code runs (hls-early.ts).
import './player/hls-early.ts';
import { LiveChatRoom } from './element/live-chat-room.ts';

export const TAG = 'live-chat-room';

// On a server (SSR) this registers into lit's server-side registry, or does nothing where there is
// none. The tag is written out (not `TAG`) so the manifest analyzer reads it.
if (typeof customElements !== 'undefined' && !customElements.get(TAG)) customElements.define('live-chat-room', LiveChatRoom);

export { LiveChatRoom };
