/**
 * Outbound mapping: an `OutboundWire` becomes an SDK group message with the right
 * `MSG_PRIORITY_*`, and an SDK send answer or error becomes a `SendResult`. Pure apart from the
 * SDK's `create*Message` factories it is handed.
 */
import { failureFromCode, type OutboundWire, type Priority, type SendResult } from '../../protocol/index.ts';
import { TYPES, type ChatApi, type SdkMessage } from './sdk-types.ts';

const PRIORITY = {
  high: TYPES.MSG_PRIORITY_HIGH,
  normal: TYPES.MSG_PRIORITY_NORMAL,
  low: TYPES.MSG_PRIORITY_LOW,
  lowest: TYPES.MSG_PRIORITY_LOWEST,
} as const satisfies Record<Priority, unknown>;

export function createSdkMessage(
  chat: Pick<ChatApi, 'createTextMessage' | 'createCustomMessage'>,
  roomId: string,
  wire: OutboundWire,
): SdkMessage {
  const common = {
    to: roomId,
    conversationType: TYPES.CONV_GROUP,
    priority: PRIORITY[wire.priority] ?? TYPES.MSG_PRIORITY_NORMAL,
    cloudCustomData: wire.cloudCustomData,
  };
  if (wire.type === 'TIMTextElem') return chat.createTextMessage({ ...common, payload: { text: wire.text } });
  return chat.createCustomMessage({
    ...common,
    payload: { data: wire.data, description: wire.description, extension: wire.extension },
  });
}

/** `sendMessage` resolves with `{ data: { message } }`; the server's id and time settle the send. */
export function sentResult(answer: unknown, created: SdkMessage | undefined, nowMs: number): SendResult {
  const message = (answer as { data?: { message?: Partial<SdkMessage> } } | undefined)?.data?.message;
  const id = typeof message?.ID === 'string' && message.ID ? message.ID : created?.ID;
  const seconds = typeof message?.time === 'number' && message.time > 0 ? message.time : undefined;
  if (!id) return { ok: false, reason: 'unknown', message: 'The SDK answered without a message id' };
  return { ok: true, id, time: seconds !== undefined ? seconds * 1000 : nowMs };
}

export function failedResult(err: unknown): Extract<SendResult, { ok: false }> {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'number' ? e.code : typeof e.code === 'string' && /^\d+$/.test(e.code) ? Number(e.code) : undefined;
  return {
    ok: false,
    reason: failureFromCode(code),
    ...(code !== undefined ? { code } : {}),
    ...(typeof e.message === 'string' && e.message ? { message: e.message.slice(0, 200) } : {}),
  };
}
