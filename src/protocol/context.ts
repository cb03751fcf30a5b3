import type { UrlPolicy } from './sanitize.ts';

/** What a decoder needs to know about its surroundings; passed in so decoding stays pure. */
export interface DecodeContext extends UrlPolicy {
  /** The logged-in user's id (own messages, own mute/kick); absent for guests. */
  readonly selfId?: string | undefined;
  /** The anchor's user id, for the anchor badge. */
  readonly anchorId?: string | undefined;
  /**
   * Who may send control commands, gifts and role claims: the REST admin identity, system
   * senders, the anchor and host-listed ids are added by `trustedSender` (see sender.ts).
   */
  readonly trustedIds?: ReadonlySet<string> | undefined;
  /**
   * The room server's URL (`emulator-url`): a root-relative stream or replay URL from the room is
   * resolved against it, not against the page (an embed on another origin). Absent: the page's.
   */
  readonly roomBase?: string | undefined;
  /** Allow-list for stream, replay and poster URLs from the room (stream hosts); default: none but the page's origin. */
  readonly allowMediaUrl?: ((url: string) => boolean) | undefined;
  /** Allow-list for avatar URLs from messages; default: none (a generated avatar is shown). */
  readonly allowAvatarUrl?: ((url: string) => boolean) | undefined;
  /** Fallback clock (ms) for frames without a usable time — the pipeline's scheduler.now(). */
  readonly now: number;
}
