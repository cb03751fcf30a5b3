/**
 * Message moderation: the built-in keyword list and Tencent's third-party callbacks
 * (`Group.CallbackBeforeSendMsg` — allow / reject / drop — and `Group.CallbackAfterSendMsg`).
 * Owns the outgoing HTTP calls: each has a timeout and a byte limit on the answer, and at most
 * `maxInFlight` after-send calls run at once (the rest are skipped and counted).
 */
import type { TimeoutPolicy } from './config.ts';
import { ERR } from './errors.ts';
import { contentFromMsgBody, msgBodyOf, type Content } from './message-factory.ts';

export interface ModerationOptions {
  readonly sdkAppId: number;
  readonly keywords: readonly string[];
  readonly beforeSendUrl?: string | undefined;
  readonly afterSendUrl?: string | undefined;
  readonly timeoutMs: number;
  readonly timeoutPolicy: TimeoutPolicy;
  readonly fetch?: typeof fetch;
  readonly maxInFlight?: number;
}

/** What the before-send callback sees of a message. */
export interface CallbackMessage {
  readonly groupId: string;
  readonly from: string;
  readonly operator: string;
  readonly random: number;
  readonly content: Content;
  readonly cloudCustomData: string;
  /** 'Web' for SDK sends, 'RESTAPI' for REST sends (Tencent's OptPlatform). */
  readonly platform: 'Web' | 'RESTAPI';
}

export type Verdict =
  | { readonly action: 'allow'; readonly content: Content; readonly cloudCustomData: string }
  | { readonly action: 'drop' }
  | { readonly action: 'reject'; readonly code: number; readonly message: string };

export interface ModerationStats {
  beforeCalls: number;
  beforeTimeouts: number;
  beforeErrors: number;
  afterCalls: number;
  afterErrors: number;
  afterSkipped: number;
}

const MAX_ANSWER_BYTES = 64 * 1024;

export class Moderation {
  readonly stats: ModerationStats = { beforeCalls: 0, beforeTimeouts: 0, beforeErrors: 0, afterCalls: 0, afterErrors: 0, afterSkipped: 0 };
  private readonly keywords: readonly string[];
  private readonly fetchImpl: typeof fetch;
  private inFlight = 0;

  constructor(private readonly opts: ModerationOptions) {
    this.keywords = opts.keywords.map((k) => k.toLowerCase()).filter(Boolean);
    this.fetchImpl = opts.fetch ?? fetch;
  }

  /** True when a text message hits the keyword list (Tencent answers 80001). */
  keywordHit(content: Content): boolean {
    if (content.type !== 'TIMTextElem' || this.keywords.length === 0) return false;
    const text = content.text.toLowerCase();
    return this.keywords.some((k) => text.includes(k));
  }

  /**
   * The business server in this process answers the before-send callback directly, with the
   * body and answer Tencent's HTTP callback has; a configured `beforeSendUrl` wins over it.
   */
  private handler: ((platform: string, body: Record<string, unknown>) => Record<string, unknown>) | undefined;

  useBeforeSendHandler(handler: ((platform: string, body: Record<string, unknown>) => Record<string, unknown>) | undefined): void {
    this.handler = handler;
  }

  get hasBeforeSend(): boolean {
    return !!this.opts.beforeSendUrl || !!this.handler;
  }

  /** Asks the business server; with no URL configured everything is allowed. */
  async beforeSend(m: CallbackMessage): Promise<Verdict> {
    const allow: Verdict = { action: 'allow', content: m.content, cloudCustomData: m.cloudCustomData };
    if (!this.opts.beforeSendUrl && !this.handler) return allow;
    this.stats.beforeCalls++;
    const body = {
      CallbackCommand: 'Group.CallbackBeforeSendMsg',
      GroupId: m.groupId,
      Type: 'AVChatRoom',
      From_Account: m.from,
      Operator_Account: m.operator,
      Random: m.random,
      OnlineOnlyFlag: 0,
      MsgBody: msgBodyOf(m.content),
      CloudCustomData: m.cloudCustomData,
      EventTime: Date.now(),
    };
    const answer = this.opts.beforeSendUrl
      ? await this.post(this.opts.beforeSendUrl, 'Group.CallbackBeforeSendMsg', m.platform, body)
      : this.callHandler(m.platform, body);
    if (answer === 'timeout' || answer === 'error') {
      if (answer === 'timeout') this.stats.beforeTimeouts++;
      else this.stats.beforeErrors++;
      return this.opts.timeoutPolicy === 'allow'
        ? allow
        : { action: 'reject', code: ERR.callbackRejected, message: `before-send callback ${answer}` };
    }
    const code = answer.ErrorCode;
    if (code === 0) {
      // The business server may rewrite the message (Tencent lets it answer a new MsgBody).
      const replaced = contentFromMsgBody(answer.MsgBody);
      const ccd = typeof answer.CloudCustomData === 'string' ? answer.CloudCustomData : m.cloudCustomData;
      return { action: 'allow', content: replaced ?? m.content, cloudCustomData: ccd };
    }
    if (code === 2) return { action: 'drop' };
    const info =
      typeof answer.ErrorInfo === 'string' && answer.ErrorInfo ? answer.ErrorInfo.slice(0, 200) : 'rejected by the business server';
    // Tencent passes custom codes in [120001, 130000] through to the sender; other codes mean 10016.
    if (typeof code === 'number' && code >= 120001 && code <= 130000) return { action: 'reject', code, message: info };
    return { action: 'reject', code: ERR.callbackRejected, message: info };
  }

  private callHandler(platform: string, body: Record<string, unknown>): Record<string, unknown> | 'error' {
    try {
      return this.handler?.(platform, body) ?? 'error';
    } catch {
      return 'error';
    }
  }

  /** Tells the business server a message was delivered; fire and forget. */
  afterSend(m: CallbackMessage & { readonly msgSeq: number; readonly msgTime: number }): void {
    if (!this.opts.afterSendUrl) return;
    if (this.inFlight >= (this.opts.maxInFlight ?? 64)) {
      this.stats.afterSkipped++;
      return;
    }
    this.stats.afterCalls++;
    const body = {
      CallbackCommand: 'Group.CallbackAfterSendMsg',
      GroupId: m.groupId,
      Type: 'AVChatRoom',
      From_Account: m.from,
      Operator_Account: m.operator,
      Random: m.random,
      MsgSeq: m.msgSeq,
      MsgTime: m.msgTime,
      OnlineOnlyFlag: 0,
      MsgBody: msgBodyOf(m.content),
      CloudCustomData: m.cloudCustomData,
      EventTime: Date.now(),
    };
    this.inFlight++;
    void this.post(this.opts.afterSendUrl, 'Group.CallbackAfterSendMsg', m.platform, body).then((r) => {
      this.inFlight--;
      if (r === 'timeout' || r === 'error') this.stats.afterErrors++;
    });
  }

  private async post(
    url: string,
    command: string,
    platform: string,
    body: unknown,
  ): Promise<Record<string, unknown> | 'timeout' | 'error'> {
    const target = new URL(url);
    target.searchParams.set('SdkAppid', String(this.opts.sdkAppId));
    target.searchParams.set('CallbackCommand', command);
    target.searchParams.set('contenttype', 'json');
    target.searchParams.set('ClientIP', '127.0.0.1');
    target.searchParams.set('OptPlatform', platform);
    const abort = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, this.opts.timeoutMs);
    try {
      const res = await this.fetchImpl(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: abort.signal,
      });
      const text = await readLimited(res, MAX_ANSWER_BYTES);
      if (!res.ok || text === undefined) return 'error';
      const parsed: unknown = JSON.parse(text);
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : 'error';
    } catch {
      return timedOut ? 'timeout' : 'error';
    } finally {
      clearTimeout(timer);
    }
  }
}

async function readLimited(res: Response, limit: number): Promise<string | undefined> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
