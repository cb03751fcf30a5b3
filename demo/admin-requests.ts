/**
 * The admin page's requests, as Tencent Cloud Chat's server REST API defines them: which
 * `/v4/<service>/<command>` and which JSON body (field names as in Tencent's docs). Pure: no DOM,
 * no fetch, so a business server's expectations can be read (and tested) in one place. The room's
 * state lives in group attributes; members learn a change from a High-priority custom message.
 */
import { CMD } from '../src/protocol/commands.ts';
import { encodeEnvelope } from '../src/protocol/envelope.ts';
import type { JsonValue } from '../src/protocol/types.ts';

export interface RestCall {
  service: string;
  command: string;
  body: Record<string, JsonValue>;
}

export type RestPriority = 'High' | 'Normal' | 'Low' | 'Lowest';
export type RoomState = 'upcoming' | 'live' | 'paused' | 'ended' | 'replay';

export interface RestAuth {
  sdkAppId: number;
  identifier: string;
  userSig: string;
}

const GROUP = 'group_open_http_svc';

/** Tencent's common query parameters of an admin call; `random` is a 32-bit unsigned integer. */
export function adminQuery(auth: RestAuth, random: number): string {
  return new URLSearchParams({
    sdkappid: String(auth.sdkAppId),
    identifier: auth.identifier,
    usersig: auth.userSig,
    random: String(random >>> 0),
    contenttype: 'json',
  }).toString();
}

/** The request URL of a REST call. */
export function restUrl(base: string, call: RestCall, auth: RestAuth, random: number): string {
  return `${base.replace(/\/$/, '')}/v4/${call.service}/${call.command}?${adminQuery(auth, random)}`;
}

export const createRoom = (groupId: string, name: string, owner?: string): RestCall => ({
  service: GROUP,
  command: 'create_group',
  body: { Type: 'AVChatRoom', GroupId: groupId, Name: name, ...(owner ? { Owner_Account: owner } : {}) },
});

export const getRoomInfo = (groupId: string): RestCall => ({
  service: GROUP,
  command: 'get_group_info',
  body: { GroupIdList: [groupId] },
});

export const getRoomAttrs = (groupId: string): RestCall => ({
  service: GROUP,
  command: 'get_group_attr',
  body: { GroupId: groupId },
});

export const muteAll = (groupId: string, on: boolean): RestCall => ({
  service: GROUP,
  command: 'modify_group_base_info',
  body: { GroupId: groupId, MuteAllMember: on ? 'On' : 'Off' },
});

export const setAnnouncement = (groupId: string, text: string): RestCall => ({
  service: GROUP,
  command: 'modify_group_base_info',
  body: { GroupId: groupId, Notification: text },
});

/** Mutes members for `seconds`; 0 unmutes. */
export const muteMembers = (groupId: string, userIds: string[], seconds: number): RestCall => ({
  service: GROUP,
  command: 'forbid_send_msg',
  body: { GroupId: groupId, Members_Account: userIds, MuteTime: Math.max(0, Math.floor(seconds)) },
});

/** Ends the user's login state everywhere: the client is kicked with reason REST_API_Kick. */
export const kickUser = (userId: string): RestCall => ({
  service: 'im_open_login_svc',
  command: 'kick',
  body: { UserID: userId },
});

/** Removes members from the live room and keeps them out for `seconds`. */
export const banMembers = (groupId: string, userIds: string[], seconds: number, reason = ''): RestCall => ({
  service: GROUP,
  command: 'ban_group_member',
  body: {
    GroupId: groupId,
    Members_Account: userIds,
    Duration: Math.max(1, Math.floor(seconds)),
    ...(reason ? { Description: reason } : {}),
  },
});

export const unbanMembers = (groupId: string, userIds: string[]): RestCall => ({
  service: GROUP,
  command: 'unban_group_member',
  body: { GroupId: groupId, Members_Account: userIds },
});

export const setRoomAttrs = (groupId: string, attrs: Record<string, string>): RestCall => ({
  service: GROUP,
  command: 'modify_group_attr',
  body: { GroupId: groupId, GroupAttr: Object.entries(attrs).map(([key, value]) => ({ key, value })) },
});

/** A text message; without `from` it comes from the administrator (a system message). */
export function sendText(groupId: string, text: string, random: number, from = '', priority: RestPriority = 'Normal'): RestCall {
  return {
    service: GROUP,
    command: 'send_group_msg',
    body: {
      GroupId: groupId,
      Random: random >>> 0,
      MsgPriority: priority,
      ...(from ? { From_Account: from } : {}),
      MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: text } }],
    },
  };
}

/** A custom message carrying one of our envelope commands (docs/gift-protocol.md#the-envelope). */
export function sendCommand(
  groupId: string,
  cmd: string,
  info: Record<string, JsonValue>,
  random: number,
  priority: RestPriority = 'High',
  from = '',
): RestCall {
  return {
    service: GROUP,
    command: 'send_group_msg',
    body: {
      GroupId: groupId,
      Random: random >>> 0,
      MsgPriority: priority,
      ...(from ? { From_Account: from } : {}),
      MsgBody: [{ MsgType: 'TIMCustomElem', MsgContent: { Data: encodeEnvelope(cmd, info), Desc: cmd, Ext: '' } }],
    },
  };
}

export const sendSystemNotice = (groupId: string, text: string, random: number): RestCall =>
  sendCommand(groupId, CMD.system, { text }, random, 'High');

export interface RoomStateInput {
  state: RoomState;
  /** ms since epoch, for upcoming. */
  startTime?: number;
  streamUrl?: string;
  replayUrl?: string;
}

/**
 * Changing the room state is two calls, in order: store it in the group attributes (for members
 * who arrive later), then announce it with a High-priority custom message (for members inside).
 */
export function roomStateCalls(groupId: string, input: RoomStateInput, random: number): RestCall[] {
  const attrs: Record<string, string> = { state: input.state };
  const info: Record<string, JsonValue> = { state: input.state };
  if (input.startTime !== undefined) {
    attrs.startTime = String(input.startTime);
    info.startTime = input.startTime;
  }
  if (input.streamUrl) attrs.streamUrl = info.streamUrl = input.streamUrl;
  if (input.replayUrl) attrs.replayUrl = info.replayUrl = input.replayUrl;
  return [setRoomAttrs(groupId, attrs), sendCommand(groupId, CMD.roomState, info, random, 'High')];
}

/** The emulator's crowd control (not a Tencent API). */
export interface CrowdRequest {
  roomId: string;
  action: 'start' | 'stop' | 'flood';
  rate?: number;
  seconds?: number;
}

/** Splits a "user1, user2" field into ids (Tencent takes up to 20 per ban, 500 per mute). */
export function parseUserIds(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}
