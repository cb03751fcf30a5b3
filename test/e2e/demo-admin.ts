/**
 * The e2e tests' business server: calls a running demo over HTTP the way a real one calls
 * Tencent (`/v4/…` with the admin's UserSig in the query, from `POST /api/usersig` and
 * `GET /api/config`), plus the demo's crowd control. Throws on any answer that is not OK.
 */
import { encodeEnvelope } from '../../src/protocol/envelope.ts';
import { CMD } from '../../src/protocol/commands.ts';

interface RestAnswer {
  ActionStatus: string;
  ErrorCode: number;
  ErrorInfo: string;
  [key: string]: unknown;
}

export class DemoAdmin {
  private auth: { sdkAppId: number; admin: string; userSig: string } | undefined;

  constructor(
    private readonly base: string,
    private readonly roomId: string,
  ) {}

  private async query(): Promise<string> {
    if (!this.auth) {
      const cfg = (await (await fetch(`${this.base}/api/config`)).json()) as { sdkAppId: number; admin: string };
      const res = await fetch(`${this.base}/api/usersig`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userID: cfg.admin }),
      });
      const sig = (await res.json()) as { userSig?: string };
      if (!res.ok || !sig.userSig) throw new Error(`no admin UserSig: HTTP ${res.status}`);
      this.auth = { sdkAppId: cfg.sdkAppId, admin: cfg.admin, userSig: sig.userSig };
    }
    const { sdkAppId, admin, userSig } = this.auth;
    return `sdkappid=${sdkAppId}&identifier=${encodeURIComponent(admin)}&usersig=${encodeURIComponent(userSig)}&random=${Math.floor(Math.random() * 2 ** 32)}&contenttype=json`;
  }

  /** One REST command; answers its body, throws unless `ActionStatus` is OK. */
  async rest(command: string, body: Record<string, unknown>): Promise<RestAnswer> {
    const res = await fetch(`${this.base}/v4/${command}?${await this.query()}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await res.json()) as RestAnswer;
    if (answer.ActionStatus !== 'OK') throw new Error(`${command}: ${answer.ErrorCode} ${answer.ErrorInfo}`);
    return answer;
  }

  /** A text from `from` (Normal priority); answers the message ID. */
  async sendText(from: string, text: string): Promise<string> {
    const answer = await this.rest('group_open_http_svc/send_group_msg', {
      GroupId: this.roomId,
      Random: Math.floor(Math.random() * 2 ** 32),
      From_Account: from,
      MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: text } }],
    });
    return String(answer.MsgID);
  }

  /** The room state in the group attributes (what a newcomer reads; members get an `attributes` push). */
  async setStateAttribute(state: string): Promise<void> {
    await this.rest('group_open_http_svc/modify_group_attr', { GroupId: this.roomId, GroupAttr: [{ key: 'state', value: state }] });
  }

  /** The room state announced with the High `room_state_changed` custom message (docs/avchatroom.md#room-states). */
  async announceState(state: string): Promise<void> {
    await this.rest('group_open_http_svc/send_group_msg', {
      GroupId: this.roomId,
      Random: Math.floor(Math.random() * 2 ** 32),
      MsgPriority: 'High',
      MsgBody: [{ MsgType: 'TIMCustomElem', MsgContent: { Data: encodeEnvelope(CMD.roomState, { state }), Desc: CMD.roomState, Ext: '' } }],
    });
  }

  /** `POST /api/crowd`: start, stop, or flood at `rate` msg/s for `seconds`. */
  async crowd(action: 'start' | 'stop' | 'flood', extra: { rate?: number; seconds?: number } = {}): Promise<void> {
    const res = await fetch(`${this.base}/api/crowd?${await this.query()}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ roomId: this.roomId, action, ...extra }),
    });
    const answer = (await res.json()) as { ok?: boolean };
    if (!res.ok || !answer.ok) throw new Error(`crowd ${action}: HTTP ${res.status} ${JSON.stringify(answer)}`);
  }
}
