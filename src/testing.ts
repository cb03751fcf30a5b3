/**
 * `live-chat-room/testing`: a scripted transport for hosts' own tests and offline demos (it brings
 * RxJS with it, so it is not part of the main entry, which stays small for pages), and
 * `inspectRoom`, which reads back what a mounted room paints (barrage, hearts, gift effects), and
 * `liveResources`, the page's resource census.
 */
import { INSPECT, type Inspectable, type RoomInspection } from './element/room-inspection.ts';

export { FakeTransport, type FakeTransportOptions } from './transport/fake/fake-transport.ts';
export type { BarrageView, RoomInspection } from './element/room-inspection.ts';
/** The page's live-resource census (`area.kind` → count): what is still alive after a teardown. */
export { liveResources } from './platform/resources.ts';

/** What a `<live-chat-room>` shows right now, for assertions (read-only). */
export function inspectRoom(el: HTMLElement): RoomInspection {
  const room = el as HTMLElement & Partial<Inspectable>;
  if (typeof room[INSPECT] !== 'function') throw new TypeError('inspectRoom: not a <live-chat-room> element');
  return room[INSPECT]();
}
