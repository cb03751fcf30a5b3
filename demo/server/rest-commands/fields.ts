/**
 * Reading fields of REST request bodies the way Tencent validates them: a wrong or missing
 * required field answers 10004 (invalid parameter) naming the field.
 */
import type { RoomEngine } from '../engine.ts';
import { ChatError, ERR } from '../errors.ts';

export type Body = Readonly<Record<string, unknown>>;

/** What a command handler answers besides ActionStatus/ErrorCode/ErrorInfo. */
export type RestAnswer = Record<string, unknown>;
export type RestHandler = (body: Body, engine: RoomEngine) => RestAnswer | Promise<RestAnswer>;

const bad = (field: string, why = 'is invalid'): ChatError => new ChatError(ERR.invalidParam, `${field} ${why}`);

export function reqString(body: Body, key: string, max = 4096): string {
  const v = body[key];
  if (typeof v !== 'string' || v.length === 0) throw bad(key, 'is required');
  if (v.length > max) throw bad(key, 'is too long');
  return v;
}

export function optString(body: Body, key: string, max = 64 * 1024): string | undefined {
  const v = body[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v.length > max) throw bad(key);
  return v;
}

export function optInt(body: Body, key: string, min: number, max: number): number | undefined {
  const v = body[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw bad(key, `must be an integer in [${min}, ${max}]`);
  return v;
}

/** A list of user ids (`Members_Account`…), 1..max entries. */
export function accounts(body: Body, key: string, max: number): string[] {
  const v = body[key];
  if (!Array.isArray(v) || v.length === 0) throw bad(key, 'is required');
  if (v.length > max) throw bad(key, `holds at most ${max} accounts`);
  return v.map((a, i) => {
    if (typeof a !== 'string' || a.length === 0 || a.length > 32) throw bad(`${key}[${i}]`);
    return a;
  });
}

/** "On"/"Off" switches such as MuteAllMember. */
export function optOnOff(body: Body, key: string): boolean | undefined {
  const v = body[key];
  if (v === undefined) return undefined;
  if (v === 'On') return true;
  if (v === 'Off') return false;
  throw bad(key, 'must be "On" or "Off"');
}

export function groupId(body: Body): string {
  return reqString(body, 'GroupId', 64);
}
