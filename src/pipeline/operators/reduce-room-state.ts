/**
 * `reduceRoomState`: control events and connection changes → the room view (state, mute, kick,
 * announcement, audience…). Never shed. Emits only when the view changes, so a poll that
 * returns the same audience count does not re-render anything.
 */
import { distinctUntilChanged, type OperatorFunction, scan, type SchedulerLike } from 'rxjs';
import type { ConnectionState, RoomEvent } from '../../protocol/index.ts';
import { INITIAL_ROOM_VIEW, type RoomView } from '../types.ts';

export type ControlInput = RoomEvent | { readonly kind: 'connection'; readonly state: ConnectionState };

const CONTROL_KINDS = new Set(['room-state', 'announcement', 'introduction', 'audience', 'like-total', 'mute', 'ban', 'kick']);

export function isControl(e: RoomEvent): boolean {
  return CONTROL_KINDS.has(e.kind);
}

/** The pure reducer. `now` is the scheduler's time, used for mute/ban expiry. */
export function roomReducer(view: RoomView, input: ControlInput, now: number): RoomView {
  switch (input.kind) {
    case 'connection':
      return view.connection === input.state ? view : { ...view, connection: input.state };
    case 'room-state': {
      const next: RoomView = {
        ...view,
        state: input.state,
        startTime: input.startTime ?? (input.state === 'upcoming' ? view.startTime : undefined),
        streamUrl: input.streamUrl ?? view.streamUrl,
        replayUrl: input.replayUrl ?? view.replayUrl,
      };
      return same(view, next) ? view : next;
    }
    case 'announcement':
      return view.announcement === input.text ? view : { ...view, announcement: input.text };
    case 'introduction':
      return view.introduction === input.text ? view : { ...view, introduction: input.text };
    case 'audience':
      return view.audience === input.count ? view : { ...view, audience: input.count };
    case 'like-total':
      return view.likeTotal !== undefined && view.likeTotal >= input.total ? view : { ...view, likeTotal: input.total };
    case 'mute': {
      if (input.scope === 'all') return view.muteAll === input.muted ? view : { ...view, muteAll: input.muted };
      if (!input.own) return view;
      const until = input.muted ? now + input.seconds * 1000 : 0;
      return view.selfMutedUntil === until ? view : { ...view, selfMutedUntil: until };
    }
    case 'ban': {
      if (!input.own) return view;
      const until = input.seconds > 0 ? now + input.seconds * 1000 : 0;
      return { ...view, selfBannedUntil: until, ...(until > 0 ? { kicked: 'banned' as const } : {}) };
    }
    case 'kick':
      return input.own ? { ...view, kicked: input.reason } : view;
    default:
      return view;
  }
}

function same(a: RoomView, b: RoomView): boolean {
  return a.state === b.state && a.startTime === b.startTime && a.streamUrl === b.streamUrl && a.replayUrl === b.replayUrl;
}

export function reduceRoomState(scheduler: SchedulerLike, initial: RoomView = INITIAL_ROOM_VIEW): OperatorFunction<ControlInput, RoomView> {
  return (source) =>
    source.pipe(
      scan((view: RoomView, input: ControlInput) => roomReducer(view, input, scheduler.now()), initial),
      distinctUntilChanged(),
    );
}
