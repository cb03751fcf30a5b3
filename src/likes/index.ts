/** The like button, its floating hearts and the reconciled like total (see each module). */
export { HeartField, DEFAULT_HEART_COLORS, type Heart, type HeartFieldOptions, type HeartPose, type TapOutcome } from './heart-field.ts';
export { HeartLayer, type HeartLayerOptions, type HeartLayerStats } from './heart-layer.ts';
export { likeButton, likeButtonStyles, type LikeButtonProps } from './like-button.ts';
export {
  LikeCounter,
  INITIAL_LIKES,
  computedLikes,
  reduceLikes,
  type LikeCounterState,
  type LikeInput,
  type PendingSend,
} from './like-counter.ts';
export { likeResources, type LikeResources } from './like-resources.ts';
