/**
 * Pure helpers of the element's wiring: the session config from its public properties, and the
 * custom states (`:state(live)`, `:state(guest)`, …) from the room view.
 */
import type { SessionConfig } from '../store/room-session.ts';
import type { RoomView } from '../pipeline/types.ts';
import { listOf, urlAllowList } from '../protocol/index.ts';
import type { RoomProperties } from './room-properties.ts';

/** The room server's origin (`emulator-url`), where its HLS origin serves streams. */
function roomServerOrigin(el: RoomProperties): string | undefined {
  if (!el.emulatorUrl) return undefined;
  try {
    return new URL(el.emulatorUrl, location.href).origin;
  } catch {
    return undefined;
  }
}

/** The URL policies and trusted ids the decoder applies (docs/security.md). */
function trustOf(el: RoomProperties): Pick<SessionConfig, 'trustedIds' | 'allowMediaUrl' | 'allowAvatarUrl'> {
  const origin = location.origin;
  const server = roomServerOrigin(el);
  const media = urlAllowList([...listOf(el.streamHosts), ...(server && server !== origin ? [server] : [])], origin);
  const hosts = urlAllowList(el.avatarHosts, origin);
  const allow = el.allowUrl;
  const avatar = hosts && allow ? (url: string) => hosts(url) || allow(url) : (hosts ?? allow);
  const trusted = listOf(el.trustedSenders);
  return {
    ...(trusted.length ? { trustedIds: new Set(trusted) } : {}),
    ...(media ? { allowMediaUrl: media } : {}),
    ...(avatar ? { allowAvatarUrl: avatar } : {}),
  };
}

/** What the room session needs, or undefined while there is no room id. */
export function sessionConfigOf(el: RoomProperties): SessionConfig | undefined {
  if (!el.roomId) return undefined;
  return {
    roomId: el.roomId,
    identity: el.userId
      ? {
          kind: 'user' as const,
          userId: el.userId,
          ...(el.userSig ? { userSig: el.userSig } : {}),
          ...(el.userSigUrl ? { userSigUrl: el.userSigUrl } : {}),
          ...(el.nick ? { nick: el.nick } : {}),
        }
      : { kind: 'guest' as const },
    ...(el.transport ? { transport: el.transport } : {}),
    ...(el.emulatorUrl ? { emulatorUrl: el.emulatorUrl } : {}),
    ...(el.sdkAppId ? { sdkAppId: el.sdkAppId } : {}),
    ...(el.chat ? { chat: el.chat } : {}),
    ...(el.anchor?.userId ? { anchorId: el.anchor.userId } : {}),
    ...(el.allowUrl ? { allowUrl: el.allowUrl } : {}),
    ...trustOf(el),
    likeWindowMs: Math.max(250, Number(el.likeWindow) || 1000),
  };
}

/** Makes the element's custom states match the room: its state, the connection, kicked, guest, and the video's (`video-stalled`, …). */
export function applyStates(states: CustomStateSet, room: RoomView, guest: boolean, video: string): void {
  const want = new Set<string>([`video-${video}`]);
  if (room.state !== 'unknown') want.add(room.state);
  want.add(room.connection);
  if (room.kicked) want.add('kicked');
  if (guest) want.add('guest');
  for (const s of [...states]) if (!want.has(s)) states.delete(s);
  for (const s of want) states.add(s);
}
