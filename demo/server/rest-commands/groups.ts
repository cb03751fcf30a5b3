/**
 * REST commands on groups themselves (`group_open_http_svc`): create, destroy, read and modify
 * the profile, online member count. Same bodies and answers as Tencent's; AVChatRoom only.
 */
import { ChatError, ERR } from '../errors.ts';
import { groupId, optOnOff, optString, reqString, type RestHandler } from './fields.ts';

/** `create_group`: `{Type: "AVChatRoom", Name, GroupId?, Owner_Account?, Introduction?, Notification?, FaceUrl?}` → `{GroupId}`. */
export const createGroup: RestHandler = (body, engine) => {
  const type = reqString(body, 'Type', 32);
  if (type !== 'AVChatRoom') throw new ChatError(ERR.invalidParam, 'the emulator supports Type AVChatRoom only');
  // AVChatRoom members cannot be added by the creator (Tencent answers 10007).
  if (body.MemberList !== undefined) throw new ChatError(ERR.permission, 'AVChatRoom members must join themselves');
  const id = optString(body, 'GroupId', 48);
  if (id !== undefined && (id.startsWith('@TGS#') || !/^[\x21-\x7e]+$/.test(id)))
    throw new ChatError(ERR.invalidParam, 'GroupId is invalid');
  const owner = optString(body, 'Owner_Account', 32);
  const notification = optString(body, 'Notification');
  const introduction = optString(body, 'Introduction');
  const faceUrl = optString(body, 'FaceUrl');
  const room = engine.createRoom({
    name: reqString(body, 'Name', 1024),
    ...(id !== undefined ? { id } : {}),
    ...(owner !== undefined ? { ownerId: owner } : {}),
    ...(notification !== undefined ? { notification } : {}),
    ...(introduction !== undefined ? { introduction } : {}),
    ...(faceUrl !== undefined ? { faceUrl } : {}),
  });
  return { GroupId: room.id };
};

/** `destroy_group`: `{GroupId}`; members get the dismissal notice. */
export const destroyGroup: RestHandler = (body, engine) => {
  engine.destroyRoom(groupId(body));
  return {};
};

/** `get_group_info`: `{GroupIdList: [...]}` → `{GroupInfo: [...]}` with a per-group ErrorCode. */
export const getGroupInfo: RestHandler = (body, engine) => {
  const list = body.GroupIdList;
  if (!Array.isArray(list) || list.length === 0 || list.length > 50)
    throw new ChatError(ERR.invalidParam, 'GroupIdList must hold 1..50 ids');
  const GroupInfo = list.map((id: unknown) => {
    const room = typeof id === 'string' ? engine.room(id) : undefined;
    if (!room) return { GroupId: String(id).slice(0, 64), ErrorCode: ERR.groupGone, ErrorInfo: 'group does not exist' };
    return {
      GroupId: room.id,
      ErrorCode: 0,
      ErrorInfo: '',
      Type: 'AVChatRoom',
      Name: room.name,
      Introduction: room.introduction,
      Notification: room.notification,
      FaceUrl: room.faceUrl,
      Owner_Account: room.ownerId,
      CreateTime: room.createdAt,
      LastInfoTime: room.lastInfoTime,
      LastMsgTime: room.lastMsgTime,
      NextMsgSeq: room.seq + 1,
      MemberNum: room.memberCount,
      MaxMemberNum: 0,
      ApplyJoinOption: 'FreeAccess',
      MuteAllMember: room.muteAll ? 'On' : 'Off',
    };
  });
  return { GroupInfo };
};

/**
 * `modify_group_base_info`: `{GroupId, Name?, Introduction?, Notification?, FaceUrl?,
 * MuteAllMember?: "On"|"Off"}` (`ShutUpAllMember` is the older name). Members get a tip.
 */
export const modifyGroupBaseInfo: RestHandler = (body, engine) => {
  const id = groupId(body);
  engine.requireRoom(id);
  const muteAll = optOnOff(body, 'MuteAllMember') ?? optOnOff(body, 'ShutUpAllMember');
  const name = optString(body, 'Name');
  const notification = optString(body, 'Notification');
  const introduction = optString(body, 'Introduction');
  const faceUrl = optString(body, 'FaceUrl');
  engine.modifyProfile(id, {
    ...(name !== undefined ? { name } : {}),
    ...(notification !== undefined ? { notification } : {}),
    ...(introduction !== undefined ? { introduction } : {}),
    ...(faceUrl !== undefined ? { faceUrl } : {}),
    ...(muteAll !== undefined ? { muteAll } : {}),
  });
  return {};
};

/** `get_online_member_num`: `{GroupId}` → `{OnlineMemberNum}` (connections plus crowd bots). */
export const getOnlineMemberNum: RestHandler = (body, engine) => ({ OnlineMemberNum: engine.audience(groupId(body)) });
