import type { UrlPolicy } from './sanitize.ts';

/** What a decoder needs to know about its surroundings; passed in so decoding stays pure. */
export interface DecodeContext extends UrlPolicy {
  /** The logged-in user's id (own messages, own mute/kick); absent for guests. */
  readonly selfId?: string;
  /** The anchor's user id, for the anchor badge. */
  readonly anchorId?: string;
  /** Fallback clock (ms) for frames without a usable time — the pipeline's scheduler.now(). */
  readonly now: number;
}
