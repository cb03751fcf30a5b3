/**
 * The inbound decoder: one `InboundFrame` (untrusted) → validated `RoomEvent`s or a counted drop.
 * Never throws: every failure, including a bug-triggering input, becomes `{ok: false}`.
 */
import { ATTR } from './commands.ts';
import type { DecodeContext } from './context.ts';
import { decodeCustom, decodeRoomState, type EventBase } from './envelope.ts';
import { LIMITS } from './limits.ts';
import { cleanId, cleanText, intIn, isRecord } from './sanitize.ts';
import { makeSender, readMeta, SYSTEM_SENDER } from './sender.ts';
import { decodeSystemNotice, decodeTip, profileEvents } from './tips.ts';
import type { DecodeResult, InboundFrame, KickReason, Priority, RoomEvent, TextEvent } from './types.ts';

/** A Map, not an object: a wire priority of `toString` or `__proto__` must find nothing. */
const PRIORITY_OF: ReadonlyMap<unknown, Priority> = new Map([
  ['High', 'high'],
  ['Normal', 'normal'],
  ['Low', 'low'],
  ['Lowest', 'lowest'],
]);
const KICK_REASONS: readonly KickReason[] = [
  'multipleAccount',
  'multipleDevice',
  'userSigExpired',
  'REST_API_Kick',
  'banned',
  'roomDismissed',
];

const fail = (reason: Extract<DecodeResult, { ok: false }>['reason'], detail?: string): DecodeResult => ({
  ok: false,
  reason,
  ...(detail ? { detail } : {}),
});

/** Tencent sends seconds; we use milliseconds. Values that look like ms are kept. */
function timeMs(v: unknown, now: number): number {
  const n = typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined;
  if (n === undefined) return now;
  return n < 1e11 ? Math.round(n * 1000) : Math.round(n);
}

export function decodeFrame(frame: InboundFrame, ctx: DecodeContext): DecodeResult {
  try {
    return decodeUnsafe(frame, ctx);
  } catch (err) {
    // A decoder bug must not break the pipeline: count it like any other bad input.
    return fail('bad-field', `decoder: ${(err as Error)?.message ?? 'error'}`.slice(0, 120));
  }
}

function controlBase(id: string, time: unknown, ctx: DecodeContext): EventBase {
  return { id, time: timeMs(time, ctx.now), priority: 'high', sender: SYSTEM_SENDER, own: false };
}

function decodeUnsafe(frame: InboundFrame, ctx: DecodeContext): DecodeResult {
  if (!isRecord(frame)) return fail('not-object');
  switch (frame.kind) {
    case 'message':
      return decodeMessage(frame.message, ctx);
    case 'modified': {
      const r = decodeMessage(frame.message, ctx);
      if (!r.ok) return r;
      const text = r.events[0];
      if (!text || text.kind !== 'text') return fail('bad-type', 'modified non-text');
      return { ok: true, events: [{ ...text, kind: 'modify', targetId: text.id, text: text.text, id: `${text.id}:mod:${text.time}` }] };
    }
    case 'revoked': {
      const ids = Array.isArray(frame.ids)
        ? frame.ids
            .slice(0, 100)
            .map((i) => cleanId(i))
            .filter((i): i is string => !!i)
        : [];
      if (!ids.length) return fail('empty');
      return {
        ok: true,
        events: ids.map((targetId) => ({ ...controlBase(`${targetId}:recall`, undefined, ctx), kind: 'recall' as const, targetId })),
      };
    }
    case 'attributes': {
      if (!isRecord(frame.attributes)) return fail('bad-field', 'attributes');
      const a = frame.attributes;
      const info: Record<string, unknown> = {
        state: a[ATTR.state],
        startTime: a[ATTR.startTime],
        streamUrl: a[ATTR.streamUrl],
        replayUrl: a[ATTR.replayUrl],
      };
      if (info.state === undefined) return fail('empty');
      return decodeRoomState(
        info,
        controlBase(
          `attr:${typeof info.state === 'string' ? info.state : typeof info.state}:${timeMs(frame.time, ctx.now)}`,
          frame.time,
          ctx,
        ),
        ctx,
      );
    }
    case 'profile': {
      if (!isRecord(frame.profile)) return fail('bad-field', 'profile');
      const events: RoomEvent[] = [];
      const base = controlBase(`profile:${timeMs(frame.time, ctx.now)}`, frame.time, ctx);
      profileEvents(frame.profile, base, events);
      const memberNum = intIn(frame.profile.memberNum ?? frame.profile.memberCount, 0, LIMITS.audienceMax);
      if (memberNum !== undefined) events.push({ ...base, id: `${base.id}:n`, kind: 'audience', count: memberNum });
      return events.length ? { ok: true, events } : fail('empty');
    }
    case 'audience': {
      const count = intIn(frame.count, 0, LIMITS.audienceMax);
      if (count === undefined) return fail('bad-field', 'audience');
      return { ok: true, events: [{ ...controlBase(`aud:${timeMs(frame.time, ctx.now)}`, frame.time, ctx), kind: 'audience', count }] };
    }
    case 'like-total': {
      const total = intIn(frame.total, 0, LIMITS.likeTotalMax);
      if (total === undefined) return fail('bad-field', 'like-total');
      return { ok: true, events: [{ ...controlBase(`likes:${timeMs(frame.time, ctx.now)}`, frame.time, ctx), kind: 'like-total', total }] };
    }
    case 'kicked': {
      const reason = KICK_REASONS.find((r) => r === frame.reason) ?? 'unknown';
      return {
        ok: true,
        events: [
          {
            ...controlBase(`kick:${timeMs(frame.time, ctx.now)}`, frame.time, ctx),
            kind: 'kick',
            reason,
            own: true,
            ...(ctx.selfId ? { userId: ctx.selfId } : {}),
          },
        ],
      };
    }
    default:
      return fail('unknown-type', 'frame');
  }
}

export function decodeMessage(m: unknown, ctx: DecodeContext): DecodeResult {
  if (!isRecord(m)) return fail('not-object');
  if (m.isRevoked === true) return fail('revoked');
  if (m.hasRiskContent === true) return fail('risk');
  const id = cleanId(m.ID);
  if (!id) return fail('bad-field', 'ID');
  const payload = m.payload;
  if (!isRecord(payload)) return fail('bad-field', 'payload');
  const meta = readMeta(m.cloudCustomData);
  const wirePriority: Priority = PRIORITY_OF.get(m.priority) ?? 'normal';
  const time = timeMs(m.time, ctx.now);

  if (m.type === 'TIMGroupTipElem' || m.type === 'TIMGroupSystemNoticeElem') {
    const base: EventBase = { id, time, priority: 'high', sender: SYSTEM_SENDER, own: false };
    return m.type === 'TIMGroupTipElem' ? decodeTip(payload, base, ctx) : decodeSystemNotice(payload, base, ctx);
  }

  const sender = makeSender(m.from, m.nick, m.avatar, meta, ctx);
  if (!sender) return fail('bad-field', 'from');
  // A viewer's wire priority never lifts its message above Normal in our shedding.
  const priority: Priority = wirePriority === 'high' && !sender.trusted ? 'normal' : wirePriority;
  const own = ctx.selfId !== undefined && sender.id === ctx.selfId;
  // Built without spreads: this is the hot path of every message (see bench:pipeline).
  const base: EventBase = meta.clientId
    ? { id, time, priority, sender, own, clientId: meta.clientId }
    : { id, time, priority, sender, own };

  switch (m.type) {
    case 'TIMTextElem': {
      if (typeof payload.text !== 'string') return fail('bad-field', 'text');
      const text = cleanText(payload.text, LIMITS.textChars);
      if (!text) return fail('empty');
      if (m.isBroadcastMessage === true)
        return { ok: true, events: [{ ...base, sender: SYSTEM_SENDER, own: false, kind: 'system', text }] };
      const event: TextEvent = meta.clientId
        ? { kind: 'text', id, time, priority, sender, own, clientId: meta.clientId, text }
        : { kind: 'text', id, time, priority, sender, own, text };
      return { ok: true, events: [event] };
    }
    case 'TIMCustomElem':
      return decodeCustom(payload.data, base, ctx);
    default:
      return fail('unknown-type', typeof m.type === 'string' ? m.type.slice(0, 40) : 'type');
  }
}
