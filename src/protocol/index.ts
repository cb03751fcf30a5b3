/** The protocol: pure data and pure functions. Imports nothing of ours outside this folder. */
export * from './types.ts';
export * from './limits.ts';
export * from './commands.ts';
export type { DecodeContext } from './context.ts';
export { decodeFrame, decodeMessage } from './decode.ts';
export { encodeCommand, encodeGiftMessage, encodeLike, encodeText, type EncodeResult } from './encode.ts';
export { encodeEnvelope, encodeGift, giftInfoOf } from './envelope.ts';
export { failureFromCode, isRetryable } from './errors.ts';
export { cleanText, safeUrl, parseJson, utf8Bytes, type UrlPolicy } from './sanitize.ts';
export { encodeMeta, readMeta, SYSTEM_SENDER, type MessageMeta } from './sender.ts';
export { avatarUrl, isTrustedId, SYSTEM_IDS } from './sender.ts';
export { listOf, urlAllowList } from './url-allow-list.ts';
