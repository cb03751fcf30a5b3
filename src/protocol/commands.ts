/**
 * Custom-message commands carried in the envelope of docs/gift-protocol.md#the-envelope. The gift command is Tencent's live
 * room kit's, kept wire-compatible; the rest are ours (documented in src/protocol/README.md).
 */

/** The kit's businessID; we send it on every custom message so kit clients recognise our gifts. */
export const BUSINESS_ID = 'flutter_live_kit';
export const ENVELOPE_VERSION = 1.0;

export const CMD = {
  gift: 'send_gift_message',
  like: 'send_like_message',
  roomState: 'room_state_changed',
  announcement: 'announcement_changed',
  audience: 'audience_count',
  enter: 'member_enter',
  system: 'system_notice',
} as const;

export type KnownCmd = (typeof CMD)[keyof typeof CMD];

/** Group attribute keys that hold the room state (set by the business server). */
export const ATTR = {
  state: 'state',
  startTime: 'startTime',
  streamUrl: 'streamUrl',
  replayUrl: 'replayUrl',
} as const;

/** Tencent's group tip operation types (TIMGroupTipElem payload.operationType). */
export const TIP = {
  join: 1,
  quit: 2,
  kicked: 3,
  setAdmin: 4,
  cancelAdmin: 5,
  groupProfile: 6,
  memberProfile: 7,
  banned: 10,
  unbanned: 11,
} as const;

/** Tencent's group system notice operation types (TIMGroupSystemNoticeElem). */
export const NOTICE = {
  kickedOut: 4,
  dismissed: 5,
  custom: 255,
} as const;
