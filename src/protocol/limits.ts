/** Hard limits of the protocol (docs/avchatroom.md#size-limits). One place, so tests and UI agree. */
export const LIMITS = {
  /** Tencent's message body limit. */
  bodyBytes: 12 * 1024,
  /** Characters of a chat/barrage text after trimming. */
  textChars: 500,
  nickChars: 32,
  userIdChars: 64,
  giftNameChars: 40,
  giftUnitsChars: 12,
  urlChars: 2048,
  idChars: 128,
  cmdChars: 64,
  /** Announcement (group `notification`) is ≤ 240 bytes, introduction ≤ 300 bytes. */
  announcementBytes: 240,
  introductionBytes: 300,
  systemTextChars: 500,
  giftCountMin: 1,
  giftCountMax: 9999,
  likeCountMin: 1,
  likeCountMax: 10_000,
  likeTotalMax: 1e12,
  audienceMax: 1e10,
  levelMax: 99,
  /** Nesting depth accepted in custom JSON. */
  jsonDepth: 8,
  /** Keys per object / items per array in custom `info`. */
  jsonBreadth: 64,
  /** Mute/ban seconds cap (about 10 years, Tencent caps at 0xFFFFFFFF). */
  secondsMax: 0xffffffff,
} as const;
