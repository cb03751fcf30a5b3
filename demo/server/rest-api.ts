/**
 * The Tencent-shaped server REST API: `POST /v4/<service>/<command>?sdkappid=…&identifier=<admin>
 * &usersig=…&random=…&contenttype=json`, Tencent's request bodies and its
 * `{ActionStatus, ErrorCode, ErrorInfo, …}` answers (HTTP 200 even for errors, like Tencent), so
 * a business server written for Tencent works here by changing its base URL. The admin UserSig
 * is verified on every call. The supported commands are listed in README.md.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RoomEngine } from './engine.ts';
import { ChatError, ERR, ERR_INFO } from './errors.ts';
import { isRecord, readJson, sendJson } from './http-util.ts';
import * as attrs from './rest-commands/attributes.ts';
import type { RestAnswer, RestHandler } from './rest-commands/fields.ts';
import * as groups from './rest-commands/groups.ts';
import * as members from './rest-commands/members.ts';
import * as messages from './rest-commands/messages.ts';
import { verifyUserSig } from './usersig.ts';

const G = 'group_open_http_svc';

export const COMMANDS: Readonly<Record<string, RestHandler>> = {
  [`${G}/create_group`]: groups.createGroup,
  [`${G}/destroy_group`]: groups.destroyGroup,
  [`${G}/get_group_info`]: groups.getGroupInfo,
  [`${G}/modify_group_base_info`]: groups.modifyGroupBaseInfo,
  [`${G}/get_online_member_num`]: groups.getOnlineMemberNum,
  [`${G}/send_group_msg`]: messages.sendGroupMsg,
  [`${G}/send_group_system_notification`]: messages.sendGroupSystemNotification,
  [`${G}/send_broadcast_msg`]: messages.sendBroadcastMsg,
  [`${G}/forbid_send_msg`]: members.forbidSendMsg,
  [`${G}/get_group_muted_account`]: members.getGroupMutedAccount,
  [`${G}/ban_group_member`]: members.banGroupMember,
  [`${G}/unban_group_member`]: members.unbanGroupMember,
  [`${G}/get_group_ban_member`]: members.getGroupBanMember,
  ['group_open_attr_http_svc/get_group_attr']: attrs.getGroupAttr,
  // Tencent documents get_group_attr under group_open_attr_http_svc; the sibling name is accepted too.
  [`${G}/get_group_attr`]: attrs.getGroupAttr,
  [`${G}/modify_group_attr`]: attrs.modifyGroupAttr,
  [`${G}/set_group_attr`]: attrs.setGroupAttr,
  [`${G}/delete_group_attr`]: attrs.deleteGroupAttr,
  [`${G}/clear_group_attr`]: attrs.clearGroupAttr,
  ['im_open_login_svc/kick']: members.kick,
};

const PREFIX = '/v4/';
const MAX_BODY = 256 * 1024;

const answerOk = (extra: RestAnswer): RestAnswer => ({ ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0, ...extra });
const answerFail = (code: number, info?: string): RestAnswer => ({
  ActionStatus: 'FAIL',
  ErrorInfo: info ?? ERR_INFO[code] ?? 'error',
  ErrorCode: code,
});

/**
 * Checks the query string of an admin call (also used by `/api/crowd`): the SDKAppID, that the
 * identifier is the App admin, and its UserSig. Throws a `ChatError` with Tencent's code.
 */
export function verifyAdmin(url: URL, engine: RoomEngine): void {
  const { config } = engine;
  const appRaw = url.searchParams.get('sdkappid');
  if (!appRaw) throw new ChatError(ERR.needSdkAppId);
  const app = Number(appRaw);
  if (!/^\d{1,10}$/.test(appRaw) || app !== config.sdkAppId)
    throw new ChatError(ERR.sigWrongApp, `unknown SDKAppID ${appRaw.slice(0, 16)}`);
  const identifier = url.searchParams.get('identifier') ?? '';
  const check = verifyUserSig(url.searchParams.get('usersig') ?? '', config.sdkAppId, config.secretKey, identifier, engine.now());
  if (!check.ok) throw new ChatError(check.code, `UserSig ${check.reason}`);
  if (identifier !== config.admin) throw new ChatError(ERR.needAdmin);
}

/** Answers `/v4/…` requests; returns false for any other path. */
export function handleRest(req: IncomingMessage, res: ServerResponse, url: URL, engine: RoomEngine): boolean {
  if (!url.pathname.startsWith(PREFIX)) return false;
  void serve(req, res, url, engine).catch(() => sendJson(res, 200, answerFail(ERR.internal)));
  return true;
}

async function serve(req: IncomingMessage, res: ServerResponse, url: URL, engine: RoomEngine): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 200, answerFail(ERR.httpParse, 'the REST API takes POST'));
  try {
    verifyAdmin(url, engine);
  } catch (err) {
    const e = err instanceof ChatError ? err : new ChatError(ERR.internal);
    // Drain nothing: answer at once and close, so an unauthenticated sender cannot hold a large upload.
    return sendJson(res, 200, answerFail(e.code, e.message), true);
  }
  const handler = COMMANDS[url.pathname.slice(PREFIX.length)];
  if (!handler) return sendJson(res, 200, answerFail(ERR.badResource, `unknown command ${url.pathname.slice(0, 120)}`), true);
  const body = await readJson(req, MAX_BODY);
  if (!body.ok) {
    if (body.reason === 'aborted') return;
    return sendJson(res, 200, answerFail(ERR.jsonParse, body.reason === 'too-large' ? 'request body too large' : undefined), true);
  }
  if (!isRecord(body.value)) return sendJson(res, 200, answerFail(ERR.jsonParse, 'request body must be a JSON object'));
  try {
    sendJson(res, 200, answerOk(await handler(body.value, engine)));
  } catch (err) {
    if (err instanceof ChatError) sendJson(res, 200, answerFail(err.code, err.message));
    else sendJson(res, 200, answerFail(ERR.internal));
  }
}
