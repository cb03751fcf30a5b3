/**
 * What a mounted room shows, read back for tests (`inspectRoom` in `live-chat-room/testing`):
 * renderer counters and state the DOM cannot tell (the barrage is a canvas, hearts and effects
 * are painted). Read-only views; nothing here changes the room.
 */
import type { BarrageInspection, BarrageRuntimeSettings, BarrageStats } from '../barrage/barrage-types.ts';
import type { GiftStageStats } from '../gifts/gift-stage.ts';
import type { HeartLayerStats } from '../likes/heart-layer.ts';
import type { PlayerState } from '../player/player-state.ts';

export const INSPECT: unique symbol = Symbol.for('live-chat-room.inspect');

export interface BarrageView {
  readonly paused: boolean;
  /** How many items the renderer would take now (0 while paused, hidden or off). */
  freeCapacity(): number;
  stats(): BarrageStats;
  /** The settings the renderer paints with (font size, speed, area…). */
  settings(): BarrageRuntimeSettings;
  /** The painter's items and, when asked, its pixels. */
  inspect(options?: { pixels?: boolean }): Promise<BarrageInspection>;
}

export interface RoomInspection {
  /** The barrage renderer, while one is on stage (undefined when off or not made yet). */
  readonly barrage: BarrageView | undefined;
  /** The kind of the running session's transport (`tencent`, `emulator`, a host transport's own), if any. */
  readonly backend: string | undefined;
  /** The player's full state (`videoState` is its status). */
  readonly player: PlayerState | undefined;
  /** Once the interactions chunk is loaded: the like count shown and the heart layer's counters. */
  readonly likes: { readonly total: number; readonly hearts: HeartLayerStats | undefined } | undefined;
  /** Once the gift stage exists: banners, effect queue and player counters. */
  readonly gifts: GiftStageStats | undefined;
}

export interface Inspectable {
  [INSPECT](): RoomInspection;
}
