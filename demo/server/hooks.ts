/**
 * The seams between the emulator core and the modules other parts of the demo plug into it:
 * the crowd simulator (`crowd.ts`) and the live HLS origin (`hls-origin.ts`). Types only, so
 * both sides import them from here.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type CrowdPriority = 'High' | 'Normal' | 'Low' | 'Lowest';

/** What the crowd simulator may do in one room; implemented by the emulator over its room engine. */
export interface CrowdApi {
  /** Adds a virtual member (counts in the audience; members see a join tip). */
  join(userId: string, nick: string, level: number): void;
  leave(userId: string): void;
  /** A text message (Normal), through moderation and frequency control like any other. */
  sendText(userId: string, text: string): void;
  /** An aggregated like message (Low). */
  sendLike(userId: string, count: number): void;
  /** A gift message (High) from the catalog; bypasses the wallet. Unknown gift ids are ignored. */
  sendGift(userId: string, giftId: string, count: number): void;
  /** Any custom message: `data` is the envelope text for `payload.data`. */
  sendCustom(userId: string, data: string, priority: CrowdPriority): void;
}

export interface CrowdOptions {
  readonly roomId: string;
  readonly api: CrowdApi;
  readonly random?: () => number;
  readonly textsPerSecond?: number;
  readonly likeBurstsPerMinute?: number;
  readonly giftsPerMinute?: number;
  readonly viewers?: number;
}

export interface Crowd {
  start(): void;
  stop(): void;
  flood(ratePerSecond: number, seconds: number): void;
  readonly running: boolean;
}

export type CrowdFactory = (opts: CrowdOptions) => Crowd;

/** What the HLS origin needs to know about a room. */
export interface HlsRoomView {
  state: 'upcoming' | 'live' | 'paused' | 'ended' | 'replay';
  /** Scheduled start (ms since epoch). */
  startTime?: number;
  /** When the room went live (ms). */
  liveSince?: number;
  /** When it ended (ms). */
  endedAt?: number;
}

export interface HlsOrigin {
  /** Handles paths under `/hls/`; answers false for anything else. */
  handle(req: IncomingMessage, res: ServerResponse, lookupRoom: (roomId: string) => HlsRoomView | undefined): boolean;
}
