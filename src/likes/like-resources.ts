/**
 * The like button's view of the page's resource census (platform/resources.ts): what the hearts
 * count and the snapshot tests read.
 */
import { countResource, resourcesOf } from '../platform/resources.ts';

export interface LikeResources {
  /** Heart frame loops running now (a pending `requestAnimationFrame` chain). Zero when idle. */
  loops: number;
  /** Heart canvases created and not yet released. */
  canvases: number;
  /** Media-query / event listeners attached by the like modules. */
  listeners: number;
}

const KINDS = ['loops', 'canvases', 'listeners'] as const;

export function trackLikeResource(kind: keyof LikeResources, delta: 1 | -1): void {
  countResource('likes', kind, delta);
}

/** A snapshot of what is alive now. */
export function likeResources(): Readonly<LikeResources> {
  return resourcesOf('likes', KINDS);
}
