/**
 * The gifts layer's public surface for the element (and hosts that build their own UI): catalog,
 * effect queue, banner lanes and renderer, effect player, the stage that glues them, styles and the
 * live-resource counter, and the gift button and panel templates. Importing this module loads no
 * lottie code (that happens on first effect).
 */
export { parseCatalog, createAssetGate, giftValue, giftImageUrl, giftEffectUrl, EMPTY_CATALOG } from './gift-catalog.ts';
export type { CatalogGift, CatalogOptions, GiftCatalog, AssetGateOptions } from './gift-catalog.ts';
export { loadCatalog, type CatalogLoadResult, type LoadCatalogOptions } from './load-catalog.ts';
export { createEffectQueue, type EffectQueue, type EffectQueueItem, type EffectQueueStats, type OfferResult } from './effect-queue.ts';
export { createBannerLanes, type BannerLanes, type BannerChange, type BannerStats } from './banner-lanes.ts';
export { createGiftBanners, type GiftBanners, type GiftBannersOptions } from './gift-banners.ts';
export { createEffectPlayer, type EffectPlayer, type EffectOutcome, type EffectFailure, type EffectRequest } from './effect-player.ts';
export { createEffectCache, sharedEffectCache, type EffectCache } from './effect-cache.ts';
export { createGiftStage, type GiftStage, type GiftStageOptions, type GiftStageStats } from './gift-stage.ts';
export { giftResources, type GiftResources } from './gift-resources.ts';
export { giftStyles, giftBannerStyles, giftEffectStyles } from './gift-styles.ts';
export { giftButton, giftPanel, giftPanelStyles, parseGiftCount, GIFT_PRESETS, GIFT_PANEL_ID, type GiftPanelProps } from './gift-panel.ts';
