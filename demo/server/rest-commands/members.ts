/**
 * REST commands on members: mutes (`forbid_send_msg`, `get_group_muted_account`), live-room
 * bans (`ban_group_member`, `unban_group_member`, `get_group_ban_member`) and the login kick
 * (`im_open_login_svc/kick`).
 */
import { ChatError, ERR } from '../errors.ts';
import { accounts, groupId, optInt, optString, reqString, type RestHandler } from './fields.ts';

const MAX_SECONDS = 0xffffffff;

/** `forbid_send_msg`: `{GroupId, Members_Account, MuteTime}` (older `ShutUpTime`); 0 unmutes. */
export const forbidSendMsg: RestHandler = (body, engine) => {
  const id = groupId(body);
  engine.requireRoom(id);
  const members = accounts(body, 'Members_Account', 500);
  const seconds = optInt(body, 'MuteTime', 0, MAX_SECONDS) ?? optInt(body, 'ShutUpTime', 0, MAX_SECONDS);
  if (seconds === undefined) throw new ChatError(ERR.invalidParam, 'MuteTime is required');
  engine.mute(id, members, seconds);
  return {};
};

/** `get_group_muted_account`: `{GroupId}` → `{GroupId, ShuttedUinList: [{Member_Account, ShuttedUntil}]}`. */
export const getGroupMutedAccount: RestHandler = (body, engine) => {
  const room = engine.requireRoom(groupId(body));
  const ShuttedUinList = [...room.mutes.keys()]
    .filter((u) => room.muteSecondsLeft(u) > 0)
    .map((u) => ({ Member_Account: u, ShuttedUntil: Math.floor((room.mutes.get(u) ?? 0) / 1000) }));
  return { GroupId: room.id, ShuttedUinList };
};

/** `ban_group_member`: `{GroupId, Members_Account, Duration, Description?}` (≤ 20 accounts). */
export const banGroupMember: RestHandler = (body, engine) => {
  const id = groupId(body);
  engine.requireRoom(id);
  const members = accounts(body, 'Members_Account', 20);
  const duration = optInt(body, 'Duration', 1, MAX_SECONDS);
  if (duration === undefined) throw new ChatError(ERR.invalidParam, 'Duration is required');
  engine.ban(id, members, duration, optString(body, 'Description', 1024) ?? '');
  return {};
};

/** `unban_group_member`: `{GroupId, Members_Account}`. */
export const unbanGroupMember: RestHandler = (body, engine) => {
  const id = groupId(body);
  engine.requireRoom(id);
  engine.unban(id, accounts(body, 'Members_Account', 20));
  return {};
};

/** `get_group_ban_member`: `{GroupId, Offset?, Limit?}` → `{BannedAccountList, NextOffset}`. */
export const getGroupBanMember: RestHandler = (body, engine) => {
  const room = engine.requireRoom(groupId(body));
  const offset = optInt(body, 'Offset', 0, 1e9) ?? 0;
  const limit = optInt(body, 'Limit', 1, 100) ?? 100;
  const all = [...room.bans.keys()].filter((u) => room.banSecondsLeft(u) > 0);
  const page = all
    .slice(offset, offset + limit)
    .map((u) => ({ Member_Account: u, BannedUntil: Math.floor((room.bans.get(u) ?? 0) / 1000) }));
  return { BannedAccountList: page, NextOffset: offset + limit < all.length ? offset + limit : 0 };
};

/** `im_open_login_svc/kick`: `{UserID}`; its sessions end (`REST_API_Kick`) and older UserSigs stop working. */
export const kick: RestHandler = (body, engine) => {
  engine.kickUser(reqString(body, 'UserID', 32), 'REST_API_Kick');
  return {};
};
