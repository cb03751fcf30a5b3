/** The public ESM API. No side effects: import `live-chat-room/define` to register the tag. */
export { LiveChatRoom } from './element/live-chat-room.ts';
export type { AnchorInfo } from './element/types.ts';
export * from './events/index.ts';
export type { ChatEntry, ChatItemRenderer } from './chat/chat-types.ts';
export type { ChatTransport, Identity, RoomSnapshot } from './transport/chat-transport.ts';
export type { RoomView, PipelineMetrics } from './pipeline/index.ts';
export type { RoomEvent, RoomStateName, ConnectionState, KickReason, Priority, Sender } from './protocol/index.ts';
