/**
 * The Tencent Cloud Chat web SDK as this adapter sees it. Every type is derived from the package's
 * own `index.d.ts` through a type-only import (this file loads nothing of the SDK), and the constant
 * mirrors below are checked against that declaration at compile time, so an SDK upgrade that renames
 * or re-values something breaks the build instead of the room.
 *
 * We mirror the constants instead of reading `TencentCloudChat.EVENT/TYPES` at run time because a
 * host may hand us its own instance (then we never load the module) and because tests drive the
 * adapter with a stand-in instance.
 */
import type TencentCloudChat from '@tencentcloud/chat';
import type { Message } from '@tencentcloud/chat';

export type TencentCloudChatStatic = typeof TencentCloudChat;
/** A full SDK instance, as `TencentCloudChat.create()` returns it. */
export type Chat = ReturnType<TencentCloudChatStatic['create']>;
/** The declared `CREATE_OPTIONS` lacks `modules`, which the ESM build needs for group support. */
export type CreateOptions = Parameters<TencentCloudChatStatic['create']>[0] & {
  modules?: Record<string, unknown>;
};
export type SdkMessage = Message;

/** The part of the instance this adapter calls; a stand-in implements exactly this. */
export type ChatApi = Pick<
  Chat,
  | 'on'
  | 'off'
  | 'login'
  | 'logout'
  | 'destroy'
  | 'isReady'
  | 'getLoginUser'
  | 'getServerTime'
  | 'setLogLevel'
  | 'joinGroup'
  | 'quitGroup'
  | 'createTextMessage'
  | 'createCustomMessage'
  | 'sendMessage'
  | 'getUserProfile'
  | 'getGroupProfile'
  | 'getGroupAttributes'
  | 'getGroupCounters'
  | 'getGroupOnlineMemberCount'
  | 'getGroupMemberProfile'
>;

/**
 * A host-handed instance (the `chat` property) as a `ChatApi`, when it has the methods the adapter
 * calls; the one place an unknown value becomes an SDK type.
 */
export function asChatApi(value: unknown): ChatApi | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const methods = ['on', 'off', 'login', 'joinGroup', 'quitGroup', 'sendMessage', 'createTextMessage', 'createCustomMessage'];
  const record = value as Record<string, unknown>;
  return methods.every((m) => typeof record[m] === 'function') ? (value as ChatApi) : undefined;
}

/** What the lazy loader hands over: the SDK namespace (only `create` is used) and the group module. */
export interface SdkModules {
  readonly TencentCloudChat: { create(options: CreateOptions): ChatApi | null };
  readonly GroupModule: unknown;
}

/** Every SDK event handler receives `{ name, data }`. */
export interface SdkEvent {
  readonly name?: string;
  readonly data?: unknown;
}

type Mirror<E, K extends keyof E> = { readonly [P in K]: `${E[P] & string}` };

type EventKey =
  | 'SDK_READY'
  | 'SDK_NOT_READY'
  | 'MESSAGE_RECEIVED'
  | 'MESSAGE_MODIFIED'
  | 'MESSAGE_REVOKED'
  | 'GROUP_ATTRIBUTES_UPDATED'
  | 'GROUP_COUNTER_UPDATED'
  | 'KICKED_OUT'
  | 'NET_STATE_CHANGE'
  | 'ERROR';

export const EVENT = {
  SDK_READY: 'sdkStateReady',
  SDK_NOT_READY: 'sdkStateNotReady',
  MESSAGE_RECEIVED: 'onMessageReceived',
  MESSAGE_MODIFIED: 'onMessageModified',
  MESSAGE_REVOKED: 'onMessageRevoked',
  GROUP_ATTRIBUTES_UPDATED: 'groupAttributesUpdated',
  GROUP_COUNTER_UPDATED: 'onGroupCounterUpdated',
  KICKED_OUT: 'kickedOut',
  NET_STATE_CHANGE: 'netStateChange',
  ERROR: 'error',
} as const satisfies Mirror<TencentCloudChatStatic['EVENT'], EventKey>;

type TypeKey =
  | 'GRP_AVCHATROOM'
  | 'CONV_GROUP'
  | 'MSG_TEXT'
  | 'MSG_CUSTOM'
  | 'MSG_GRP_TIP'
  | 'MSG_GRP_SYS_NOTICE'
  | 'MSG_PRIORITY_HIGH'
  | 'MSG_PRIORITY_NORMAL'
  | 'MSG_PRIORITY_LOW'
  | 'MSG_PRIORITY_LOWEST'
  | 'KICKED_OUT_MULT_ACCOUNT'
  | 'KICKED_OUT_MULT_DEVICE'
  | 'KICKED_OUT_USERSIG_EXPIRED'
  | 'KICKED_OUT_REST_API'
  | 'NET_STATE_CONNECTED'
  | 'NET_STATE_CONNECTING'
  | 'NET_STATE_DISCONNECTED';

/** The plain string values (for comparisons with what the SDK emits). */
export const TYPE_VALUES = {
  GRP_AVCHATROOM: 'AVChatRoom',
  CONV_GROUP: 'GROUP',
  MSG_TEXT: 'TIMTextElem',
  MSG_CUSTOM: 'TIMCustomElem',
  MSG_GRP_TIP: 'TIMGroupTipElem',
  MSG_GRP_SYS_NOTICE: 'TIMGroupSystemNoticeElem',
  MSG_PRIORITY_HIGH: 'High',
  MSG_PRIORITY_NORMAL: 'Normal',
  MSG_PRIORITY_LOW: 'Low',
  MSG_PRIORITY_LOWEST: 'Lowest',
  KICKED_OUT_MULT_ACCOUNT: 'multipleAccount',
  KICKED_OUT_MULT_DEVICE: 'multipleDevice',
  KICKED_OUT_USERSIG_EXPIRED: 'userSigExpired',
  KICKED_OUT_REST_API: 'REST_API_Kick',
  NET_STATE_CONNECTED: 'connected',
  NET_STATE_CONNECTING: 'connecting',
  NET_STATE_DISCONNECTED: 'disconnected',
} as const satisfies Mirror<TencentCloudChatStatic['TYPES'], TypeKey>;

/**
 * The same values typed as the SDK's enum members, so they can be passed to its methods. The cast
 * is sound because `satisfies` above proved every value equal to the declared enum value.
 */
export const TYPES = TYPE_VALUES as unknown as Pick<TencentCloudChatStatic['TYPES'], TypeKey>;

/** `setLogLevel(2)`: warnings and errors only (0 = everything, 4 = silent). */
export const LOG_LEVEL_WARNINGS = 2;

/** Error codes the adapter acts on (docs/tencent-sdk.md#error-codes). */
export const SDK_CODE = {
  notLoggedIn: 2024,
  userSigExpired: 70001,
  roomNotFound: 10010,
  roomDismissed: 10015,
} as const;
