/**
 * `updateRoom()` data: room facts the host changes locally (e.g. from its own backend), turned into
 * the frames the room itself would send, so they take the same decoder and reducer (bad values are
 * dropped and counted, never applied).
 */
import type { InboundFrame } from '../protocol/index.ts';

export interface RoomUpdate {
  readonly announcement?: string;
  readonly introduction?: string;
  readonly state?: 'upcoming' | 'live' | 'paused' | 'ended' | 'replay';
  /** ms since epoch (for `upcoming`). */
  readonly startTime?: number;
  readonly streamUrl?: string;
  readonly replayUrl?: string;
  readonly audience?: number;
  readonly likeTotal?: number;
}

/** The frames an update is decoded from: the same decoder and reducer as the room's own data. */
export function roomFrames(u: RoomUpdate, time: number): InboundFrame[] {
  const frames: InboundFrame[] = [];
  if (u.state !== undefined) {
    const attributes: Record<string, string | number> = { state: u.state };
    if (u.startTime !== undefined) attributes.startTime = u.startTime;
    if (u.streamUrl !== undefined) attributes.streamUrl = u.streamUrl;
    if (u.replayUrl !== undefined) attributes.replayUrl = u.replayUrl;
    frames.push({ kind: 'attributes', attributes, time });
  }
  if (u.announcement !== undefined || u.introduction !== undefined) {
    frames.push({
      kind: 'profile',
      profile: {
        ...(u.announcement !== undefined ? { notification: u.announcement } : {}),
        ...(u.introduction !== undefined ? { introduction: u.introduction } : {}),
      },
      time,
    });
  }
  if (u.audience !== undefined) frames.push({ kind: 'audience', count: u.audience, time });
  if (u.likeTotal !== undefined) frames.push({ kind: 'like-total', total: u.likeTotal, time });
  return frames;
}
