/**
 * The chat's drawing half, one lazy chunk: the list (lines, the "new messages" pill, the live
 * announcer) and the font warm-up. The chat controller fetches it after the video's first frame,
 * with the room's other parts, so it is not in the element's first load.
 */
export { ChatList, type ChatListOptions } from './chat-list.ts';
export { WARM_EMOJI, WARM_TEXT, warmFonts, type FontSample } from './warm-fonts.ts';
