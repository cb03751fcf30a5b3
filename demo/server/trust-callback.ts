/**
 * The demo business server's answer to Tencent's `Group.CallbackBeforeSendMsg` — the server-side
 * half of the trust model (docs/security.md). A message from a client (`OptPlatform` other than
 * `RESTAPI`) may be text, a like or a member-enter notice; every other command (gifts, room state,
 * announcement, audience, system notices, unknown ones) is rejected (the sender gets 10016), and
 * its `CloudCustomData` is rewritten: only the client id survives, the level is the server's and
 * no role claim passes. REST sends (the business server itself) are allowed as they are.
 */
import { CMD } from '../../src/protocol/commands.ts';
import { encodeMeta, readMeta } from '../../src/protocol/sender.ts';

/** Commands a viewer's client may send. */
const CLIENT_COMMANDS: ReadonlySet<string> = new Set([CMD.like, CMD.enter]);

export type CallbackAnswer = Record<string, unknown> & { ActionStatus: 'OK'; ErrorCode: number; ErrorInfo: string };

const allow = (extra: Record<string, unknown> = {}): CallbackAnswer => ({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', ...extra });
const reject = (info: string): CallbackAnswer => ({ ActionStatus: 'OK', ErrorCode: 1, ErrorInfo: info });

function commandOf(data: unknown): string | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const env: unknown = JSON.parse(data);
    const cmd = (env as { data?: { cmd?: unknown } } | null)?.data?.cmd;
    return typeof cmd === 'string' ? cmd : undefined;
  } catch {
    return undefined;
  }
}

/** Why a client's message body is refused, or undefined when every element is allowed. */
function refusal(body: unknown): string | undefined {
  if (!Array.isArray(body) || body.length === 0) return 'empty message';
  for (const elem of body) {
    const type = (elem as { MsgType?: unknown } | null)?.MsgType;
    if (type === 'TIMTextElem') continue;
    if (type !== 'TIMCustomElem') return `${String(type).slice(0, 40)} is not allowed from clients`;
    const cmd = commandOf((elem as { MsgContent?: { Data?: unknown } }).MsgContent?.Data);
    if (!cmd || !CLIENT_COMMANDS.has(cmd)) return `command ${cmd ? cmd.slice(0, 40) : '(none)'} is only sent by the business server`;
  }
  return undefined;
}

export function answerBeforeSend(platform: string, body: Record<string, unknown>, levelOf: (userId: string) => number): CallbackAnswer {
  if (platform === 'RESTAPI') return allow();
  const why = refusal(body.MsgBody);
  if (why) return reject(why);
  const from = typeof body.From_Account === 'string' ? body.From_Account : '';
  const claimed = readMeta(body.CloudCustomData);
  return allow({ CloudCustomData: encodeMeta({ level: levelOf(from), ...(claimed.clientId ? { clientId: claimed.clientId } : {}) }) });
}
