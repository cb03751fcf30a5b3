/** The pipeline: pure RxJS. Imports only `protocol/` and rxjs. */
export * from './types.ts';
export {
  createRoomPipeline,
  type RoomPipeline,
  type RoomPipelineInputs,
  type RoomPipelineOptions,
  type TextRequest,
} from './create-room-pipeline.ts';
export { aggregateLikes } from './operators/aggregate-likes.ts';
export { countMetrics, type MetricSignal } from './operators/count-metrics.ts';
export { decodeFrames, type ContextInfo, type Decoded } from './operators/decode-frames.ts';
export { dedupeById, type Deduped } from './operators/dedupe-by-id.ts';
export { emitSome, type Some } from './operators/emit-some.ts';
export { foldSpam } from './operators/fold-spam.ts';
export { giftCombo, giftComboKey } from './operators/gift-combo.ts';
export { mergeGiftTaps, type GiftBatch, type GiftTap } from './operators/merge-gift-taps.ts';
export { reduceRoomState, roomReducer, isControl, type ControlInput } from './operators/reduce-room-state.ts';
export { shedByPriority, type Shed } from './operators/shed-by-priority.ts';
export { tokenBucket, type Admission } from './operators/token-bucket.ts';
export { trackEchoes } from './operators/track-echoes.ts';
export { isolateBranch, type PipelineBranch } from './operators/isolate-branch.ts';
