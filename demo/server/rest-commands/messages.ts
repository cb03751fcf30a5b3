/**
 * REST commands that send messages: ordinary group messages (through moderation callbacks and
 * frequency control, like Tencent), custom group system notices, and the app-wide broadcast.
 */
import type { WirePriority } from '../../../src/transport/emulator/wire.ts';
import { ChatError, ERR } from '../errors.ts';
import { LIMITS } from '../../../src/protocol/limits.ts';
import { contentBytes, contentFromMsgBody } from '../message-factory.ts';
import { accounts, groupId, optInt, optString, reqString, type Body, type RestHandler } from './fields.ts';

const PRIORITIES: readonly WirePriority[] = ['High', 'Normal', 'Low', 'Lowest'];

function contentOrFail(body: Body) {
  const content = contentFromMsgBody(body.MsgBody);
  if (!content) throw new ChatError(ERR.invalidParam, 'MsgBody needs a TIMTextElem or TIMCustomElem element');
  return content;
}

/** `ForbidCallbackControl: ["ForbidBeforeSendMsgCallback", "ForbidAfterSendMsgCallback"]`. */
function forbidden(body: Body, which: string): boolean {
  return Array.isArray(body.ForbidCallbackControl) && body.ForbidCallbackControl.includes(which);
}

/**
 * `send_group_msg`: `{GroupId, Random, MsgBody, From_Account?, MsgPriority?, CloudCustomData?,
 * ForbidCallbackControl?}` → `{MsgTime, MsgSeq, MsgID}`. Without `From_Account` the admin sends.
 */
export const sendGroupMsg: RestHandler = async (body, engine) => {
  const id = groupId(body);
  engine.requireRoom(id);
  const random = optInt(body, 'Random', 0, 0xffffffff);
  const from = optString(body, 'From_Account', 32) || engine.config.admin;
  const p = optString(body, 'MsgPriority', 16);
  const priority = p === undefined ? 'Normal' : PRIORITIES.find((x) => x.toLowerCase() === p.toLowerCase());
  if (!priority) throw new ChatError(ERR.invalidParam, 'MsgPriority must be High, Normal, Low or Lowest');
  const r = await engine.sender.send({
    roomId: id,
    author: engine.authorOf(from),
    operator: engine.config.admin,
    content: contentOrFail(body),
    priority,
    cloudCustomData: optString(body, 'CloudCustomData') ?? '',
    ...(random !== undefined ? { random } : {}),
    asUser: false,
    skipBeforeCallback: forbidden(body, 'ForbidBeforeSendMsgCallback'),
    skipAfterCallback: forbidden(body, 'ForbidAfterSendMsgCallback'),
  });
  if (!r.ok) throw new ChatError(r.code, r.message);
  return { MsgTime: r.time, MsgSeq: r.seq, MsgID: r.id };
};

/** `send_group_system_notification`: `{GroupId, Content, ToMembers_Account?}`. */
export const sendGroupSystemNotification: RestHandler = (body, engine) => {
  const id = groupId(body);
  const content = reqString(body, 'Content', 4096);
  const to = body.ToMembers_Account === undefined ? undefined : accounts(body, 'ToMembers_Account', 500);
  engine.systemNotice(id, content, to);
  return {};
};

/** `send_broadcast_msg`: `{Random, MsgBody, From_Account?, CloudCustomData?}` to every live room. */
export const sendBroadcastMsg: RestHandler = (body, engine) => {
  optInt(body, 'Random', 0, 0xffffffff);
  const from = optString(body, 'From_Account', 32) || engine.config.admin;
  const content = contentOrFail(body);
  const ccd = optString(body, 'CloudCustomData') ?? '';
  if (contentBytes(content, ccd) > LIMITS.bodyBytes) throw new ChatError(ERR.bodyTooLarge);
  const message = engine.broadcastAll(engine.authorOf(from), content, ccd);
  return { MsgID: message.ID };
};
