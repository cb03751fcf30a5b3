/**
 * Group tips (`TIMGroupTipElem`) and group system notices (`TIMGroupSystemNoticeElem`): joins,
 * quits, kicks, profile changes (mute-all, announcement), member mute times, live-room bans.
 */
import { NOTICE, TIP } from './commands.ts';
import type { DecodeContext } from './context.ts';
import type { EventBase } from './envelope.ts';
import { LIMITS } from './limits.ts';
import { capBytes, cleanId, cleanText, intIn, isRecord } from './sanitize.ts';
import { SYSTEM_SENDER } from './sender.ts';
import type { DecodeResult, RoomEvent } from './types.ts';

const fail = (reason: Extract<DecodeResult, { ok: false }>['reason'], detail?: string): DecodeResult => ({
  ok: false,
  reason,
  ...(detail ? { detail } : {}),
});
const many = (events: RoomEvent[]): DecodeResult => (events.length ? { ok: true, events } : fail('empty'));

/** User ids named by a tip, from `userIDList` or `memberList[].userID`, capped. */
function userIds(payload: Record<string, unknown>): string[] {
  const list = Array.isArray(payload.userIDList)
    ? payload.userIDList
    : Array.isArray(payload.memberList)
      ? payload.memberList.map((m) => (isRecord(m) ? m.userID : undefined))
      : [];
  return list
    .slice(0, 50)
    .map((u) => cleanId(u, LIMITS.userIdChars))
    .filter((u): u is string => !!u);
}

export function decodeTip(payload: unknown, base: EventBase, ctx: DecodeContext): DecodeResult {
  if (!isRecord(payload)) return fail('bad-field', 'tip payload');
  const op = intIn(payload.operationType, 0, 255);
  const sys = { ...base, sender: SYSTEM_SENDER, own: false };
  const events: RoomEvent[] = [];
  const memberNum = intIn(payload.memberNum, 0, LIMITS.audienceMax);
  switch (op) {
    case TIP.join:
    case TIP.quit: {
      const kind = op === TIP.join ? 'member-enter' : 'member-leave';
      const users = userIds(payload);
      const userInfo = isRecord(payload.operatorInfo) ? payload.operatorInfo : {};
      users.forEach((id, i) => {
        const nick = (users.length === 1 ? cleanText(userInfo.nick, LIMITS.nickChars) : undefined) ?? id;
        events.push({ ...base, id: `${base.id}:${i}`, kind, sender: { id, nick, level: 0, role: 'member' }, own: id === ctx.selfId });
      });
      if (memberNum !== undefined) events.push({ ...sys, id: `${base.id}:n`, kind: 'audience', count: memberNum });
      return many(events);
    }
    case TIP.kicked:
      for (const id of userIds(payload)) {
        events.push({ ...sys, id: `${base.id}:${id}`, kind: 'kick', reason: 'REST_API_Kick', userId: id, own: id === ctx.selfId });
      }
      return many(events);
    case TIP.groupProfile: {
      const p = payload.newGroupProfile;
      if (!isRecord(p)) return fail('bad-field', 'newGroupProfile');
      profileEvents(p, sys, events);
      return many(events);
    }
    case TIP.memberProfile: {
      const list = Array.isArray(payload.memberList) ? payload.memberList.slice(0, 50) : [];
      for (const m of list) {
        if (!isRecord(m)) continue;
        const id = cleanId(m.userID, LIMITS.userIdChars);
        const seconds = intIn(m.muteTime, 0, LIMITS.secondsMax);
        if (!id || seconds === undefined) continue;
        events.push({
          ...sys,
          id: `${base.id}:${id}`,
          kind: 'mute',
          scope: 'member',
          userId: id,
          seconds,
          muted: seconds > 0,
          own: id === ctx.selfId,
        });
      }
      return many(events);
    }
    case TIP.banned:
    case TIP.unbanned: {
      const seconds = op === TIP.unbanned ? 0 : (intIn(payload.duration ?? payload.banTime ?? 0, 0, LIMITS.secondsMax) ?? 0);
      for (const id of userIds(payload)) {
        events.push({ ...sys, id: `${base.id}:${id}`, kind: 'ban', userId: id, seconds, own: id === ctx.selfId });
      }
      return many(events);
    }
    case TIP.setAdmin:
    case TIP.cancelAdmin:
      return fail('unknown-tip', String(op)); // not shown in a live room; dropped and counted
    default:
      return fail('unknown-tip', String(op));
  }
}

/** Events for a group profile (tip or snapshot): mute-all, announcement, introduction. */
export function profileEvents(p: Record<string, unknown>, base: EventBase, out: RoomEvent[]): void {
  if (typeof p.muteAllMembers === 'boolean') {
    out.push({ ...base, id: `${base.id}:muteAll`, kind: 'mute', scope: 'all', seconds: p.muteAllMembers ? 1 : 0, muted: p.muteAllMembers });
  }
  if (typeof p.notification === 'string') {
    out.push({
      ...base,
      id: `${base.id}:notification`,
      kind: 'announcement',
      text: capBytes(cleanText(p.notification, LIMITS.announcementBytes) ?? '', LIMITS.announcementBytes),
    });
  }
  if (typeof p.introduction === 'string') {
    out.push({
      ...base,
      id: `${base.id}:introduction`,
      kind: 'introduction',
      text: capBytes(cleanText(p.introduction, LIMITS.introductionBytes) ?? '', LIMITS.introductionBytes),
    });
  }
}

export function decodeSystemNotice(payload: unknown, base: EventBase, ctx: DecodeContext): DecodeResult {
  if (!isRecord(payload)) return fail('bad-field', 'notice payload');
  const op = intIn(payload.operationType, 0, 255);
  const sys = { ...base, sender: SYSTEM_SENDER };
  switch (op) {
    case NOTICE.kickedOut:
      return {
        ok: true,
        events: [{ ...sys, kind: 'kick', reason: 'REST_API_Kick', own: true, ...(ctx.selfId ? { userId: ctx.selfId } : {}) }],
      };
    case NOTICE.dismissed:
      return { ok: true, events: [{ ...sys, kind: 'kick', reason: 'roomDismissed', own: true }] };
    case NOTICE.custom: {
      const text = cleanText(payload.userDefinedField, LIMITS.systemTextChars);
      return text ? { ok: true, events: [{ ...sys, kind: 'system', text, own: false }] } : fail('empty');
    }
    default:
      return fail('unknown-tip', `notice ${String(op)}`);
  }
}
